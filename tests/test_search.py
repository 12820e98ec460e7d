"""Search on the built site, as a reader uses it in chromium: each language finds its own
pages only, with accents optional, elision, hyphenated words and word forms; the
results panel shows clean titles and snippets with whole-word highlights, the typed
words that are missing, and the answer first; it passes axe-core with results open
and with nothing found, and works with the keyboard; a page view downloads no index."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from scripts import search_bench
from sitekit.build.search_index import BOOSTS, split_index
from tests.accessibility import axe_violations
from tests.sitebuild import LANGUAGES, ROOT

FR, EN = "fr/", ""
IMR = "health-insurance/independent-medical-review/"
NEWBORN = "health-insurance/add-a-newborn/"
COBRA = "health-insurance/cal-cobra/"
MEDI_CAL = "health-insurance/medi-cal-eligibility/"
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# What the panel shows, read from the DOM: for each result, its titles and snippets as
# text and as HTML, the highlighted words, and the "missing" words.
PANEL = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
    href: item.querySelector('a').getAttribute('href'),
    titles: [...item.querySelectorAll('h1, h2')].map(h => h.textContent),
    texts: [...item.querySelectorAll('article')].map(a => a.textContent),
    html: item.innerHTML,
    marks: [...item.querySelectorAll('mark')].map(m => m.textContent),
    nested: item.querySelectorAll('mark mark, mark *').length,
    missing: [...item.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent),
}))"""
QUERIES_SHOWN = {
    EN: [
        "my insurance denied my surgery",
        "deadline",
        "denied claim",
        "what is the deadline?",
        "medi-cal <b>income</b>",
        '<img src=x onerror="window.__injected=1"> appeal',
        "mark",
    ],
    FR: [
        "mon assurance a refusé mon opération",
        "appel refusé",
        "d'assurance délai",
        "nouveau-né",
        "<mark>recours</mark>",
    ],
}


def results(page, site_url, root, query):
    page.goto(site_url + root)
    return search_bench.search(page, query, site_url)


def panel(page):
    return page.evaluate(PANEL)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("délai imr", IMR),
        ("delai imr", IMR),  # accents optional
        ("l'assurance", "health-insurance/covered-california-open-enrollment/"),  # elision
        ("nouveau-né", NEWBORN),  # hyphenated word
        ("nouveau ne", NEWBORN),
        ("nouveaux-nés", NEWBORN),  # plural
        ("Cal-COBRA", COBRA),
        ("cal cobra", COBRA),
        ("Medi-Cal", MEDI_CAL),
        ("medical revenus", MEDI_CAL),  # joined
        ("assurances refusées", IMR),  # plurals, feminine, accents
    ],
)
def test_french_search_finds_the_page(page, site_url, query, expected):
    found = results(page, site_url, FR, query)
    assert FR + expected in found[:5], found
    assert all(path.startswith(FR) for path in found), found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("severe pain", "health-insurance/urgent-review/"),
        ("laid off", COBRA),
        ("keep my doctor", "health-insurance/continuity-of-care/"),
    ],
)
def test_english_words_on_a_french_page_find_the_french_page_first(page, site_url, query, expected):
    """Words of the English page's title and search terms that the French page never
    writes: French readers type the English of their plan's letters too. The page was
    found by them, so they are not listed as missing."""
    found = results(page, site_url, FR, query)
    assert found[:1] == [FR + expected], found
    assert panel(page)[0]["missing"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("denied appeal", IMR),
        ("deny appeal", IMR),  # common forms
        ("apeal denyed", IMR),  # misspellings
        ("newborns", NEWBORN),
        ("Medi-Cal", MEDI_CAL),
        ("medi cal", MEDI_CAL),
        ("cal-cobra", COBRA),
    ],
)
def test_english_search_finds_the_page(page, site_url, query, expected):
    found = results(page, site_url, EN, query)
    assert EN + expected in found[:5], found
    assert not any(path.startswith(FR) for path in found), found


def test_a_plural_finds_a_page_that_writes_only_the_singular(page, site_url, site_dir):
    # Where it ranks among the many pages that now write "appeal" is the ranker's
    # business (the grievance and Medicare appeal pages come first); found it must be.
    imr = search_pages(site_dir, EN)[IMR]
    text = " ".join([imr["title"], imr["description"]] + [s[2] for s in imr["sections"]])
    assert "appeal" in text.lower() and "appeals" not in text.lower()
    assert EN + IMR in results(page, site_url, EN, "appeals")


