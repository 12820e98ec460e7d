"""The lock files match their inputs, every package is hashed, installs require hashes."""

from __future__ import annotations

import contextlib
import json
import re

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


def pip_installs(makefile: str) -> list[str]:
    """The Makefile's pip install commands, each on one line."""
    return [
        line.strip() for line in makefile.replace("\\\n", " ").splitlines() if "pip install" in line
    ]


def unhashed(installs: list[str]) -> list[str]:
    """The installs that could install a package the locks do not name and hash."""
    return [
        line
        for line in installs
        if not ("--require-hashes" in line and "--no-deps" in line)
        or not re.search(r" -r requirements(-[a-z]+)?\.txt$", line)
    ]


def test_every_install_requires_hashes_and_installs_nothing_else():
    installs = pip_installs((ROOT / "Makefile").read_text())
    assert len(installs) == 3  # the site's packages, the test tools, and pip-tools for `make lock`
    assert unhashed(installs) == []


def test_an_install_by_name_without_hashes_is_found():
    planted = "lock:\n\t$(VENV)-lock/bin/pip install --quiet pip-tools==7.6.2\n"
    assert unhashed(pip_installs(planted)) == [
        "$(VENV)-lock/bin/pip install --quiet pip-tools==7.6.2"
    ]


def test_pip_tools_is_installed_from_its_own_lock():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes --no-deps -r requirements-lock.txt" in makefile
    assert "for name in requirements requirements-dev requirements-lock;" in makefile
    assert "pip-tools==" in (ROOT / "requirements-lock.in").read_text()
    assert "requirements-lock.in" in check_locks.INPUTS


def npm_files():
    folder = ROOT / "tools" / "lighthouse"
    return (
        (folder / "package.json").read_text(encoding="utf-8"),
        (folder / "package-lock.json").read_text(encoding="utf-8"),
    )


def test_the_lighthouse_lock_pins_every_package_with_its_hash():
    package, lock = npm_files()
    assert check_locks.npm_problems("tools/lighthouse", package, lock) == []
    assert json.loads(package)["dependencies"]["lighthouse"].count(".") == 2


def test_an_npm_range_or_a_package_without_hash_is_reported():
    package, lock = npm_files()
    ranged = package.replace('"lighthouse": "12.', '"lighthouse": "^12.')
    problems = check_locks.npm_problems("tools/lighthouse", ranged, lock)
    assert any("package.json: lighthouse is '^12." in problem for problem in problems)
    data = json.loads(lock)
    del data["packages"]["node_modules/lighthouse"]["integrity"]
    problems = check_locks.npm_problems("tools/lighthouse", package, json.dumps(data))
    assert problems == [
        "tools/lighthouse/package-lock.json: node_modules/lighthouse has no integrity hash; "
        "pin it, then run `npm install --package-lock-only` in tools/lighthouse"
    ]
