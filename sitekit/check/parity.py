"""Compare a page with its translation: front matter, outline, facts, freshness, language.

Each function takes the original page (default language) and one translation, and
returns Problems located in the translation, with the original's line where it helps.
"""

from __future__ import annotations

import hashlib
import re

from sitekit.check import facts, untranslated
from sitekit.core import page_model
from sitekit.core.markdown_outline import Block, Outline, read_outline
from sitekit.core.page_model import Page
from sitekit.core.reporting import Problem
from sitekit.core.ui_strings import missing_ui_strings

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
    if original.meta.get(page_model.ORDER_KEY) != translation.meta.get(page_model.ORDER_KEY):
        report(
            page_model.ORDER_KEY,
            f"order {translation.meta.get(page_model.ORDER_KEY)!r} differs from "
            f"{original.meta.get(page_model.ORDER_KEY)!r} in {original.source}",
        )
    if original.meta.get(page_model.HELP_KEY) != translation.meta.get(page_model.HELP_KEY):
        report(
            page_model.HELP_KEY,
            f"help lines {translation.meta.get(page_model.HELP_KEY)!r} differ from "
            f"{original.meta.get(page_model.HELP_KEY)!r} in {original.source}",
        )
    if original.meta.get("category") != translation.meta.get("category"):
        report(
            "category",
            f"category '{translation.meta.get('category')}' differs from "
            f"'{original.meta.get('category')}' in {original.source}",
        )
    # A list over its limit is one problem of the page model, not one per entry here.
    too_long = {
        key
        for key in ("related", "sources")
        if page_model.over_limit(original, key) or page_model.over_limit(translation, key)
    }
    related = set(original.meta.get("related") or [])
    other_related = set(translation.meta.get("related") or [])
    if related != other_related and "related" not in too_long:
        missing = ", ".join(sorted(related - other_related)) or "none"
        extra = ", ".join(sorted(other_related - related)) or "none"
        report(
            "related",
            f"related questions differ from {original.source}: missing here {missing}; "
            f"not in the original {extra}",
        )
    urls = source_urls(original) if "sources" not in too_long else []
    other_urls = source_urls(translation) if "sources" not in too_long else []
    for url in [url for url in urls if url not in other_urls]:
        report("sources", f"source {url} of {original.source} is missing here")
    for url in [url for url in other_urls if url not in urls]:
        report("sources", f"source {url} is not in {original.source}; add it there or remove it")
    return problems


def source_urls(page: Page) -> list[str]:
    sources = page.meta.get("sources") or []
    return [source.get("url") for source in sources if isinstance(source, dict)]


def outlines_of(original: Page, translation: Page) -> tuple[Outline, Outline]:
    return (
        read_outline(original.body, original.body_line),
        read_outline(translation.body, translation.body_line),
    )


def compare_outline(original: Page, translation: Page, mine: Outline, theirs: Outline):
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


HEAD = ("head",)  # the place of the facts of the title and description


def placed_facts(page: Page, outline: Outline) -> list[tuple[tuple, facts.Fact]]:
    """Every fact of a page with the place where it stands (see markdown_outline):
    the title or description, a section, an item of a numbered list, a table cell."""
    head = f"{page.meta.get('title', '')}\n{page.meta.get('description', '')}"
    placed = [(HEAD, fact) for fact in facts.extract(head, page.lang, 1)]
    lines = None
    for fact in facts.extract(page.body, page.lang, page.body_line):
        place = outline.places.get(fact.line, ("section", 0))
        if place[0] == "row":  # the cell: the "|" before the fact, the row's opening one aside
            lines = lines or page.body.split("\n")
            cell = lines[fact.line - page.body_line].count("|", 0, fact.column) - 1
            place = ("cell", place[1], place[2], cell)
        placed.append((place, fact))
    return placed


