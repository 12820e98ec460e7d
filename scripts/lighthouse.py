"""Lighthouse's four scores for each type of page (`make lighthouse`), mobile, offline.

The built site is served on 127.0.0.1 as a static host serves it (its _headers and
_redirects, text gzipped: sitekit/check/static_host.py), and Lighthouse, pinned in
tools/lighthouse/package-lock.json, opens each page in Debian's chromium with the
project's flags. Nothing leaves this machine. Prints one line per page with the
performance, accessibility, best-practices and SEO scores, then each audit that cost a
point, and exits 1 when a page is under the goals: 100 in accessibility, best
practices and SEO, 98 in performance (a simulated slow 4G phone).

Usage:
    python -m scripts.lighthouse [site] [--page PATH ...] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check.local_browser import CHROMIUM_FLAGS, chromium_path, serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# One page of each type, in both languages where the type has a translation.
PAGES = [
    "",
    "fr/",
    "health-insurance/",
    "health-insurance/independent-medical-review/",
    "fr/health-insurance/independent-medical-review/",
    "guides/which-regulator/",
    "fr/guides/dmhc-independent-medical-review/",
    "glossary/",
    "fr/contacts/",
    "partners/",
    "404.html",
    "fr/404.html",
]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument(
        "--page", action="append", help="a path of the site (default: one per type)"
    )
    parser.add_argument("--json", type=Path, help="also write the scores here")
    return parser.parse_args(argv)


def run_lighthouse(url: str, report: Path) -> dict:
    """Lighthouse's JSON report of one page."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={chromium_path()}",
        "--chrome-flags=" + " ".join(CHROMIUM_FLAGS),
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not report.is_file():
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr.strip()[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, float]:
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """Each weighted audit under full marks: 'performance: first-contentful-paint 0.96 (1.5 s)'."""
    lines = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"{name}: {ref['id']} {audit['score']}{shown}")
    return lines


def under_goals(page_scores: dict[str, float]) -> list[str]:
    return [name for name in CATEGORIES if (page_scores[name] or 0) < GOALS[name]]


def main(argv=None) -> int:
    args = parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE}: missing; run `make lighthouse` (npm ci in tools/lighthouse)")
        return 1
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}: no built site; run `make build` first")
        return 1
    results, failed = {}, []
    pages = args.page or PAGES
    width = max(len(path) for path in pages) + 2
    print("page".ljust(width) + "".join(f"  {name:>14}" for name in CATEGORIES))
    with serve(args.site_dir, as_host=True) as base, tempfile.TemporaryDirectory() as work:
        for path in pages:
            report = run_lighthouse(base + path, Path(work) / "report.json")
            page_scores = scores(report)
            results[path or "/"] = page_scores
            cells = "".join(f"  {round(100 * (page_scores[n] or 0)):>14}" for n in CATEGORIES)
            print(f"/{path}".ljust(width) + cells)
            for line in lost_points(report):
                print(f"    {line}")
            if under_goals(page_scores):
                failed.append(f"/{path}: under the goal in {', '.join(under_goals(page_scores))}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for line in failed:
        print(line)
    print("lighthouse: every page meets the goals" if not failed else "lighthouse: goals not met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
