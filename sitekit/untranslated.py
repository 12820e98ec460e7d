"""Find English sentences left in a page of another language.

A sentence counts as English when it has at least MIN_ENGLISH_WORDS English function
words ("the", "your", "to"...) and more of them than function words of the page's own
language. Names of agencies and forms, which stay in English on purpose ("Department
of Managed Health Care", "Independent Medical Review/Complaint Form"), carry at most
one such word and pass. Measured on the site's pages: see the note of issue 3 and
tests/test_parity.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MIN_ENGLISH_WORDS = 2
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
OWN_WORDS = {
    "fr": frozenset(
        (
            "le la les de des du un une et est vous votre vos pour dans par sur avec que "
            "qui ne pas au aux ce cette ces il elle ils elles se sa ses ou si plus peut "
            "doit sont être avez êtes leur leurs nous notre mais aussi après avant quand "
            "comment quel quelle quels quelles lorsque dont très tout tous toute toutes"
        ).split()
    ),
}
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n")
MARKUP = re.compile(r"https?://\S+|`[^`]*`|\{[^{}]*\}|\]\([^)]*\)|<[^>]+>")
BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||!!!|\?\?\?)")
MARKDOWN_SYNTAX = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+[.)]|\||!!!|\?\?\?\+?|>)\s*")


class Suspect(NamedTuple):
    line: int
    text: str
    english_words: int


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def english_word_count(tokens: list[str]) -> int:
    return sum(map(ENGLISH_WORDS.__contains__, tokens))


def is_english(text: str, lang: str) -> tuple[bool, int]:
    tokens = words(text)
    english = english_word_count(tokens)
    own = sum(map(OWN_WORDS.get(lang, frozenset()).__contains__, tokens))
    return english >= MIN_ENGLISH_WORDS and english > own, english


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


def may_be_english(block: list[tuple[int, str]]) -> bool:
    """Whether a sentence of the block can have enough English words to be English.

    Removing markup and splitting sentences only ever takes words away, so a block
    with fewer English words than that, as written, has no English sentence; most
    blocks of a translation are skipped this way, without being split.
    """
    return english_word_count(words(" ".join(line for _, line in block))) >= MIN_ENGLISH_WORDS


def english_sentences(text: str, lang: str, first_line: int = 1) -> list[Suspect]:
    suspects = []
    for block in blocks(text, first_line):
        if not may_be_english(block):
            continue
        for number, sentence in block_sentences(block):
            english, count = is_english(sentence, lang)
            if english:
                suspects.append(Suspect(number, sentence, count))
    return suspects
