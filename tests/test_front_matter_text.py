"""A title and a description are text wherever they are written, whatever they hold.

A copy of the site is built with markup planted in one question's title and description,
with the page model's refusal of markup switched off in the copy (the rendering must be
safe on its own), then read with an HTML parser and in chromium.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from scripts import search_bench
from sitekit.check.local_browser import free_port, serve
from tests.sitebuild import build, copy_project, output_path, parse_html
from tests.test_search import panel

COBRA = "health-insurance/cal-cobra.md"
TITLE = (
    'Cal-COBRA <b>bold</b> <img src=x onerror=window.__injected=1> <!-- </script> & "more" '
    "[link](javascript:alert(3)) *em* {: onclick=x }"
)
DESCRIPTION = (
    'Who keeps their "job-based" plan "><img src=y onerror=window.__injected=2> <!-- <script> '
    "&amp; for how long."
)
SITE_NAME = "California Health Coverage Help"


def plant(project) -> None:
    model = project / "sitekit/core/page_model.py"
    text = model.read_text(encoding="utf-8")
    assert "\nMARKUP = re.compile(" in text
    model.write_text(
        text.replace("\nMARKUP = re.compile(", '\nMARKUP = re.compile(r"(?!)") or re.compile('),
        encoding="utf-8",
    )
    page = project / "docs/en" / COBRA
    text = page.read_text(encoding="utf-8")
    for key, value in (("title", TITLE), ("description", DESCRIPTION)):
        line = f"{key}: {json.dumps(value)}"
        text = re.sub(rf"(?m)^{key}: .*$", lambda _, line=line: line, text, count=1)
    page.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted-text")
    project = copy_project(folder / "project")
    plant(project)
    port = free_port()
    site = folder / "site"
    result = build(project, site, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site, port) as base:
        yield site, base


class ElementTexts(HTMLParser):
    """The text of every element of one kind, white space collapsed."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.depth, self.texts = tag, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            if self.depth == 0:
                self.texts.append("")
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == self.tag and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts(path, tag: str) -> list[str]:
    parser = ElementTexts(tag)
    parser.feed(path.read_text(encoding="utf-8"))
    return [" ".join(text.split()) for text in parser.texts]


def test_nothing_planted_becomes_a_tag_or_an_attribute_anywhere(planted):
    site, _ = planted
    for path in site.rglob("*.html"):
        for tag, attrs in parse_html(path).find_all():
            handlers = {name: value for name, value in attrs.items() if name.startswith("on")}
            assert handlers == {}, (path, tag, attrs)
            assert not (tag == "img" and attrs.get("src") in ("x", "y")), (path, attrs)
            assert not (attrs.get("href") or "").startswith("javascript:"), (path, attrs)


def test_the_page_shows_its_title_and_description_as_written(planted):
    site, _ = planted
    page = site / output_path("en", COBRA)
    assert texts(page, "title") == [f"{TITLE} - {SITE_NAME}"]
    assert texts(page, "h1") == [TITLE]
    assert TITLE in texts(page, "header")[0]
    tags = parse_html(page)
    assert [meta["content"] for meta in tags.find("meta", name="description")] == [DESCRIPTION]
    assert tags.find("meta", property="og:title")[0]["content"] == TITLE
    assert tags.find("meta", property="og:description")[0]["content"] == DESCRIPTION
    scripts = [text for text in texts(page, "script") if '"@context"' in text]
    assert len(scripts) == 1 and "<" not in scripts[0], scripts
    data = json.loads(scripts[0])
    assert (data["name"], data["description"]) == (TITLE, DESCRIPTION)
    [question] = data["mainEntity"]
    assert question["name"] == TITLE and question["acceptedAnswer"]["text"]


def test_lists_of_questions_show_the_title_as_written(planted):
    site, _ = planted
    assert TITLE in texts(site / output_path("en", "health-insurance/index.md"), "a")
    assert TITLE in texts(site / output_path("en", "partners.md"), "td")
    related = site / output_path("en", "health-insurance/special-enrollment-period.md")
    assert TITLE in texts(related, "a")


def test_feeds_sitemaps_and_search_files_hold_the_text_as_written(planted):
    site, _ = planted
    atom = {"atom": "http://www.w3.org/2005/Atom"}
    entries = ET.parse(site / "feed.xml").getroot().findall("atom:entry", atom)
    assert (TITLE, DESCRIPTION) in {
        (entry.find("atom:title", atom).text, entry.find("atom:summary", atom).text)
        for entry in entries
    }
    items = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    assert (TITLE, DESCRIPTION) in {(item["title"], item["summary"]) for item in items}
    for sitemap in ("sitemap.xml", "fr/sitemap.xml"):
        assert ET.parse(site / sitemap).getroot().tag.endswith("urlset")
    shown = [
        (found["title"], found["description"])
        for path in (site / "search/pages").glob("*.json")
        for found in json.loads(path.read_text(encoding="utf-8"))
    ]
    assert (TITLE, DESCRIPTION) in shown


def test_in_chromium_nothing_runs_and_search_shows_the_title_as_text(page, planted):
    _, base = planted
    page.goto(base + "health-insurance/cal-cobra/")
    assert page.title() == f"{TITLE} - {SITE_NAME}"
    assert page.text_content("h1") == TITLE
    found = search_bench.search(page, "cobra", base)
    assert "health-insurance/cal-cobra/" in found, found
    assert TITLE in [title for result in panel(page) for title in result["titles"]]
    assert page.evaluate("window.__injected === undefined")
