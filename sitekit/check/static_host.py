"""A small static host on 127.0.0.1 that applies a site's `_headers` and `_redirects` as
Netlify documents them, so that tests and `make preview` (through local_browser.serve)
see the published site as a reader of a real host does: real 301s, each language's 404
page, the security headers.

Only what sitekit/build/host_files.py writes is understood: exact paths and a trailing
`*`, statuses 301, 302 and 404, `!` to apply a rule over an existing file, and header
blocks. A line it cannot read stops it, with its line number.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.build.host_files import HEADERS_FILE, NOT_FOUND, REDIRECTS_FILE


class HostFileError(ValueError):
    """A line of `_headers` or `_redirects` this host cannot read."""


@dataclass(frozen=True)
class Rule:
    source: str
    target: str
    status: int
    force: bool


@dataclass
class HostRules:
    redirects: list[Rule] = field(default_factory=list)
    headers: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def matches(pattern: str, path: str) -> bool:
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


def read_redirects(text: str, name: str = REDIRECTS_FILE) -> list[Rule]:
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        status = fields[2] if len(fields) == 3 else ""
        if len(fields) != 3 or status.rstrip("!") not in ("301", "302", "404"):
            raise HostFileError(f"{name}:{number}: expected 'source target status', got {line!r}")
        rules.append(Rule(fields[0], fields[1], int(status.rstrip("!")), status.endswith("!")))
    return rules


def read_headers(text: str, name: str = HEADERS_FILE) -> list[tuple[str, dict[str, str]]]:
    blocks: list[tuple[str, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            blocks.append((line.strip(), {}))
            continue
        header, colon, value = line.strip().partition(":")
        if not blocks or not colon:
            raise HostFileError(f"{name}:{number}: expected a path, or '  Name: value' under one")
        blocks[-1][1][header.strip()] = value.strip()
    return blocks


def read_host_rules(site_dir: Path) -> HostRules:
    rules = HostRules()
    redirects, headers = site_dir / REDIRECTS_FILE, site_dir / HEADERS_FILE
    if redirects.is_file():
        rules.redirects = read_redirects(redirects.read_text(encoding="utf-8"), str(redirects))
    if headers.is_file():
        rules.headers = read_headers(headers.read_text(encoding="utf-8"), str(headers))
    return rules


class HostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder as Netlify would: a redirect rule applies when no file answers
    the path, or always with `!`; then the file; then the root 404 page. Text is sent
    gzipped to a browser that accepts it, as every such host does."""

    rules: HostRules = HostRules()

    def log_message(self, *args):
        pass

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        local = self.file_for(path)
        for rule in self.rules.redirects:
            if matches(rule.source, path) and (rule.force or local is None):
                if rule.status in (301, 302):
                    self.send_response(rule.status)
                    self.send_header("Location", rule.target)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                return self.send_file(self.file_for(rule.target), rule.status)
        if local is not None and local.name == "index.html" and not path.endswith("/"):
            return super().send_head()  # its redirect to the folder's address, with a slash
        if local is not None:
            return self.send_file(local, 200)
        return self.send_file(self.file_for("/" + NOT_FOUND), 404)

    def file_for(self, path: str) -> Path | None:
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        return local if local.is_file() else None

    def send_file(self, local: Path | None, status: int):
        if local is None:
            self.send_error(404)
            return None
        body = local.read_bytes()
        kind = self.guess_type(str(local))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.split(";")[0] in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzipped(str(local), local.stat().st_mtime_ns)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            # The browser may go on to another page before this one has arrived.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)
        return None

    def end_headers(self):
        path = urllib.parse.urlsplit(self.path).path
        for pattern, headers in self.rules.headers:
            if matches(pattern, path):
                for name, value in headers.items():
                    self.send_header(name, value)
        super().end_headers()


COMPRESSED = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/xml",
    "text/xml",
    "image/svg+xml",
}


@functools.lru_cache(maxsize=512)
def gzipped(path: str, mtime_ns: int) -> bytes:
    """A file's bytes gzipped, made once per version of the file."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def host_handler(site_dir: Path) -> type[HostHandler]:
    """A handler class with site_dir's rules (serve it with local_browser.serve)."""
    return type("SiteHostHandler", (HostHandler,), {"rules": read_host_rules(site_dir)})
