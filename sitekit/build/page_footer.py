"""A page's dates, related questions and sources, for the footer under its text.

Every page that records when it was updated (questions, guides, contacts, glossary...)
ends with that footer. The data is computed here, in the page's language;
overrides/partials/page-footer.html renders it.
"""

from __future__ import annotations

from sitekit.build.dates import long_date
from sitekit.build.typography import typeset_text
from sitekit.core.page_model import parse_iso_date
from sitekit.core.urls import page_path, relative_url


def related_links(rel_paths, pages, page_rel_path, lang):
    """(title, relative URL) of each related question, in the page's own language.

    Pages of one language share its folder, so the URL from one to another is the
    relative path between their paths (sitekit.core.urls), with no file lookup.
    """
    here = page_path(page_rel_path)
    links = []
    for rel_path in rel_paths:
        title = typeset_text(pages[rel_path].meta["title"], lang)
        links.append({"title": title, "url": relative_url(here, page_path(rel_path))})
    return links


def dated(meta, key, lang, ui):
    """{"iso": ..., "text": "Updated August 14, 2025"} for a date key, or None."""
    if key not in meta:
        return None
    date = parse_iso_date(meta[key])
    return {"iso": date.isoformat(), "text": ui[key].format(date=long_date(date, lang))}


def footer_data(model, lang: str, current) -> dict:
    """The footer of a page model, in its language (current: the SiteBuild)."""
    meta, ui = model.meta, current.ui(lang)
    related = related_links(meta.get("related", []), current.pages[lang], model.rel_path, lang)
    return {
        "updated": dated(meta, "updated", lang, ui),
        "reviewed": dated(meta, "reviewed", lang, ui),
        "related": related,
        "sources": [
            {"title": typeset_text(source["title"], lang), "url": source["url"]}
            for source in meta.get("sources") or []
        ],
    }
