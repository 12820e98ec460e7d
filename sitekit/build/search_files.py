"""The files of one language's search, cut so that a search downloads only what it needs.

A page view downloads none of them: the theme's search/search_index.json becomes a
stub of a few hundred bytes (its "config" only). The browser's search
(overrides/assets/javascripts/search/engine.js) reads, when the reader types:
- search/manifest.json: how many pages, each page's boost and weighted length, the
  shards that exist, the language's stop words, reader words and the words of its
  word groups (searched only as they are), the ranker's weights
  (sitekit/build/search_ranker.py), how many pages have example queries
  (`example_pages`) and a version for the other files;
- search/shards/<first two letters>.json: for every word of the pages that starts
  with those letters, its group (its stem, or its group in the language's table),
  and for each group the pages that use it: page number, weighted count (a word
  counts 8 in the title, 4 in the description or the page's search terms, 2 in a
  heading, 1 in the text or in its twin's title and search terms) and whether it is
  in the title, description or search terms; and for each word of the tuning queries
  that starts with those letters, the pages whose queries used it (its "examples":
  the ranker weighs them, engine.js exampleShare);
- search/pages/<n>.json, for the pages it shows: title, description and sections
  (address, heading, plain text) of PAGES_PER_FILE pages (the n-th five), from which
  it draws titles and snippets, and their search terms and twin terms, never shown,
  which tell that a typed word was found.
Everything here is plain data: this module knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

from sitekit.build.search_index import split_index
from sitekit.build.search_ranker import ENGINE_KEYS, EXAMPLES
from sitekit.build.search_words import (
    LanguageWords,
    fold,
    plain_text,
    searchable_text,
    snowball_stemmer,
    word_counts,
)
from sitekit.core.urls import language_prefix

# twin_terms: the first language's title and search terms of the page
# (sitekit/build/search_index.py), weighed as its text.
FIELD_WEIGHTS = {
    "title": 8,
    "description": 4,
    "search_terms": 4,
    "heading": 2,
    "text": 1,
    "twin_terms": 1,
}
SUMMARY_FIELDS = {"title", "description", "search_terms"}
MANIFEST = "search/manifest.json"
STUB = "search/search_index.json"
MIN_WORD = 2
# Pages per file of search/pages/: fewer files to write (a build of 1000 questions per
# language would otherwise write 2000 more files), a few more bytes for a search to read.
PAGES_PER_FILE = 5


def shard_name(word: str) -> str:
    """The shard of a folded word: its first two letters, or their code points outside a-z0-9."""
    prefix = word[:MIN_WORD]
    if re.fullmatch(r"[a-z0-9]+", prefix):
        return prefix
    return "x" + "-".join(f"{ord(char):x}" for char in prefix)


class WordGroups(dict):
    """The group of each word as written (None for a word that is not searched: a stop
    word, a single letter), worked out the first time the word is looked up; its folded
    form is added to forms_of. A site has far fewer distinct words than words, and
    Snowball is the slowest step of the build.

    The group is the word's entry in the language's table, else the Snowball stem of the
    word as written (accents help the stemmer: "refusée" and "refus" meet), folded.
    """

    def __init__(self, table: LanguageWords, stem):
        super().__init__()
        self.table, self.stem = table, stem
        self.forms_of: dict[str, set[str]] = defaultdict(set)

    def __missing__(self, written: str) -> str | None:
        form = fold(written)
        group = None
        if len(form) >= MIN_WORD and form not in self.table.stop_words:
            group = self.table.groups.get(form)
            if group is None:
                group = fold(self.stem(written)) if self.stem else form
            self.forms_of[group].add(form)
        self[written] = group
        return group


def page_fields(entries: list[dict]) -> dict[str, list[str]]:
    """A page's searchable text by field, from its entries (see plain_entries)."""
    page, sections = entries[0], entries[1:]
    return {
        "title": [page["title"]],
        "description": [page.get("description", "")],
        "search_terms": page.get("search_terms", []),
        "heading": [section["title"] for section in sections],
        "text": [entry["text"] for entry in entries],
        "twin_terms": page.get("twin_terms", []),
    }


def plain_entries(entries: list[dict]) -> list[dict]:
    """A page's entries with their headings and text as plain text, read once."""
    return [
        {**entry, "title": plain_text(entry["title"]), "text": searchable_text(entry["text"])}
        for entry in entries
    ]


