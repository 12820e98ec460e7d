"""`make build` and `make check` on a busy machine: two builds at once, a build killed
while it publishes, and a check that shows every checker's findings.

Each test publishes into its own temporary folder (SITE_DIR), never into the project's
site/."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from scripts import check_all
from sitekit.check import publish
from tests.sitebuild import ROOT, copy_project, parse_html

NEW_URL = "https://new.example/"


def make(target: str, site: Path, cwd: Path = ROOT, **env) -> subprocess.Popen:
    """`make <target>` with SITE_DIR=site, its packages taken as installed."""
    environment = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")}
    environment.update(env, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [
            "make",
            "-s",
            "-o",
            ".venv/.site-deps",
            target,
            f"SITE_DIR={site}",
            f"PY={sys.executable}",
        ],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run_make(target: str, site: Path, cwd: Path = ROOT) -> tuple[int, str]:
    process = make(target, site, cwd)
    output = process.communicate(timeout=300)[0]
    return process.returncode, output


def break_front_matter(project: Path) -> None:
    """Plant YAML that stops the build."""
    page = project / "docs/fr/about.md"
    page.write_text("---\ntitle: [unclosed\n---\n" + page.read_text(encoding="utf-8"), "utf-8")


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def assert_complete(site: Path, reference: Path, site_url: str) -> None:
    """site is a whole build, in both languages, made for site_url."""
    assert site.is_dir() and not site.is_symlink()
    assert files(site) == files(reference)
    for path, lang, title in (
        ("404.html", "en", "Page not found"),
        ("fr/404.html", "fr", "Page introuvable"),
    ):
        tags = parse_html(site / path)
        assert tags.find("html")[0]["lang"] == lang
        assert title in "".join(tags.text)
    assert f"<loc>{site_url}fr/</loc>" in (site / "sitemap.xml").read_text()


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name not in ("site", ".site.lock"))


# Point 1: two builds at once


def test_two_builds_at_once_both_publish_a_complete_site_one_after_the_other(site_dir, tmp_path):
    site = tmp_path / "site"
    with publish.build_lock(site):  # a third build is running: both must wait for it
        builds = [make("build", site), make("build", site)]
        first_lines = [build.stdout.readline() for build in builds]
    outputs = [
        line + build.communicate(timeout=300)[0]
        for line, build in zip(first_lines, builds, strict=True)
    ]
    assert [build.returncode for build in builds] == [0, 0], outputs
    for line in first_lines:
        assert line == (
            f"{site}: another build (pid {os.getpid()}) is publishing it; waiting for it to "
            f"finish (lock: {tmp_path / '.site.lock'})\n"
        )
    assert all(output.endswith(f"{site}: published\n") for output in outputs), outputs
    assert_complete(site, site_dir, "https://calhealthhelp.example/")
    assert leftovers(tmp_path) == []


# Point 2: killed while publishing, site/ is the whole old site or the whole new one


def test_a_build_stopped_or_killed_while_publishing_leaves_a_complete_site(site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)  # the site an older build published: a real folder
    env = dict(os.environ, SITE_URL=NEW_URL, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    env[publish.PAUSE_VARIABLE] = "staged,swapped,removing"
    build = subprocess.Popen(
        [sys.executable, "-m", "scripts.build_site", str(site)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    old_url = "https://calhealthhelp.example/"
    try:
        for step, site_url in (("staged", old_url), ("swapped", NEW_URL), ("removing", NEW_URL)):
            _, status = os.waitpid(build.pid, os.WUNTRACED)
            assert os.WIFSTOPPED(status), f"the build ended before the step {step}: {status}"
            assert_complete(site, site_dir, site_url)  # stopped there
            if step != "removing":
                os.kill(build.pid, signal.SIGCONT)
    finally:
        os.kill(build.pid, signal.SIGKILL)  # while it deletes the old site
        build.wait()
    assert_complete(site, site_dir, NEW_URL)
    [leftover] = leftovers(tmp_path)  # the half-deleted old site
    assert leftover.startswith(".site-staging-")
    # The next build deletes it, and publishes.
    status, output = run_make("build", site)
    assert status == 0, output
    assert f"{tmp_path / leftover}: deleted, left by a build that was interrupted" in output
    assert_complete(site, site_dir, old_url)
    assert leftovers(tmp_path) == []


def test_where_folders_cannot_be_exchanged_the_site_is_renamed_aside_then_replaced(
    tmp_path, monkeypatch, capsys
):
    site, staging = tmp_path / "site", tmp_path / ".site-staging-new"
    for folder, text in ((site, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text)
    monkeypatch.setattr(publish, "_exchange_function", lambda: None)
    publish.publish(staging, site)
    assert (site / "index.html").read_text() == "new"
    assert leftovers(tmp_path) == []
    assert "cannot exchange two folders atomically" in capsys.readouterr().err


def test_a_failed_build_leaves_the_site_as_it_was(site_dir, tmp_path):
    project = copy_project(tmp_path / "project")
    break_front_matter(project)
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    status, output = run_make("build", site, cwd=project)
    assert status != 0
    assert f"{site}: left as it was, the build failed" in output
    assert_complete(site, site_dir, "https://calhealthhelp.example/")
    assert leftovers(tmp_path) == ["project"]


# Point 12: `make check` runs every checker, then fails


def project_to_check(tmp_path: Path) -> Path:
    """A copy of the project with what `make check` reads: Makefile, URL list, locks."""
    project = copy_project(tmp_path / "project")
    (project / "tests").mkdir()
    locks = [path.name for path in ROOT.glob("requirements*.*")]
    (project / "tools" / "lighthouse").mkdir(parents=True)
    npm = ["tools/lighthouse/package.json", "tools/lighthouse/package-lock.json"]
    for name in ["Makefile", "tests/published-urls.txt", *locks, *npm]:
        shutil.copy(ROOT / name, project / name)
    return project


def remove_hashes(lock: Path, package: str) -> None:
    text = lock.read_text()
    planted = re.sub(rf"(?m)^({package}==\S+) \\\n(    --hash=\S+( \\)?\n)+", r"\1\n", text)
    assert planted != text
    lock.write_text(planted)


def failed_checks(output: str) -> list[str]:
    """The checks that `make check` says failed, in its last line."""
    [summary] = [line for line in output.splitlines() if line.startswith("check: failed: ")]
    return summary.removeprefix("check: failed: ").split(" (")[0].split(", ")


def test_make_check_reports_every_failing_checker(tmp_path):
    project = project_to_check(tmp_path)
    page = project / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="../nowhere/">x</a>\n', "utf-8")
    line = page.read_text(encoding="utf-8").count("\n")
    url_list = project / "tests/published-urls.txt"
    url_list.write_text(url_list.read_text().replace("/fr/about/\n", ""))
    remove_hashes(project / "requirements.txt", "babel")
    status, output = run_make("check", tmp_path / "site", cwd=project)
    assert status != 0, output
    # check_links, the first checker, fails; the later ones still run and report.
    assert f"docs/en/about.md:{line}: broken link '../nowhere/'" in output
    assert "/fr/about/ is published but not listed" in output
    assert "requirements.txt: babel has no hash; run `make lock`" in output
    assert "check_parity: " in output and "check_readability: " in output
    assert {"check_links", "published_urls", "check_locks"} <= set(failed_checks(output))


def test_a_failed_build_skips_only_the_checkers_of_the_built_site(tmp_path):
    project = project_to_check(tmp_path)
    break_front_matter(project)
    remove_hashes(project / "requirements.txt", "babel")
    status, output = run_make("check", tmp_path / "site", cwd=project)
    assert status != 0, output
    assert "check_links: skipped, the build failed" in output
    assert "published_urls: skipped, the build failed" in output
    assert "requirements.txt: babel has no hash; run `make lock`" in output
    assert failed_checks(output)[0] == "build"
    assert not (tmp_path / "site").exists()


def test_make_check_runs_every_checker_of_the_list():
    assert [module for module, _ in check_all.CHECKERS] == [
        "check_links",
        "check_parity",
        "check_readability",
        "published_urls",
        "check_locks",
    ]
    for module, _ in check_all.CHECKERS:
        assert (ROOT / "scripts" / f"{module}.py").is_file()
