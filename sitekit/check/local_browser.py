"""Serve a built site on 127.0.0.1 and open it in Debian's chromium, for the benchmarks
and browser tests. Nothing here reaches another host.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from pathlib import Path

from sitekit.check import static_host

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0, as_host: bool = False):
    """Serve site_dir on 127.0.0.1 (a free port by default); yields its base URL ending
    with '/'. as_host: apply its _headers and _redirects as a static host does
    (sitekit/check/static_host.py)."""
    handler_class = static_host.host_handler(site_dir) if as_host else QuietHandler
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    """Debian's chromium (CHROMIUM overrides); never a browser Playwright downloads."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise SystemExit(f"{path}: chromium is not installed; run `make chromium` (Debian package)")
    return path


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
