"""Split the site's merged search index into one index per language, for our ranking.

mkdocs-static-i18n merges every language's pages into one search/search_index.json,
so a French reader would get English results. Each language gets its own index
instead, at the root of its own folder (/search/..., /fr/search/...), with locations
relative to that folder and the search pipeline of that language: lunr's steps for
the language plus the site's own (overrides/assets/javascripts/lunr/min/lunr.site*.js:
optional accents, words joined by hyphens, other forms of words).

Each page's entries also carry what the site's ranking needs
(overrides/assets/javascripts/workers/site-ranking.js): the page's description, and
a boost by kind of page, so that a question outranks the glossary or a category list
that merely mentions the same words.
"""

from __future__ import annotations

import copy

SITE_PIPELINE = "site_{lang}"
# Words split on white space, both apostrophes (French elision: "l'assurance") and
# punctuation; a point splits only when no digit follows ("section 10169.5" stays whole).
# Hyphens do not split: the site pipeline indexes "Medi-Cal" whole and in parts.
SEPARATOR = r"""[\s'\u2019()\[\]{}/,;:!?"«»]+|\.(?!\d)"""
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
BOOSTS = {"question": 1.0, "reference": 0.6, "listing": 0.2}


def page_kind(page) -> str:
    """question (a question or guide), listing (home, category) or reference (the rest)."""
    if page.is_question:
        return "question"
    return "listing" if page.rel_path.endswith("index.md") else "reference"


def annotate(docs: list[dict], pages_by_location: dict) -> list[dict]:
    """Entries with their page's boost, and the page entry with its description."""
    annotated = []
    for doc in docs:
        location = doc["location"].split("#")[0]
        page = pages_by_location.get(location)
        if page is not None:
            doc = {**doc, "boost": BOOSTS[page_kind(page)]}
            if doc["location"] == location:
                doc["description"] = page.meta.get("description", "")
        annotated.append(doc)
    return annotated


def language_of(location: str, languages: list[str]) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def split_index(
    merged: dict, languages: list[str], site_pipelines: set[str], pages: dict[str, dict]
) -> dict[str, dict]:
    """One index per language.

    site_pipelines lists the languages with a site pipeline; pages gives, for each
    language, its pages (sitekit.page_model.Page) by location inside its folder.
    """
    indexes = {}
    for lang in languages:
        config = copy.deepcopy(merged["config"])
        config["lang"] = [SITE_PIPELINE.format(lang=lang) if lang in site_pipelines else lang]
        config["separator"] = SEPARATOR
        config["pipeline"] = list(PIPELINE)
        prefix = "" if lang == languages[0] else f"{lang}/"
        docs = [
            {**doc, "location": doc["location"][len(prefix) :]}
            for doc in merged["docs"]
            if language_of(doc["location"], languages) == lang
        ]
        indexes[lang] = {"config": config, "docs": annotate(docs, pages.get(lang, {}))}
    return indexes
