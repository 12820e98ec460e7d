"""The URL contract: every published URL of the site, in every language, keeps working.

tests/published-urls.txt lists every URL the site has published, one per line, as a
path from the site's root: pages, redirect pages (short links, moved pages) and feeds.
The check fails when a listed URL no longer resolves (as a page or a redirect) and when
the built site has a page the list does not have yet; `--update` adds the new URLs.
A URL is never removed from the list by hand: when a page moves, add a redirect
(redirects.yml) so that its old URL still resolves.

Removing a page together with its lines does not get past the check: every URL the
list has had in its git history (read with `git log`; a line removed and not yet
committed is caught as well) must still resolve. In a shallow clone, only the commits
present are read, and the check says so; `git fetch --unshallow` gets the rest.
Outside a git checkout, only the list as it stands is checked, and the check says so
too.

Usage:
    python -m scripts.published_urls site            # check
    python -m scripts.published_urls site --update   # add the new URLs to the list
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.core.reporting import missing_site, report
from sitekit.core.urls import ATOM_FEED, JSON_FEED, SITEMAP

URL_LIST = Path("tests/published-urls.txt")
FEEDS = (ATOM_FEED, JSON_FEED, SITEMAP)
HEADER = (
    "# Every URL this site has published, in every language (scripts/published_urls.py).\n"
    "# Never remove a line: give a moved page a redirect in redirects.yml instead.\n"
)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--list", type=Path, default=URL_LIST, help="the URL list")
    parser.add_argument("--update", action="store_true", help="add the site's new URLs")
    return parser.parse_args(argv)


def site_urls(site_dir: Path) -> set[str]:
    """The URLs of the built site: a page or redirect folder is '/x/', a feed '/fr/feed.xml'."""
    urls = set()
    for path in site_dir.rglob("*"):
        rel = path.relative_to(site_dir).as_posix()
        if path.name == "index.html":
            urls.add("/" + rel.removesuffix("index.html"))
        elif path.name in FEEDS:
            urls.add("/" + rel)
    return urls


def resolves(site_dir: Path, url: str) -> bool:
    target = site_dir / url.lstrip("/")
    return (target / "index.html").is_file() if url.endswith("/") else target.is_file()


def read_list(path: Path) -> dict[str, int]:
    """The listed URLs, each with its line number."""
    if not path.exists():
        return {}
    return {
        line.strip(): number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.startswith("#")
    }


def git(list_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *arguments],
        cwd=list_path.resolve().parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def listed_before(list_path: Path) -> tuple[dict[str, str], str | None]:
    """Every URL the list has had in its git history, with the last commit that added it,
    and a note when that history is missing or shallow (None when it is whole)."""
    try:
        log = git(
            list_path,
            *("log", "--no-color", "--no-renames", "--no-ext-diff", "--no-textconv"),
            *("--unified=0", "--format=%x00%h", "-p", "--", list_path.name),
        )
    except FileNotFoundError:
        log = subprocess.CompletedProcess([], 1, "", "git is not installed")
    if log.returncode != 0:
        reason = (log.stderr.strip().splitlines() or ["git log failed"])[-1]
        return {}, (
            f"{list_path}: note: no git history to compare with ({reason}); "
            "URLs removed from the list in earlier commits are not checked"
        )
    urls, commit, commits = {}, "", 0
    for line in log.stdout.splitlines():
        if line.startswith("\0"):
            commit, commits = line[1:], commits + 1
        elif line.startswith("+") and not line.startswith("+++"):
            url = line[1:].strip()
            if url and not url.startswith("#"):
                urls.setdefault(url, commit)  # newest commit first
    if git(list_path, "rev-parse", "--is-shallow-repository").stdout.strip() != "true":
        return urls, None
    return urls, (
        f"{list_path}: note: this clone is shallow, so the list was compared with the "
        f"{commits} commit(s) of it present only; run `git fetch --unshallow` to compare it "
        "with its whole history"
    )


def check(
    site_dir: Path, listed: dict[str, int], list_path: Path, before: dict[str, str] | None = None
) -> list[str]:
    problems = []
    for url, line in listed.items():
        if not resolves(site_dir, url):
            problems.append(
                f"{list_path}:{line}: {url} no longer resolves in {site_dir}; restore the page "
                "or add a redirect from its old path in redirects.yml"
            )
    for url, commit in sorted((before or {}).items()):
        if url not in listed and not resolves(site_dir, url):
            problems.append(
                f"{list_path}: {url} was published (listed in commit {commit}) and its line "
                f"was removed, but it no longer resolves in {site_dir}; a published URL must "
                "keep working: restore the page or add a redirect from its old path in "
                "redirects.yml, and put the line back"
            )
    for url in sorted(site_urls(site_dir) - set(listed)):
        problems.append(
            f"{list_path}: {url} is published but not listed; run "
            f"`python -m scripts.published_urls {site_dir} --update`"
        )
    return problems


def main(argv=None) -> int:
    args = parse_args(argv)
    if error := missing_site(args.site_dir):
        print(error)
        return 1
    listed = read_list(args.list)
    if args.update:
        new = sorted(site_urls(args.site_dir) - set(listed))
        args.list.write_text(
            HEADER + "".join(f"{url}\n" for url in sorted(set(listed) | set(new))), "utf-8"
        )
        print(f"{args.list}: {len(new)} new URL(s) added, {len(listed) + len(new)} in all")
        listed = read_list(args.list)
    before, note = listed_before(args.list)
    if note:
        print(note)
    problems = check(args.site_dir, listed, args.list, before)
    return report(
        "published_urls",
        problems,
        f"in {len(listed)} URLs",
        f"{len(listed)} published URLs all resolve",
    )


if __name__ == "__main__":
    sys.exit(main())
