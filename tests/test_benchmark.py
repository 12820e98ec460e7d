"""The benchmark runs on a tiny site and prints one valid JSON line (no timing asserted),
with what search costs a reader measured in chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from scripts import benchmark
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
    "build_instructions",
    "bare_build_instructions",
    "instructions_overhead",
}
COMMAND = [sys.executable, "-m", "scripts.benchmark", "--questions", "6", "--bare"]


@pytest.mark.browser
@pytest.mark.valgrind
def test_the_benchmark_runs_and_prints_one_json_line():
    # Instruction counts need valgrind, which `make test` installs like chromium.
    result = subprocess.run(
        [*COMMAND, "--repeat", "2", "--instructions", "--search"],
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
        assert index["bytes"] > index["gzip"] > index["stub_gzip"] > 0
        assert index["other_language_pages"] == 0
        search = data["search"][lang]
        assert search["queries"] == 10 and search["view_search_bytes_gz"] == index["stub_gzip"]
        assert search["view_bytes_gz"] > search["first_result_bytes_gz"] > 0
        assert 0 < search["warm_ms"] <= search["warm_max_ms"] and search["cold_ms"] > 0
    assert data["build_instructions"] > 10**8 and data["bare_build_instructions"] > 10**8
    ratio = data["build_instructions"] / data["bare_build_instructions"]
    assert data["instructions_overhead"] == round(ratio, 3)


def test_counting_instructions_without_valgrind_says_how_to_get_it(tmp_path):
    python_only = tmp_path / "bin"
    python_only.mkdir()
    (python_only / "python").symlink_to(sys.executable)
    result = subprocess.run(
        [str(python_only / "python"), *COMMAND[1:], "--instructions"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": str(python_only)},
    )
    assert result.returncode == 1
    assert "--instructions needs valgrind" in result.stderr
    assert "apt-get install valgrind" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("log", "count"),
    [
        ("==41== Cachegrind\n==41== \n==41== I   refs:      92,291,872,322\n", 92291872322),
        ("==41== I refs: 7\n", 7),
        ("==41== brk segment overflow in thread #1\n", None),
    ],
)
def test_the_instruction_count_is_read_from_valgrinds_summary(log, count):
    assert benchmark.instructions_in(log) == count
