"""Read a built site: its pages, their ids and links, and where each URL leads.

MkDocs writes regular HTML, so tags and attributes are read with regular expressions:
several times faster than an HTML parser on thousands of pages, which keeps the link
check far cheaper than the build (issue 8).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

TAG = re.compile(r"<(a|link|script|img|source|iframe|area|meta)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
ID = re.compile(r"""\s(?:id|name)\s*=\s*["']([^"']+)["']""")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
SITEMAP_URL = re.compile(r"<(?:loc)>([^<]+)</loc>|<xhtml:link[^>]*\shref=\"([^\"]+)\"")
NOT_CHECKED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class Link(NamedTuple):  # a site has tens of thousands: a tuple is the cheapest to make
    tag: str
    attribute: str
    url: str
    rel: str = ""
    hreflang: str = ""

    @property
    def declares_language(self) -> bool:
        """A link that says it leads to another language: the switcher or an alternate."""
        return bool(self.hreflang) or "alternate" in self.rel.split()


class Document(NamedTuple):
    path: str  # inside the site folder, POSIX style
    ids: set[str]
    links: list[Link]


def unescape_attribute(value: str) -> str:
    """Decode character references as browsers do in attributes: only those ending in ';'.

    ("?a=1&sectionNum=2" keeps its "&sect", which html.unescape would turn into "§".)
    """
    if "&" not in value:
        return value
    return ENTITY.sub(lambda match: html.unescape(match.group(0)), value)


def attributes(text: str) -> dict[str, str]:
    return {
        name.lower(): unescape_attribute(double or single)
        for name, double, single in ATTRIBUTE.findall(text)
    }


def read_html(site_dir: Path, path: str) -> Document:
    text = (site_dir / path).read_text(encoding="utf-8", errors="replace")
    document = Document(path, set(ID.findall(text)), [])
    for tag, raw in TAG.findall(text):
        tag = tag.lower()
        if tag == "meta" and "refresh" not in raw.lower():
            continue  # only a refresh carries a URL; pages have a dozen other meta tags
        attrs = attributes(raw)
        rel, hreflang = attrs.get("rel", ""), attrs.get("hreflang", "")
        if tag == "meta":
            if attrs.get("http-equiv", "").lower() == "refresh":
                found = REFRESH_URL.search(attrs.get("content", ""))
                if found:
                    document.links.append(Link(tag, "content", found.group(1).strip()))
            continue
        for name in ("href", "src"):
            if attrs.get(name):
                document.links.append(Link(tag, name, attrs[name], rel, hreflang))
        for candidate in attrs.get("srcset", "").split(","):
            if candidate.strip():
                document.links.append(Link(tag, "srcset", candidate.split()[0]))
    return document


def read_css(site_dir: Path, path: str) -> Document:
    text = (site_dir / path).read_text(encoding="utf-8", errors="replace")
    return Document(path, set(), [Link("css", "url", url) for url in CSS_URL.findall(text)])


def read_sitemap(site_dir: Path, path: str) -> Document:
    text = (site_dir / path).read_text(encoding="utf-8", errors="replace")
    urls = [loc or href for loc, href in SITEMAP_URL.findall(text)]
    return Document(path, set(), [Link("sitemap", "loc", url.strip()) for url in urls])


class Target(NamedTuple):
    """Where an internal URL leads: a file of the site (which may not exist) and a fragment."""

    file: str  # inside the site folder
    fragment: str


class Site:
    """A built site at site_url, with the language of each path."""

    def __init__(self, site_dir: Path, site_url: str, languages: list[str]) -> None:
        self.site_dir = Path(site_dir)
        parts = urlsplit(site_url)
        self.host = parts.netloc.lower()
        self.base_path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.languages = languages
        self.files = site_files(str(self.site_dir))

    def language_of(self, path: str) -> str:
        first = path.split("/", 1)[0]
        return first if first in self.languages[1:] else self.languages[0]

    def is_external(self, url: str) -> bool:
        parts = urlsplit(url)
        return bool(parts.scheme in ("http", "https") and parts.netloc.lower() != self.host)

    def resolve(self, from_path: str, url: str) -> Target | None:
        """The site file an internal URL of a page leads to; None for URLs not checked here."""
        if url.startswith(NOT_CHECKED_SCHEMES) or self.is_external(url):
            return None
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        path = unquote(parts.path)
        if not path:
            file = from_path
        else:
            if parts.netloc or path.startswith("/"):
                if not path.startswith(self.base_path) and path + "/" != self.base_path:
                    return Target("../" + path.lstrip("/"), parts.fragment)
                site_path = path[len(self.base_path) :]
            else:
                site_path = posixpath.join(posixpath.dirname(from_path), path)
            file = normalize(site_path, path.endswith("/"))
            if file not in self.files and f"{file}/index.html" in self.files:
                file = f"{file}/index.html"
        return Target(file, unquote(parts.fragment))


def site_files(site_dir: str) -> set[str]:
    """Every file of the site, as a POSIX path inside it (strings: a site has thousands)."""
    files = set()
    for folder, _folders, names in os.walk(site_dir):
        inside = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        files.update(prefix + name for name in names)
    return files


def normalize(path: str, is_folder: bool) -> str:
    """'a/./b/../c/' -> 'a/c/index.html'; a path leaving the site keeps its '..'."""
    stack: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and stack and stack[-1] != "..":
            stack.pop()
        else:
            stack.append(part)
    joined = "/".join(stack)
    if is_folder or not joined:
        return f"{joined}/index.html" if joined else "index.html"
    return joined
