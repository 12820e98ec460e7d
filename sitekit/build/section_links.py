"""The "link to this section" mark of every heading, labelled in the page's language.

The table-of-contents extension writes one English title ("Permanent link") for every
language, since static-i18n shares the Markdown settings; each language's label comes
from its UI strings (extra.ui.section_link) instead, as title and accessible name.
"""

from __future__ import annotations

import html
import re

HEADER_LINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="[^"]*">')


def label_section_links(page_html: str, label: str) -> str:
    text = html.escape(label, quote=True)
    return HEADER_LINK.sub(
        lambda match: (
            f'<a class="headerlink" href="#{match.group(1)}" title="{text}" aria-label="{text}">'
        ),
        page_html,
    )
