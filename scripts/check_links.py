"""Check every link of the built site, in every language.

- Every internal href/src resolves to a file, every #fragment exists in its target
  page, and every asset (CSS, JS, image) exists; so do the sitemap's URLs, the
  hreflang alternates and the targets of redirect pages.
- A page never links into another language's pages, except through links that
  declare it: the language switcher (hreflang) and rel="alternate".
- A page links only to https:, mailto: and tel: addresses and inside the site: never
  javascript:, data: or any other scheme.
- External links are well-formed https URLs. With --external, each one is also asked
  over HTTP (concurrently, politely, with a cache) and 404/410/5xx answers and
  permanent redirects are reported.

Pages are read with an HTML parser (sitekit/check/built_site.py); a page it cannot read to
its end is reported. A problem with a link that a page's Markdown source writes is
reported at `docs/<lang>/<page>.md:line`; any other at its line in the built page.

Usage:
    python -m scripts.check_links site
    python -m scripts.check_links site --external [--cache .cache/links.json]
    python -m scripts.check_links site --list-external
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check import built_site, site_config
from sitekit.core.parallel import map_items
from sitekit.core.reporting import Problem, missing_site, report
from sitekit.core.source_lines import locate_link
from sitekit.core.urls import SITEMAP


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site (e.g. site)")
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument(
        "--site-url", help="the address the site was built for (default: site_url of mkdocs.yml)"
    )
    parser.add_argument("--external", action="store_true", help="also ask external URLs over HTTP")
    parser.add_argument("--list-external", action="store_true", help="list external links per page")
    parser.add_argument("--cache", type=Path, default=Path(".cache/external-links.json"))
    parser.add_argument("--cache-max-age", type=float, default=86400.0, help="seconds")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument(
        "--per-host-interval", type=float, default=0.5, help="seconds between requests to a host"
    )
    return parser.parse_args(argv)


READERS = {
    ".html": built_site.read_html,
    ".css": built_site.read_css,
    SITEMAP: built_site.read_sitemap,
}
PARALLEL_FROM = 500  # files; below that, starting processes costs more than it saves


def read_document(location: tuple[Path, str]) -> built_site.Document:
    site_dir, path = location
    reader = next(read for ending, read in READERS.items() if path.endswith(ending))
    return reader(site_dir, path)


def read_documents(site: built_site.Site) -> list[built_site.Document]:
    paths = sorted(path for path in site.files if path.endswith(tuple(READERS)))
    locations = [(site.site_dir, path) for path in paths]
    return map_items(read_document, locations, PARALLEL_FROM, chunksize=64)


class Found(NamedTuple):
    """A problem with one link of a page (a path in the site), before it is located."""

    path: str
    link: built_site.Link
    message: str


def located(site: built_site.Site, docs_dir: Path, found: list[Found]) -> list[Problem]:
    """Each problem once per page and message, at the line of the page's Markdown source
    that writes the link, or else at its line in the built page."""
    problems, seen = [], set()
    for item in found:
        if (item.path, item.message) in seen:
            continue
        seen.add((item.path, item.message))
        source = None
        if item.path.endswith(".html"):
            source = locate_link(docs_dir, item.path, site.languages, item.link.url)
        if source:
            problems.append(Problem(source[0], source[1], item.message))
        else:
            line = item.link.line or None
            problems.append(Problem((site.site_dir / item.path).as_posix(), line, item.message))
    return problems


def check_read_whole(site, documents) -> list[Problem]:
    """A page the HTML parser gave up on before its end (a limit of libxml2's): its
    links after that line are not read, so they cannot be checked."""
    return [
        Problem(
            (site.site_dir / document.path).as_posix(),
            document.stopped[0] or None,
            f"the HTML parser stopped reading the page here (libxml2: "
            f"{document.stopped[1].strip()}), so its links after this line are not checked; "
            "simplify the HTML there (libxml2 reads elements nested at most 2048 deep)",
        )
        for document in documents
        if document.stopped
    ]


def check_internal(site, documents) -> list[Found]:
    ids = {document.path: document.ids for document in documents}
    problems = []
    for document in documents:
        page_language = site.language_of(document.path)
        for link in document.links:
            target = site.resolve(document.path, link.url)
            if target is None:
                continue
            if target.file not in site.files:
                problems.append(
                    Found(
                        document.path,
                        link,
                        f"broken link '{link.url}': {site.site_dir.as_posix()}/{target.file} "
                        "does not exist",
                    )
                )
                continue
            page_ids = ids.get(target.file, set())
            if (
                target.fragment
                and target.file.endswith(".html")
                and target.fragment not in page_ids
            ):
                problems.append(
                    Found(
                        document.path,
                        link,
                        f"broken anchor '{link.url}': no id '{target.fragment}' in "
                        f"{site.site_dir.as_posix()}/{target.file}",
                    )
                )
            if (
                document.path.endswith(".html")
                and link.tag == "a"
                and target.file.endswith(".html")
                and not link.declares_language
                and site.language_of(target.file) != page_language
            ):
                problems.append(
                    Found(
                        document.path,
                        link,
                        f"link '{link.url}' leads from a page in '{page_language}' to a page "
                        f"in '{site.language_of(target.file)}'; link to the page in "
                        f"'{page_language}' instead",
                    )
                )
    return problems


ALLOWED_SCHEMES = ("", "https", "mailto", "tel")


def check_schemes(site, documents) -> list[Found]:
    """Every URL of a page is https:, mailto:, tel: or inside the site."""
    problems = []
    for document in documents:
        if not document.path.endswith(".html"):
            continue
        for link in document.links:
            scheme = urlsplit(link.url).scheme  # as browsers read it: lower case, no tabs
            if scheme in ALLOWED_SCHEMES or (scheme == "http" and link.tag == "a"):
                continue  # an http:// link is reported by check_external_form
            if scheme == "http" and not site.is_external(link.url):
                continue  # the site's own address, built for http://
            problems.append(
                Found(
                    document.path,
                    link,
                    f"link '{link.url}' uses '{scheme}:'; a page may only link to https:, "
                    "mailto: and tel: addresses and to its own pages",
                )
            )
    return problems


def external_urls(site, documents) -> dict[str, dict[str, built_site.Link]]:
    """External URLs of each page, once per page, in the order they appear (each with
    its first link)."""
    found: dict[str, dict[str, built_site.Link]] = defaultdict(dict)
    for document in documents:
        if not document.path.endswith(".html"):
            continue
        for link in document.links:
            is_absolute = link.url.startswith(("http:", "https:", "//"))
            if link.tag == "a" and is_absolute and site.resolve(document.path, link.url) is None:
                found[document.path].setdefault(link.url, link)
    return found


def malformed(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "is not https; use the https:// address"
    host = parts.hostname or ""
    if "." not in host or any(char.isspace() for char in url):
        return "is not a well-formed address"
    return None


def check_external_form(site, pages_urls) -> list[Found]:
    problems = []
    for path, urls in sorted(pages_urls.items()):
        for url, link in urls.items():
            reason = malformed(url)
            if reason:
                problems.append(Found(path, link, f"external link '{url}' {reason}"))
    return problems


def check_external_answers(site, pages_urls, args) -> list[Found]:
    # http:// links are asked too: their form is reported apart, their answer here.
    from sitekit.check import external_links  # the HTTP code, only when links are asked

    urls = {url for urls in pages_urls.values() for url in urls if urlsplit(url).hostname}
    answers = external_links.check_urls(
        urls,
        cache_file=args.cache,
        cache_max_age=args.cache_max_age,
        concurrency=args.concurrency,
        timeout=args.timeout,
        retries=args.retries,
        per_host_interval=args.per_host_interval,
    )
    problems = []
    for path, page_urls in sorted(pages_urls.items()):
        for url, link in page_urls.items():
            answer = answers.get(url)
            if answer and answer.problem:
                problems.append(Found(path, link, f"external link '{url}': {answer.problem}"))
    return problems


def main(argv=None) -> int:
    args = parse_args(argv)
    if error := missing_site(args.site_dir):
        print(error)
        return 1
    config, _ui = site_config.load(args.config)
    site = built_site.Site(args.site_dir, args.site_url or config.site_url, config.languages)
    documents = read_documents(site)
    pages_urls = external_urls(site, documents)
    found = (
        check_internal(site, documents)
        + check_schemes(site, documents)
        + check_external_form(site, pages_urls)
    )
    if args.external:
        found += check_external_answers(site, pages_urls, args)
    problems = check_read_whole(site, documents) + located(site, config.docs_dir, found)
    if args.list_external:
        for path, urls in sorted(pages_urls.items()):
            for url in urls:
                print(f"{site.site_dir.as_posix()}/{path}: external {url}")
    pages = sum(1 for document in documents if document.path.endswith(".html"))
    links = sum(len(document.links) for document in documents)
    return report(
        "check_links",
        problems,
        f"in {pages} pages ({links} links)",
        f"{pages} pages, {links} links: up to date, nothing broken",
    )


if __name__ == "__main__":
    sys.exit(main())
