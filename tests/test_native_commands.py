"""The commands MkDocs users, editors and static hosts type work as typed: the `mkdocs`
command itself (not only `python -m mkdocs`), and a checker run as a file. None of them
is given PYTHONPATH: the other build tests set it, which hid that `mkdocs build` could
not find sitekit."""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from sitekit.core.build_log import QuietConfigNotes
from tests.sitebuild import ROOT

MKDOCS = Path(sys.executable).parent / "mkdocs"


def plain_env() -> dict[str, str]:
    """The environment of a shell in the repository: no PYTHONPATH."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run(command: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, env=plain_env(), capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def native_build(tmp_path_factory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("native") / "site"
    result = run([str(MKDOCS), "build", "--strict", "--site-dir", str(site)])
    assert result.returncode == 0, result.stderr[-3000:]
    return site, result.stdout + result.stderr


@pytest.fixture(scope="module")
def native_site(native_build) -> Path:
    return native_build[0]


def test_a_clean_build_prints_a_few_short_lines(native_build):
    output = native_build[1]
    lines = output.splitlines()
    assert len(lines) <= 8, output
    assert all(len(line) < 200 for line in lines), output
    assert "config 'extra'" not in output
    assert "not included in the" not in output
    assert "Documentation built" in output


def test_the_quiet_log_keeps_warnings_and_other_notes():
    def record(level: int, message: str) -> logging.LogRecord:
        return logging.LogRecord("x", level, __file__, 1, message, (), None)

    quiet = QuietConfigNotes()
    assert not quiet.filter(
        record(logging.INFO, "mkdocs_static_i18n: Updating 'en' config 'extra' with '{}'")
    )
    assert not quiet.filter(record(logging.INFO, "Overriding 'fr' config 'site_name' with 'x'"))
    assert quiet.filter(record(logging.WARNING, "mkdocs_static_i18n: Overriding 'fr' config 'x'"))
    assert quiet.filter(record(logging.INFO, "mkdocs_static_i18n: Building 'fr' documentation"))


def test_mkdocs_build_builds_both_languages(native_site):
    assert 'lang="en"' in (native_site / "index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in (native_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert (native_site / "fr" / "health-insurance" / "independent-medical-review").is_dir()


def test_mkdocs_build_from_another_folder_with_the_config_file(tmp_path):
    out = tmp_path / "out"
    result = run(
        [str(MKDOCS), "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)], tmp_path
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (out / "fr" / "index.html").is_file()


def test_checkers_run_as_files(native_site):
    links = run([sys.executable, "scripts/check_links.py", str(native_site)])
    assert links.returncode == 0, links.stdout + links.stderr
    assert "nothing broken" in links.stdout
    parity = run([sys.executable, "scripts/check_parity.py"])
    assert parity.returncode == 0, parity.stdout + parity.stderr
    assert "up to date" in parity.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_mkdocs_serve_serves_both_languages():
    port = free_port()
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=ROOT,
        env=plain_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pages = {}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(pages) < 2 and server.poll() is None:
            for path in ("/", "/fr/"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                        pages[path] = r.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
        assert server.poll() is None, server.stderr.read()[-3000:]
        assert 'lang="en"' in pages["/"]
        assert 'lang="fr"' in pages["/fr/"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_make_help_lists_every_described_target():
    result = run(["make", "--no-print-directory", "help"])
    assert result.returncode == 0, result.stderr
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    described = re.findall(r"^([a-z-]+):.*## ", makefile, re.MULTILINE)
    assert len(described) >= 10
    for target in described:
        assert f"make {target} " in result.stdout, target


def test_make_serve_on_a_busy_port_says_so_in_one_line():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.monotonic()
        result = run(["make", "--no-print-directory", "serve", f"PORT={port}"])
    assert result.returncode != 0
    message = [line for line in result.stderr.splitlines() if line.startswith("serve:")]
    assert len(message) == 1, result.stderr
    assert f"127.0.0.1:{port}" in message[0] and f"PORT={port + 1}" in message[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert time.monotonic() - started < 30  # told before any build


def test_make_serve_with_another_port_serves_the_site():
    port = free_port()
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=plain_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        page = wait_for_page(server, f"http://127.0.0.1:{port}/fr/")
        assert 'lang="fr"' in page
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def wait_for_page(server: subprocess.Popen, url: str) -> str:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} was not served: {server.stderr.read()[-3000:]}")


def test_a_checker_run_from_another_folder_says_where_to_run_it(tmp_path):
    for checker in ("check_parity", "check_readability"):
        result = run([sys.executable, str(ROOT / "scripts" / f"{checker}.py")], tmp_path)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr
        assert result.stderr.strip().splitlines() == [
            f"mkdocs.yml: not found in {tmp_path}; run the checker from the repository folder, "
            "or pass --config path/to/mkdocs.yml"
        ]
    locks = run([sys.executable, str(ROOT / "scripts" / "check_locks.py")], tmp_path)
    assert locks.returncode != 0 and "Traceback" not in locks.stdout + locks.stderr
    assert f"requirements.in: not found in {tmp_path}; run the checker from the repository" in (
        locks.stdout
    )