def compare_facts(
    original: Page, translation: Page, outlines: tuple[Outline, Outline], by_place: bool
) -> list[Problem]:
    """The same facts in both pages and, by_place (when their outlines are the same),
    at the same places."""
    exact = facts.exact_kinds(original.lang, translation.lang)
    mine_placed = placed_facts(original, outlines[0])
    their_placed = placed_facts(translation, outlines[1])
    mine = facts.comparable([fact for _, fact in mine_placed], exact)
    theirs = facts.comparable([fact for _, fact in their_placed], exact)
    missing = [
        f for key, f in mine.items() if key not in theirs and not stated_as_number(f, theirs)
    ]
    extra = [f for key, f in theirs.items() if key not in mine and not stated_as_number(f, mine)]
    problems, relabelled = [], set()
    their_places = {fact: place for place, fact in their_placed}
    for fact in extra:
        twins = [(place, other) for place, other in mine_placed if is_relabelled(fact, other)]
        # the original's number at the same place (table row, item), if it has one there
        here = their_places.get(fact, HEAD)
        twins.sort(key=lambda twin: (twin[0][:3] != here[:3], twin[0] != here))
        twin = twins[0][1] if twins else None
        if twin is not None:
            relabelled.add(fact.value)
            problems.append(
                Problem(
                    translation.source,
                    fact.line,
                    f"'{fact}' is given as a {fact.name} here, but as a {twin.name} in "
                    f"{original.source}:{twin.line}; are two numbers swapped? Label each "
                    "one as the original does",
                )
            )
    problems += [
        Problem(
            translation.source,
            None,
            f"{fact.describe()} of {original.source}:{fact.line} is missing here; "
            "state the same fact in both languages",
        )
        for fact in missing
        if fact.value not in relabelled
    ]
    problems += [
        Problem(
            translation.source,
            fact.line,
            f"{fact.describe()} is not in {original.source}; fix it here or add it to the original",
        )
        for fact in extra
        if fact.value not in relabelled
    ]
    if by_place:  # a relabelled number is reported once, above
        mine_placed = [(place, f) for place, f in mine_placed if f.value not in relabelled]
        their_placed = [(place, f) for place, f in their_placed if f.value not in relabelled]
        problems += compare_places(
            original,
            translation,
            outlines,
            comparable_places(mine_placed, exact),
            comparable_places(their_placed, exact),
        )
        problems += compare_phone_order(original, translation, outlines, mine_placed, their_placed)
    return problems


def phone_numbers_by_place(placed) -> dict[tuple, list[facts.Fact]]:
    """The phone numbers (TTY numbers included) of each place, each once, in order."""
    found: dict[tuple, list[facts.Fact]] = {}
    for place, fact in placed:
        if fact.kind in ("phone", *facts.PHONE_KINDS):
            numbers = found.setdefault(place, [])
            if all(number.value != fact.value for number in numbers):
                numbers.append(fact)
    return found


def compare_phone_order(original, translation, outlines, mine_placed, their_placed):
    """Two phone numbers of one place (a paragraph, an item) swapped: "DMHC at X, CDI
    at Y" translated as "DMHC au Y, CDI au X". Other facts may change order in a
    translated sentence; phone numbers, each next to its name, do not."""
    problems = []
    theirs_by_place = phone_numbers_by_place(their_placed)
    for place, mine in phone_numbers_by_place(mine_placed).items():
        theirs = theirs_by_place.get(place, [])
        values = [fact.value for fact in mine if any(f.value == fact.value for f in theirs)]
        other_values = [fact.value for fact in theirs if fact.value in values]
        if values != other_values:
            first = next(fact for fact in theirs if fact.value in values)
            problems.append(
                Problem(
                    translation.source,
                    first.line,
                    f"the phone numbers of {describe_place(place, outlines[1])} "
                    f"come in another order than in {original.source}:{mine[0].line} "
                    f"({', '.join(values)}; here {', '.join(other_values)}); check that each "
                    "number is next to the right name",
                )
            )
    return problems


def is_relabelled(fact: facts.Fact, other: facts.Fact) -> bool:
    """The same number under another label: a TTY number given as a phone number."""
    phones = ("phone", *facts.PHONE_KINDS)
    return fact.value == other.value and fact.kind in phones and other.kind in phones


def comparable_places(placed, exact: frozenset[str]) -> dict[tuple, dict[tuple, facts.Fact]]:
    """Fact key -> {place: the first fact of that key there}, in the order of the page.

    A duration counts as its number, as one language may give the unit and the other
    not ("until age 1" = "jusqu'à 1 an"); its value is compared in the whole page.
    """
    found: dict[tuple, dict[tuple, facts.Fact]] = {}
    for place, fact in placed:
        for each in facts.as_compared(fact, exact):
            key = ("number", each.value.split()[0]) if each.kind == "duration" else each.key
            found.setdefault(key, {}).setdefault(place, each)
    return found


