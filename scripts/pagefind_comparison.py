"""Pagefind against the site's own search, on the same built site and the same queries.

The record behind the choice of search engine (BENCHMARKS.md, "Search"). Pagefind is
not a dependency of the site: install it apart, in a folder of its own, then give
its Python to this script:

    python3 -m venv /tmp/pf && /tmp/pf/bin/pip install "pagefind[extended]==1.5.2"
    .venv/bin/python -m scripts.pagefind_comparison site --pagefind-python /tmp/pf/bin/python

It copies SITE_DIR, indexes the copy with Pagefind (which reads each page's language
from <html lang>), and in chromium, on each language's home page, runs with
Pagefind's own JavaScript API (default ranking, its first five results):
- the relevance benchmark's tuning and check sets (top-1, top-3, other language);
- with --scale QUESTIONS, a synthetic site of that size (scripts/benchmark.py) and its
  ten queries per language: bytes before the first result and time to results, cold
  and warm, measured as scripts/search_scale.py measures the site's own search.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from scripts import search_bench
from scripts.search_scale import Downloads
from sitekit.check.local_browser import launch, serve

ROOTS = {"en": "", "fr": "fr/"}
SEARCH = """async ([query, top]) => {
    const started = performance.now();
    window.__pagefind = window.__pagefind || await import("/pagefind/pagefind.js");
    const search = await window.__pagefind.search(query);
    const pages = await Promise.all(search.results.slice(0, top).map(r => r.data()));
    return {ms: performance.now() - started, urls: pages.map(page => page.url)};
}"""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--pagefind-python", required=True, help="a Python with pagefind")
    parser.add_argument("--scale", type=int, help="also measure a synthetic site of N questions")
    return parser.parse_args(argv)


def index(site: Path, python: str) -> None:
    subprocess.run(
        [python, "-m", "pagefind", "--site", str(site), "--silent"], check=True, timeout=600
    )


def relevance(browser, base: str, sets: dict) -> dict:
    found = {}
    for lang, root in ROOTS.items():
        page = browser.new_page()
        page.goto(base + root)
        for name, queries in sets.items():
            results = []
            for entry in queries[lang]:
                urls = [
                    url.lstrip("/") for url in page.evaluate(SEARCH, [entry["query"], 5])["urls"]
                ]
                other = [
                    url for url in urls if not search_bench.in_language(url, lang, list(ROOTS))
                ]
                results.append(
                    search_bench.judged(entry["query"], root + entry["expect"], urls, other)
                )
            summary = search_bench.summarize(results)
            found.setdefault(lang, {})[name] = {k: v for k, v in summary.items() if k != "misses"}
        page.close()
    return found


def scale(browser, base: str, queries: dict) -> dict:
    measured = {}
    for lang, root in ROOTS.items():
        cold, first_bytes = [], []
        for query in queries[lang]:
            context = browser.new_context()
            downloads = Downloads(context)
            page = context.new_page()
            page.goto(base + root, wait_until="load")
            page.wait_for_load_state("networkidle")
            start = len(downloads.items)
            cold.append(page.evaluate(SEARCH, [query, 10])["ms"])
            first_bytes.append(downloads.total(start))
            context.close()
        page = browser.new_page()
        page.goto(base + root)
        page.evaluate(SEARCH, [queries[lang][0], 10])
        warm = [page.evaluate(SEARCH, [query, 10])["ms"] for query in queries[lang]]
        page.close()
        measured[lang] = {
            "first_result_bytes_gz": max(first_bytes),
            "cold_ms": round(statistics.median(cold), 1),
            "cold_max_ms": round(max(cold), 1),
            "warm_ms": round(statistics.median(warm), 1),
            "warm_max_ms": round(max(warm), 1),
        }
    return measured


def main(argv=None) -> int:
    args = parse_args(argv)
    from playwright.sync_api import sync_playwright

    from scripts import benchmark

    sets = {
        "tuning": search_bench.load_queries(search_bench.QUERIES, list(ROOTS)),
        "check": search_bench.load_queries(search_bench.CHECK_QUERIES, list(ROOTS)),
    }
    data = {}
    with tempfile.TemporaryDirectory(prefix="pagefind-") as temporary:
        site = Path(temporary) / "site"
        shutil.copytree(args.site_dir, site)
        started = time.monotonic()
        index(site, args.pagefind_python)
        data["index_s"] = round(time.monotonic() - started, 2)
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                data["relevance"] = relevance(browser, base, sets)
            finally:
                browser.close()
        if args.scale:
            tree = Path(temporary) / "tree"
            benchmark.write_tree(tree, args.scale)
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site", "--quiet"],
                cwd=tree,
                check=True,
                env=benchmark.command_env(),
            )
            started = time.monotonic()
            index(tree / "site", args.pagefind_python)
            data["scale_index_s"] = round(time.monotonic() - started, 2)
            with serve(tree / "site") as base, sync_playwright() as playwright:
                browser = launch(playwright)
                try:
                    data["scale"] = {args.scale: scale(browser, base, benchmark.SEARCH_QUERIES)}
                finally:
                    browser.close()
    print(json.dumps(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