def group_pages(docs: list[dict]) -> list[list[dict]]:
    """Search entries grouped by page, in order: the page's own entry, then its sections."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    return [entries for entries in pages.values() if "#" not in entries[0]["location"]]


def fragment(entries: list[dict]) -> dict:
    """What the browser shows of a page: title, description and its sections' text (the
    entries from plain_entries), and its search terms and twin terms, which are never
    shown but tell that a word was found."""
    page = entries[0]
    shown = {
        "location": page["location"],
        "title": page["title"],
        "description": page.get("description", ""),
        "search_terms": page.get("search_terms", []),
        "sections": [[entry["location"], entry["title"], entry["text"]] for entry in entries],
    }
    if page.get("twin_terms"):
        shown["twin_terms"] = page["twin_terms"]  # a word found there is not "missing"
    return shown


def build(
    docs: list[dict], config: dict, table: LanguageWords, stem, ranker: dict | None = None
) -> dict[str, str]:
    """Every file of a language's search, by path inside the language's folder, as the
    JSON text to write: each file is serialized once, and the manifest's version is the
    hash of the others' texts."""
    pages = [plain_entries(entries) for entries in group_pages(docs)]
    groups_of = WordGroups(table, stem)
    postings: dict[str, list[int]] = defaultdict(list)  # group -> page, weight, in summary, ...
    lengths = []
    for number, entries in enumerate(pages):
        weights: dict[str, int] = {}
        summary: set[str] = set()
        for name, texts in page_fields(entries).items():
            field_weight = FIELD_WEIGHTS[name]
            in_summary = name in SUMMARY_FIELDS
            for word, count in word_counts("\n".join(texts)).items():
                group = groups_of[word]
                if group:
                    weights[group] = weights.get(group, 0) + count * field_weight
                    if in_summary:
                        summary.add(group)
        lengths.append(sum(weights.values()))
        for group, weight in weights.items():
            postings[group] += (number, weight, int(group in summary))
    shards: dict[str, dict] = defaultdict(lambda: {"words": {}, "postings": {}})
    for group, forms_ in groups_of.forms_of.items():
        for form in forms_:
            shard = shards[shard_name(form)]
            shard["words"][form] = group
            shard["postings"][group] = postings[group]
    example_pages = set()
    for word, numbers in example_numbers(pages, (ranker or {}).get(EXAMPLES, {}), table.lang):
        shards[shard_name(word)].setdefault(EXAMPLES, {})[word] = numbers
        example_pages.update(numbers)
    files: dict[str, object] = {
        f"search/shards/{name}.json": {
            key: dict(sorted(part.items())) for key, part in shard.items()
        }
        for name, shard in sorted(shards.items())
    }
    for first in range(0, len(pages), PAGES_PER_FILE):
        chunk = pages[first : first + PAGES_PER_FILE]
        files[f"search/pages/{first // PAGES_PER_FILE}.json"] = [fragment(page) for page in chunk]
    manifest = {
        "lang": table.lang,
        "pages": len(pages),
        "pages_per_file": PAGES_PER_FILE,
        "boosts": [entries[0].get("boost", 1.0) for entries in pages],
        "lengths": lengths,
        "shards": sorted(shards),
        "stop_words": sorted(table.stop_words),
        "exact_words": sorted(table.groups),
        "reader_words": dict(sorted(table.reader_words.items())),
    }
    if example_pages:
        manifest["example_pages"] = len(example_pages)
    if ranker:
        manifest["ranker"] = {key: ranker[key] for key in ENGINE_KEYS}
    texts = {path: serialize(data) for path, data in files.items()}
    manifest["version"] = content_version(texts, serialize(manifest))
    texts[MANIFEST] = serialize(manifest)
    texts[STUB] = serialize({"config": config, "docs": []})
    return texts


def example_numbers(pages: list[list[dict]], examples: dict, lang: str):
    """(word, [page number, ...]) for each of the language's example words, from the
    ranker file's page addresses. A page that no longer exists is left out, so that the
    build goes on; its tuning queries must move to the page that answers them now, and
    then tests/test_search_ranker.py fails until `make search-train` has run."""
    numbers = {entries[0]["location"]: number for number, entries in enumerate(pages)}
    for word, locations in sorted(examples.get(lang, {}).items()):
        found = sorted(numbers[location] for location in locations if location in numbers)
        if found:
            yield word, found


def write_language(job: tuple) -> int:
    """Build one language's search files and write them under its folder; the number of
    files. job is (folder, docs, theme config, LanguageWords, ranker): one picklable
    item, so that languages can be written side by side in worker processes."""
    folder, docs, config, table, ranker = job
    stemmer = snowball_stemmer(table.lang)
    files = build(docs, config, table, stemmer.stemWord if stemmer else None, ranker)
    for parent in {(folder / path).parent for path in files}:
        parent.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        (folder / path).write_text(text, "utf-8")
    return len(files)


def content_version(texts: dict[str, str], manifest: str) -> str:
    """A short hash of the search files' texts, so a browser never mixes two builds'
    files."""
    digest = hashlib.sha256()
    for path in sorted(texts):
        digest.update(path.encode())
        digest.update(texts[path].encode())
    digest.update(manifest.encode())
    return digest.hexdigest()[:12]


def serialize(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def search_base(base_url: str, lang: str, languages) -> str:
    """The folder a page's search reads its index from, relative to the page."""
    prefix = language_prefix(lang, languages)
    return f"{base_url.rstrip('/')}/{prefix}" if prefix else base_url


def pages_by_location(lang: str, current) -> dict:
    """The language's pages by their location inside its folder ("guides/x/"), from
    MkDocs' files of that language (current: the SiteBuild)."""
    pages, prefix = current.pages[lang], current.prefix(lang)
    found = {}
    for file in current.files[lang].documentation_pages():
        page = pages.get(getattr(file, "norm_src_uri", file.src_uri))
        if page is not None and getattr(file, "locale", lang) == lang:
            location = file.url.removeprefix(prefix)
            found["" if location == "./" else location] = page  # the home page is "./"
    return found


def language_jobs(site_dir: Path, merged: dict, current) -> list[tuple]:
    """One write_language job per language, from the theme's merged index."""
    languages = current.languages
    pages = {lang: pages_by_location(lang, current) for lang in languages}
    return [
        (
            site_dir / current.prefix(lang),
            index["docs"],
            index["config"],
            current.word_tables.get(lang) or LanguageWords(lang),
            current.search_ranker,
        )
        for lang, index in split_index(merged, languages, pages).items()
    ]
