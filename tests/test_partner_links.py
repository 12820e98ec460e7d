"""What partners rely on, on the built site: the URL contract, redirects and short links in
every language, anchors, head metadata, sitemaps, feeds and the page for partners."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ElementTree

import lxml.html
import pytest
import yaml

from scripts import published_urls
from sitekit.build.redirects import Redirect, check_redirects, read_redirects
from sitekit.core import page_model
from sitekit.core.urls import page_path
from tests.sitebuild import LANGUAGES, ROOT, build, copy_project, output_path, parse_html

SITE_URL = "https://calhealthhelp.example/"
PREFIX = {"en": "", "fr": "fr/"}
ATOM = "{http://www.w3.org/2005/Atom}"


def pages_of(lang):
    pages = page_model.load_language(ROOT / "docs", lang)[0]
    return {rel: page for rel, page in pages.items() if not page.is_draft}


def questions(lang):
    return [page for page in pages_of(lang).values() if page.is_question]


# The URL contract


def test_every_published_url_resolves_and_every_page_is_listed(site_dir, capsys):
    assert published_urls.main([str(site_dir)]) == 0, capsys.readouterr().out


def test_a_listed_url_that_stops_resolving_fails(site_dir, tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    shutil.rmtree(site / "fr/health-insurance/cal-cobra")
    assert published_urls.main([str(site)]) == 1
    output = capsys.readouterr().out
    assert "/fr/health-insurance/cal-cobra/ no longer resolves" in output
    assert "add a redirect from its old path in redirects.yml" in output


def test_a_page_missing_from_the_list_fails_until_the_list_is_updated(site_dir, tmp_path, capsys):
    site, url_list = tmp_path / "site", tmp_path / "urls.txt"
    shutil.copytree(site_dir, site)
    shutil.copy(ROOT / "tests/published-urls.txt", url_list)
    (site / "guides/new-guide").mkdir()
    (site / "guides/new-guide/index.html").write_text("<html></html>")
    assert published_urls.main([str(site), "--list", str(url_list)]) == 1
    assert "/guides/new-guide/ is published but not listed" in capsys.readouterr().out
    assert published_urls.main([str(site), "--list", str(url_list), "--update"]) == 0
    assert "/guides/new-guide/" in url_list.read_text()


# Redirects and short links


def redirect_target(site_dir, path):
    html = (site_dir / path).read_text(encoding="utf-8")
    return re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1), html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_links_lead_to_the_page_in_the_same_language(site_dir, lang):
    short_links = yaml.safe_load((ROOT / "redirects.yml").read_text())["short_links"]
    assert short_links["imr"] == "health-insurance/independent-medical-review.md"
    for short, target in short_links.items():
        path = f"{PREFIX[lang]}{short}/index.html"
        url, html = redirect_target(site_dir, path)
        assert (site_dir / f"{PREFIX[lang]}{short}" / url / "index.html").resolve() == (
            site_dir / output_path(lang, target)
        ).resolve()
        assert f'<html lang="{lang}">' in html
        assert f'<link rel="canonical" href="{SITE_URL}{PREFIX[lang]}{page_path(target)}">' in html


def test_a_short_link_keeps_the_anchor_in_the_browser(page, site_url):
    page.goto(site_url + "fr/imr/#step-4")
    page.wait_for_url("**/fr/health-insurance/independent-medical-review/#step-4")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_a_moved_page_redirects_in_every_language(tmp_path):
    project = copy_project(tmp_path / "project")
    redirects = project / "redirects.yml"
    redirects.write_text(
        redirects.read_text().replace(
            "moved: {}", "moved:\n  old-cobra: health-insurance/cal-cobra.md"
        )
    )
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    for lang in LANGUAGES:
        url, _ = redirect_target(site, f"{PREFIX[lang]}old-cobra/index.html")
        assert (site / f"{PREFIX[lang]}old-cobra" / url).resolve() == (
            site / f"{PREFIX[lang]}health-insurance/cal-cobra"
        ).resolve()


def test_bad_redirects_are_refused_with_their_line(tmp_path):
    path = tmp_path / "redirects.yml"
    path.write_text(
        "short_links:\n  imr: health-insurance/nope.md\n  glossary: glossary.md\n"
        "  Bad_Path: glossary.md\nmoved: {}\nextra: {}\n"
    )
    redirects, problems = read_redirects(path)
    problems += check_redirects(path, redirects, pages_of("en"))
    messages = [str(problem) for problem in problems]
    assert f"{path}:6: unknown section 'extra'" in messages
    assert (
        f"{path}:2: 'health-insurance/nope.md' is not a page; use a path inside docs/<language>/"
        in messages
    )
    assert (
        f"{path}:3: 'glossary/' is the address of glossary.md; a redirect cannot replace a page"
        in messages
    )
    assert any(
        message.startswith(f"{path}:4: 'Bad_Path/' is not a valid path") for message in messages
    )
    assert check_redirects(path, [Redirect("imr/", "glossary.md", 1)] * 2, pages_of("en"))[
        0
    ].message == ("'imr/' is listed twice")


def test_the_build_refuses_a_redirect_to_a_missing_page(tmp_path):
    project = copy_project(tmp_path / "project")
    redirects = project / "redirects.yml"
    redirects.write_text(
        redirects.read_text().replace("moved: {}", "moved:\n  old: health-insurance/gone.md")
    )
    line = redirects.read_text().splitlines().index("  old: health-insurance/gone.md") + 1
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        f"redirects.yml:{line}: 'health-insurance/gone.md' is not a page"
        in result.stdout + result.stderr
    )


# Anchors


def heading_ids(site_dir, lang, rel):
    tags = parse_html(site_dir / output_path(lang, rel))
    return [
        attrs["id"] for tag, attrs in tags.tags if re.fullmatch(r"h[1-6]", tag) and "id" in attrs
    ]


@pytest.mark.parametrize("rel", sorted(pages_of("en")))
def test_headings_have_the_same_ids_in_both_languages(site_dir, rel):
    english, french = heading_ids(site_dir, "en", rel), heading_ids(site_dir, "fr", rel)
    assert english == french
    markdown_headings = [
        line for line in pages_of("en")[rel].body.splitlines() if re.match(r"#{1,6} ", line)
    ]
    assert all("{ #" in line for line in markdown_headings)


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Link to this section"), ("fr", "Lien vers cette section")]
)
def test_section_links_are_labelled_in_the_page_language(site_dir, lang, label):
    tags = parse_html(
        site_dir / output_path(lang, "health-insurance/independent-medical-review.md")
    )
    links = [attrs for tag, attrs in tags.tags if tag == "a" and attrs.get("class") == "headerlink"]
    assert links and all(link["title"] == label == link["aria-label"] for link in links)
    assert any(link["href"] == "#step-4" for link in links)


# Head metadata


def head(site_dir, lang, rel):
    tags = parse_html(site_dir / output_path(lang, rel))
    meta = {
        attrs["property"]: attrs["content"]
        for tag, attrs in tags.tags
        if tag == "meta" and "property" in attrs
    }
    canonical = tags.find("link", rel="canonical")[0]["href"]
    html = (site_dir / output_path(lang, rel)).read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    return tags, meta, canonical, data


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rel", sorted(pages_of("en")))
def test_head_metadata(site_dir, lang, rel):
    page = pages_of(lang)[rel]
    tags, meta, canonical, data = head(site_dir, lang, rel)
    url = f"{SITE_URL}{PREFIX[lang]}{page_path(rel)}"
    assert canonical == meta["og:url"] == data["url"] == url
    other = "fr" if lang == "en" else "en"
    assert meta["og:locale"] == {"en": "en_US", "fr": "fr_FR"}[lang]
    assert meta["og:locale:alternate"] == {"en": "en_US", "fr": "fr_FR"}[other]
    assert meta["og:description"] == page.meta["description"]
    assert data["inLanguage"] == lang and data["name"].replace("\u202f", " ") == page.meta["title"]
    assert data["@type"] == ("FAQPage" if page.is_question else "WebPage")
    if page.is_question:
        [question] = data["mainEntity"]
        assert question["@type"] == "Question" and question["name"] == data["name"]
        answer = question["acceptedAnswer"]["text"]
        # The whole answer as the page shows it: its first sentence, every step heading,
        # no "¶" links and no text of a tool that needs JavaScript.
        shown = lxml.html.parse(str(site_dir / output_path(lang, rel))).find(".//article")
        first = " ".join(shown.xpath(".//p[not(@class)]")[0].text_content().split())
        assert answer.startswith(first[:80]), (answer[:200], first[:200])
        for heading in shown.xpath(".//h2[starts-with(@id, 'step-')]"):
            assert " ".join(heading.text_content().replace("\u00b6", "").split()) in answer
        assert "\u00b6" not in answer and "data-imr" not in answer
        assert len(answer) > 3 * len(page.meta["description"])
        assert data["breadcrumb"]["itemListElement"][-1]["item"] == url
    if "updated" in page.meta:
        assert data["dateModified"] == page.meta["updated"].isoformat()
    twin = f"{SITE_URL}{PREFIX[other]}{page_path(rel)}"
    relation = data.get("workTranslation") or [data.get("translationOfWork")]
    assert twin in [link["url"] for link in relation]
    # The language alternates are in the sitemap, not in <head> (see test_build.py).
    assert not [link for link in tags.find("link", rel="alternate") if "hreflang" in link]
    alternates = sitemap_entries(site_dir / "sitemap.xml")[url][1]
    assert alternates == {lang: url, other: twin, "x-default": f"{SITE_URL}{page_path(rel)}"}


# Sitemaps and feeds


def sitemap_entries(path):
    root = ElementTree.parse(path).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {
        url.find("s:loc", ns).text: (
            getattr(url.find("s:lastmod", ns), "text", None),
            {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)},
        )
        for url in root.findall("s:url", ns)
    }


def test_sitemaps_date_each_page_by_its_last_change(site_dir):
    everything = sitemap_entries(site_dir / "sitemap.xml")
    french = sitemap_entries(site_dir / "fr/sitemap.xml")
    assert set(french) == {url for url in everything if url.startswith(SITE_URL + "fr/")}
    for lang in LANGUAGES:
        for rel, page in pages_of(lang).items():
            lastmod, alternates = everything[f"{SITE_URL}{PREFIX[lang]}{page_path(rel)}"]
            expected = page.meta["updated"].isoformat() if "updated" in page.meta else None
            assert lastmod == expected, rel
            assert set(alternates) == {"en", "fr", "x-default"}
            assert all(href.startswith(SITE_URL) for href in alternates.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_list_every_question_newest_first(site_dir, lang):
    expected = {
        f"{SITE_URL}{PREFIX[lang]}{page_path(page.rel_path)}": page for page in questions(lang)
    }
    atom = ElementTree.parse(site_dir / PREFIX[lang] / "feed.xml").getroot()
    entries = atom.findall(f"{ATOM}entry")
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert [entry.find(f"{ATOM}id").text for entry in entries] == [
        item["id"]
        for item in json.loads((site_dir / PREFIX[lang] / "feed.json").read_text())["items"]
    ]
    assert {entry.find(f"{ATOM}id").text for entry in entries} == set(expected)
    dates = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert dates == sorted(dates, reverse=True)
    feed = json.loads((site_dir / PREFIX[lang] / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["language"] == lang
    for item in feed["items"]:
        page = expected[item["url"]]
        assert item["title"] == page.meta["title"] and item["summary"] == page.meta["description"]
        assert item["date_modified"] == f"{page.meta['updated'].isoformat()}T00:00:00Z"
        assert item["language"] == lang


# The page for partners


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partner_page_lists_every_question_in_every_language(site_dir, lang):
    tags = parse_html(site_dir / output_path(lang, "partners.md"))
    links = {attrs["href"] for tag, attrs in tags.find_all() if tag == "a" and "href" in attrs}
    for page in questions("en"):
        for other in LANGUAGES:
            assert f"{SITE_URL}{PREFIX[other]}{page_path(page.rel_path)}" in links, page.rel_path
    for other in LANGUAGES:
        assert f"{SITE_URL}{PREFIX[other]}imr/" in links
        assert (
            f"{SITE_URL}{PREFIX[other]}feed.xml" in links
            and f"{SITE_URL}{PREFIX[other]}feed.json" in links
        )
    text = "".join(tags.text)
    label = {"en": "Help with a denied claim", "fr": "Aide en cas de refus de soins"}[lang]
    assert f'<a href="{SITE_URL}{PREFIX[lang]}imr/" hreflang="{lang}">{label}</a>' in text
