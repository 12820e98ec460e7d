"""Build hook: apply the page language's typography (sitekit/typography.py) to its text.

The page title and the table of contents are typeset too, since the theme renders
them apart from the page content (heading, browser title, navigation).
"""

from __future__ import annotations

from sitekit import mkdocs_env
from sitekit.typography import typeset_html, typeset_text


def on_page_markdown(markdown, page, config, files):
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = typeset_text(page.meta["title"], mkdocs_env.build_language(config))
    return markdown


def typeset_toc(items, lang: str) -> None:
    """The table of contents is built from the Markdown, apart from the content."""
    for item in items:
        item.title = typeset_text(item.title, lang)
        typeset_toc(item.children, lang)


def on_page_content(html, page, config, files):
    lang = mkdocs_env.build_language(config)
    typeset_toc(page.toc, lang)
    return typeset_html(html, lang)
