"""What the "page not found" page of each language offers a reader who followed a
broken link: the search, the three pages most readers need (the IMR question, which
regulator, who to call) and the Help Center's numbers. A 404 page is served at any
address, so its links start from the site's root."""

from __future__ import annotations

from sitekit.build.help_lines import help_box
from sitekit.build.phone_links import with_phone_links
from sitekit.build.typography import typeset_text
from sitekit.core.urls import page_path, site_root_path

LINKS = (
    "health-insurance/independent-medical-review.md",
    "guides/which-regulator.md",
    "contacts.md",
)
HELP = ("dmhc", "cdi")


def not_found_data(site_url: str, lang: str, current) -> dict:
    """The 404 template's links and help box (current: the SiteBuild)."""
    pages, root = current.pages[lang], site_root_path(site_url) + current.prefix(lang)
    links = [
        {"url": root + page_path(rel), "title": typeset_text(pages[rel].meta["title"], lang)}
        for rel in LINKS
        if rel in pages
    ]
    box = help_box(
        [key for key in HELP if key in current.help_lines],
        current.help_lines,
        lang,
        current.ui(lang),
        root + "contacts/",
        deadline=False,
    )
    return {"not_found_links": links, "not_found_help": with_phone_links(box)}
