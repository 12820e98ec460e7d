"""Plain-language limits: how hard a page's prose is to read, in each language.

The readers of this site are people whose health plan refused care; many read English
or French as a second language. The check (scripts/check_readability.py) fails when:

- more than 5% of the sentences of one language, over the whole site, have more than
  25 words (MAX_SENTENCE_WORDS, MAX_LONG_SHARE);
- an English page is above grade 8 on the Flesch-Kincaid scale
  (0.39 x words per sentence + 11.8 x syllables per word - 15.59);
- a French page is below 60 on the Kandel-Moles scale
  (207 - 1.015 x words per sentence - 73.6 x syllables per word).

Why 60 for French: Kandel and Moles (1958) refitted Flesch's Reading Ease formula to
French and kept its 0-100 scale, so Flesch's table of school grades reads on it: 60-70
is "standard", 8th and 9th grade; 70-80 is 7th grade; 50-60 is 10th to 12th grade.
"Grade 8 or lower" therefore means 60 or more: below 60 a page is in the band Flesch
gives to high school. Reading the Flesch-Kincaid limit back onto Flesch's own scale
agrees: a grade of 8.0 is a Reading Ease of about 59 to 67 for words of 1.6 to 1.45
syllables, so 60 is the lenient end of the same limit, not a stricter one. Keep in mind
that a score just above 60 is grade 8-9, not 7: raise MIN_KANDEL_MOLES to 65 to aim at
the middle of the band.

Both scales are measured on prose only, the way an independent review of the site
measured it (prose_blocks, clean_inline): no front matter, headings, tables, HTML
blocks and tools, code, admonition marker lines (`!!! warning "Important"`: the
warning's own text stays), attribute lists, link addresses (link text stays) or
abbreviation definitions. A phone number, a URL or an
e-mail address counts as one word. Each list item, and each paragraph, ends a sentence;
inside them, a sentence ends at . ? ! or : followed by a capital letter or the end
(split_sentences, which knows "U.S.", "e.g." and the like). Syllables are counted with
vowel groups and the usual corrections for each language, with no dictionary; a word
with a digit counts one syllable. Abbreviations such as IMR or DMHC count as the vowel
groups they are written with (one), not as the letters readers say.

A language without a formula here is checked for long sentences only.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from sitekit.check import facts
from sitekit.core import markdown_outline
from sitekit.core.reporting import Problem

MAX_SENTENCE_WORDS = 25
MAX_LONG_SHARE = 0.05  # of a language's sentences, over the whole site
MAX_GRADE = 8.0  # Flesch-Kincaid, English
MIN_KANDEL_MOLES = 60.0  # French: see the module docstring
QUOTED_WORDS = 8  # words of a long sentence quoted in its message

# --- Syllables ---------------------------------------------------------------------

ENGLISH_VOWEL_GROUP = re.compile(r"[aeiouy]+")
FRENCH_VOWELS = "aeiouyàâéèêëîïôùûüœæ"
# "qu" and "gu" before e/i: the u is not a vowel (quel-que, gui-de, lan-gue).
FRENCH_SILENT_U = re.compile(r"(?<=q)u|(?<=g)u(?=[eiéèêëîï])")
# Nouns, adjectives and adverbs in -ent whose ending is sounded; other words in -ent
# (consonant + ent) are taken as verbs, whose -ent is mute (ils paient, ils demandent).
FRENCH_SOUNDED_ENT = frozenset(
    (
        "absent accident adhérent adjacent agent argent cent client compétent concurrent "
        "content conséquent décent dent différent équivalent évident excellent fréquent "
        "impatient incident inconvénient indépendant innocent insuffisant intelligent "
        "lent parent patient permanent pourcent précédent présent prudent récent "
        "régent résident souvent subséquent suffisant talent urgent vent"
    ).split()
)
# Verbs in -ment, whose ending is mute: other words in -ment are nouns or adverbs.
FRENCH_MUTE_MENT = frozenset(
    (
        "affirment aiment animent calment confirment consomment dorment estiment "
        "expriment ferment forment impriment informent nomment priment réclament "
        "suppriment transforment"
    ).split()
)
APOSTROPHES = "'\u2019"
WORD_PARTS = re.compile(r"[-/\u2010\u2011]+")


def letters(part: str) -> str:
    return "".join(char for char in part.lower() if char.isalpha())


def english_syllables(word: str) -> int:
    """Syllables of an English word: vowel groups, less a silent final e, -es or -ed."""
    return count_parts(word, english_part_syllables)


def english_part_syllables(part: str) -> int:
    # Accents do not change English vowel groups (café, naïve).
    text = unicodedata.normalize("NFKD", letters(part)).encode("ascii", "ignore").decode()
    count = len(ENGLISH_VOWEL_GROUP.findall(text))
    if count > 1:
        if re.search(r"[^aeiouy]e$", text) and not re.search(r"[^aeiouy]le$", text):
            count -= 1  # care, state, coverage; not table, people
        elif re.search(r"[^aeiouytd]ed$", text):
            count -= 1  # asked, used; not wanted, needed, agreed
        elif re.search(r"[^aeiouysxzcgh]es$", text) and not re.search(r"[^aeiouy]les$", text):
            count -= 1  # makes, dates; not boxes, pages, services, tables
    return count


def french_syllables(word: str) -> int:
    """Syllables of a French word as said: vowel groups, less a mute final e, es or ent."""
    return count_parts(word, french_part_syllables)


def french_part_syllables(part: str) -> int:
    text = FRENCH_SILENT_U.sub("", letters(part))
    groups = french_vowel_groups(text)
    count = len(groups)
    if count > 1 and groups[-1] == "e":
        if text.endswith(("e", "es")):
            count -= 1  # lettre, pages, année
        elif (
            re.search(r"[^aeiouyàâéèêëîïôùûüœæ]ent$", text)
            and text not in FRENCH_SOUNDED_ENT
            and (not text.endswith("ment") or text in FRENCH_MUTE_MENT)
        ):
            count -= 1  # demandent, doivent; not document, souvent
    return count


def french_vowel_groups(text: str) -> list[str]:
    """The vowel groups of a French word. A vowel after "é" starts a group (cré-er,
    an-né-e), so does a vowel with a diaeresis (na-ïf, No-ël) and a "y" between vowels
    (mo-yen, pa-yer)."""
    groups: list[str] = []
    current = ""
    for index, char in enumerate(text):
        if char not in FRENCH_VOWELS:
            if current:
                groups.append(current)
            current = ""
            continue
        following = text[index + 1 : index + 2]
        if current and (
            current.endswith("é")
            or char in "ëïü"
            or (char == "y" and following and following in FRENCH_VOWELS)
        ):
            groups.append(current)
            current = ""
        current += char
    return [*groups, current] if current else groups


def generic_part_syllables(part: str) -> int:
    """Vowel groups, for a language without its own rules."""
    return len(re.findall(f"[{FRENCH_VOWELS}]+", letters(part)))


def count_parts(word: str, part_syllables) -> int:
    """Syllables of a word: 1 with a digit, else the sum over its hyphenated parts
    (Medi-Cal, nouveau-né), and at least 1. Elisions join (l'examen, don't)."""
    if any(char.isdigit() for char in word):
        return 1
    for apostrophe in APOSTROPHES:
        word = word.replace(apostrophe, "")
    return max(1, sum(part_syllables(part) for part in WORD_PARTS.split(word) if part))


SYLLABLE_COUNTERS = {"en": english_syllables, "fr": french_syllables}


def base_language(lang: str) -> str:
    return lang.split("_")[0].split("-")[0].lower()


def syllables(word: str, lang: str) -> int:
    counter = SYLLABLE_COUNTERS.get(base_language(lang))
    return counter(word) if counter else count_parts(word, generic_part_syllables)


# --- Prose ---------------------------------------------------------------------------

HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
ADMONITION_MARKER = re.compile(r"^\s*(?:!!!|\?\?\?\+?)(?:\s|$)")
ABBREVIATION_DEFINITION = re.compile(r"^\s*\*\[[^\]]+\]:")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)$")
SNIPPET = re.compile(r"^\s*-+8<-+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
QUOTE_MARKER = re.compile(r"^(?:\s*>)+\s?")
DEFINITION = re.compile(r"^ {0,3}:[ \t]+")


class Block(NamedTuple):
    """A paragraph or list item: its first line, and its text with the line breaks kept."""

    line: int
    text: str


def prose_blocks(body: str, first_line: int = 1) -> list[Block]:
    """The paragraphs and list items of a page's Markdown body, without what is not prose.

    Headings, tables, fenced code, HTML blocks (a line starting with "<", to the next
    blank line), admonition markers, abbreviation and link definitions, rules and
    snippets are left out. Markers of lists, quotes and definitions are removed.
    """
    blocks: list[Block] = []
    lines: list[tuple[int, str]] = []
    in_fence = in_html = False

    def close() -> None:
        if lines:
            blocks.append(Block(lines[0][0], "\n".join(text for _, text in lines)))
            lines.clear()

    for number, raw in enumerate(body.splitlines(), start=first_line):
        if markdown_outline.FENCE.match(raw):
            in_fence = not in_fence
            close()
            continue
        stripped = raw.strip()
        if in_fence:
            continue
        if not stripped:
            in_html = False
            close()
            continue
        if in_html:
            continue
        if stripped.startswith("<"):
            in_html = True
            close()
            continue
        if (
            HEADING.match(raw)
            or markdown_outline.TABLE_ROW.match(raw)
            or markdown_outline.TABLE_RULE.match(raw)
            or ADMONITION_MARKER.match(raw)
            or ABBREVIATION_DEFINITION.match(raw)
            or LINK_DEFINITION.match(raw)
            or RULE.match(raw)
            or SNIPPET.match(raw)
        ):
            close()
            continue
        text = QUOTE_MARKER.sub("", raw)
        starts_block = LIST_ITEM.match(text) or DEFINITION.match(text)
        if starts_block:
            close()
            text = text[starts_block.end() :]
        lines.append((number, text.strip()))
    close()
    return blocks


def keep_lines(replacement: str = ""):
    """A substitution that keeps the line breaks of what it replaces."""
    return lambda match: replacement + "\n" * match.group(0).count("\n")


INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)?[^<>\s]+[@.:][^<>\s]*>")
FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]]+\]")
LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]"
    r"(?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])"
)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?:[#.][\w-]|\w+=)[^{}\n]*\}|\{:[^{}\n]*\}")
# "1 732" (French thousands): one number, one word.
GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)")
EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
LINK_WORD = "[link]"
PHONE_WORD = "[phone]"


def clean_inline(text: str) -> str:
    """A block's text as read: link text without the address, no code, tags, attribute
    lists or emphasis marks; each URL, e-mail address and phone number one word."""
    text = INLINE_CODE.sub(keep_lines(), text)
    text = HTML_COMMENT.sub(keep_lines(), text)
    text = IMAGE.sub(keep_lines(), text)
    text = AUTOLINK.sub(LINK_WORD, text)
    text = FOOTNOTE_REFERENCE.sub("", text)
    text = LINK.sub(lambda match: match.group(1), text)
    text = HTML_TAG.sub(keep_lines(), text)
    text = ATTRIBUTE_LIST.sub("", text)
    text = facts.URL.sub(LINK_WORD, text)
    text = facts.EMAIL.sub(LINK_WORD, text)
    text = facts.PHONE.sub(PHONE_WORD, text)
    text = GROUPED_NUMBER.sub(lambda match: re.sub(r"\D", "", match.group(0)), text)
    text = EMPHASIS.sub("", text)
    text = ESCAPE.sub(r"\1", text)
    return html.unescape(text)


# --- Sentences -----------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.?!:]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
OPENING = re.compile(r"[\s\"'\u201c\u2018\u00ab(\[\u00bf\u00a1]*")
# Words that end with a full stop and are followed by a capital without ending a
# sentence. Initialisms (U.S., e.g., i.e., a.m., Ph.D.) are found by INITIALISM.
ABBREVIATIONS = frozenset(
    (
        "Mr. Mrs. Ms. Dr. St. Ste. Jr. Sr. vs. Dept. Apt. Ave. Blvd. Gov. Sen. Rep. Cal. "
        "Calif. Regs. approx. Jan. Feb. Aug. Sept. Oct. Nov. Dec. "
        "M. MM. Mme. Mlle. Me. art. cf. env. ex. p. pp. c.-à-d."
    ).split()
)
INITIALISM = re.compile(r"^(?:[^\W\d_]{1,2}\.-?){2,}$")


class Sentence(NamedTuple):
    line: int
    text: str
    words: int
    syllables: int


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at text[dot] ends an abbreviation rather than a sentence."""
    start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    token = text[start : dot + 1].lstrip("\"'\u201c\u2018\u00ab([")
    return token in ABBREVIATIONS or bool(INITIALISM.match(token))


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of a block of prose.

    A sentence ends at . ? ! or : (with any closing quotes or brackets) followed by a
    capital letter or the end of the text, except after an abbreviation. A decimal
    (10169.5) or a lower-case word after the mark ("No. 5", "e.g. a") ends nothing.
    """
    found, start = [], 0
    for match in SENTENCE_END.finditer(text):
        after = OPENING.match(text, match.end()).end()
        if after < len(text) and not text[after].isupper():
            continue
        if match.group(0) == "." and is_abbreviation(text, match.start()):
            continue
        found.append((start, text[start : match.end()]))
        start = match.end()
    found.append((start, text[start:]))
    return [
        (offset + len(piece) - len(piece.lstrip()), piece.strip())
        for offset, piece in found
        if piece.strip()
    ]


def words(text: str) -> list[str]:
    """The words of a sentence: what is between spaces, when it has a letter or digit."""
    return [token for token in text.split() if any(char.isalnum() for char in token)]


def page_sentences(body: str, lang: str, first_line: int = 1) -> list[Sentence]:
    """Every sentence of a page's prose, with its line, words and syllables."""
    sentences = []
    for block in prose_blocks(body, first_line):
        text = clean_inline(block.text)
        for offset, sentence in split_sentences(text):
            tokens = words(sentence)
            if not tokens:
                continue
            sentences.append(
                Sentence(
                    line=block.line + text.count("\n", 0, offset),
                    text=" ".join(sentence.split()),
                    words=len(tokens),
                    syllables=sum(syllables(token, lang) for token in tokens),
                )
            )
    return sentences


