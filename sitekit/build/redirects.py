"""Short links and moved pages (redirects.yml): read, check, and write as redirect pages.

Each entry leads from a path (without language prefix) to a page, in every language:
`imr: health-insurance/independent-medical-review.md` publishes /imr/ and /fr/imr/,
each sending the reader to the page of its own language, anchor included.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitekit.build.typography import typeset_text
from sitekit.core.reporting import Problem
from sitekit.core.urls import absolute, page_path, relative_url

SECTIONS = ("short_links", "moved")
SOURCE_PATTERN = re.compile(r"^[a-z0-9]+(?:[-/][a-z0-9]+)*/?$")


@dataclass(frozen=True)
class Redirect:
    source: str  # "imr/" (always ends with a slash)
    target: str  # "health-insurance/independent-medical-review.md"
    line: int


def read_redirects(path: Path) -> tuple[list[Redirect], list[Problem]]:
    """The redirects of the file, and what is wrong with its form."""
    source = str(path)
    if not path.is_file():
        return [], [
            Problem(source, None, f"missing; create it with the sections {', '.join(SECTIONS)}")
        ]
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [], [
            Problem(source, mark.line + 1 if mark else None, f"not valid YAML ({error.problem})")
        ]
    if not isinstance(node, yaml.MappingNode):
        return [], [Problem(source, 1, f"needs the sections {', '.join(SECTIONS)}")]
    redirects, problems = [], []
    for key_node, value_node in node.value:
        if key_node.value not in SECTIONS:
            problems.append(
                Problem(source, key_node.start_mark.line + 1, f"unknown section '{key_node.value}'")
            )
            continue
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(
                Problem(source, key_node.start_mark.line + 1, "must be 'path: page.md' lines or {}")
            )
            continue
        for entry_key, entry_value in value_node.value:
            path_text = str(entry_key.value).strip("/")
            redirects.append(
                Redirect(path_text + "/", str(entry_value.value), entry_key.start_mark.line + 1)
            )
    return redirects, problems


def check_redirects(path: Path, redirects: list[Redirect], pages: dict) -> list[Problem]:
    """Every redirect leads to an existing page, and no redirect hides a page or another."""
    source, problems, seen = str(path), [], set()
    published = {page_path(rel): rel for rel in pages}
    for redirect in redirects:
        if not SOURCE_PATTERN.match(redirect.source):
            message = f"'{redirect.source}' is not a valid path; use lower-case words and hyphens"
        elif redirect.target not in pages:
            message = f"'{redirect.target}' is not a page; use a path inside docs/<language>/"
        elif redirect.source in published:
            message = (
                f"'{redirect.source}' is the address of {published[redirect.source]}; "
                "a redirect cannot replace a page"
            )
        elif redirect.source in seen:
            message = f"'{redirect.source}' is listed twice"
        else:
            seen.add(redirect.source)
            continue
        problems.append(Problem(source, redirect.line, message))
    return problems


REDIRECT_SCRIPT = "assets/javascripts/redirect.js"  # from the site's root


def redirect_page(
    lang: str, target_url: str, canonical: str, text: str, title: str, script_url: str
) -> str:
    """A page that sends the reader on at once, keeping the #anchor of the link: the
    script (a file, as the site's Content-Security-Policy allows no inline script) keeps
    it; the refresh, without JavaScript, cannot."""
    url, absolute = html.escape(target_url), html.escape(canonical)
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="canonical" href="{absolute}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<script src="{html.escape(script_url)}" data-target="{url}"></script>\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'</head>\n<body>\n<p>{html.escape(text)} <a href="{url}">{html.escape(title)}</a></p>\n'
        "</body>\n</html>\n"
    )


def write_redirect_pages(site_dir: Path, site_url: str, lang: str, current) -> None:
    """Each redirect of redirects.yml as a page of the language (/imr/, /fr/imr/), leading
    to its page in that language (current: the SiteBuild)."""
    prefix, pages = current.prefix(lang), current.pages[lang]
    text = current.ui(lang)["redirect_text"]
    for redirect in current.redirects:
        target = prefix + page_path(redirect.target)
        source = prefix + redirect.source
        title = typeset_text(pages[redirect.target].meta["title"], lang)
        script = relative_url(source, "") + REDIRECT_SCRIPT
        html_page = redirect_page(
            lang, relative_url(source, target), absolute(site_url, target), text, title, script
        )
        output = site_dir / source / "index.html"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html_page, encoding="utf-8")
