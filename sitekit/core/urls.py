"""The site's URL scheme: where a page of a language is published, as a path."""

from __future__ import annotations

from urllib.parse import urlsplit

# The files published at each language's root, besides the pages.
ATOM_FEED = "feed.xml"
JSON_FEED = "feed.json"
SITEMAP = "sitemap.xml"


def page_path(rel_path: str) -> str:
    """The path of a page inside its language's folder: 'guides/x.md' -> 'guides/x/'."""
    stem = rel_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def language_prefix(lang: str, languages: list[str]) -> str:
    """'' for the default language (the first), 'fr/' for French."""
    return "" if lang == languages[0] else f"{lang}/"


def language_of_path(site_path: str, languages: list[str]) -> str:
    """The language of a path in the built site: 'fr/x/' is French, 'x/' the default's."""
    first = site_path.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def output_file(rel_path: str, lang: str, languages: list[str]) -> str:
    """The file MkDocs writes for a source page (directory URLs): 'fr/guides/x/index.html'."""
    return language_prefix(lang, languages) + page_path(rel_path) + "index.html"


def site_root_path(site_url: str) -> str:
    """The path the site is published under, from its address: '/' or '/help/'."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative_url(from_path: str, to_path: str) -> str:
    """The relative URL between two page paths of one folder: 'a/b/' to 'a/c/' is '../c/'."""
    from_parts = [part for part in from_path.split("/") if part]
    to_parts = [part for part in to_path.split("/") if part]
    common = 0
    while common < min(len(from_parts), len(to_parts)) and from_parts[common] == to_parts[common]:
        common += 1
    up = len(from_parts) - common
    down = to_parts[common:]
    url = "../" * up + "".join(f"{part}/" for part in down)
    return url or "./"
