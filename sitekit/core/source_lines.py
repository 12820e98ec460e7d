"""Where a link is written in a page's source, so that a problem with it, found by MkDocs
or in the built site, is reported at `docs/<lang>/<page>.md:line` like any other.
"""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

from sitekit.core.page_model import display_folder


def link_line(text: str, url: str) -> int | None:
    """The line where the text first writes url as a link: a Markdown link or reference,
    an HTML attribute (quoted or not) or an autolink; None when it does not."""
    for written in dict.fromkeys((url, html.escape(url))):
        found = re.search(
            r"(?:\]\(\s*<?|\]:\s*<?|=\s*[\"']?|<)" + re.escape(written) + r"(?=[\s\"'>)]|$)",
            text,
            re.MULTILINE,
        )
        if found:
            return text.count("\n", 0, found.start()) + 1
    return None


def shown_path(docs_dir: Path, src_uri: str) -> str:
    """A source page's path as messages show it ("docs/en/x.md"), from its path in docs/."""
    return f"{display_folder(str(docs_dir), '.', os.getcwd())}/{src_uri}"


def source_pages(site_path: str, languages: list[str]) -> list[str]:
    """The source pages (paths in docs/) a page of the built site can come from."""
    first, _, rest = site_path.partition("/")
    lang, inside = (first, rest) if first in languages[1:] else (languages[0], site_path)
    if inside == "index.html":
        return [f"{lang}/index.md"]
    if not inside.endswith("/index.html"):
        return []
    stem = inside.removesuffix("/index.html")
    return [f"{lang}/{stem}.md", f"{lang}/{stem}/index.md"]


def locate_link(docs_dir: Path, site_path: str, languages: list[str], url: str):
    """(source path as shown, line) of a link of a built page, when its source writes it."""
    for src_uri in source_pages(site_path, languages):
        source = Path(docs_dir) / src_uri
        if source.is_file():
            line = link_line(source.read_text(encoding="utf-8", errors="replace"), url)
            return (shown_path(docs_dir, src_uri), line) if line else None
    return None


# MkDocs' warnings about a page's links (mkdocs/structure/pages.py), which name the page
# by its path inside docs/ and give no line.
MKDOCS_LINK_WARNING = re.compile(
    r"Doc file '(?P<src>[^']+)' contains (?P<kind>a link|an absolute link|an unrecognized "
    r"relative link) '(?P<url>[^']*)'(?:, but |, )(?P<reason>.*)",
    re.DOTALL,
)
RELATIVE_FIX = "link to the page's .md file, relative to this one"
ANCHOR_FIX = "link to an id that a heading of the page has ({ #id })"


def located_warning(message: str, docs_dir: Path) -> str | None:
    """MkDocs' warning about a link, as `docs/<lang>/<page>.md:line: what is wrong, how to
    fix it`; None for any other message."""
    found = MKDOCS_LINK_WARNING.fullmatch(message)
    if found is None:
        return None
    src, url, reason = found.group("src", "url", "reason")
    kind = found.group("kind").split(" ", 1)[1]
    source = Path(docs_dir) / src
    text = source.read_text(encoding="utf-8", errors="replace") if source.is_file() else ""
    line = link_line(text, url)
    where = shown_path(docs_dir, src) + (f":{line}" if line else "")
    if "Did you mean" not in reason:
        reason = f"{reason.rstrip('.')}; {ANCHOR_FIX if 'anchor' in reason else RELATIVE_FIX}"
    return f"{where}: {kind} '{url}': {reason}"


class LinkWarnings(logging.Filter):
    """Rewrites MkDocs' link warnings with located_warning, keeping their level (so that a
    strict build still counts them)."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        message = located_warning(record.getMessage(), self.docs_dir)
        if message is not None:
            record.msg, record.args = message, ()
        return True
