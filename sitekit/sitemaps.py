"""Sitemaps with each page's language alternates and its last substantive change.

`lastmod` is the page's `updated` date (not the build date); pages without one (home,
category lists) have none. Every URL is absolute, alternates included, with x-default.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from sitekit.page_model import parse_iso_date

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
