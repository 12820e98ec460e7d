"""The lock files match their inputs, every package is hashed, installs require hashes."""

from __future__ import annotations

import contextlib

from scripts import check_locks
from tests.sitebuild import ROOT

INPUT = "mkdocs==1.6.1\n# a comment\npyyaml==6.0.3\n"
LOCK = """#
# pip-compile --generate-hashes --output-file=requirements.txt requirements.in
#

mkdocs==1.6.1 \\
    --hash=sha256:aaa
    # via -r requirements.in
pyyaml==6.0.3 \\
    --hash=sha256:bbb
"""


def test_the_real_lock_files_match_their_inputs(capsys):
    with contextlib.chdir(ROOT):
        assert check_locks.main() == 0, capsys.readouterr().out


def test_a_clean_pair_passes():
    assert check_locks.compare("requirements.in", INPUT, "requirements.txt", LOCK) == []


def test_a_version_that_differs_is_reported():
    problems = check_locks.compare(
        "requirements.in", INPUT.replace("1.6.1", "1.6.2"), "requirements.txt", LOCK
    )
    assert problems == [
        "requirements.txt: requirements.in pins mkdocs==1.6.2, the lock has 1.6.1; run `make lock`"
    ]


def test_a_package_missing_from_the_lock_or_without_hash_is_reported():
    problems = check_locks.compare(
        "requirements.in",
        INPUT + "babel==2.18.0\n",
        "requirements.txt",
        LOCK.replace("    --hash=sha256:bbb\n", ""),
    )
    assert (
        "requirements.txt: requirements.in pins babel==2.18.0, the lock has nothing; run `make lock`"
        in problems
    )
    assert "requirements.txt: pyyaml has no hash; run `make lock`" in problems


def test_installs_require_hashes_and_install_nothing_else():
    makefile = (ROOT / "Makefile").read_text()
    installs = [
        line
        for line in makefile.splitlines()
        if "pip install" in line and "-r requirements" in line
    ]
    assert installs and all("--require-hashes" in line and "--no-deps" in line for line in installs)
