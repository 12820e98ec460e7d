"""Every question of a category, listed on its index page from front matter.

The heading is added to the page's Markdown, so that it has its anchor (#questions) and
its place in the table of contents. Search leaves the list out (sitekit/build/search_index.py):
its words are the questions' own. The list itself is written as HTML under it: a
category of a thousand questions would otherwise cost Python-Markdown a tenth of a
second to parse. Its links are relative paths between pages of one folder
(sitekit.core.urls), checked like every other link by scripts/check_links.py.
"""

from __future__ import annotations

import html
import unicodedata

from sitekit.core.page_model import CATEGORY_LIST_ANCHOR, category_of_index, list_position
from sitekit.core.urls import page_path, relative_url


def sort_key(title: str) -> str:
    """Alphabetical order that ignores case and accents ("Éligibilité" files under E)."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def category_list_html(category: str, pages) -> str:
    questions = [page for page in pages.values() if page.is_question and page.category == category]
    questions.sort(key=lambda page: (list_position(page), sort_key(page.meta["title"])))
    here = page_path(f"{category}/index.md")
    items = [
        f'<li><a href="{html.escape(relative_url(here, page_path(page.rel_path)))}">'
        f"{html.escape(page.meta['title'], quote=False)}</a><br />\n"
        f"  {html.escape(page.meta['description'], quote=False)}</li>"
        for page in questions
    ]
    return "\n<ul>\n" + "\n".join(items) + "\n</ul>"


def with_heading(markdown: str, rel_path: str, ui: dict) -> str:
    """A category index page's Markdown with the list's heading; any other page as it is."""
    if category_of_index(rel_path) is None:
        return markdown
    return markdown + f"\n\n## {ui['category_questions']} {{ #{CATEGORY_LIST_ANCHOR} }}\n"


def list_html(rel_path: str, pages) -> str:
    """The list of a category index page's questions, as HTML; '' for any other page."""
    category = category_of_index(rel_path)
    return "" if category is None else category_list_html(category, pages)
