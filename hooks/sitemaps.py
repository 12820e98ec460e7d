"""Build hook: sitemaps of our own, per language (/sitemap.xml, /fr/sitemap.xml).

The theme's sitemap (through mkdocs-static-i18n) dates every page with the build and
is written once per language build, the last one winning. Ours (sitekit/sitemaps.py)
dates each page by its `updated` front matter. /sitemap.xml lists every page in every
language; each other language's folder has the sitemap of its own pages, which the
theme reads when that language's search is at work.
"""

from __future__ import annotations

from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit import build_state, head_metadata, mkdocs_env
from sitekit.sitemaps import sitemap, sitemap_entry
from sitekit.urls import language_prefix

SITEMAP = "sitemap.xml"


def on_config(config):
    config.theme.static_templates.discard(SITEMAP)
    return config


def on_files(files, config):
    """No longer a template, the theme's sitemap would be copied as it is: leave it out."""
    for file in [file for file in files if file.src_uri == SITEMAP]:
        files.remove(file)
    return files


def entries(config, langs, languages) -> list[str]:
    pages_by_lang = {lang: build_state.current(lang).pages for lang in languages}
    found = []
    for lang in langs:
        for rel_path, page in sorted(pages_by_lang[lang].items()):
            url = head_metadata.page_url(config.site_url, lang, languages, rel_path)
            links = head_metadata.alternates(config.site_url, languages, rel_path, pages_by_lang)
            found.append(sitemap_entry(url, links, page.meta.get("updated")))
    return found


def on_post_build(config):
    lang, languages = mkdocs_env.build_language(config), mkdocs_env.languages(config)
    covered = languages if lang == languages[0] else [lang]
    output = Path(config.site_dir) / language_prefix(lang, languages) / SITEMAP
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(sitemap(entries(config, covered, languages)), encoding="utf-8")
