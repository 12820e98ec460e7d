"""Compare a page with its translation: front matter, outline, facts, freshness, language.

Each function takes the original page (default language) and one translation, and
returns Problems located in the translation, with the original's line where it helps.
"""

from __future__ import annotations

import hashlib
import re

from sitekit import facts, untranslated
from sitekit.markdown_outline import Block, read_outline
from sitekit.page_model import Page, Problem

TRANSLATION_KEY = "translation"
HASH_LENGTH = 12


def source_hash(page: Page) -> str:
    """A fingerprint of what a translator translates: title, description and text.

    Whitespace is folded so that re-wrapping a paragraph does not make translations stale.
    """
    parts = [str(page.meta.get("title", "")), str(page.meta.get("description", "")), page.body]
    text = "\n".join(" ".join(part.split()) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def translation_status(original: Page, translation: Page | None) -> str:
    if translation is None:
        return "missing"
    recorded = translation.meta.get(TRANSLATION_KEY)
    if recorded is None:
        return "unreviewed"
    return "up to date" if str(recorded) == source_hash(original) else "stale"


def accept_command(translation: Page) -> str:
    return f"python -m scripts.check_parity --accept {translation.source}"


def compare_freshness(original: Page, translation: Page) -> list[Problem]:
    status = translation_status(original, translation)
    if status == "unreviewed":
        message = (
            f"no translation record: check this page against {original.source}, then run "
            f"`{accept_command(translation)}`"
        )
    elif status == "stale":
        message = (
            f"stale translation: {original.source} changed since this page was translated; "
            f"update this page, then run `{accept_command(translation)}`"
        )
    else:
        return []
    return [Problem(translation.source, translation.line_of(TRANSLATION_KEY), message)]


def compare_front_matter(original: Page, translation: Page) -> list[Problem]:
    problems = []

    def report(key: str, message: str) -> None:
        problems.append(Problem(translation.source, translation.line_of(key), message))

    keys = set(original.meta) - {TRANSLATION_KEY}
    other_keys = set(translation.meta) - {TRANSLATION_KEY}
    for key in sorted(keys - other_keys):
        report(key, f"front-matter key '{key}' of {original.source} is missing here")
    for key in sorted(other_keys - keys):
        report(
            key, f"front-matter key '{key}' is not in {original.source}; remove it or add it there"
        )
    if original.meta.get("category") != translation.meta.get("category"):
        report(
            "category",
            f"category '{translation.meta.get('category')}' differs from "
            f"'{original.meta.get('category')}' in {original.source}",
        )
    related = set(original.meta.get("related") or [])
    other_related = set(translation.meta.get("related") or [])
    if related != other_related:
        missing = ", ".join(sorted(related - other_related)) or "none"
        extra = ", ".join(sorted(other_related - related)) or "none"
        report(
            "related",
            f"related questions differ from {original.source}: missing here {missing}; "
            f"not in the original {extra}",
        )
    urls = source_urls(original)
    other_urls = source_urls(translation)
    for url in [url for url in urls if url not in other_urls]:
        report("sources", f"source {url} of {original.source} is missing here")
    for url in [url for url in other_urls if url not in urls]:
        report("sources", f"source {url} is not in {original.source}; add it there or remove it")
    return problems


def source_urls(page: Page) -> list[str]:
    sources = page.meta.get("sources") or []
    return [source.get("url") for source in sources if isinstance(source, dict)]


def compare_outline(original: Page, translation: Page) -> list[Problem]:
    mine = read_outline(original.body, original.body_line)
    theirs = read_outline(translation.body, translation.body_line)
    problems = compare_headings(original, translation, mine.headings, theirs.headings)
    for name, blocks, other_blocks in (
        ("numbered list", mine.numbered_lists, theirs.numbered_lists),
        ("admonition", mine.admonitions, theirs.admonitions),
        ("table", mine.tables, theirs.tables),
    ):
        problems += compare_blocks(name, original, translation, blocks, other_blocks)
    return problems


def compare_headings(original, translation, headings, other_headings) -> list[Problem]:
    problems = []
    for page, page_headings in ((original, headings), (translation, other_headings)):
        for heading in page_headings:
            if not heading.anchor:
                problems.append(
                    Problem(
                        page.source,
                        heading.line,
                        f"heading '{heading.text}' has no explicit id; add one such as "
                        "{ #step-1 }, the same in every language",
                    )
                )
    for index in range(max(len(headings), len(other_headings))):
        mine = headings[index] if index < len(headings) else None
        theirs = other_headings[index] if index < len(other_headings) else None
        if mine and theirs and (mine.level, mine.anchor) == (theirs.level, theirs.anchor):
            continue
        if theirs is None:
            where, what = translation.body_line, "missing here"
        else:
            where, what = theirs.line, f"here it is {describe(theirs)}"
        expected = describe(mine) if mine else "no heading"
        line_ref = f"{original.source}:{mine.line}" if mine else original.source
        problems.append(
            Problem(
                translation.source,
                where,
                f"headings differ from the original: {line_ref} has {expected}, {what}",
            )
        )
        break  # after the first difference, every later heading would be reported
    return problems


def describe(heading) -> str:
    anchor = f"{{ #{heading.anchor} }}" if heading.anchor else "no id"
    return f"a level-{heading.level} heading {anchor}"


def compare_blocks(name: str, original, translation, blocks, other_blocks) -> list[Problem]:
    shapes = [block.shape for block in blocks]
    other_shapes = [block.shape for block in other_blocks]
    if shapes == other_shapes:
        return []
    for index in range(max(len(blocks), len(other_blocks))):
        mine = blocks[index] if index < len(blocks) else None
        theirs = other_blocks[index] if index < len(other_blocks) else None
        if mine and theirs and mine.shape == theirs.shape:
            continue
        where = theirs.line if theirs else translation.body_line
        expected = (
            f"{original.source}:{mine.line} has {shape_text(name, mine)}"
            if mine
            else (f"{original.source} has no more {name}s")
        )
        found = shape_text(name, theirs) if theirs else "nothing"
        return [Problem(translation.source, where, f"{name}s differ: {expected}, here {found}")]
    return []


def shape_text(name: str, block: Block) -> str:
    if name == "numbered list":
        return f"a numbered list of {block.shape[1]} items"
    if name == "table":
        return f"a table of {block.shape[0]} rows and {block.shape[1]} columns"
    return f"a '{block.shape[0]}' admonition"


def page_facts(page: Page) -> list[facts.Fact]:
    head = f"{page.meta.get('title', '')}\n{page.meta.get('description', '')}"
    return facts.extract(head, page.lang, 1) + facts.extract(page.body, page.lang, page.body_line)


def compare_facts(original: Page, translation: Page) -> list[Problem]:
    both_known = bool(facts.vocabulary(original.lang) and facts.vocabulary(translation.lang))
    mine = facts.comparable(page_facts(original), both_known)
    theirs = facts.comparable(page_facts(translation), both_known)
    problems = []
    for key, fact in mine.items():
        if key not in theirs and not stated_as_number(fact, theirs):
            problems.append(
                Problem(
                    translation.source,
                    None,
                    f"{fact.kind} '{fact}' of {original.source}:{fact.line} is missing here; "
                    "state the same fact in both languages",
                )
            )
    for key, fact in theirs.items():
        if key not in mine and not stated_as_number(fact, mine):
            problems.append(
                Problem(
                    translation.source,
                    fact.line,
                    f"{fact.kind} '{fact}' is not in {original.source}; "
                    "fix it here or add it to the original",
                )
            )
    return problems


def stated_as_number(fact: facts.Fact, other: dict) -> bool:
    """A number one language gives with a unit and the other without ("aged 65" = "65 ans")."""
    if fact.kind == "duration":
        return ("number", fact.value.split()[0]) in other
    if fact.kind == "number":
        return any(kind == "duration" and value.split()[0] == fact.value for kind, value in other)
    return False


def compare_language(translation: Page) -> list[Problem]:
    """English sentences left in a translation (the title and description included)."""
    suspects = []
    for key in ("title", "description"):
        text = str(translation.meta.get(key, ""))
        suspects += [
            untranslated.Suspect(translation.line_of(key), suspect.text, suspect.english_words)
            for suspect in untranslated.english_sentences(text, translation.lang)
        ]
    suspects += untranslated.english_sentences(
        translation.body, translation.lang, translation.body_line
    )
    return [
        Problem(
            translation.source,
            suspect.line,
            f"this looks like English, not '{translation.lang}': \"{shorten(suspect.text)}\"; "
            "translate it",
        )
        for suspect in suspects
    ]


def shorten(text: str, limit: int = 70) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare_pages(original: Page, translation: Page) -> list[Problem]:
    return (
        compare_front_matter(original, translation)
        + compare_outline(original, translation)
        + compare_facts(original, translation)
        + compare_freshness(original, translation)
        + compare_language(translation)
    )


def compare_ui_strings(
    config_file: str, ui: dict[str, dict], languages: list[str]
) -> list[Problem]:
    """Every language has every UI string of the default language, not left in English."""
    default, problems = languages[0], []
    for lang in languages[1:]:
        for key in sorted(set(ui.get(default, {})) - set(ui.get(lang, {}))):
            problems.append(
                Problem(config_file, None, f"UI string '{key}' has no '{lang}' version in extra.ui")
            )
        for key, value in sorted(ui.get(lang, {}).items()):
            if untranslated.english_sentences(str(value), lang):
                problems.append(
                    Problem(
                        config_file,
                        None,
                        f"UI string '{key}' of '{lang}' looks like English: "
                        f'"{shorten(str(value))}"',
                    )
                )
    return problems
