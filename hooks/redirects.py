"""Build hook: publish the short links and moved pages of redirects.yml, in every language.

mkdocs-redirects writes redirects for the default language only; here each language
gets its own redirect page (/imr/ and /fr/imr/), leading to its own page. The file is
checked with the pages before anything is written.
"""

from __future__ import annotations

from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.exceptions import PluginError

from sitekit import build_state, mkdocs_env
from sitekit.redirects import check_redirects, read_redirects, redirect_page
from sitekit.typography import typeset_text
from sitekit.urls import absolute, language_prefix, page_path, relative_url

REDIRECTS_FILE = "redirects.yml"
_redirects: list = []


def redirects_file(config) -> Path:
    return Path(config.config_file_path).parent / REDIRECTS_FILE


def on_pre_build(config):
    lang = mkdocs_env.build_language(config)
    if lang != mkdocs_env.default_language(config):
        return
    path = redirects_file(config)
    redirects, problems = read_redirects(path)
    # A short link to a draft is published with its page, not before.
    drafts = set().union(
        *(build_state.current(lang).drafts for lang in mkdocs_env.languages(config))
    )
    redirects = [redirect for redirect in redirects if redirect.target not in drafts]
    for language in mkdocs_env.languages(config):
        problems += check_redirects(path, redirects, build_state.current(language).pages)
    if problems:
        lines = "\n".join(str(problem) for problem in dict.fromkeys(problems))
        raise PluginError(f"{len(problems)} problem(s) in {REDIRECTS_FILE}:\n{lines}")
    _redirects[:] = redirects


def on_post_build(config):
    lang = mkdocs_env.build_language(config)
    prefix = language_prefix(lang, mkdocs_env.languages(config))
    pages = build_state.current(lang).pages
    text = mkdocs_env.ui_strings(config)["redirect_text"]
    for redirect in _redirects:
        target = prefix + page_path(redirect.target)
        source = prefix + redirect.source
        title = typeset_text(pages[redirect.target].meta["title"], lang)
        html = redirect_page(
            lang, relative_url(source, target), absolute(config.site_url, target), text, title
        )
        output = Path(config.site_dir) / source / "index.html"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html, encoding="utf-8")
