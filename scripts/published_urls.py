"""The URL contract: every published URL of the site, in every language, keeps working.

tests/published-urls.txt lists every URL the site has published, one per line, as a
path from the site's root: pages, redirect pages (short links, moved pages) and feeds.
The check fails when a listed URL no longer resolves (as a page or a redirect) and when
the built site has a page the list does not have yet; `--update` adds the new URLs.
A URL is never removed from the list by hand: when a page moves, add a redirect
(redirects.yml) so that its old URL still resolves.

Usage:
    python -m scripts.published_urls site            # check
    python -m scripts.published_urls site --update   # add the new URLs to the list
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitekit.reporting import missing_site, report

URL_LIST = Path("tests/published-urls.txt")
FEEDS = ("feed.xml", "feed.json", "sitemap.xml")
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


def read_list(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def check(site_dir: Path, listed: list[str], list_path: Path) -> list[str]:
    problems = []
    for url in listed:
        if not resolves(site_dir, url):
            problems.append(
                f"{list_path}: {url} no longer resolves in {site_dir}; restore the page or add "
                "a redirect from its old path in redirects.yml"
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
    problems = check(args.site_dir, listed, args.list)
    return report(
        "published_urls",
        problems,
        f"in {len(listed)} URLs",
        f"{len(listed)} published URLs all resolve",
    )


if __name__ == "__main__":
    sys.exit(main())
