"""Search relevance benchmark: type real queries into the site's search box, in chromium.

For every language, each query of two committed sets is typed into the search box of
that language's home page, as a reader would, and the pages of the results are
compared with the page that should answer it:
- the tuning set (tests/search-queries.yml), on which weights, rules and the word
  tables are chosen;
- the held-back check set (tests/search-check-queries.yml), written without seeing
  the code, on which nothing is ever chosen.
Reported per language and set: top-1 and top-3 hits and any result from another
language; and the bytes of the language's search files (what a page view downloads,
and all of them). Goal, on the check set: top-1 at least 95%, top-3 100%, no result
from another language; below it, the exit status is 1.

Usage:
    python -m scripts.search_bench SITE_DIR [--queries FILE] [--check-queries FILE]
        [--tuning-every K] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.build.search_ranker import RANKER_FILE
from sitekit.check import site_config
from sitekit.check.local_browser import launch, serve
from sitekit.core.urls import language_of_path, language_prefix

TOP3_GOAL = 1.0
TOP1_GOAL = 0.95
QUERIES = Path("tests/search-queries.yml")
CHECK_QUERIES = Path("tests/search-check-queries.yml")
SEARCH_BOX = "input.md-search__input"
SEARCH_BUTTON = ".md-header label.md-header__button[for=__search]"
SEARCH_OPEN = "document.getElementById('__search').checked"
RESULT_LINKS = ".md-search-result__item > a"
SETTLE_POLLS = 3
POLL_SECONDS = 0.05
TIMEOUT_SECONDS = 8.0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the tuning set")
    parser.add_argument("--check-queries", type=Path, default=CHECK_QUERIES, help="held back")
    parser.add_argument(
        "--tuning-every",
        type=int,
        default=1,
        metavar="K",
        help="type one tuning query in K only (the tests' quicker run); the check set is "
        "always typed whole",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line only")
    return parser.parse_args(argv)


def load_queries(path: Path, languages: list[str]) -> dict[str, list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != set(languages):
        raise SystemExit(f"{path}: needs one list of queries for each language: {languages}")
    for lang, entries in data.items():
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or set(entry) != {"query", "expect"}:
                raise SystemExit(
                    f"{path}: {lang} query {number} needs exactly 'query' and 'expect'"
                )
    return data


def page_of(href: str, page_url: str, base: str) -> str:
    """The site path of a result link, without query and fragment: 'fr/guides/x/'."""
    return urlsplit(urljoin(page_url, href)).path.removeprefix(urlsplit(base).path)


def result_state(page) -> tuple[str, list[str]]:
    """The results line ("12 matching documents") and the result links, as shown."""
    return page.evaluate(
        """() => [
            document.querySelector(".md-search-result__meta").textContent.trim(),
            [...document.querySelectorAll(".md-search-result__item > a")]
                .map(link => link.getAttribute("href")),
        ]"""
    )


def wait_for_results(page, done) -> list[str]:
    """Poll the results until done(line, links) holds for SETTLE_POLLS polls in a row."""
    deadline, last, same = time.monotonic() + TIMEOUT_SECONDS, None, 0
    while time.monotonic() < deadline:
        state = result_state(page)
        same = same + 1 if state == last and done(*state) else 0
        last = state
        if same >= SETTLE_POLLS:
            break
        time.sleep(POLL_SECONDS)
    return last[1] if last else []


def open_search(page):
    """Open the search box as a reader does: on a phone, with the header's search button."""
    button = page.locator(SEARCH_BUTTON)
    if button.is_visible() and not page.evaluate(SEARCH_OPEN):
        button.click()
    box = page.locator(SEARCH_BOX)
    box.click()
    return box


def search(page, query: str, base: str) -> list[str]:
    """Enter a query in the search box; the result pages in order, each once.

    The box is emptied first and the query entered at once, then a key is pressed
    (the theme searches on key presses), so that no result of an earlier or partial
    query can be read as this query's.
    """
    no_results = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.none']"
    )
    box = open_search(page)
    box.fill("")
    box.press("End")  # the theme searches on key presses, not on the value alone
    wait_for_results(page, lambda line, links: not links)
    box.fill(query)
    box.press("End")
    links = wait_for_results(page, lambda line, links: bool(links) or line == no_results)
    pages: list[str] = []
    for href in links:
        path = page_of(href, page.url, base)
        if path not in pages:
            pages.append(path)
    return pages


def index_size(site_dir: Path, lang: str, languages: list[str]) -> dict[str, int]:
    """gzip bytes of the search files: the stub every page view reads, and all of them
    (measured by scripts/benchmark.py's search_files_size)."""
    from scripts.benchmark import search_files_size

    size = search_files_size(site_dir / language_prefix(lang, languages))
    return {"page_view_gzip": size["stub_gzip"], "files": size["files"], "all_gzip": size["gzip"]}


