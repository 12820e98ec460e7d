"""Build hook: give a question page's template its dates, related questions and sources.

The data is computed here, in the page's language; overrides/partials/qa-footer.html
renders it under the answer.
"""

from __future__ import annotations

from sitekit import build_state, mkdocs_env
from sitekit.dates import long_date
from sitekit.page_model import parse_iso_date


def related_links(rel_paths, pages, files, from_file):
    """(title, relative URL) of each related question, in the page's own language."""
    links = []
    for rel_path in rel_paths:
        target = files.get_file_from_path(rel_path)
        links.append(
            {"title": pages[rel_path].meta["title"], "url": target.url_relative_to(from_file)}
        )
    return links


def footer_data(meta, lang, ui, related):
    updated, reviewed = parse_iso_date(meta["updated"]), parse_iso_date(meta["reviewed"])
    return {
        "updated_iso": updated.isoformat(),
        "updated_text": ui["updated"].format(date=long_date(updated, lang)),
        "reviewed_iso": reviewed.isoformat(),
        "reviewed_text": ui["reviewed"].format(date=long_date(reviewed, lang)),
        "related": related,
        "sources": meta["sources"],
    }


def on_page_context(context, page, config, nav):
    lang = mkdocs_env.build_language(config)
    state = build_state.current(lang)
    model = state.pages.get(page.file.norm_src_uri)
    if model is None or not model.is_question:
        return context
    related = related_links(model.meta["related"], state.pages, state.files, page.file)
    context["qa"] = footer_data(model.meta, lang, mkdocs_env.ui_strings(config), related)
    return context
