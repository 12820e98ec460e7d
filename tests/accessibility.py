"""axe-core in the page the browser shows: the WCAG 2.1 A and AA violations, one line each."""

from __future__ import annotations

import pathlib

import axe_playwright_python

AXE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """Run axe-core (shipped by axe-playwright-python, no download) on the page as it is."""
    # Evaluated by the browser's debugger, not added as a <script>: the site is served
    # with its Content-Security-Policy, which rightly blocks an inline script.
    page.evaluate(AXE)
    report = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary']}"
        for violation in report["violations"]
        for node in violation["nodes"]
    ]
