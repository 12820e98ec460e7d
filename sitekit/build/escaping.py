"""Front-matter text written into a page, escaped for where it goes.

Titles and descriptions are plain text whatever characters they hold: `<b>`, `"`,
`&amp;` or `[x](y)` are shown as written, never read as markup.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

# What Python-Markdown reads as syntax inside a line: code, emphasis, links and
# images, attribute lists. (A table escapes its own "|".)
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]])")


def html_text(value: str) -> Markup:
    """Text for a template that writes it as it is (MkDocs does not autoescape): escaped,
    and marked as such, so that `| e` does not escape it twice."""
    return escape(value)


def as_text(value: str) -> str:
    """The text of a value from html_text (a plain text is returned as it is)."""
    return value.unescape() if isinstance(value, Markup) else value


def markdown_text(value: str) -> str:
    """Text to put in a line of Markdown that renders exactly as written."""
    return MARKDOWN_SYNTAX.sub(r"\\\1", html.escape(value, quote=False))


TEXT_KEYS = ("title", "description")  # the front matter the theme writes into the page
