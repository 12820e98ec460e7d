"""Build hook: give a page's template its dates, related questions and sources.

Every page that records when it was updated (questions, guides, contacts, glossary...)
ends with that footer. The data is computed here, in the page's language;
overrides/partials/page-footer.html renders it under the text.
"""

from __future__ import annotations

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit import build_state, mkdocs_env
from sitekit.dates import long_date
from sitekit.page_model import parse_iso_date
from sitekit.typography import typeset_text
from sitekit.urls import page_path, relative_url


def related_links(rel_paths, pages, page_rel_path, lang):
    """(title, relative URL) of each related question, in the page's own language.

    Pages of one language share its folder, so the URL from one to another is the
    relative path between their paths (sitekit.urls), with no file lookup.
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


def footer_data(meta, lang, ui, related):
    return {
        "updated": dated(meta, "updated", lang, ui),
        "reviewed": dated(meta, "reviewed", lang, ui),
        "related": related,
        "sources": [
            {"title": typeset_text(source["title"], lang), "url": source["url"]}
            for source in meta.get("sources") or []
        ],
    }


def on_page_context(context, page, config, nav):
    lang = mkdocs_env.build_language(config)
    state = build_state.current(lang)
    model = state.pages.get(page.file.norm_src_uri)
    if model is None or "updated" not in model.meta:
        return context
    related_paths = model.meta.get("related", [])
    related = related_links(related_paths, state.pages, model.rel_path, lang)
    context["page_footer"] = footer_data(model.meta, lang, mkdocs_env.ui_strings(config), related)
    return context
