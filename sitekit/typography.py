"""Typography rules of each language, applied to the text of rendered HTML.

French puts a no-break space before ':' and inside guillemets, and a narrow no-break
space before ';', '!' and '?'. Authors type ordinary spaces; this keeps a line break
from ever separating the punctuation from its word. Text inside code, scripts and
tag attributes is left alone.
"""

from __future__ import annotations

import re

NO_BREAK = "\u00a0"
NARROW_NO_BREAK = "\u202f"
TAG = re.compile(r"(<[^>]*>)")
VERBATIM_TAGS = ("code", "pre", "script", "style", "kbd", "samp", "abbr")
OPENING = re.compile(r"<(\w+)")
CLOSING = re.compile(r"</(\w+)")

FRENCH_RULES = [
    (re.compile(r"[ \u00a0]+([;!?])"), NARROW_NO_BREAK + r"\1"),
    (re.compile(r"[ \u202f]+:(?=\s|$|<)"), NO_BREAK + ":"),
    (re.compile(r"«[ \u202f]*"), "«" + NO_BREAK),
    (re.compile(r"[ \u202f]*»"), NO_BREAK + "»"),
    (re.compile(r"(?<=\d) (?=\d{3}\b)"), NARROW_NO_BREAK),  # 130 000 $
    (re.compile(r"(?<=\d) (?=[$%€])"), NO_BREAK),  # 1 732 $, 138 %
]
RULES = {"fr": FRENCH_RULES}


def apply_rules(text: str, rules) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def typeset_text(text: str, lang: str) -> str:
    """Plain text (a title, a link label) with the language's typography."""
    return apply_rules(text, RULES.get(lang, []))


def transform_text(html: str, change) -> str:
    """The HTML with change() applied to its text, and only to its text: not to tags,
    attributes, code, scripts or styles."""
    pieces, verbatim = TAG.split(html), 0
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            closing, opening = CLOSING.match(piece), OPENING.match(piece)
            if closing and closing.group(1).lower() in VERBATIM_TAGS:
                verbatim = max(0, verbatim - 1)
            elif opening and opening.group(1).lower() in VERBATIM_TAGS and not piece.endswith("/>"):
                verbatim += 1
        elif not verbatim and piece:
            pieces[index] = change(piece)
    return "".join(pieces)


def typeset_html(html: str, lang: str) -> str:
    """The HTML with the language's typography applied to its text."""
    rules = RULES.get(lang)
    if not rules:
        return html
    return transform_text(html, lambda text: apply_rules(text, rules))
