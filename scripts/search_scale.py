"""What search costs a reader, measured in Debian's chromium on a built site.

For each language's home page, as a reader who opens it and then searches:
- view_bytes_gz: gzip bytes of everything a page view downloads when the reader never
  searches, and view_search_bytes_gz, the part of it that belongs to search
  (everything under the language's search/ folder);
- first_result_bytes_gz: gzip bytes downloaded from the query's keystroke until its
  results are drawn, on a fresh page (no cache);
- cold_ms: from the last keystroke to the results drawn, on a fresh page (median
  over the queries); warm_ms and warm_max_ms: the same queries again in one page,
  after a first search has run.

Bytes are counted as a static host would send them compressed (gzip of each body).
Nothing is asserted here: the numbers go to scripts/benchmark.py's JSON and to
BENCHMARKS.md.

Usage:
    python -m scripts.search_scale SITE_DIR --query WORDS [--query WORDS ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check.local_browser import launch, serve

SEARCH_BOX = "input.md-search__input"
TIMEOUT_MS = 30_000
# Set in the page before the keystroke: the time of the last key release, and the
# time the results list or its "nothing found" line last changed after it.
TIMER_SCRIPT = """() => {
    const box = document.querySelector("input.md-search__input");
    const meta = document.querySelector(".md-search-result__meta");
    const list = document.querySelector(".md-search-result__list");
    window.__searchTimes = {keyup: null, drawn: null, meta: meta.textContent};
    box.addEventListener("keyup", () => {
        window.__searchTimes = {keyup: performance.now(), drawn: null, meta: meta.textContent};
    });
    new MutationObserver(() => {
        const times = window.__searchTimes;
        if (times.keyup !== null && times.drawn === null &&
            (list.children.length > 0 || meta.textContent !== times.meta)) {
            times.drawn = performance.now();
        }
    }).observe(list.parentElement, {childList: true, subtree: true, characterData: true});
}"""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--root", action="append", default=None, help="language folders, e.g. fr/")
    parser.add_argument("--query", action="append", required=True)
    return parser.parse_args(argv)


class Downloads:
    """Every response of a browser context, as (path, gzip bytes)."""

    def __init__(self, context):
        self.items: list[tuple[str, int]] = []
        context.on("response", self._record)

    def _record(self, response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        self.items.append((urlsplit(response.url).path, len(gzip.compress(body, mtime=0))))

    def total(self, start: int = 0, under: str | None = None) -> int:
        """gzip bytes of the responses from the start-th on, or of those under a folder."""
        return sum(
            size for path, size in self.items[start:] if under is None or path.startswith(under)
        )


def open_home(browser, base: str, root: str):
    context = browser.new_context()
    downloads = Downloads(context)
    page = context.new_page()
    page.goto(base + root, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate(TIMER_SCRIPT)
    return context, page, downloads


def timed_query(page, query: str) -> float | None:
    """Milliseconds from the keystroke that ends the query to its results drawn, or None
    when nothing was drawn within TIMEOUT_MS (counted as a timeout, never hidden)."""
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill(query)
    page.evaluate("() => { window.__searchTimes = {keyup: null, drawn: null, meta: ''}; }")
    box.press("End")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            "() => window.__searchTimes.drawn !== null", timeout=TIMEOUT_MS, polling=5
        )
    except PlaywrightTimeout:
        return None
    times = page.evaluate("() => window.__searchTimes")
    return times["drawn"] - times["keyup"]


def clear(page) -> None:
    box = page.locator(SEARCH_BOX)
    box.fill("")
    box.press("End")
    page.wait_for_timeout(50)


def measure_language(browser, base: str, root: str, queries: list[str]) -> dict:
    context, page, downloads = open_home(browser, base, root)
    search_folder = f"/{root}search/"
    view = {
        "view_bytes_gz": downloads.total(),
        "view_search_bytes_gz": downloads.total(under=search_folder),
    }
    context.close()
    cold, first_bytes = [], []
    for query in queries:
        context, page, downloads = open_home(browser, base, root)
        start = len(downloads.items)
        cold.append(timed_query(page, query))
        page.wait_for_load_state("networkidle")
        first_bytes.append(downloads.total(start))
        context.close()
    context, page, _ = open_home(browser, base, root)
    timed_query(page, queries[0])
    warm = []
    for query in queries:
        clear(page)
        warm.append(timed_query(page, query))
    context.close()
    timeouts = sum(1 for ms in cold + warm if ms is None)
    cold = [ms for ms in cold if ms is not None] or [float("nan")]
    warm = [ms for ms in warm if ms is not None] or [float("nan")]
    return {
        **view,
        "timeouts": timeouts,
        "first_result_bytes_gz": max(first_bytes),
        "first_result_bytes_gz_median": int(statistics.median(first_bytes)),
        "cold_ms": round(statistics.median(cold), 1),
        "cold_max_ms": round(max(cold), 1),
        "warm_ms": round(statistics.median(warm), 1),
        "warm_max_ms": round(max(warm), 1),
        "queries": len(queries),
    }


def measure(site_dir: Path, roots: dict[str, str], queries: dict[str, list[str]]) -> dict:
    """Search costs per language; roots maps a language to its folder ("" or "fr/")."""
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return {
                lang: measure_language(browser, base, root, queries[lang])
                for lang, root in roots.items()
            }
        finally:
            browser.close()


def main(argv=None) -> int:
    args = parse_args(argv)
    roots = {root or "default": root for root in (args.root or [""])}
    data = measure(args.site_dir, roots, {lang: args.query for lang in roots})
    print(json.dumps(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