@pytest.mark.parametrize(
    ("root", "query"),
    [(root, query) for root, queries in QUERIES_SHOWN.items() for query in queries],
)
def test_the_results_panel_shows_clean_text_and_whole_word_highlights(page, site_url, root, query):
    found = results(page, site_url, root, query)
    assert found, f"{query!r} found nothing"
    typed = set(re.findall(r"[^\W_]+(?:-[^\W_]+)*", query.lower()))
    for result in panel(page):
        shown = " ".join(result["titles"] + result["texts"])
        assert "<" not in shown and ">" not in shown, shown
        assert "&lt;" not in result["html"] and "&amp;lt;" not in result["html"], result["html"]
        assert result["nested"] == 0, result["html"]
        assert all(mark.strip() and mark == mark.strip() for mark in result["marks"]), result
        for mark in result["marks"]:
            assert not any(char in mark for char in "<>&;\"'"), mark
        assert set(result["missing"]) <= typed, (result["missing"], typed)
    assert page.evaluate("window.__injected === undefined")


def test_missing_words_are_the_words_as_typed(page, site_url):
    results(page, site_url, EN, "cobra zqxwvy")
    missing = {word for result in panel(page) for word in result["missing"]}
    assert missing == {"zqxwvy"}
    results(page, site_url, FR, "refusé zqxwvy")
    missing = {word for result in panel(page) for word in result["missing"]}
    assert "zqxwvy" in missing and not any(len(word) < 5 for word in missing), missing


def test_french_appel_means_an_appeal_not_a_phone_call(page, site_url):
    found = results(page, site_url, FR, "appel refusé")
    assert found[0] == FR + IMR, found
    first = panel(page)[0]
    assert "#contacts" not in first["html"], "the phone table is shown as the answer"
    assert not any(mark.lower().startswith("appel") for r in panel(page) for mark in r["marks"])


# ("recours" alone was the French query until the grievance page, which is about making
# a "recours", joined the site: it now comes first, and rightly.)
@pytest.mark.parametrize(
    ("root", "query"), [(EN, "independent medical review"), (FR, "examen médical indépendant")]
)
def test_a_question_shows_its_answer_first(page, site_url, root, query, site_dir):
    found = results(page, site_url, root, query)
    assert found[0] == root + IMR, found
    intro = search_pages(site_dir, root)[IMR]["sections"][0][2]
    snippet = panel(page)[0]["texts"][0]
    assert intro[:60] in snippet, (intro[:60], snippet)


def search_pages(site_dir, root) -> dict:
    """The pages of a language's search files, by location."""
    return {
        page["location"]: page
        for path in (site_dir / root / "search/pages").glob("*.json")
        for page in json.loads(path.read_text())
    }


@pytest.mark.parametrize(("root", "query"), [(EN, "homepage"), (FR, "page d'accueil")])
def test_a_page_is_found_by_its_search_terms_and_they_are_not_missing(
    page, site_url, site_dir, root, query
):
    home = search_pages(site_dir, root)[""]
    shown = " ".join([home["title"], home["description"]] + [s[2] for s in home["sections"]])
    assert query.split()[-1].split("'")[-1] not in shown.lower(), "pick a word the text lacks"
    found = results(page, site_url, root, query)
    assert found[0] == root, found
    assert panel(page)[0]["missing"] == [], panel(page)[0]


@pytest.mark.parametrize(("root", "query"), [(EN, "start here"), (FR, "par où commencer")])
def test_a_heading_typed_whole_brings_its_page_first(page, site_url, site_dir, root, query):
    """ "here" and "par où" are stop words: only the whole phrase, as the home page's
    heading has it, tells its page from others that say "start"/"commencer"."""
    headings = [section[1] for section in search_pages(site_dir, root)[""]["sections"]]
    assert any(heading.lower() == query for heading in headings), headings
    assert results(page, site_url, root, query)[0] == root


def test_a_query_about_contacts_shows_the_contacts(page, site_url):
    results(page, site_url, EN, "dmhc help center phone tty")
    hrefs = [result["html"] for result in panel(page)[:3]]
    assert any("#dmhc" in html or "#contacts" in html for html in hrefs), hrefs