# --- Scores --------------------------------------------------------------------------


def flesch_kincaid_grade(words_per_sentence: float, syllables_per_word: float) -> float:
    return 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59


def kandel_moles(words_per_sentence: float, syllables_per_word: float) -> float:
    return 207 - 1.015 * words_per_sentence - 73.6 * syllables_per_word


class Scale(NamedTuple):
    name: str
    formula: Callable[[float, float], float]  # words per sentence, syllables per word
    limit: float
    higher_is_easier: bool

    def passes(self, score: float) -> bool:
        # Compared as printed (one decimal), so that a page shown at the limit passes.
        shown = round(score, 1)
        return shown >= self.limit if self.higher_is_easier else shown <= self.limit

    def describe_limit(self) -> str:
        return f"{self.limit:g} or more" if self.higher_is_easier else f"{self.limit:g}"


SCALES = {
    "en": Scale("Flesch-Kincaid grade", flesch_kincaid_grade, MAX_GRADE, False),
    "fr": Scale("Kandel-Moles", kandel_moles, MIN_KANDEL_MOLES, True),
}


def scale_of(lang: str) -> Scale | None:
    return SCALES.get(base_language(lang))


class Measure(NamedTuple):
    """The readability of some prose: a page, or all the pages of a language."""

    sentences: int
    words: int
    syllables: int
    long_sentences: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def long_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else 0.0

    def score(self, scale: Scale) -> float | None:
        if not self.words:
            return None
        return scale.formula(self.words_per_sentence, self.syllables_per_word)


