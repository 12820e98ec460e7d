"""Build hook: the "link to this section" mark of every heading, labelled in the page's language.

The table-of-contents extension writes one English title ("Permanent link") for every
language, since static-i18n shares the Markdown settings; each language's label comes
from its UI strings (extra.ui.section_link) instead, as title and accessible name.
"""

from __future__ import annotations

import html
import re

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit import mkdocs_env

HEADER_LINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="[^"]*">')


def label_section_links(page_html: str, label: str) -> str:
    text = html.escape(label, quote=True)
    return HEADER_LINK.sub(
        lambda match: (
            f'<a class="headerlink" href="#{match.group(1)}" title="{text}" aria-label="{text}">'
        ),
        page_html,
    )


def on_page_content(page_html, page, config, files):
    return label_section_links(page_html, mkdocs_env.ui_strings(config)["section_link"])
