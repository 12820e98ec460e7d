"""The outline of a Markdown page: headings, numbered lists, admonitions and tables.

Two translations of a page must have the same outline; the parity check compares the
outlines this module reads. It reads the Markdown the site uses (Python-Markdown with
attr_list, admonition and tables), line by line, skipping fenced code.

The outline also says where each line stands, in terms that are the same in every
translation of a page with the same outline: a table row, an item of a numbered list,
or else the section under a heading. The parity check compares facts where they stand.
"""

from __future__ import annotations

import re
from typing import NamedTuple

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([A-Za-z0-9_-]+)[^}]*\})?\s*$")
ORDERED_ITEM = re.compile(r"^(\s*)\d+[.)]\s+\S")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+(?:\s+[\w-]+)*)(?:\s+"(.*)")?\s*$')
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


class Heading(NamedTuple):
    line: int
    level: int
    text: str
    anchor: str | None


class Block(NamedTuple):
    """A counted structure (numbered list, table, admonition) and where it starts."""

    line: int
    shape: tuple


class Outline(NamedTuple):
    headings: list[Heading]
    numbered_lists: list[Block]
    admonitions: list[Block]
    tables: list[Block]
    # line -> ("section", heading number: 0 before the first heading), ("item", list
    # number, item number) or ("row", table number, row number), all counted from 0
    places: dict[int, tuple]


def content_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line number, text) of every line outside fenced code blocks."""
    lines, in_fence = [], False
    for number, text in enumerate(body.splitlines(), start=first_line):
        if FENCE.match(text):
            in_fence = not in_fence
            continue
        if not in_fence:
            lines.append((number, text))
    return lines


def indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def read_outline(body: str, first_line: int = 1) -> Outline:
    outline = Outline([], [], [], [], {})
    lines = content_lines(body, first_line)
    open_lists: dict[int, list] = {}  # indent -> [start line, item count, nesting depth]
    table: list | None = None  # [start line, rows, columns]
    places: dict[int, tuple] = {}  # numbered items are placed by their list's start line

    def close_lists(deeper_than: int) -> None:
        for indent in sorted(i for i in open_lists if i > deeper_than):
            start, count, depth = open_lists.pop(indent)
            outline.numbered_lists.append(Block(start, (depth, count)))

    def close_table() -> None:
        nonlocal table
        if table:
            outline.tables.append(Block(table[0], (table[1], table[2])))
        table = None

    for number, text in lines:
        if TABLE_ROW.match(text):
            if TABLE_RULE.match(text):
                continue
            columns = len(split_row(text))
            if table is None:
                table = [number, 0, columns]
            places[number] = ("row", len(outline.tables), table[1])
            table[1] += 1
            table[2] = max(table[2], columns)
            continue
        close_table()
        if not text.strip():
            continue
        heading = HEADING.match(text)
        if heading:
            close_lists(-1)
            level, title, anchor = heading.groups()
            outline.headings.append(Heading(number, len(level), title, anchor))
            places[number] = ("section", len(outline.headings))
            continue
        admonition = ADMONITION.match(text)
        item = ORDERED_ITEM.match(text)
        indent = indent_of(text)
        if admonition:
            close_lists(indent)
            outline.admonitions.append(Block(number, (admonition.group(1).split()[0],)))
        elif item:
            close_lists(indent)
            depth = sum(1 for other in open_lists if other < indent)
            open_lists.setdefault(indent, [number, 0, depth])[1] += 1
        else:
            # A line indented under an item continues it; anything else ends the lists
            # it is not indented under.
            close_lists(indent - 1 if indent else -1)
        if open_lists:
            start, count, _depth = open_lists[max(open_lists)]
            places[number] = ("item", start, count - 1)
        else:
            places[number] = ("section", len(outline.headings))
    close_table()
    close_lists(-1)
    outline.numbered_lists.sort(key=lambda block: block.line)
    list_numbers = {block.line: index for index, block in enumerate(outline.numbered_lists)}
    outline.places.update(
        (line, ("item", list_numbers[place[1]], place[2]) if place[0] == "item" else place)
        for line, place in places.items()
    )
    return outline


def split_row(text: str) -> list[str]:
    cells = text.strip().strip("|").split("|")
    return [cell.strip() for cell in cells]
