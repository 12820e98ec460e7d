"""Find sentences of another language of the site left in a page: English in a French
page, French in an English page.

A sentence counts as language L when it has at least MIN_WORDS function words of L
("the", "your", "to"... for English) and more of them than function words of the
page's own language. Names of agencies and forms, which stay in English on purpose
("Department of Managed Health Care", "Independent Medical Review/Complaint Form"),
carry at most one such word and pass. Measured on the site's pages: see the note of
issue 3 and tests/test_check_parity.py.

A page is searched for every other language of the site that has a word list in
FUNCTION_WORDS. A page in a language without a list is searched for English only:
the English list holds no common word of the other languages we publish in, so it
needs no list to compare with; the French one does ("de", "la", "que" are Spanish too).
To check a new language both ways, add its function words here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MIN_WORDS = 2
# Function words that are not also common words of the other languages we publish in
# (no "a", "on", "an", "as", "in", "or", "son", "plan" ...).
ENGLISH_WORDS = frozenset(
    (
        "the and of to your you is are for with this that these those if can not will "
        "be from by at it its have has do does what when who how must may should which "
        "there their they we our after before about into than then also any all each "
        "other only was were been being would could here where why get got let us make "
        "more most such him her his she he them out up"
    ).split()
)
FRENCH_WORDS = frozenset(
    (
        "le la les de des du un une et est vous votre vos pour dans par sur avec que "
        "qui ne pas au aux ce cette ces il elle ils elles se sa ses ou si plus peut "
        "doit sont être avez êtes leur leurs nous notre mais aussi après avant quand "
        "comment quel quelle quels quelles lorsque dont très tout tous toute toutes"
    ).split()
)
FUNCTION_WORDS = {"en": ENGLISH_WORDS, "fr": FRENCH_WORDS}
LANGUAGE_NAMES = {"en": "English", "fr": "French"}
# Lists with no common word of another language: searched for in pages of any language.
DISTINCTIVE = frozenset({"en"})
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n")
MARKUP = re.compile(r"https?://\S+|`[^`]*`|\{[^{}]*\}|\]\([^)]*\)|<[^>]+>")
BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||!!!|\?\?\?)")
MARKDOWN_SYNTAX = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+[.)]|\||!!!|\?\?\?\+?|>)\s*")


class Suspect(NamedTuple):
    line: int
    text: str
    lang: str  # the language the sentence seems to be in


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def word_count(tokens: list[str], lang: str) -> int:
    return sum(map(FUNCTION_WORDS.get(lang, frozenset()).__contains__, tokens))


def languages_to_find(lang: str, languages) -> list[str]:
    """The other languages of the site that a page in `lang` can be searched for."""
    return [
        other
        for other in languages
        if other != lang
        and other in FUNCTION_WORDS
        and (lang in FUNCTION_WORDS or other in DISTINCTIVE)
    ]


def language_of(text: str, lang: str, candidates: list[str]) -> str | None:
    """The candidate language a sentence of a page in `lang` is in, or None for its own."""
    tokens = words(text)
    found, most = None, max(MIN_WORDS - 1, word_count(tokens, lang))
    for other in candidates:
        count = word_count(tokens, other)
        if count > most:
            found, most = other, count
    return found


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, f"'{lang}'")


def blocks(text: str, first_line: int):
    """Paragraphs, list items, headings and table rows, as lists of (line, text)."""
    current: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        if not line.strip() or (BLOCK_START.match(line) and current):
            if current:
                yield current
            current = []
        if line.strip():
            current.append((number, line))
    if current:
        yield current


def block_sentences(block: list[tuple[int, str]]):
    """(line, sentence) pairs of a block, with links, code and markup removed."""
    joined, starts = "", []
    for number, line in block:
        starts.append((len(joined), number))
        joined += MARKDOWN_SYNTAX.sub("", MARKUP.sub(" ", line).replace("|", ". ")) + " "
    position = 0
    for piece in SENTENCE_END.split(joined):
        line = max(number for offset, number in starts if offset <= position)
        position += len(piece) + 1
        if piece.strip():
            yield line, piece.strip()


def sentences(text: str, first_line: int):
    """(line, sentence) pairs of a Markdown text, with links, code and markup removed."""
    for block in blocks(text, first_line):
        yield from block_sentences(block)


def may_be_foreign(block: list[tuple[int, str]], candidates: list[str]) -> bool:
    """Whether a sentence of the block can have enough words of a candidate language.

    Removing markup and splitting sentences only ever takes words away, so a block
    with fewer such words than that, as written, has no such sentence; most blocks of
    a page are skipped this way, without being split.
    """
    tokens = words(" ".join(line for _, line in block))
    return any(word_count(tokens, other) >= MIN_WORDS for other in candidates)


def foreign_sentences(text: str, lang: str, languages, first_line: int = 1) -> list[Suspect]:
    """The sentences of a text in `lang` that are in another of the site's languages."""
    candidates = languages_to_find(lang, languages)
    suspects = []
    if not candidates:
        return suspects
    for block in blocks(text, first_line):
        if not may_be_foreign(block, candidates):
            continue
        for number, sentence in block_sentences(block):
            found = language_of(sentence, lang, candidates)
            if found:
                suspects.append(Suspect(number, sentence, found))
    return suspects
