"""The URL contract cannot be pruned: a URL the list of published URLs has had in its git
history must keep resolving, even when its page and its line are both removed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts import published_urls
from tests.sitebuild import ROOT

PAGE = "health-insurance/cal-cobra/"
URLS = (f"/{PAGE}", f"/fr/{PAGE}")
# Git as in a fresh clone: no user or system configuration.
GIT_ENV = dict(
    os.environ,
    GIT_CONFIG_GLOBAL=os.devnull,
    GIT_CONFIG_NOSYSTEM="1",
    GIT_AUTHOR_NAME="Test",
    GIT_AUTHOR_EMAIL="test@example.org",
    GIT_COMMITTER_NAME="Test",
    GIT_COMMITTER_EMAIL="test@example.org",
)


def git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", *arguments], cwd=folder, env=GIT_ENV, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repository(tmp_path):
    """A git repository whose first commit has the real URL list, and a copy of the site."""
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "tests/published-urls.txt", repo / "tests/published-urls.txt")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "The URLs published so far")
    return repo


def run(site: Path, repo: Path, capsys) -> tuple[int, str]:
    url_list = repo / "tests/published-urls.txt"
    status = published_urls.main([str(site), "--list", str(url_list)])
    return status, capsys.readouterr().out


def prune(site_dir: Path, tmp_path: Path, repo: Path) -> Path:
    """Delete a page from a copy of the site, and its lines from the list."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    for url in URLS:
        shutil.rmtree(site / url.lstrip("/"))
    url_list = repo / "tests/published-urls.txt"
    url_list.write_text(
        "".join(f"{line}\n" for line in url_list.read_text().splitlines() if line not in URLS)
    )
    return site


def test_an_untouched_list_with_its_history_passes(site_dir, repository, capsys):
    status, output = run(site_dir, repository, capsys)
    assert status == 0, output
    assert "note:" not in output


def test_a_page_removed_with_its_lines_fails_before_the_commit(
    site_dir, tmp_path, repository, capsys
):
    site = prune(site_dir, tmp_path, repository)
    commit = git(repository, "rev-parse", "--short", "HEAD").strip()
    status, output = run(site, repository, capsys)
    assert status == 1
    for url in URLS:
        assert (
            f"{repository}/tests/published-urls.txt: {url} was published (listed in commit "
            f"{commit}) and its line was removed, but it no longer resolves in {site}; a published "
            "URL must keep working: restore the page or add a redirect from its old path in "
            "redirects.yml, and put the line back"
        ) in output


def test_a_page_removed_with_its_lines_fails_after_the_commit(
    site_dir, tmp_path, repository, capsys
):
    site = prune(site_dir, tmp_path, repository)
    git(repository, "commit", "-q", "-am", "Remove cal-cobra")
    status, output = run(site, repository, capsys)
    assert status == 1
    assert all(f" {url} was published (listed in commit " in output for url in URLS)


def test_a_removed_line_whose_url_redirects_is_not_a_lost_url(
    site_dir, tmp_path, repository, capsys
):
    site = prune(site_dir, tmp_path, repository)
    for url in URLS:  # moved: its old address redirects, as redirects.yml makes it
        redirect = site / url.lstrip("/") / "index.html"
        redirect.parent.mkdir()
        shutil.copy(site / url.lstrip("/").replace(PAGE, "imr/") / "index.html", redirect)
    status, output = run(site, repository, capsys)
    assert "was published" not in output
    # The redirect is a published URL: the list must keep it (`make urls` puts it back).
    assert f" {URLS[1]} is published but not listed" in output
    assert status == 1


def test_a_shallow_clone_says_what_it_could_not_compare(site_dir, tmp_path, repository, capsys):
    prune(site_dir, tmp_path, repository)
    git(repository, "commit", "-q", "-am", "Remove cal-cobra")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(clone))
    status, output = run(tmp_path / "site", clone, capsys)
    assert (
        f"{clone}/tests/published-urls.txt: note: this clone is shallow, so the list was "
        "compared with the 1 commit(s) of it present only; run `git fetch --unshallow` to "
        "compare it with its whole history"
    ) in output
    assert status == 0  # the commit that listed the page is not in this clone
    git(clone, "fetch", "-q", "--unshallow")
    status, output = run(tmp_path / "site", clone, capsys)
    assert status == 1 and "note:" not in output
    assert f" {URLS[0]} was published (listed in commit " in output


def test_outside_a_git_checkout_the_list_alone_is_checked_and_the_check_says_so(
    site_dir, tmp_path, capsys
):
    folder = tmp_path / "copy"
    (folder / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "tests/published-urls.txt", folder / "tests/published-urls.txt")
    status, output = run(site_dir, folder, capsys)
    assert status == 0
    assert (
        f"{folder}/tests/published-urls.txt: note: no git history to compare with (fatal: not "
        "a git repository"
    ) in output
