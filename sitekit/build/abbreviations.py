"""Abbreviations explained on hover: read a language's list, mark them up in a page's HTML.

The list is Markdown's abbreviation syntax, one per line (`*[IMR]: Independent Medical
Review`). Marking up the rendered HTML in one pass is much cheaper than the `abbr`
Markdown extension, which searches every text once per abbreviation.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sitekit.build.typography import transform_text
from sitekit.core.reporting import Problem

DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$")


def read_definitions(path: Path) -> tuple[dict[str, str], list[Problem]]:
    definitions, problems = {}, []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        match = DEFINITION.match(line)
        if match:
            definitions[match.group(1)] = match.group(2)
        else:
            problems.append(Problem(str(path), number, "expected '*[ABBR]: meaning'"))
    return definitions, problems


def abbreviation_pattern(definitions: dict[str, str]) -> re.Pattern | None:
    """Any of the abbreviations, not followed by a letter, digit or hyphen.

    The pattern starts with the abbreviations themselves so the regex engine can skip
    ahead to their first letters; the same check before them is made in Python, on the
    few places where one is found.
    """
    if not definitions:
        return None
    names = sorted(definitions, key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def standalone(text: str, start: int) -> bool:
    """No letter, digit or hyphen just before position start (CDI-IMR is one word)."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before in "_-")


def abbreviation_marker(definitions: dict[str, str]):
    """A function that marks up the abbreviations of a piece of text (not of HTML)."""
    pattern = abbreviation_pattern(definitions)
    if pattern is None:
        return lambda text: text
    marked = {
        name: f'<abbr title="{html.escape(meaning, quote=True)}">{name}</abbr>'
        for name, meaning in definitions.items()
    }

    def mark_one(match: re.Match) -> str:
        if standalone(match.string, match.start()):
            return marked[match.group(1)]
        return match.group(1)

    return lambda text: pattern.sub(mark_one, text)


def mark_abbreviations(page_html: str, definitions: dict[str, str]) -> str:
    """The HTML with the abbreviations of its text marked up."""
    return transform_text(page_html, abbreviation_marker(definitions))
