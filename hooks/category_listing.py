"""Build hook: list every question of a category on its index page, from front matter.

The list is added to the category page's Markdown as ordinary relative links, so
MkDocs resolves and checks them like any other link, and search indexes them.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

from sitekit import build_state, mkdocs_env


def sort_key(title: str) -> str:
    """Alphabetical order that ignores case and accents ("Éligibilité" files under E)."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def category_list_markdown(category: str, pages, heading: str) -> str:
    questions = [page for page in pages.values() if page.is_question and page.category == category]
    questions.sort(key=lambda page: sort_key(page.meta["title"]))
    items = [
        f"- [{page.meta['title']}]({PurePosixPath(page.rel_path).name})  \n"
        f"  {page.meta['description']}"
        for page in questions
    ]
    return f"\n\n## {heading} {{ #questions }}\n\n" + "\n".join(items) + "\n"


def on_page_markdown(markdown, page, config, files):
    rel = PurePosixPath(page.file.norm_src_uri)
    if len(rel.parts) != 2 or rel.name != "index.md":
        return markdown
    state = build_state.current(mkdocs_env.build_language(config))
    heading = mkdocs_env.ui_strings(config)["category_questions"]
    return markdown + category_list_markdown(rel.parts[0], state.pages, heading)
