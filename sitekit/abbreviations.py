"""Abbreviations explained on hover: read a language's list, mark them up in a page's HTML.

The list is Markdown's abbreviation syntax, one per line (`*[IMR]: Independent Medical
Review`). Marking up the rendered HTML in one pass is much cheaper than the `abbr`
Markdown extension, which searches every text once per abbreviation.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sitekit.page_model import Problem
from sitekit.typography import transform_text

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
    if not definitions:
        return None
    names = sorted(definitions, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def mark_abbreviations(page_html: str, definitions: dict[str, str], pattern) -> str:
    if pattern is None:
        return page_html

    def mark(text: str) -> str:
        return pattern.sub(
            lambda match: (
                f'<abbr title="{html.escape(definitions[match.group(1)], quote=True)}">'
                f"{match.group(1)}</abbr>"
            ),
            text,
        )

    return transform_text(page_html, mark)
