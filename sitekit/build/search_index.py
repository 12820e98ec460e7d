"""Split the site's merged search entries into one set per language, for our ranking.

mkdocs-static-i18n merges every language's pages into one search/search_index.json,
so a French reader would get English results. Each language gets its own entries
instead, with locations relative to its own folder (/search/..., /fr/search/...),
from which sitekit/build/search_files.py makes that language's search files.

Each page's entries also carry what the site's ranking needs: the page's
description, and a boost by kind of page, so that a question outranks the glossary
or a category list that merely mentions the same words. In every language but the
first, a page also carries the title and search terms of the same page in the first
language (`twin_terms`): readers in California type the English words of their plan's
letters ("expedited review", "balance billing") on French pages too. Those words are
searched, never shown. They go through the language's own stemmer, so an English word
can meet a French one of the same letters ("pain", bread): rare in this site's
questions, and the ranker weighs them as the page's text only.
"""

from __future__ import annotations

import re

from sitekit.core.page_model import CATEGORY_LIST_ANCHOR
from sitekit.core.urls import language_of_path, language_prefix

# Words split on white space, both apostrophes (French elision: "l'assurance") and
# punctuation; a point splits only when no digit follows ("section 10169.5" stays whole).
# Hyphens do not split. The theme uses it to highlight the searched words on the page
# a result opens.
SEPARATOR = r"""[\s'\u2019()\[\]{}/,;:!?"«»]+|\.(?!\d)"""
THEME_WORKER = re.compile(r"workers/search\.[0-9a-f]+\.min\.js")
SITE_WORKER = "workers/site-search.js?root={root}"
# A guide is the detailed version of a question: the question, which answers first,
# comes before it when both match; reference pages (contacts, glossary, about,
# partners) mention many topics that other pages answer. A category's generated list
# is not searched (see annotate()) and the home page's text is short, so they weigh as
# questions: with their search terms ("homepage", "all questions") they come first
# for the readers who look for them.
BOOSTS = {"question": 1.0, "listing": 1.0, "guide": 0.9, "reference": 0.8, "home": 1.0}
LISTS = {"listing", "reference"}  # the kinds of page whose #questions list is generated


def annotate(docs: list[dict], pages_by_location: dict) -> list[dict]:
    """Entries with their page's boost, and the page entry with its description and
    search terms (front matter: the words readers type for the page that its text
    does not use).

    The text of a generated list of questions (on a category's page, and the table of
    addresses on the partners page) is left out, its heading stays: its words are the
    questions' own, and would make the list match every query that one of its
    questions matches.
    """
    annotated = []
    for doc in docs:
        location, _, anchor = doc["location"].partition("#")
        page = pages_by_location.get(location)
        if anchor == CATEGORY_LIST_ANCHOR and page is not None and page.kind in LISTS:
            doc = {**doc, "text": ""}
        if page is not None:
            doc = {**doc, "boost": BOOSTS[page.kind]}
            if doc["location"] == location:
                doc["description"] = page.meta.get("description", "")
                doc["search_terms"] = list(page.meta.get("search_terms") or [])
        annotated.append(doc)
    return annotated


def split_index(merged: dict, languages: list[str], pages: dict[str, dict]) -> dict[str, dict]:
    """One index per language: the theme's config for it, and its annotated entries.

    pages gives, for each language, its pages (sitekit.core.page_model.Page) by location
    inside its folder.
    """
    indexes = {}
    for lang in languages:
        config = {"lang": [lang], "separator": SEPARATOR}
        prefix = language_prefix(lang, languages)
        docs = [
            {**doc, "location": doc["location"][len(prefix) :]}
            for doc in merged["docs"]
            if language_of_path(doc["location"], languages) == lang
        ]
        docs = annotate(docs, pages.get(lang, {}))
        if lang != languages[0]:
            docs = with_twin_terms(docs, pages.get(languages[0], {}))
        indexes[lang] = {"config": config, "docs": docs}
    return indexes


def with_twin_terms(docs: list[dict], twins: dict) -> list[dict]:
    """Each page entry with the title and search terms of its twin, the page at the same
    location in the first language (twins: its pages by location)."""
    paired = []
    for doc in docs:
        twin = twins.get(doc["location"])
        if twin is not None:
            terms = [twin.meta.get("title", ""), *(twin.meta.get("search_terms") or [])]
            doc = {**doc, "twin_terms": [term for term in terms if term]}
        paired.append(doc)
    return paired


def with_site_worker(theme_config: str, root: str) -> str:
    """The theme's configuration with our search worker in place of its own.

    root is the language's folder inside the site ("" or "fr/"): the worker reads that
    language's search files.
    """
    return THEME_WORKER.sub(SITE_WORKER.format(root=root), theme_config)