def run_language(browser, base, lang, languages, queries) -> dict:
    root = language_prefix(lang, languages)
    page = browser.new_page()
    page.goto(urljoin(base, root))
    results = []
    for entry in queries:
        found = search(page, entry["query"], base)
        other = [path for path in found if language_of_path(path, languages) != lang]
        results.append(judged(entry["query"], root + entry["expect"], found, other))
    page.close()
    return summarize(results)


def judged(query: str, expected: str, found: list[str], other_language: list[str]) -> dict:
    """One query's result: where the expected page came, and pages of another language."""
    return {
        "query": query,
        "expect": expected,
        "found": found[:3],
        "rank": found.index(expected) + 1 if expected in found else None,
        "other_language": other_language,
    }


def summarize(results: list[dict]) -> dict:
    count = len(results)
    top1 = sum(1 for r in results if r["rank"] == 1)
    top3 = sum(1 for r in results if r["rank"] and r["rank"] <= 3)
    return {
        "queries": count,
        "top1": top1,
        "top3": top3,
        "top1_rate": round(top1 / count, 3) if count else 0.0,
        "top3_rate": round(top3 / count, 3) if count else 0.0,
        "other_language_results": sum(len(r["other_language"]) for r in results),
        "misses": [r for r in results if r["rank"] != 1 or r["other_language"]],
    }


def meets_goal(summary: dict) -> bool:
    return (
        summary["top3_rate"] >= TOP3_GOAL
        and summary["top1_rate"] >= TOP1_GOAL
        and summary["other_language_results"] == 0
    )


def report(lang: str, name: str, summary: dict, show_misses: bool) -> list[str]:
    """The set's totals, and its misses when show_misses: the check set's misses are
    never printed, so that nobody tunes on them by accident."""
    count, other = summary["queries"], summary["other_language_results"]
    lines = [
        f"search-bench {lang} {name}: top-1 {summary['top1']}/{count} "
        f"({summary['top1_rate']:.0%}), top-3 {summary['top3']}/{count} "
        f"({summary['top3_rate']:.0%}), other-language results {other}"
    ]
    for miss in summary["misses"] if show_misses else []:
        rank = f"rank {miss['rank']}" if miss["rank"] else "not found"
        lines.append(
            f'  {rank}: "{miss["query"]}" expected {miss["expect"]}, got {miss["found"]}'
            + (f", other language: {miss['other_language']}" if miss["other_language"] else "")
        )
    return lines


def ranker_note(queries: Path) -> str:
    """One line on the ranker the site was built with: what it was trained on, how it
    did on queries left out of its training, and whether the tuning set changed since."""
    path = Path("includes") / RANKER_FILE
    if not path.is_file():
        return (
            f"search-bench ranker: none ({path} is missing): pages are ranked by their first score"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    folds = data["cross_validation"]
    line = (
        f"search-bench ranker: trained on {folds['queries']} tuning queries; on queries left "
        f"out of its training (cross-validation) top-1 {folds['top1'] / folds['queries']:.0%}, "
        f"top-3 {folds['top3'] / folds['queries']:.0%}"
    )
    if data.get("examples"):
        line += (
            "; the tuning queries are also the pages' example queries, so the tuning set's "
            "own rates are flattered: judge on the cross-validation"
        )
    if data["trained_on"]["sha256"] != hashlib.sha256(queries.read_bytes()).hexdigest():
        line += f"; {queries} changed since: run `make search-train`"
    return line


def main(argv=None) -> int:
    args = parse_args(argv)
    config, _ui = site_config.load(args.config)
    languages = config.languages
    if args.tuning_every < 1:
        print(f"--tuning-every {args.tuning_every}: give a whole number of 1 or more")
        return 2
    tuning = load_queries(args.queries, languages)
    sets = {
        "tuning": {lang: queries[:: args.tuning_every] for lang, queries in tuning.items()},
        "check": load_queries(args.check_queries, languages),
    }
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with serve(args.site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for lang in languages:
                results[lang] = {
                    name: run_language(browser, base, lang, languages, queries[lang])
                    for name, queries in sets.items()
                }
                results[lang]["search_files"] = index_size(args.site_dir, lang, languages)
        finally:
            browser.close()
    ok = all(meets_goal(result["check"]) for result in results.values())
    if not args.json:
        for lang, result in results.items():
            for name in sets:
                sampled = name == "tuning" and args.tuning_every > 1
                label = f"tuning (1 in {args.tuning_every})" if sampled else name
                print("\n".join(report(lang, label, result[name], name == "tuning")))
            print(f"search-bench {lang} files: {json.dumps(result['search_files'])}")
        print(ranker_note(args.queries))
    line = {
        lang: {
            name: {k: v for k, v in value.items() if k != "misses"} if name in sets else value
            for name, value in result.items()
        }
        for lang, result in results.items()
    }
    print(json.dumps({"search_bench": line, "tuning_every": args.tuning_every, "goal_met": ok}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