def is_long(sentence: Sentence) -> bool:
    return sentence.words > MAX_SENTENCE_WORDS


def measure(sentences: list[Sentence]) -> Measure:
    return Measure(
        sentences=len(sentences),
        words=sum(sentence.words for sentence in sentences),
        syllables=sum(sentence.syllables for sentence in sentences),
        long_sentences=sum(map(is_long, sentences)),
    )


def total(measures) -> Measure:
    """The sum of several measures: a language is the sum of its pages."""
    result = Measure(0, 0, 0, 0)
    for each in measures:
        result = Measure(*(a + b for a, b in zip(result, each, strict=True)))
    return result


def score_problem(source: str, lang: str, page: Measure) -> Problem | None:
    """A page above its language's limit, or None."""
    scale = scale_of(lang)
    score = page.score(scale) if scale else None
    if score is None or scale.passes(score):
        return None
    return Problem(
        source,
        1,
        f"{scale.name} {score:.1f} (limit {scale.describe_limit()}); "
        "use shorter sentences and words",
    )


def first_words(text: str, count: int = QUOTED_WORDS) -> str:
    tokens = text.split()
    return " ".join(tokens[:count]) + ("\u2026" if len(tokens) > count else "")


def long_sentence_problem(source: str, sentence: Sentence) -> Problem:
    return Problem(
        source,
        sentence.line,
        f"sentence of {sentence.words} words (limit {MAX_SENTENCE_WORDS}); "
        f'split it: "{first_words(sentence.text)}"',
    )


def long_share_problem(folder: str, language: Measure) -> Problem | None:
    """A language whose share of long sentences is over the limit, or None."""
    if language.long_share <= MAX_LONG_SHARE:
        return None
    return Problem(
        folder,
        None,
        f"{language.long_sentences} of {language.sentences} sentences "
        f"({language.long_share:.1%}) have more than {MAX_SENTENCE_WORDS} words "
        f"(limit {MAX_LONG_SHARE:.0%}); split the sentences listed above",
    )
