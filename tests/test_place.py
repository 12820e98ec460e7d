"""A sense of place, in both languages: breadcrumbs above every question and guide (the
same trail as the BreadcrumbList data), a text link to the same page in the other
language that keeps the reader's #anchor, and the partners' page in the footer."""

from __future__ import annotations

import json
import re
import urllib.parse

import lxml.html
import pytest

from tests.sitebuild import LANGUAGES, output_path, source_pages

PREFIX = {"en": "", "fr": "fr/"}
OTHER = {"en": "fr", "fr": "en"}
NAMES = {"en": "English", "fr": "Français"}
HOME = {"en": "Home", "fr": "Accueil"}


def parsed(site_dir, lang, rel):
    return lxml.html.parse(str(site_dir / output_path(lang, rel))).getroot()


def json_ld(root) -> dict:
    return json.loads(root.xpath("//script[@type='application/ld+json']")[0].text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_question_and_guide_shows_where_it_stands(site_dir, lang):
    pages = [
        rel for rel in source_pages()[lang] if rel.count("/") == 1 and not rel.endswith("index.md")
    ]
    assert len(pages) > 15
    for rel in pages:
        root = parsed(site_dir, lang, rel)
        [nav] = root.xpath("//nav[@class='site-breadcrumbs']")
        assert nav.get("aria-label")
        links = nav.xpath(".//a")
        category = parsed(site_dir, lang, rel.split("/")[0] + "/index.md")
        category_title = category.xpath("//h1")[0].text_content().replace("¶", "").strip()
        assert [link.text_content() for link in links] == [HOME[lang], category_title], rel
        assert [link.get("href") for link in links] == ["../../", "../"], rel
        # The same trail, with the page itself, for search engines.
        items = json_ld(root)["breadcrumb"]["itemListElement"]
        assert [item["name"] for item in items][:2] == [HOME[lang], category_title]
        assert len(items) == 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_to_itself_in_the_other_language_as_text(site_dir, lang):
    other = OTHER[lang]
    for rel in source_pages()[lang]:
        root = parsed(site_dir, lang, rel)
        [link] = root.xpath("//a[@class='site-language']")
        assert link.text_content() == NAMES[other]
        assert link.get("lang") == other and link.get("hreflang") == other
        here = "/" + output_path(lang, rel).removesuffix("index.html")
        target = urllib.parse.urljoin(here, link.get("href"))
        assert target == "/" + output_path(other, rel).removesuffix("index.html"), rel


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partners_page_is_in_the_footer_not_in_the_menu(site_dir, lang):
    for rel in ("index.md", "about.md", "health-insurance/independent-medical-review.md"):
        root = parsed(site_dir, lang, rel)
        menu = [
            link.get("href") or ""
            for link in root.xpath("//nav[contains(@class,'md-nav--primary')]//a")
        ]
        assert not any(re.search(r"partners/$", href) for href in menu), rel
        [footer_link] = root.xpath("//footer//nav[@class='site-footer-links']//a")
        here = "/" + output_path(lang, rel).removesuffix("index.html")
        assert urllib.parse.urljoin(here, footer_link.get("href")) == f"/{PREFIX[lang]}partners/"
    assert (site_dir / output_path(lang, "partners.md")).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_language_keeps_the_step_the_reader_is_at(page, site_url, lang):
    imr = output_path(lang, "health-insurance/independent-medical-review.md")
    page.goto(site_url + imr.removesuffix("index.html") + "#step-5")
    page.click("a.site-language")
    page.wait_for_url(
        f"**/{PREFIX[OTHER[lang]]}health-insurance/independent-medical-review/#step-5"
    )
    assert page.evaluate("document.documentElement.lang") == OTHER[lang]
    # A step reached by a link of the page is kept too.
    page.evaluate("location.hash = 'step-2'")
    assert page.get_attribute("a.site-language", "href").endswith("#step-2")
    menu = page.locator("a.md-select__link[hreflang]").first.evaluate("link => link.href")
    assert menu.endswith("#step-2")


def test_without_javascript_the_language_link_still_leads_to_the_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "health-insurance/independent-medical-review/#step-5")
    tab.click("a.site-language")
    tab.wait_for_url("**/fr/health-insurance/independent-medical-review/")
    assert tab.evaluate("document.documentElement.lang") == "fr"
    context.close()