def compare_places(original, translation, outlines, mine_placed, their_placed):
    """Facts of both pages that do not stand at the same places (table cell, numbered
    item, section): moved, swapped, or left out of one place."""
    problems = []
    for key, mine in mine_placed.items():
        theirs = their_placed.get(key)
        if not theirs or set(mine) == set(theirs):
            continue
        moved = [place for place in theirs if place not in mine]
        left = [place for place in mine if place not in theirs]
        fact = next(iter(mine.values()))
        where = [
            f"{describe_place(place, outlines[0])} ({original.source}:{mine[place].line})"
            for place in left
        ]
        if moved:
            line = theirs[moved[0]].line
            message = (
                f"{fact.describe()} stands in {describe_place(moved[0], outlines[1])}"
                " here, where the original does not have it"
            )
            message += f"; the original has it in {', '.join(where)}" if where else ""
        else:
            line = place_line(left[0], translation, outlines[1])
            message = f"{fact.describe()} is missing from {', '.join(where)} here"
        problems.append(
            Problem(translation.source, line, message + "; state it where the original does")
        )
    return problems


def describe_place(place: tuple, outline: Outline) -> str:
    if place == HEAD:
        return "the title or description"
    if place[0] == "section":
        if place[1] == 0:
            return "the text before the first heading"
        heading = outline.headings[place[1] - 1]
        return f"the section {{ #{heading.anchor} }}" if heading.anchor else "a section"
    if place[0] == "item":
        block = outline.numbered_lists[place[1]]
        return f"item {place[2] + 1} of the numbered list at line {block.line}"
    block = outline.tables[place[1]]
    return f"row {place[2] + 1}, column {place[3] + 1} of the table at line {block.line}"


def place_line(place: tuple, page: Page, outline: Outline) -> int | None:
    """The line where a place starts in a page."""
    if place == HEAD:
        return page.line_of("title")
    if place[0] == "cell":
        place = ("row", *place[1:3])
    return min((line for line, other in outline.places.items() if other == place), default=None)


def stated_as_number(fact: facts.Fact, other: dict) -> bool:
    """A number one language gives with a unit and the other without ("aged 65" = "65 ans")."""
    if fact.kind == "duration":
        return ("number", fact.value.split()[0]) in other
    if fact.kind == "number":
        return any(kind == "duration" and value.split()[0] == fact.value for kind, value in other)
    return False


def compare_language(page: Page, languages: list[str]) -> list[Problem]:
    """Sentences of another of the site's languages in a page, original or translation
    (the title and description included)."""
    suspects = []
    for key in ("title", "description"):
        text = str(page.meta.get(key, ""))
        suspects += [
            suspect._replace(line=page.line_of(key))
            for suspect in untranslated.foreign_sentences(text, page.lang, languages)
        ]
    suspects += untranslated.foreign_sentences(page.body, page.lang, languages, page.body_line)
    return [
        Problem(
            page.source,
            suspect.line,
            f"this looks like {untranslated.language_name(suspect.lang)}, not '{page.lang}': "
            f'"{shorten(suspect.text)}"; translate it',
        )
        for suspect in suspects
    ]


def shorten(text: str, limit: int = 70) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare_pages(original: Page, translation: Page, languages: list[str]) -> list[Problem]:
    """Everything that differs between a page and its translation, and the sentences of
    another language in the translation (check_parity looks for them in the original).

    Facts are compared place by place only when the outlines are the same: otherwise
    the places do not correspond, and the outline's difference is reported instead.
    """
    both = outlines_of(original, translation)
    structure = compare_outline(original, translation, *both)
    return (
        compare_front_matter(original, translation)
        + structure
        + compare_facts(original, translation, both, by_place=not structure)
        + compare_freshness(original, translation)
        + compare_language(translation, languages)
    )


def compare_ui_strings(
    config_file: str, ui: dict[str, dict], languages: list[str]
) -> list[Problem]:
    """Every language has every UI string of the default language, none of them in
    another of the site's languages."""
    problems = missing_ui_strings(config_file, ui, languages)
    for lang in languages:
        for key, value in sorted(ui.get(lang, {}).items()):
            for suspect in untranslated.foreign_sentences(str(value), lang, languages)[:1]:
                problems.append(
                    Problem(
                        config_file,
                        None,
                        f"UI string '{key}' of '{lang}' looks like "
                        f'{untranslated.language_name(suspect.lang)}: "{shorten(str(value))}"',
                    )
                )
    return problems
