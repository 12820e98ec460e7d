"""Train the search ranker on the tuning set, and write includes/search-ranker.json.

The built site's search engine runs in chromium on every query of the tuning set
(tests/search-queries.yml), in every language, and tells for each of the pages it
finds first what its ranker weighs (engine.js, features()); scripts/search_ranker.js
then learns the weights that put the expected pages first, and checks them by
cross-validation on queries left out of their training. The tuning queries are also the
pages' example queries: the file keeps which words each page's queries used
(`examples`), and the build puts them in the search files. The held-back check set is
never read here. Rebuild the site afterwards so that its manifests carry the new
weights: `make search-train` does both.

Usage:
    python -m scripts.search_ranker SITE_DIR [--queries FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from scripts.search_bench import QUERIES, load_queries
from sitekit.build.search_ranker import RANKER_FILE
from sitekit.check import site_config
from sitekit.check.local_browser import launch, serve
from sitekit.core.urls import language_prefix

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "overrides/assets/javascripts/search/engine.js"
TRAINER = Path(__file__).with_suffix(".js")
OUT = Path("includes") / RANKER_FILE
# Chosen on the tuning set's cross-validation (2026-12-07). A smaller penalty did better
# on rounds of tuning queries left out in turn, but put other pages above the IMR
# question for its own name: see BENCHMARKS.md.
OPTIONS = {"iterations": 400, "learning_rate": 0.1, "l2": 0.03, "folds": 5}
DIGITS = 6
COLLECT = """async ([folder, lang, queries]) => {
  const engine = siteSearch.create({
    load: (path) => fetch(new URL(path, folder)).then((response) => {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    }),
  });
  const rows = [];
  for (const query of queries) {
    const results = await engine.search(query.query, { explain: true });
    rows.push({
      query: query.query,
      lang: lang,
      expect: query.expect,
      example_words: await engine.exampleWords(query.query),
      candidates: results.map((result) => ({
        location: result.location.split("#")[0],
        features: result.features,
      })),
    });
  }
  return rows;
}"""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the tuning set")
    parser.add_argument("--out", type=Path, default=OUT)
    return parser.parse_args(argv)


def collect_rows(site_dir: Path, languages: list[str], queries: dict) -> list[dict]:
    """Every tuning query with its candidates and their features, in chromium."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, serve(site_dir) as base:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(base + "404.html")
            page.add_script_tag(path=str(ENGINE))
            for lang in languages:
                folder = f"{base}{language_prefix(lang, languages)}search/"
                rows += page.evaluate(COLLECT, [folder, lang, queries[lang]])
        finally:
            browser.close()
    return rows


def train(rows: list[dict]) -> dict:
    """The trained ranker (scripts/search_ranker.js), in chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.add_script_tag(path=str(ENGINE))  # the trainer reckons exampleShare with it
            page.add_script_tag(path=str(TRAINER))
            return page.evaluate(
                "([rows, options]) => siteRanker.train(rows, options)", [rows, OPTIONS]
            )
        finally:
            browser.close()


def ranker_file(result: dict, queries_path: Path, queries: dict) -> dict:
    """What includes/search-ranker.json holds: the engine's part, then how it was made."""

    def rounded(values):
        return [round(value, DIGITS) for value in values]

    return {
        "about": "Weights of the site's search ranker (engine.js, rankedScore), learnt from "
        "the tuning set by `make search-train` (scripts/search_ranker.py); never edit by hand.",
        "features": result["features"],
        "center": rounded(result["center"]),
        "scale": rounded(result["scale"]),
        "weights": rounded(result["weights"]),
        "examples": {lang: dict(pairs) for lang, pairs in result["examples"].items()},
        "trained_on": {
            "file": queries_path.as_posix(),
            "sha256": hashlib.sha256(queries_path.read_bytes()).hexdigest(),
            "queries": {lang: len(entries) for lang, entries in queries.items()},
        },
        "training": OPTIONS,
        "tuning_set": result["tuning"],
        "first_score_only": result["first_score_only"],
        "cross_validation": result["cross_validation"],
    }


def rate(counts: dict, key: str) -> str:
    return f"{counts[key]}/{counts['queries']} ({counts[key] / max(counts['queries'], 1):.0%})"


def main(argv=None) -> int:
    args = parse_args(argv)
    if not (args.site_dir / "search" / "manifest.json").is_file():
        print(f"{args.site_dir}: no built search here; run `make build` first")
        return 1
    config, _ui = site_config.load(args.config)
    languages = config.languages
    queries = load_queries(args.queries, languages)
    rows = collect_rows(args.site_dir, languages, queries)
    data = ranker_file(train(rows), args.queries, queries)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for name in ("first_score_only", "tuning_set", "cross_validation"):
        counts = data[name]
        print(f"{name}: top-1 {rate(counts, 'top1')}, top-3 {rate(counts, 'top3')}")
    print(f"{args.out}: written; rebuild the site (`make build`) to use it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
