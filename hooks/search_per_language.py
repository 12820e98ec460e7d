"""Build hook: each language's search files, so a search finds pages in its language only
and downloads only what it needs.

See sitekit/search_index.py (the split by language) and sitekit/search_files.py (the
files). overrides/main.html points each page's search at its language's folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit import build_state, mkdocs_env, search_files, search_words
from sitekit.parallel import map_items
from sitekit.search_index import split_index, with_site_worker

PARALLEL_FROM_ENTRIES = 4000  # search entries of all languages: about 300 questions each


# mkdocs-static-i18n runs each other language's build inside the first one's
# post_build, then merges the indexes. Only the first build's own post_build, the
# last to end, sees the merged index; this stack of open builds tells which one it is.
_open_builds: list[str] = []
# Each language's word table, read before any page is built so that a mistake in it
# stops the build at once.
_tables: dict[str, search_words.LanguageWords] = {}


def on_pre_build(config):
    lang = mkdocs_env.build_language(config)
    if lang == mkdocs_env.default_language(config):
        _open_builds.clear()
    _open_builds.append(lang)
    includes = mkdocs_env.includes_folder(config)
    try:
        _tables[lang] = search_words.load(includes, lang)
    except search_words.SearchWordsError as error:
        raise PluginError(str(error)) from None


@event_priority(-110)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config):
    languages = mkdocs_env.languages(config)
    ending = _open_builds.pop() if _open_builds else None
    if ending != languages[0]:
        return
    site_dir = Path(config.site_dir)
    # The theme's merged index, which search_files.write_language replaces by a stub.
    merged = json.loads((site_dir / search_files.STUB).read_text(encoding="utf-8"))
    pages = {lang: pages_by_location(lang, languages) for lang in languages}
    jobs = [
        (
            site_dir / ("" if lang == languages[0] else lang),
            index["docs"],
            index["config"],
            _tables.get(lang) or search_words.LanguageWords(lang),
        )
        for lang, index in split_index(merged, languages, pages).items()
    ]
    # MkDocs builds on one core; on a large site the languages' search files are made
    # side by side on the others (starting processes costs more than it saves below).
    parallel_from = 1 if len(merged["docs"]) >= PARALLEL_FROM_ENTRIES else len(jobs) + 1
    map_items(search_files.write_language, jobs, parallel_from, chunksize=1)


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
    context["search_root"] = "" if lang == languages[0] else f"{lang}/"
    return context


def on_env(env, config, files):
    env.filters["with_site_worker"] = with_site_worker
    return env


def on_page_context(context, page, config, nav):
    return with_search_base(context, config)


def on_template_context(context, template_name, config):
    return with_search_base(context, config)