@pytest.mark.parametrize("root", [EN, FR])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_is_accessible_with_results_open_and_with_nothing_found(page, site_url, root, size):
    page.set_viewport_size(size)
    name = "en" if root == EN else "fr"
    for state, query in (("results", QUERIES_SHOWN[root][0]), ("nothing", "zqxwvy")):
        results(page, site_url, root, query)
        assert axe_violations(page) == [], state
        assert page.get_attribute(".md-search[role=dialog]", "aria-label")
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"search-{state}-{name}-{size['width']}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 5_000


@pytest.mark.parametrize("root", [EN, FR])
def test_results_can_be_reached_and_opened_with_the_keyboard(page, site_url, root):
    found = results(page, site_url, root, "cobra")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.className")
    assert "md-search-result__link" in focused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0].endswith("/" + found[0]), (page.url, found[0])
    # Enter in the search box opens the first result.
    found = results(page, site_url, root, "medi-cal")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0].endswith("/" + found[0]), (page.url, found[0])


@pytest.mark.parametrize("root", [EN, FR])
def test_a_page_view_downloads_no_index_and_a_search_reads_its_language_only(page, site_url, root):
    requested = []
    page.on("request", lambda request: requested.append(request.url.removeprefix(site_url)))
    page.goto(site_url + root)
    page.wait_for_load_state("networkidle")
    on_view = [url for url in requested if url.startswith(root + "search/")]
    assert on_view == [root + "search/search_index.json"], on_view
    stub = json.loads(page.request.get(site_url + root + "search/search_index.json").text())
    assert stub["docs"] == []
    requested.clear()
    search_bench.search(page, "cobra", site_url)
    page.wait_for_load_state("networkidle")
    searched = [url for url in requested if url.endswith(".json") or ".json?" in url]
    assert searched and all(url.startswith(root + "search/") for url in searched), searched
    if root == EN:
        assert not any(url.startswith(FR) for url in searched), searched


@pytest.mark.parametrize(
    ("root", "words"),
    [
        (FR, ["Rechercher", "documents trouvés", "Aucun document trouvé", "Rien trouvé"]),
        (EN, ["Search", "matching documents", "No matching documents", "Nothing found?"]),
    ],
)
def test_the_search_interface_speaks_the_page_language(page, site_url, root, words):
    placeholder, count, none, help_text = words
    page.goto(site_url + root)
    box = page.locator("input.md-search__input")
    assert box.get_attribute("placeholder") == placeholder
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == placeholder
    results(page, site_url, root, "cobra")
    assert count in page.inner_text(".md-search-result__meta")
    results(page, site_url, root, "zqxwv")
    assert page.inner_text(".md-search-result__meta") == none
    help_line = page.locator(".site-search-help")
    assert help_text in help_line.inner_text()
    link = help_line.locator("a").evaluate("a => new URL(a.href).pathname")
    assert link == f"/{root}contacts/"
    assert page.request.get(site_url + link.lstrip("/")).ok


def test_the_help_line_goes_when_results_come_back(page, site_url):
    results(page, site_url, EN, "zqxwv")
    assert page.locator(".site-search-help").count() == 1
    search_bench.search(page, "cobra", site_url)
    assert page.locator(".site-search-help").count() == 0


def test_each_language_has_its_own_search_files(site_dir):
    for lang, root in (("en", EN), ("fr", FR)):
        folder = site_dir / root / "search"
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["lang"] == lang
        locations = [
            page["location"]
            for path in (folder / "pages").glob("*.json")
            for page in json.loads(path.read_text())
        ]
        assert len(locations) == manifest["pages"] == len(set(locations))
        assert IMR in locations and not any(location.startswith(FR) for location in locations)
        for name in manifest["shards"]:
            assert (folder / "shards" / f"{name}.json").is_file()
        assert len(list((folder / "shards").glob("*.json"))) == len(manifest["shards"])


