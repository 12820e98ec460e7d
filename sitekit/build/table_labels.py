"""Tables that read well on a phone: each data cell is labelled with its column's heading
(data-label="Phone"), so that on a narrow screen site.css shows every row as a card
("Phone: 1-888-466-2219", one line under the other) instead of a table cut off at the
screen's edge. Wide screens still show the table.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table\b.*?</table\s*>", re.DOTALL | re.IGNORECASE)
HEADING = re.compile(r"<th\b[^>]*>(.*?)</th\s*>", re.DOTALL | re.IGNORECASE)
ROW = re.compile(r"<tr\b[^>]*>.*?</tr\s*>", re.DOTALL | re.IGNORECASE)
CELL_OPENING = re.compile(r"<td\b(?![^>]*\bdata-label=)", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
HEAD = re.compile(r"<thead\b.*?</thead\s*>", re.DOTALL | re.IGNORECASE)


def heading_texts(table_html: str) -> list[str]:
    """The plain text of the table's column headings, in order."""
    head = HEAD.search(table_html)
    if not head:
        return []
    return [
        " ".join(html.unescape(TAG.sub("", cell)).split())
        for cell in HEADING.findall(head.group(0))
    ]


def labelled_row(row_html: str, labels: list[str]) -> str:
    cells = iter(labels)

    def label(match: re.Match) -> str:
        text = next(cells, "")
        return f'{match.group(0)} data-label="{html.escape(text)}"' if text else match.group(0)

    return CELL_OPENING.sub(label, row_html)


def labelled_table(table_html: str) -> str:
    labels = heading_texts(table_html)
    if not labels:
        return table_html
    return ROW.sub(lambda row: labelled_row(row.group(0), labels), table_html)


def with_table_labels(page_html: str) -> str:
    """The page's HTML with each table's data cells labelled by their column heading."""
    if "<table" not in page_html:
        return page_html
    return TABLE.sub(lambda table: labelled_table(table.group(0)), page_html)
