"""The real site, built strictly: its pages, languages, alternates, UI strings and 404s."""

from __future__ import annotations

import datetime as dt
import re
from html import escape

import pytest
import yaml

from sitekit.build import category_listing
from sitekit.core import page_model
from tests.sitebuild import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    ROOT,
    language_of,
    output_path,
    parse_html,
    source_pages,
)

IMR = "health-insurance/independent-medical-review.md"
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
# Material's own interface strings, which must follow the page's language.
UI_STRINGS = {
    "en": ["Skip to content", 'placeholder="Search"', "Table of contents", "Back to top"],
    "fr": ["Aller au contenu", 'placeholder="Rechercher"', "Table des matières", "Retour en haut"],
}


def built_pages(site_dir) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}


def test_strict_build_prints_no_warning(site_build):
    _, output = site_build
    problems = [line for line in output.splitlines() if re.match(r"(WARNING|ERROR)\b", line)]
    assert problems == []


def redirect_pages() -> set[str]:
    """The redirect pages redirects.yml asks for, in every language."""
    data = yaml.safe_load((ROOT / "redirects.yml").read_text(encoding="utf-8"))
    sources = [source for section in data.values() for source in (section or {})]
    return {output_path(lang, f"{source}.md") for lang in LANGUAGES for source in sources}


def test_output_is_exactly_the_source_pages_redirects_and_one_404_per_language(site_dir):
    expected = (
        {output_path(lang, rel) for lang, pages in source_pages().items() for rel in pages}
        | {output_path(lang, "404.md").replace("404/index.html", "404.html") for lang in LANGUAGES}
        | redirect_pages()
    )
    assert redirect_pages() and built_pages(site_dir) == expected


def test_the_imr_question_is_built_in_both_languages(site_dir):
    assert (site_dir / "health-insurance/independent-medical-review/index.html").is_file()
    assert (site_dir / "fr/health-insurance/independent-medical-review/index.html").is_file()


def all_pages(site_dir):
    return sorted(built_pages(site_dir))


@pytest.fixture(scope="module")
def pages(site_dir):
    return {path: parse_html(site_dir / path) for path in all_pages(site_dir)}


def test_html_lang_is_the_page_language(pages):
    wrong = {
        path: tags.find("html")[0].get("lang")
        for path, tags in pages.items()
        if tags.find("html")[0].get("lang") != language_of(path)
    }
    assert wrong == {}


SITE_URL = "https://calhealthhelp.example/"


