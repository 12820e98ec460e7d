"""Build hook: one 404 page per language, /404.html in the default language, /fr/404.html...

mkdocs-static-i18n builds every language into the same site folder and each build
writes the theme's 404.html at the root, so the last language built would win. The
default language's page is kept aside when its build ends; each other language's
build then moves its own 404.html into its folder and puts the default one back.
"""

from __future__ import annotations

from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit import mkdocs_env

NOT_FOUND = "404.html"
_default_page: dict[str, bytes] = {}


def on_post_build(config):
    root_page = Path(config.site_dir) / NOT_FOUND
    lang = mkdocs_env.build_language(config)
    if lang == mkdocs_env.default_language(config):
        _default_page["html"] = root_page.read_bytes()
        return
    language_page = Path(config.site_dir) / lang / NOT_FOUND
    language_page.parent.mkdir(parents=True, exist_ok=True)
    root_page.replace(language_page)
    root_page.write_bytes(_default_page["html"])
