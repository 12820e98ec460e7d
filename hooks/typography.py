"""Build hook: apply the page language's typography (sitekit/typography.py) to its text.

The page title is typeset too, since the theme renders it outside the page content
(heading, browser title, navigation).
"""

from __future__ import annotations

from sitekit import mkdocs_env
from sitekit.typography import typeset_html, typeset_text


def on_page_markdown(markdown, page, config, files):
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = typeset_text(page.meta["title"], mkdocs_env.build_language(config))
    return markdown


def on_page_content(html, page, config, files):
    return typeset_html(html, mkdocs_env.build_language(config))