def test_split_index_keeps_each_language_apart_and_annotates_pages():
    from sitekit.core import page_model

    pages = page_model.load_language(ROOT / "docs", "fr")[0]
    merged = {
        "config": {"lang": ["en", "fr"], "separator": "x", "fields": {}},
        "docs": [
            {"location": "", "title": "Home", "text": ""},
            {"location": "glossary/#imr", "title": "IMR", "text": ""},
            {"location": "fr/", "title": "Accueil", "text": ""},
            {"location": "fr/glossary/", "title": "Glossaire", "text": ""},
            {"location": "fr/guides/", "title": "Guides", "text": "<p>Intro</p>"},
            {"location": "fr/guides/#questions", "title": "Questions", "text": "<ul>x</ul>"},
        ],
    }
    french_pages = {
        "": pages["index.md"],
        "glossary/": pages["glossary.md"],
        "guides/": pages["guides/index.md"],
    }
    split = split_index(merged, list(LANGUAGES), {"fr": french_pages})
    assert [doc["location"] for doc in split["en"]["docs"]] == ["", "glossary/#imr"]
    assert split["en"]["config"]["lang"] == ["en"] and split["fr"]["config"]["lang"] == ["fr"]
    french = {doc["location"]: doc for doc in split["fr"]["docs"]}
    assert french[""]["boost"] == BOOSTS["home"]
    assert french["guides/"]["boost"] == BOOSTS["listing"]
    assert french["glossary/"]["boost"] == BOOSTS["reference"]
    assert french[""]["description"] == pages["index.md"].meta["description"]
    # The generated list of a category keeps its heading, not its text.
    assert french["guides/#questions"]["text"] == "" and french["guides/"]["text"]
    # A French page is also searched by its English twin's title and search terms; an
    # English page, and a section, by nothing more.
    english = page_model.load_language(ROOT / "docs", "en")[0]
    split = split_index(
        merged, list(LANGUAGES), {"fr": french_pages, "en": {"glossary/": english["glossary.md"]}}
    )
    french = {doc["location"]: doc for doc in split["fr"]["docs"]}
    glossary = english["glossary.md"].meta
    assert french["glossary/"]["twin_terms"] == [glossary["title"], *glossary["search_terms"]]
    assert "twin_terms" not in french["guides/"] and "twin_terms" not in french["guides/#questions"]
    assert not any("twin_terms" in doc for doc in split["en"]["docs"])


TOP1_FLOOR = 0.87
TOP3_FLOOR = 0.96


@pytest.mark.browser  # scripts.search_bench types the queries in chromium
def test_the_relevance_benchmark_runs_on_both_sets(site_dir):
    """`make search-bench` on the built site. Its goal (check set: top-1 95%, top-3 100%)
    is reported, not required here (BENCHMARKS.md). What is required: no result from
    another language ever, and no fall below a floor a little under the level measured
    when the pages' example queries came (2026-12-07: top-1 91-94% and top-3 99-100%
    on the check set; the tuning set's own rates are higher, since its queries are the
    examples). The goal, not the floor, is what the ranking is judged by."""
    # One tuning query in three, to keep `make test` short: the whole tuning set is
    # ranked by the training (`make search-train`), and typed by `make search-bench`.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.search_bench",
            str(site_dir),
            "--tuning-every",
            "3",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["tuning_every"] == 3
    # The floors hold on both sets; the check set is the one that guards, since the
    # tuning queries are their own examples on the built site.
    for lang in LANGUAGES:
        for name in ("tuning", "check"):
            summary = data["search_bench"][lang][name]
            assert summary["other_language_results"] == 0, (lang, name)
            assert summary["queries"] >= 60 if name == "tuning" else summary["queries"] >= 36
            assert summary["top3_rate"] >= TOP3_FLOOR, (lang, name, summary)
            assert summary["top1_rate"] >= TOP1_FLOOR, (lang, name, summary)
        assert data["search_bench"][lang]["search_files"]["page_view_gzip"] < 400


def test_plain_mkdocs_serve_searches(page):
    """What an author types, `mkdocs serve`: the served site searches in both languages."""
    import os
    import time
    import urllib.request

    from sitekit.check.local_browser import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + "fr/search/manifest.json", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, "mkdocs serve stopped"
                time.sleep(0.5)
        for root, query, expected in ((EN, "cobra", COBRA), (FR, "nouveau-né", NEWBORN)):
            page.goto(base + root)
            found = search_bench.search(page, query, base)
            assert root + expected in found[:3], found
    finally:
        server.terminate()
        server.wait(timeout=30)
