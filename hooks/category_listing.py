"""Build hook: list every question of a category on its index page, from front matter.

The heading is added to the page's Markdown, so that it has its anchor (#questions) and
its place in the table of contents. Search leaves the list out (sitekit/search_index.py):
its words are the questions' own. The list itself is written as HTML under it: a
category of a thousand questions would otherwise cost Python-Markdown a tenth of a
second to parse. Its links are relative paths between pages of one folder
(sitekit.urls), checked like every other link by scripts/check_links.py.
"""

from __future__ import annotations

import html
import unicodedata

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.plugins import event_priority

from sitekit import build_state, mkdocs_env
from sitekit.page_model import CATEGORY_LIST_ANCHOR, category_of_index
from sitekit.urls import page_path, relative_url


def sort_key(title: str) -> str:
    """Alphabetical order that ignores case and accents ("Éligibilité" files under E)."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def category_list_html(category: str, pages) -> str:
    questions = [page for page in pages.values() if page.is_question and page.category == category]
    questions.sort(key=lambda page: sort_key(page.meta["title"]))
    here = page_path(f"{category}/index.md")
    items = [
        f'<li><a href="{html.escape(relative_url(here, page_path(page.rel_path)))}">'
        f"{html.escape(page.meta['title'], quote=False)}</a><br />\n"
        f"  {html.escape(page.meta['description'], quote=False)}</li>"
        for page in questions
    ]
    return "\n<ul>\n" + "\n".join(items) + "\n</ul>"


def on_page_markdown(markdown, page, config, files):
    if category_of_index(page.file.norm_src_uri) is None:
        return markdown
    heading = mkdocs_env.ui_strings(config)["category_questions"]
    return markdown + f"\n\n## {heading} {{ #{CATEGORY_LIST_ANCHOR} }}\n"


@event_priority(10)  # before hooks/page_text.py sets the language's typography of the text
def on_page_content(page_html, page, config, files):
    category = category_of_index(page.file.norm_src_uri)
    if category is None:
        return page_html
    state = build_state.current(mkdocs_env.build_language(config))
    return page_html + category_list_html(category, state.pages)
