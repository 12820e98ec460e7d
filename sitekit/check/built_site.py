"""Read a built site: its pages, their ids and links, and where each URL leads.

Pages are read with lxml's HTML parser (libxml2, whose tokenizer follows HTML5), as a
browser reads them: an attribute counts quoted or not (`<img src=x.png>`), character
references are decoded as in a browser (`&#106avascript:` is `javascript:`), and nothing
inside a comment, a script, a style, a title or a textarea is taken for a tag. It reads
the 2000 pages of a large site about four times faster than Python's html.parser.
libxml2 ignores the attributes of a second <html> or <body> tag, which browsers add to
the first: an id written only there is reported missing, never the other way round.
Stylesheets and sitemaps, which are not HTML, are read with regular expressions.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from lxml import etree

from sitekit.core.urls import language_of_path

# Attributes whose value is a URL a browser follows or loads.
URL_ATTRIBUTES = ("href", "src", "poster", "action", "formaction", "data", "xlink:href", "cite")
# The attributes read on any element: the URLs, the ids and a refresh's pieces.
READ_ATTRIBUTES = frozenset((*URL_ATTRIBUTES, "srcset", "id", "name", "http-equiv", "content"))
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
SITEMAP_URL = re.compile(r"<(?:loc)>([^<]+)</loc>|<xhtml:link[^>]*\shref=\"([^\"]+)\"")
NOT_CHECKED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
# Pages are UTF-8 (as MkDocs writes them), whatever they declare; a byte that is not is
# read as U+FFFD. huge_tree lifts libxml2's limits on text size and nesting (to 2048).
HTML_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True)
LAST_LINE = 65535  # libxml2 counts the lines of an HTML page up to this one


class Link(NamedTuple):  # a site has tens of thousands: a tuple is the cheapest to make
    tag: str
    attribute: str
    url: str
    rel: str = ""
    hreflang: str = ""
    line: int = 0  # in the built file; 0 when not known

    @property
    def declares_language(self) -> bool:
        """A link that says it leads to another language: the switcher or an alternate."""
        return bool(self.hreflang) or "alternate" in self.rel.split()


class Document(NamedTuple):
    path: str  # inside the site folder, POSIX style
    ids: set[str]
    links: list[Link]
    # (line, libxml2's reason) when the parser gave up before the end of the page (a
    # limit: nesting deeper than 2048); the links after that line are not read.
    stopped: tuple[int, str] | None = None


@functools.cache
def start_tag_opening(tag: str) -> re.Pattern:
    """`<tag` as a page may write it (any case), followed by a space, '/', '>' or the end."""
    return re.compile(rb"<" + re.escape(tag.encode()) + rb"(?![^\s/>])", re.IGNORECASE)


def start_line(lines: list[bytes], end_line: int, tag: str) -> int:
    """The line where a start tag begins, from the line where libxml2 saw it end: the
    nearest line up to that one that holds `<tag` (a tag's name never spans lines); 0
    past the lines libxml2 counts."""
    if not 0 < end_line < LAST_LINE:
        return 0
    opening = start_tag_opening(tag)
    for number in range(min(end_line, len(lines)), 0, -1):
        if opening.search(lines[number - 1]):
            return number
    return end_line


def read_html(site_dir: Path, path: str) -> Document:
    data = (site_dir / path).read_bytes()
    root = etree.fromstring(data, HTML_PARSER)  # None for a page without any element
    fatal = HTML_PARSER.error_log.filter_from_fatals()
    stopped = (fatal[0].line, fatal[0].message) if fatal else None
    ids: set[str] = set()
    links: list[Link] = []
    if root is None:
        return Document(path, ids, links, stopped)
    lines = data.split(b"\n")
    # What follows </html> is in sibling roots of its own (a browser puts it in <body>).
    for top in (root, *root.itersiblings()):
        for element in top.iter(etree.Element):
            if READ_ATTRIBUTES.isdisjoint(element.keys()):
                continue
            values = dict(element.items())
            tag = element.tag
            if "id" in values:
                ids.add(values["id"])
            if tag == "a" and "name" in values:
                ids.add(values["name"])
            if tag == "meta":
                if values.get("http-equiv", "").lower() == "refresh":
                    found = REFRESH_URL.search(values.get("content", ""))
                    if found:
                        line = start_line(lines, element.sourceline, tag)
                        links.append(Link(tag, "content", found.group(1).strip(), line=line))
                continue
            urls = [(name, values[name]) for name in URL_ATTRIBUTES if values.get(name)]
            srcset = [
                each.split()[0] for each in values.get("srcset", "").split(",") if each.strip()
            ]
            if not urls and not srcset:
                continue
            line = start_line(lines, element.sourceline, tag)
            rel, hreflang = values.get("rel", ""), values.get("hreflang", "")
            links += [Link(tag, name, url, rel, hreflang, line) for name, url in urls]
            links += [Link(tag, "srcset", url, line=line) for url in srcset]
    return Document(path, ids, links, stopped)


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
        return language_of_path(path, self.languages)

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
