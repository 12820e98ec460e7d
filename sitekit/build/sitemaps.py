"""Sitemaps with each page's language alternates and its last substantive change.

`lastmod` is the page's `updated` date (not the build date); pages without one (home,
category lists) have none. Every URL is absolute, alternates included, with x-default.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from sitekit.build import head_metadata
from sitekit.core.page_model import parse_iso_date
from sitekit.core.urls import SITEMAP

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_entry(url: str, alternates: list[dict], updated) -> str:
    links = "".join(
        f'    <xhtml:link rel="alternate" hreflang="{link["hreflang"]}" '
        f"href={quoteattr(link['href'])}/>\n"
        for link in alternates
    )
    lastmod = f"    <lastmod>{parse_iso_date(updated).isoformat()}</lastmod>\n" if updated else ""
    return f"  <url>\n    <loc>{escape(url)}</loc>\n{lastmod}{links}  </url>\n"


def sitemap(entries: list[str]) -> str:
    return HEADER + "".join(entries) + "</urlset>\n"


def entries(site_url: str, langs: list[str], languages: list[str], pages_by_lang) -> list[str]:
    found = []
    for lang in langs:
        for rel_path, page in sorted(pages_by_lang[lang].items()):
            url = head_metadata.page_url(site_url, lang, languages, rel_path)
            links = head_metadata.alternates(site_url, languages, rel_path, pages_by_lang)
            found.append(sitemap_entry(url, links, page.meta.get("updated")))
    return found


def write_sitemap(site_dir: Path, site_url: str, lang: str, current) -> None:
    """/sitemap.xml lists every page in every language; each other language's folder
    has the sitemap of its own pages (current: the SiteBuild)."""
    languages = current.languages
    covered = languages if lang == languages[0] else [lang]
    output = site_dir / current.prefix(lang) / SITEMAP
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        sitemap(entries(site_url, covered, languages, current.pages)), encoding="utf-8"
    )