def resolve(site_dir, page_path: str, href: str):
    """The built file a link of page_path points to (absolute URLs of the site included)."""
    href = href.split("#")[0].replace(SITE_URL, "/", 1)
    base = site_dir if href.startswith("/") else (site_dir / page_path).parent
    target = (base / href.lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() else target


def test_every_page_has_its_twin_in_every_language(site_dir, pages):
    """Each page's alternates (its translations and x-default) are in the sitemap, as
    absolute URLs of files that exist; the pages' <head> has no hreflang link (the theme
    would fetch a sitemap.xml beside each: sitekit/build/head_metadata.py)."""
    from tests.test_partner_links import sitemap_entries

    entries = sitemap_entries(site_dir / "sitemap.xml")
    for path, tags in pages.items():
        assert not [link for link in tags.find("link", rel="alternate") if "hreflang" in link], path
        if (
            path.endswith("404.html")
            or f"{SITE_URL}{path.removesuffix('index.html')}" not in entries
        ):
            continue  # the 404 pages and the redirect pages are not in the sitemap
        alternates = entries[f"{SITE_URL}{path.removesuffix('index.html')}"][1]
        assert set(alternates) == {*LANGUAGES, "x-default"}, path
        assert all(href.startswith(SITE_URL) for href in alternates.values()), alternates
        assert alternates["x-default"] == alternates[DEFAULT_LANGUAGE]
        for lang, href in alternates.items():
            if lang == "x-default":
                continue
            twin = resolve(site_dir, path, href)
            assert twin.is_file(), f"{path}: hreflang {lang} -> {href} does not exist"
            expected = output_path(lang, "x.md").removesuffix("x/index.html")
            assert twin.relative_to(site_dir).as_posix().startswith(expected), (path, href)
            if lang == language_of(path):
                assert twin == (site_dir / path).resolve(), f"{path}: its own alternate is {href}"


def test_language_switcher_lands_on_the_same_page(site_dir, pages):
    english = pages[output_path("en", IMR)]
    switch = [a["href"] for a in english.find("a", hreflang="fr")]
    assert switch, "no French link in the language switcher"
    target = resolve(site_dir, output_path("en", IMR), switch[0])
    assert target == (site_dir / output_path("fr", IMR)).resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_interface_is_in_the_page_language(site_dir, lang):
    html = (site_dir / output_path(lang, IMR)).read_text(encoding="utf-8")
    for text in UI_STRINGS[lang]:
        assert text in html, f"{lang}: missing {text!r}"
    other = next(other for other in LANGUAGES if other != lang)
    for text in UI_STRINGS[other]:
        assert text not in html, f"{lang}: found the other language's {text!r}"


def front_matter(lang: str, rel: str) -> dict:
    text = (ROOT / "docs" / lang / rel).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def written_date(date: dt.date, lang: str) -> str:
    if lang == "fr":
        return f"{date.day} {FRENCH_MONTHS[date.month - 1]} {date.year}"
    return date.strftime("%B ") + f"{date.day}, {date.year}"


@pytest.mark.parametrize(
    ("lang", "updated", "disclaimer"),
    [
        ("en", "Updated {}", "general information, not legal advice"),
        ("fr", "Mis à jour le {}", "ne constitue pas un avis juridique"),
    ],
)
def test_question_footer_is_in_the_page_language(site_dir, lang, updated, disclaimer):
    meta = front_matter(lang, IMR)
    html = (site_dir / output_path(lang, IMR)).read_text(encoding="utf-8")
    assert updated.format(written_date(meta["updated"], lang)) in html
    assert f'datetime="{meta["reviewed"].isoformat()}"' in html
    assert disclaimer in html
    for source in meta["sources"]:
        assert f'href="{escape(source["url"])}"' in html


@pytest.mark.parametrize("category", ["health-insurance", "guides"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_category_page_lists_its_questions_from_front_matter(site_dir, lang, category):
    tags = parse_html(site_dir / output_path(lang, f"{category}/index.md"))
    listed = {link["href"] for link in tags.find("a")}
    questions = [
        rel
        for rel in source_pages()[lang]
        if rel.startswith(f"{category}/") and not rel.endswith("index.md")
    ]
    assert questions
    for rel in questions:
        slug = rel.removeprefix(f"{category}/").removesuffix(".md")
        assert f"{slug}/" in listed, rel


@pytest.mark.parametrize(("lang", "title"), [("en", "Page not found"), ("fr", "Page introuvable")])
def test_each_language_has_its_own_404_page(site_dir, lang, title):
    path = "404.html" if lang == DEFAULT_LANGUAGE else f"{lang}/404.html"
    tags = parse_html(site_dir / path)
    assert tags.find("html")[0]["lang"] == lang
    assert title in "".join(tags.text)


# Attributes and CSS constructs that make a browser fetch something when a page loads.
LOADING_REFERENCES = re.compile(
    r"""(?:\b(?:src|srcset|poster|data)=["']|url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""",
    re.IGNORECASE,
)
KNOWN_THIRD_PARTIES = ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr")


def test_no_page_or_stylesheet_loads_anything_from_another_host(site_dir):
    offenders = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in {".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        for match in LOADING_REFERENCES.finditer(text):
            offenders.append(
                f"{path.relative_to(site_dir)}: {text[match.start() : match.end() + 40]}"
            )
        for link in re.findall(r"<link\b[^>]*>", text):
            if re.search(r'href="(https?:)?//', link) and not re.search(
                r'rel="(canonical|alternate)"', link
            ):
                offenders.append(f"{path.relative_to(site_dir)}: {link}")
        offenders += [
            f"{path.relative_to(site_dir)}: {host}" for host in KNOWN_THIRD_PARTIES if host in text
        ]
    assert offenders == []


@pytest.mark.parametrize(
    ("lang", "meaning"),
    [("en", "Independent Medical Review"), ("fr", "examen médical indépendant")],
)
def test_abbreviations_are_explained_in_the_page_language(site_dir, lang, meaning):
    html = (site_dir / output_path(lang, IMR)).read_text(encoding="utf-8")
    titles = set(re.findall(r'<abbr title="([^"]+)">IMR</abbr>', html))
    assert titles and all(title.startswith(meaning) for title in titles), titles


def test_french_punctuation_is_kept_with_its_word(site_dir):
    french = (site_dir / output_path("fr", IMR)).read_text(encoding="utf-8")
    english = (site_dir / output_path("en", IMR)).read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", french).group(1)
    assert heading.endswith("\u202f?"), heading
    assert "Étape 1\u00a0:" in french
    assert " ?" not in "".join(parse_html(site_dir / output_path("fr", IMR)).text)
    assert "\u202f" not in english and "\u00a0:" not in english


@pytest.mark.parametrize("rel", ["glossary.md", "contacts.md", "guides/which-regulator.md"])
def test_every_dated_page_shows_its_dates_sources_and_disclaimer(site_dir, rel):
    for lang in LANGUAGES:
        meta = front_matter(lang, rel)
        html = (site_dir / output_path(lang, rel)).read_text(encoding="utf-8")
        assert f'datetime="{meta["updated"].isoformat()}"' in html
        assert all(
            f'href="{source["url"].replace("&", "&amp;")}"' in html for source in meta["sources"]
        )
        assert 'class="page-disclaimer"' in html


def test_category_list_puts_ordered_questions_first_then_the_rest_by_title():
    def question(rel_path, title, **meta):
        meta = {"title": title, "description": title, **meta}
        return page_model.Page("en", rel_path, rel_path, meta, {}, {}, "", 1)

    pages = {
        "c/b.md": question("c/b.md", "B"),
        "c/z.md": question("c/z.md", "Z", order=1),
        "c/a.md": question("c/a.md", "A"),
        "c/y.md": question("c/y.md", "Y", order=2),
    }
    titles = re.findall(r">([A-Z])</a>", category_listing.category_list_html("c", pages))
    assert titles == ["Z", "Y", "A", "B"]


def test_the_imr_question_comes_first_on_its_category_page(site_dir):
    for lang in LANGUAGES:
        listing = (site_dir / output_path(lang, "health-insurance/index.md")).read_text(
            encoding="utf-8"
        )
        links = re.findall(r'<li><a href="([^"]+)"', listing)
        assert links[0] == "independent-medical-review/", links


def test_category_list_is_sorted_escaped_and_relative():
    def question(rel_path, title):
        meta = {"title": title, "description": f"About {title} & more."}
        return page_model.Page("fr", rel_path, rel_path, meta, {}, {}, "", 1)

    pages = {
        "c/zeta.md": question("c/zeta.md", "Zêta <b>"),
        "c/eligibilite.md": question("c/eligibilite.md", "Éligibilité"),
        "c/index.md": page_model.Page(
            "fr", "c/index.md", "c/index.md", {"title": "C"}, {}, {}, "", 1
        ),
        "other/alpha.md": question("other/alpha.md", "Alpha"),
    }
    assert category_listing.category_list_html("c", pages) == (
        '\n<ul>\n<li><a href="eligibilite/">Éligibilité</a><br />\n'
        "  About Éligibilité &amp; more.</li>\n"
        '<li><a href="zeta/">Zêta &lt;b&gt;</a><br />\n'
        "  About Zêta &lt;b&gt; &amp; more.</li>\n</ul>"
    )
