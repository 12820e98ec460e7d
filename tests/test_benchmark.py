"""The benchmark runs on a tiny site and prints one valid JSON line (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.sitebuild import ROOT

FIELDS = {
    "questions",
    "pages",
    "build_s",
    "check_links_s",
    "check_parity_s",
    "peak_rss_mib",
    "search_index_bytes",
    "page_bytes_gz",
    "bare_build_s",
    "build_overhead",
    "build_median_s",
    "bare_build_median_s",
    "build_overhead_fastest",
}


def test_the_benchmark_runs_and_prints_one_json_line():
    result = subprocess.run(
        [sys.executable, "-m", "scripts.benchmark", "--questions", "6", "--bare", "--repeat", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) >= FIELDS
    assert data["questions"] == 6 and data["pages"] > 12
    for lang in ("en", "fr"):
        index = data["search_index_bytes"][lang]
        assert index["bytes"] > index["gzip"] > 0 and index["other_language_docs"] == 0
