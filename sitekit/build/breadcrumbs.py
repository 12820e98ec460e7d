"""Where a question or guide stands: Home, its category, then the page. One trail for both
what readers see above the title and the BreadcrumbList that search engines read
(sitekit/build/head_metadata.py)."""

from __future__ import annotations

from sitekit.core.page_model import HOME, Page
from sitekit.core.urls import page_path, relative_url


def trail(page: Page, pages: dict[str, Page]) -> list[str]:
    """The source paths from the home page to the page: ['index.md', 'guides/index.md',
    'guides/which-regulator.md'] for a guide; the home page alone for the home page."""
    steps = [HOME]
    if page.is_question:
        steps.append(f"{page.category}/index.md")
    if page.rel_path != HOME:
        steps.append(page.rel_path)
    return [rel for rel in steps if rel in pages]


def name_of(rel: str, pages: dict[str, Page], ui: dict) -> str:
    """A step's name: "Home" for the home page (its title is a sentence), else its title."""
    return ui["breadcrumb_home"] if rel == HOME else pages[rel].meta["title"]


def visible_trail(page: Page, pages: dict[str, Page], ui: dict) -> list[dict]:
    """The links shown above a question's or guide's title: every step but the page
    itself (its title follows), with URLs relative to the page; none on other pages."""
    if not page.is_question:
        return []
    here = page_path(page.rel_path)
    return [
        {"url": relative_url(here, page_path(rel)), "name": name_of(rel, pages, ui)}
        for rel in trail(page, pages)[:-1]
    ]
