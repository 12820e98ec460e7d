"""The "page not found" page of each language (overrides/404.html,
sitekit/build/not_found.py): served at any wrong address, it offers the search, the
three pages most readers need and the Help Center's numbers, in the reader's language."""

from __future__ import annotations

import urllib.request

import lxml.html
import pytest

from tests.sitebuild import LANGUAGES

PREFIX = {"en": "", "fr": "fr/"}
NEEDED = ("health-insurance/independent-medical-review/", "guides/which-regulator/", "contacts/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_page_offers_the_pages_most_readers_need_and_who_to_call(site_dir, lang):
    root = lxml.html.parse(str(site_dir / PREFIX[lang] / "404.html")).getroot()
    assert root.get("lang") == lang
    article = root.xpath("//article")[0]
    links = [link.get("href") for link in article.xpath(".//ul[not(ancestor::aside)]//a")]
    assert links == [f"/{PREFIX[lang]}{path}" for path in NEEDED]
    tels = [
        link.get("href")
        for link in article.xpath(".//aside[@class='site-help']//a[@class='site-tel']")
    ]
    assert tels[:2] == ["tel:+18884662219", "tel:+18776889891"]
    assert article.xpath(".//button[@data-site-open-search]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_a_wrong_address_the_links_lead_to_real_pages(page, site_url, lang):
    response = page.goto(f"{site_url}{PREFIX[lang]}an/old/address/")
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    needed = page.locator("article ul:not(aside ul) a")
    assert needed.count() == len(NEEDED)
    for href in needed.evaluate_all("links => links.map(l => l.href)"):
        with urllib.request.urlopen(href) as answer:
            assert answer.status == 200, href
    page.click("button[data-site-open-search]")
    assert "md-search__input" in page.evaluate("document.activeElement.className")
    page.keyboard.type("imr")
    page.wait_for_selector(".md-search-result__item")
