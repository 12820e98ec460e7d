"""Build hook: an Atom feed (feed.xml) and a JSON Feed (feed.json) at each language's root.

See sitekit/feeds.py.
"""

from __future__ import annotations

from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit import build_state, mkdocs_env
from sitekit.feeds import atom_feed, feed_entries, json_feed
from sitekit.urls import absolute, language_prefix, page_path


def on_post_build(config):
    lang, languages = mkdocs_env.build_language(config), mkdocs_env.languages(config)
    prefix = language_prefix(lang, languages)

    def page_url(rel_path: str) -> str:
        return absolute(config.site_url, prefix + page_path(rel_path))

    entries = feed_entries(build_state.current(lang).pages, page_url)
    title = f"{config.site_name} — {mkdocs_env.ui_strings(config)['feed_title']}"
    home = absolute(config.site_url, prefix)
    folder = Path(config.site_dir) / prefix
    folder.mkdir(parents=True, exist_ok=True)
    for name, render in (("feed.xml", atom_feed), ("feed.json", json_feed)):
        feed_url = absolute(config.site_url, prefix + name)
        (folder / name).write_text(render(title, lang, home, feed_url, entries), encoding="utf-8")
