"""The files static hosts read beside the pages: real redirects, 404 pages per language
and security headers, made from redirects.yml, the languages and the built site.

- `_redirects` (Netlify, Cloudflare Pages): a 301 for each short link and moved page of
  every language, and each language's own 404 page.
- `_headers` (Netlify, Cloudflare Pages): the security headers of every page, with a
  Content-Security-Policy that allows only the site itself, and long caching for the
  theme's files whose names carry a hash of their content.
- `_nginx.conf`: the same for nginx, to `include` in a `server` block whose `root` is
  the published folder.

The HTML redirect pages stay (sitekit/build/redirects.py) for hosts that read none of
these. The policy lists a hash for each inline script left in the built pages (the
theme's): computed from the pages themselves, so it cannot fall out of step.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

REDIRECTS_FILE = "_redirects"
HEADERS_FILE = "_headers"
NGINX_FILE = "_nginx.conf"
NOT_FOUND = "404.html"

# A script element the browser runs: no type, or a JavaScript one (JSON data blocks and
# JSON-LD are not run, and a policy does not apply to them).
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}
HAS_SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# The theme's files named with a hash of their content: "bundle.a5f9d56c.min.js".
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
LONG_CACHE = "public, max-age=31536000, immutable"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # Other sites learn only that a reader came from this site, never from which page
    # (a page's address tells what care was refused).
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class HostRedirect:
    source: str  # "/fr/imr/"
    target: str  # "/fr/health-insurance/independent-medical-review/"


def inline_script_hashes(pages: list[str]) -> list[str]:
    """The CSP sources ('sha256-…') of every inline script the pages run, sorted."""
    found = set()
    for text in pages:
        for attributes, body in SCRIPT.findall(text):
            kind = SCRIPT_TYPE.search(attributes)
            if HAS_SOURCE.search(attributes) or (kind and kind.group(1).lower() not in RUN_TYPES):
                continue
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(found)


def content_security_policy(script_hashes: list[str]) -> str:
    """Only the site itself: its scripts and worker, styles, data: images (the theme's
    icons are SVG data in its CSS) and fetches; nothing may frame it."""
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def page_headers(script_hashes: list[str]) -> dict[str, str]:
    """The headers of every response."""
    return {"Content-Security-Policy": content_security_policy(script_hashes), **SECURITY_HEADERS}


def host_redirects(base_path: str, prefixes: list[str], sources_targets) -> list[HostRedirect]:
    """Each redirect in each language (prefixes: '', 'fr/'), as paths from the host's root.
    sources_targets: (source path, target page path) pairs without a language prefix."""
    return [
        HostRedirect(base_path + prefix + source, base_path + prefix + target)
        for prefix in prefixes
        for source, target in sources_targets
    ]


def netlify_redirects(redirects: list[HostRedirect], base_path: str, prefixes: list[str]) -> str:
    """The `_redirects` file. An HTML redirect page exists at each source, so Netlify
    needs `301!` to apply the rule over it; Cloudflare Pages always applies redirects and
    reads no `!`: it skips that line as invalid and takes the plain `301` under it.
    Netlify serves the root 404 page everywhere, so each other language names its own
    (Cloudflare Pages finds the nearest 404.html by itself and skips those lines)."""
    lines = [
        "# Made by the build from redirects.yml (sitekit/build/host_files.py); do not edit.",
        "# Netlify reads the `301!` lines, Cloudflare Pages the `301` lines.",
    ]
    for redirect in redirects:
        for source in (redirect.source, redirect.source.rstrip("/")):
            lines.append(f"{source} {redirect.target} 301!")
            lines.append(f"{source} {redirect.target} 301")
    for prefix in prefixes:
        if prefix:
            lines.append(f"{base_path}{prefix}* {base_path}{prefix}{NOT_FOUND} 404")
    return "\n".join(lines) + "\n"


def netlify_headers(headers: dict[str, str], base_path: str, hashed_files: list[str]) -> str:
    """The `_headers` file: every page's headers, and long caching for hashed files."""
    lines = [
        "# Made by the build (sitekit/build/host_files.py); do not edit.",
        f"{base_path}*",
    ]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    for path in hashed_files:
        lines += [f"{base_path}{path}", f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def nginx_include(
    headers: dict[str, str],
    redirects: list[HostRedirect],
    base_path: str,
    prefixes: list[str],
    hashed_files: list[str],
) -> str:
    """`_nginx.conf`, for `include` inside a `server` block whose root is the published
    folder. nginx drops the server's add_header lines in a location that has its own,
    so each location repeats them."""
    header_lines = [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    lines = ["# Made by the build (sitekit/build/host_files.py); do not edit.", *header_lines]
    lines.append(f"error_page 404 {base_path}{NOT_FOUND};")
    for prefix in prefixes:
        if prefix:
            lines.append(f"location {base_path}{prefix} {{")
            lines.append(f"    error_page 404 {base_path}{prefix}{NOT_FOUND};")
            lines += [f"    {line}" for line in header_lines]
            lines.append("}")
    for redirect in redirects:
        for source in (redirect.source, redirect.source.rstrip("/")):
            lines.append(f"location = {source} {{ return 301 {redirect.target}$is_args$args; }}")
    for path in hashed_files:
        lines.append(f"location = {base_path}{path} {{")
        lines += [f"    {line}" for line in header_lines]
        lines.append(f'    add_header Cache-Control "{LONG_CACHE}" always;')
        lines.append("}")
    return "\n".join(lines) + "\n"


def hashed_files(site_dir: Path) -> list[str]:
    """The published files whose names carry a hash of their content, as site paths."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and HASHED_NAME.search(path.name)
    )


def write_host_files(site_dir: Path, base_path: str, prefixes: list[str], sources_targets) -> None:
    """Writes `_redirects`, `_headers` and `_nginx.conf` into the built site."""
    pages = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))]
    headers = page_headers(inline_script_hashes(pages))
    redirects = host_redirects(base_path, prefixes, sources_targets)
    hashed = hashed_files(site_dir)
    (site_dir / REDIRECTS_FILE).write_text(
        netlify_redirects(redirects, base_path, prefixes), encoding="utf-8"
    )
    (site_dir / HEADERS_FILE).write_text(
        netlify_headers(headers, base_path, hashed), encoding="utf-8"
    )
    (site_dir / NGINX_FILE).write_text(
        nginx_include(headers, redirects, base_path, prefixes, hashed), encoding="utf-8"
    )
