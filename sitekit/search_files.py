"""The files of one language's search, cut so that a search downloads only what it needs.

A page view downloads none of them: the theme's search/search_index.json becomes a
stub of a few hundred bytes (its "config" only). The browser's search
(overrides/assets/javascripts/search/engine.js) reads, when the reader types:
- search/manifest.json: how many pages, each page's boost and weighted length, the
  shards that exist,
  the language's stop words, reader words and the words of its word groups (searched
  only as they are), and a version for the other files;
- search/shards/<first two letters>.json: for every word of the pages that starts
  with those letters, its group (its stem, or its group in the language's table),
  and for each group the pages that use it: page number, weighted count (a word
  counts 8 in the title, 4 in the description, 2 in a heading, 1 in the text) and
  whether it is in the title or the description;
- search/pages/<n>.json, for the pages it shows: title, description and sections
  (address, heading, plain text), from which it draws titles and snippets.
Everything here is plain data: this module knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict

from sitekit.search_words import LanguageWords, fold, plain_text, searchable_text, written_words

FIELD_WEIGHTS = {"title": 8, "description": 4, "heading": 2, "text": 1}
SUMMARY_FIELDS = {"title", "description"}
MANIFEST = "search/manifest.json"
STUB = "search/search_index.json"
MIN_WORD = 2


def shard_name(word: str) -> str:
    """The shard of a folded word: its first two letters, or their code points outside a-z0-9."""
    prefix = word[:MIN_WORD]
    if re.fullmatch(r"[a-z0-9]+", prefix):
        return prefix
    return "x" + "-".join(f"{ord(char):x}" for char in prefix)


def word_groups(text: str, table: LanguageWords, stem) -> list[tuple[str, str]]:
    """(folded form, group) for each searchable word of a plain text, stop words left out.

    The group is the word's entry in the language's table, else the Snowball stem of the
    word as written (accents help the stemmer: "refusée" and "refus" meet), folded.
    """
    found = []
    for written in written_words(text):
        form = fold(written)
        if len(form) < MIN_WORD or form in table.stop_words:
            continue
        group = table.groups.get(form)
        if group is None:
            group = fold(stem(written)) if stem else form
        found.append((form, group))
    return found


def page_fields(entries: list[dict]) -> dict[str, list[str]]:
    """A page's searchable text by field, from its search entries (the page's first)."""
    page, sections = entries[0], entries[1:]
    return {
        "title": [page["title"]],
        "description": [page.get("description", "")],
        "heading": [plain_text(section["title"]) for section in sections],
        "text": [searchable_text(entry["text"]) for entry in entries],
    }


def group_pages(docs: list[dict]) -> list[list[dict]]:
    """Search entries grouped by page, in order: the page's own entry, then its sections."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    return [entries for entries in pages.values() if "#" not in entries[0]["location"]]


def fragment(entries: list[dict]) -> dict:
    """What the browser shows of a page: title, description and its sections' text."""
    page = entries[0]
    return {
        "location": page["location"],
        "title": page["title"],
        "description": page.get("description", ""),
        "sections": [
            [entry["location"], plain_text(entry["title"]), searchable_text(entry["text"])]
            for entry in entries
        ],
    }


def build(docs: list[dict], config: dict, table: LanguageWords, stem) -> dict[str, object]:
    """Every file of a language's search, by path inside the language's folder."""
    pages = group_pages(docs)
    shards: dict[str, dict] = defaultdict(lambda: {"words": {}, "postings": {}})
    counts: dict[str, dict[int, list[int]]] = defaultdict(
        dict
    )  # group -> page -> [weight, in summary]
    group_forms: dict[str, set[str]] = defaultdict(set)
    lengths = [0] * len(pages)
    for number, entries in enumerate(pages):
        for name, texts in page_fields(entries).items():
            for text in texts:
                for form, group in word_groups(text, table, stem):
                    lengths[number] += FIELD_WEIGHTS[name]
                    group_forms[group].add(form)
                    count = counts[group].setdefault(number, [0, 0])
                    count[0] += FIELD_WEIGHTS[name]
                    count[1] |= name in SUMMARY_FIELDS
    for group, forms_ in group_forms.items():
        postings = [
            value
            for page, (weight, summary) in sorted(counts[group].items())
            for value in (page, weight, summary)
        ]
        for form in forms_:
            shard = shards[shard_name(form)]
            shard["words"][form] = group
            shard["postings"][group] = postings
    files: dict[str, object] = {
        f"search/shards/{name}.json": {
            "words": dict(sorted(shard["words"].items())),
            "postings": dict(sorted(shard["postings"].items())),
        }
        for name, shard in sorted(shards.items())
    }
    for number, entries in enumerate(pages):
        files[f"search/pages/{number}.json"] = fragment(entries)
    manifest = {
        "lang": table.lang,
        "pages": len(pages),
        "boosts": [entries[0].get("boost", 1.0) for entries in pages],
        "lengths": lengths,
        "shards": sorted(shards),
        "stop_words": sorted(table.stop_words),
        "exact_words": sorted(table.groups),
        "reader_words": dict(sorted(table.reader_words.items())),
    }
    manifest["version"] = content_version(files, manifest)
    files[MANIFEST] = manifest
    files[STUB] = {"config": config, "docs": []}
    return files


def content_version(files: dict[str, object], manifest: dict) -> str:
    """A short hash of the search files, so a browser never mixes two builds' files."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode())
        digest.update(serialize(files[path]).encode())
    digest.update(serialize(manifest).encode())
    return digest.hexdigest()[:12]


def serialize(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
