"""Typography rules of each language, applied to the text of rendered HTML.

French puts a no-break space before ':' and inside guillemets, and a narrow no-break
space before ';', '!' and '?'. Authors type ordinary spaces; this keeps a line break
from ever separating the punctuation from its word. Text inside code, scripts and
tag attributes is left alone.
"""

from __future__ import annotations

import functools
import re

NO_BREAK = "\u00a0"
NARROW_NO_BREAK = "\u202f"
# Markup that is never text: a whole code, script, style or abbr element, or one tag.
MARKUP = re.compile(
    r"(<(code|pre|script|style|kbd|samp|abbr)\b[^>]*>.*?</\2\s*>|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
# Joins a page's text pieces so each change runs once per page, not once per piece;
# NUL cannot occur in HTML text, and no rule matches across it.
PIECE_BREAK = "\x00"

SPACES = " \u00a0\u202f"
SPACE_BEFORE = {";": NARROW_NO_BREAK, "!": NARROW_NO_BREAK, "?": NARROW_NO_BREAK}
SPACE_BEFORE.update({":": NO_BREAK, "»": NO_BREAK})
MARK = re.compile(r"[;!?:»]")


def space_before_marks(text: str) -> str:
    """The spaces typed before ; ! ? : » become the one no-break space French wants there.

    A colon keeps ordinary spacing when something other than a space follows it
    (10:30, https://). The marks are rare, so the text is searched for them and the
    spaces before each are looked at, rather than searched at every space.
    """
    pieces, done = [], 0
    for match in MARK.finditer(text):
        mark, position = match.group(), match.start()
        start = position
        while start > done and text[start - 1] in SPACES:
            start -= 1
        following = text[position + 1 : position + 2]
        if start == position or (
            mark == ":" and following and not (following.isspace() or following in "\x00<")
        ):
            continue
        pieces += (text[done:start], SPACE_BEFORE[mark], mark)
        done = position + 1
    return "".join(pieces) + text[done:] if pieces else text


# A space between digits and a group of three (130 000), or before a currency or
# percent sign (1 732 $, 138 %). One pattern, so a page is searched once for both.
NUMBER_SPACE = re.compile(r"(\d) (?=(\d{3}\b)|[$%€])")


def space_in_numbers(text: str) -> str:
    """A narrow no-break space between groups of digits, a no-break space before $ % €."""
    return NUMBER_SPACE.sub(
        lambda match: match.group(1) + (NARROW_NO_BREAK if match.group(2) else NO_BREAK), text
    )


def substitution(pattern: str, replacement: str):
    return functools.partial(re.compile(pattern).sub, replacement)


# Each rule is a function of the text. Each search of a page costs, so every pattern
# starts with a character the regex engine can skip ahead to. Typeset text stays as it is.
FRENCH_RULES = [
    space_before_marks,
    substitution(r"»(?<![ \u00a0\u202f]»)", NO_BREAK + "»"),  # word» → word »
    substitution(r"«[ \u00a0\u202f]*", "«" + NO_BREAK),
    space_in_numbers,
]
RULES = {"fr": FRENCH_RULES}


def apply_rules(text: str, rules) -> str:
    for rule in rules:
        text = rule(text)
    return text


@functools.lru_cache(maxsize=4096)
def typeset_text(text: str, lang: str) -> str:
    """Plain text (a title, a link label) with the language's typography.

    Cached: the same titles come back on every page that links to them."""
    return apply_rules(text, RULES.get(lang, []))


def transform_text(html: str, change) -> str:
    """The HTML with change() applied to its text, and only to its text: not to tags,
    attributes, code, scripts or styles. A piece of text ends at the next tag."""
    pieces = MARKUP.split(html)
    # split() gives text, markup, element name, text, markup, element name, ..., text
    texts = pieces[0::3]
    if PIECE_BREAK in html:
        changed = [change(text) for text in texts]
    else:
        changed = change(PIECE_BREAK.join(texts)).split(PIECE_BREAK)
    pieces[0::3] = changed
    pieces[2::3] = [""] * len(pieces[2::3])
    return "".join(pieces)


def typeset_rules(lang: str):
    """A function that applies the language's typography to a piece of text."""
    rules = RULES.get(lang)
    if not rules:
        return lambda text: text
    return lambda text: apply_rules(text, rules)


def typeset_html(html: str, lang: str) -> str:
    """The HTML with the language's typography applied to its text."""
    return transform_text(html, typeset_rules(lang))
