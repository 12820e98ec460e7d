"""Build hook: a search index per language, so a search only finds pages in its language.

See sitekit/search_index.py. overrides/main.html points each page's search at the
index of its language.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit import build_state, mkdocs_env
from sitekit.search_index import SITE_PIPELINE, split_index

INDEX = Path("search") / "search_index.json"
PIPELINES = Path("assets") / "javascripts" / "lunr" / "min"


def languages_with_site_pipeline(config, languages) -> set[str]:
    folder = Path(config.theme.custom_dir) / PIPELINES
    return {
        lang
        for lang in languages
        if (folder / f"lunr.{SITE_PIPELINE.format(lang=lang)}.min.js").is_file()
    }


# mkdocs-static-i18n runs each other language's build inside the first one's
# post_build, then merges the indexes. Only the first build's own post_build, the
# last to end, sees the merged index; this stack of open builds tells which one it is.
_open_builds: list[str] = []


def on_pre_build(config):
    lang = mkdocs_env.build_language(config)
    if lang == mkdocs_env.default_language(config):
        _open_builds.clear()
    _open_builds.append(lang)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config):
    languages = mkdocs_env.languages(config)
    ending = _open_builds.pop() if _open_builds else None
    if ending != languages[0]:
        return
    site_dir = Path(config.site_dir)
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    site_pipelines = languages_with_site_pipeline(config, languages)
    pages = {lang: pages_by_location(lang, languages) for lang in languages}
    for lang, index in split_index(merged, languages, site_pipelines, pages).items():
        target = site_dir / ("" if lang == languages[0] else lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def pages_by_location(lang, languages) -> dict:
    """The language's pages by their location inside its folder ("guides/x/")."""
    state = build_state.current(lang)
    prefix = "" if lang == languages[0] else f"{lang}/"
    found = {}
    for file in state.files.documentation_pages():
        page = state.pages.get(getattr(file, "norm_src_uri", file.src_uri))
        if page is not None and getattr(file, "locale", lang) == lang:
            location = file.url.removeprefix(prefix)
            found["" if location == "./" else location] = page  # the home page is "./"
    return found


def search_base(base_url: str, lang: str, languages) -> str:
    """The folder a page's search reads its index from, relative to the page."""
    return base_url if lang == languages[0] else f"{base_url.rstrip('/')}/{lang}/"


def with_search_base(context, config):
    lang, languages = mkdocs_env.build_language(config), mkdocs_env.languages(config)
    context["search_base"] = search_base(context["base_url"], lang, languages)
    return context


def on_page_context(context, page, config, nav):
    return with_search_base(context, config)


def on_template_context(context, template_name, config):
    return with_search_base(context, config)
