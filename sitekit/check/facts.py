"""Facts that a translation must state exactly as the original does.

Phone numbers, URLs, e-mail addresses, dates, times of day ("5 p.m." = "17 h"), sums of
money, percentages, durations ("30 days" = "30 jours") and every other number (statute
sections, ages, years) are read from a page and written in one canonical form, so that
"January 31, 2026" and "31 janvier 2026", or "$1,732" and "1 732 $", compare equal.

A phone number is a "tty" fact when its label says so: a TTY word just before it
("TTY 1-888-889-4500", "ATS : 1-800-952-8349") or, in a table, the header of its
column ("TTY/TDD"). A TTY number given as the phone number, or the other way round,
then differs between the languages, and from the key facts of tests/test_key_facts.py.

Words for months, units and labels are known for the languages in VOCABULARY. For
another language, durations and dates are compared by their numbers only, and TTY
numbers as phone numbers, so a new language works without code, with a slightly
looser check until its words are added here.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from sitekit.core.markdown_outline import TABLE_ROW

SPACE = r"[ \u00a0\u202f]"
VOCABULARY = {
    "en": {
        "months": (
            "january february march april may june july august september october november december"
        ).split(),
        "units": {
            "day": "days",
            "month": "months",
            "year": "years",
            "hour": "hours",
            "week": "weeks",
        },
        "unit_qualifiers": ("calendar", "business", "working"),
        "thousands": ",",
        "decimal": ".",
        "labels": {"tty": ("TTY", "TDD")},
        # "8 a.m.", "5:30 p.m.": hours, minutes, and a or p.
        "time": rf"(\d{{1,2}})(?::(\d{{2}}))?{SPACE}?(?:([ap])\.m\.|([ap])m\b)",
    },
    "fr": {
        "months": (
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
        ).split(),
        "units": {
            "jour": "days",
            "mois": "months",
            "an": "years",
            "année": "years",
            "heure": "hours",
            "semaine": "weeks",
        },
        "unit_qualifiers": ("calendaires", "ouvrables", "ouvrés", "civils"),
        "thousands": SPACE,
        "decimal": ",",
        "labels": {"tty": ("ATS", "TTY", "TDD")},
        # "8 h", "17 h 30", "17h30": a 24-hour clock.
        "time": rf"\b([01]?\d|2[0-3]){SPACE}?h(?:{SPACE}?(\d{{2}}))?\b",
    },
}

URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE = re.compile(r"(?=[(\d])(?<![\d-])(?:1[-. ])?\(?(\d{3})\)?[-. ](\d{3})[-. ](\d{4})(?![\d-])")
LIST_MARKER = re.compile(r"^[ \t]*\d+[.)][ \t]+", re.M)
NEWLINE = re.compile(r"\n")
ATTRIBUTES = re.compile(r"\{[^{}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# Patterns that start at a number begin with a digit, not with a look-around: the regex
# engine can then skip ahead to the next digit instead of trying at every character.
# "(?<!\w\d)" after the first digit is the word boundary before it.
ORDINAL = re.compile(r"(\d(?<!\w\d)\d*)(?:st|nd|rd|th|er|re|e)\b")
PERCENT = re.compile(rf"(\d+(?:[.,]\d+)?){SPACE}?%")
NUMBER = re.compile(r"\d(?<![\w.]\d)\d*(?:\.\d+)*(?![\w])")
# What may stand between a label and its number: no digit (another number), no end of
# sentence, and a few words at most ("TTY: ", "(numéro ATS : ", "use the TTY line ").
LABEL_GAP = re.compile(r"[^\d.;!?|]{0,30}")
# Kinds of phone number named by a label; a language without labels calls them "phone".
PHONE_KINDS = ("tty",)
KIND_NAMES = {"phone": "phone number", "tty": "TTY number"}


class Fact(NamedTuple):
    kind: str
    value: str
    line: int
    column: int = 0  # of its first character, from 0

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.value

    def __str__(self) -> str:
        return self.value

    @property
    def name(self) -> str:
        """Its kind, as messages name it: "TTY number", "duration"."""
        return KIND_NAMES.get(self.kind, self.kind)

    def describe(self) -> str:
        """The fact as messages name it: "TTY number '877-688-9891'", "duration '30 days'"."""
        return f"{self.name} '{self.value}'"


@functools.cache
def vocabulary(lang: str) -> dict | None:
    """The words and separators of a language's facts: ours for English and French, or
    else the Unicode CLDR's (through Babel), so that a new language needs no code."""
    base = lang.split("_")[0].split("-")[0]
    return VOCABULARY.get(base) or cldr_vocabulary(base)


CLDR_UNITS = {
    "duration-day": "days",
    "duration-week": "weeks",
    "duration-month": "months",
    "duration-year": "years",
    "duration-hour": "hours",
}


def cldr_vocabulary(lang: str) -> dict | None:
    """Months, units and number separators of a language from the CLDR; None for a
    language the CLDR does not know. A space also groups thousands (ISO 31-0), as
    many languages write it."""
    from babel import Locale, UnknownLocaleError, dates, numbers, units

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None
    unit_words = {}
    for unit, english in CLDR_UNITS.items():
        for count in (1, 2, 5):  # singular and the plural forms
            word = units.format_unit(count, unit, locale=lang).replace(str(count), "").strip()
            unit_words[word.lower()] = english
    group = re.escape(numbers.get_group_symbol(lang))
    # The words a long date writes between its parts: "31 de enero de 2026".
    connectors = re.findall(r"'([^']+)'", dates.get_date_format("long", locale=lang).pattern)
    return {
        "months": [name.lower() for name in dates.get_month_names("wide", locale=lang).values()],
        "units": unit_words,
        "unit_qualifiers": (),
        "thousands": f"(?:{group}|{SPACE})",
        "decimal": numbers.get_decimal_symbol(lang),
        "labels": {"tty": ("TTY", "TDD")},
        "date_connectors": tuple(word.strip() for word in connectors if word.strip()),
    }


@functools.cache
def language_patterns(lang: str) -> dict | None:
    """The compiled patterns of a language with a vocabulary, built once."""
    vocab = vocabulary(lang)
    if not vocab:
        return None
    thousands = vocab["thousands"]
    amount = rf"\d{{1,3}}(?:{thousands}\d{{3}})+|\d+"
    units = words_pattern(vocab["units"])
    qualifiers = words_pattern(vocab["unit_qualifiers"])
    labels = {word: kind for kind, words in vocab["labels"].items() for word in words}
    return {
        "labels": labels,
        "label": re.compile(rf"\b(?:{words_pattern(labels)})\b"),
        "time": re.compile(vocab["time"]) if vocab.get("time") else None,
        "dates": date_patterns(vocab),
        "money": re.compile(rf"\$\s?({amount})(?:\.\d+)?|({amount})(?:,\d+)?{SPACE}?\$"),
        "duration": re.compile(
            rf"(\d(?<!\w\d)\d*)(?:{SPACE}+|-)(?:(?:{qualifiers}){SPACE}+)?({units})(?:s|x)?\b",
            re.I,
        ),
    }


def words_pattern(words) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


def date_patterns(vocab: dict) -> list[re.Pattern]:
    months = words_pattern(vocab["months"])
    connectors = vocab.get("date_connectors")
    # An optional word between a date's parts ("de"), for languages that write one.
    link = rf"(?:(?:{words_pattern(connectors)}){SPACE}+)?" if connectors else ""
    return [
        # "January 31, 2026", "January 31"
        re.compile(
            rf"\b({months}){SPACE}+(\d{{1,2}})(?:st|nd|rd|th)?(?:,{SPACE}*(\d{{4}}))?\b", re.I
        ),
        # "31 janvier 2026", "1er janvier"
        re.compile(
            rf"\b(\d{{1,2}})(?:er)?{SPACE}+{link}({months})(?:{SPACE}+{link}(\d{{4}}))?\b", re.I
        ),
        # "January 2026", "janvier 2026"
        re.compile(rf"\b({months}){SPACE}+{link}(\d{{4}})\b", re.I),
    ]


def number_value(text: str, vocab: dict | None) -> str:
    """'1,732' (en) or '1 732' (fr) -> '1732'; decimals keep a point."""
    if vocab:
        text = re.sub(vocab["thousands"], "", text)
        text = text.replace(vocab["decimal"], ".")
    return text


def blank(match: re.Match) -> str:
    """Spaces in place of a match, so that the positions of the rest do not move."""
    found = match.group(0)
    return " " * len(found) if "\n" not in found else re.sub(r"[^\n]", " ", found)


def extract(text: str, lang: str, first_line: int = 1) -> list[Fact]:
    """Every fact of a Markdown text, with the line it is on.

    Each kind of fact is found in the whole text at once, then blanked out so that no
    later pattern reads it again ("1-888-466-2219" is a phone number, not numbers).
    """
    vocab, patterns = vocabulary(lang), language_patterns(lang)
    starts = [0] + [match.end() for match in NEWLINE.finditer(text)]
    facts: list[Fact] = []
    original = text

    def take(pattern: re.Pattern, kind, value_of) -> None:
        """Record each match as a fact and blank it out, in one search of the text.

        kind: the kind of every match, or a function that tells it from the match."""
        nonlocal text
        pieces, end = [], 0
        for match in pattern.finditer(text):
            index = bisect.bisect_right(starts, match.start()) - 1
            facts.append(
                Fact(
                    kind if isinstance(kind, str) else kind(match),
                    value_of(match),
                    first_line + index,
                    match.start() - starts[index],
                )
            )
            pieces += (text[end : match.start()], blank(match))
            end = match.end()
        if pieces:
            text = "".join(pieces) + text[end:]

    # Each pattern runs only where its kind of fact can be: most pages have no e-mail
    # address, sum of money or month name, and the patterns are costly on long pages.
    lower = text.lower()
    if "://" in text:
        take(URL, "url", lambda m: m.group(0).rstrip(".,;:!?"))
    if "@" in text:
        take(EMAIL, "email", lambda m: m.group(0).lower())
    for pattern in (LIST_MARKER, ATTRIBUTES, LINK_TARGET):
        text = pattern.sub(blank, text)
    phone_kind = "phone"
    if patterns and any(word in original for word in patterns["labels"]):
        phone_kind = functools.partial(labelled_kind, original, starts, patterns)
    take(PHONE, phone_kind, lambda m: "-".join(m.groups()))
    if patterns and any(month in lower for month in vocab["months"]):
        months = vocab["months"]
        month_first, day_first, month_year = patterns["dates"]
        take(month_first, "date", lambda m: date_value(months, m.group(3), m.group(1), m.group(2)))
        take(day_first, "date", lambda m: date_value(months, m.group(3), m.group(2), m.group(1)))
        take(month_year, "date", lambda m: date_value(months, m.group(2), m.group(1), None))
    if patterns and "$" in text:
        take(
            patterns["money"],
            "money",
            lambda m: "$" + number_value(m.group(1) or m.group(2), vocab),
        )
    if "%" in text:
        take(PERCENT, "percent", lambda m: m.group(1).replace(",", ".") + "%")
    if patterns and patterns["time"]:
        take(patterns["time"], "time", time_value)
    if patterns:
        take(
            patterns["duration"],
            "duration",
            lambda m: f"{m.group(1)} {vocab['units'][m.group(2).lower()]}",
        )
    text = ORDINAL.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    take(NUMBER, "number", lambda m: m.group(0))
    return sorted(facts, key=lambda fact: fact.line)


def labelled_kind(text: str, starts: list[int], patterns: dict, match: re.Match) -> str:
    """The kind of a phone number named by its label ("tty"), or "phone".

    The label is the last one before the number, on its line or the line before,
    with only a few words between them; in a table, the one in its cell, or else the
    header of its column.
    """
    index = bisect.bisect_right(starts, match.start()) - 1
    line_start = starts[index]
    line_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    line = text[line_start:line_end]
    column = match.start() - line_start
    in_table = TABLE_ROW.match(line)
    if in_table:
        before = line[line.rfind("|", 0, column) + 1 : column]
    else:
        before = text[starts[max(index - 1, 0)] : match.start()]
    labels = list(patterns["label"].finditer(before))
    if labels and LABEL_GAP.fullmatch(before, labels[-1].end()):
        return patterns["labels"][labels[-1].group(0)]
    if in_table:
        header = index
        while header > 0 and TABLE_ROW.match(text[starts[header - 1] : starts[header] - 1]):
            header -= 1
        cell = line.count("|", 0, column) - 1  # a row starts with "|"
        cells = text[starts[header] : starts[header + 1] - 1].strip().strip("|").split("|")
        found = patterns["label"].search(cells[cell]) if cell < len(cells) else None
        if found:
            return patterns["labels"][found.group(0)]
    return "phone"


def time_value(match: re.Match) -> str:
    """'5 p.m.' or '17 h' -> '17:00'; a 12-hour clock names its half (a or p) in group
    3 or 4, a 24-hour clock has none."""
    hour, minutes = int(match.group(1)), match.group(2) or "00"
    half = next((group for group in match.groups()[2:] if group), None)
    if half:
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    return f"{hour:02d}:{minutes}"


def date_value(months: list[str], year, month: str, day) -> str:
    return iso_date(year, months.index(month.lower()) + 1, day)


def iso_date(year: str | None, month: int, day: str | None) -> str:
    return f"{year or '----'}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def loosen(fact: Fact) -> list[Fact]:
    """A fact reduced to its numbers, to compare with a language without a vocabulary.

    Month names cannot be compared without words, so a date keeps its day and year.
    """
    if fact.kind == "duration":
        return [fact._replace(kind="number", value=fact.value.split()[0])]
    if fact.kind == "money":
        return [fact._replace(kind="number", value=fact.value.lstrip("$"))]
    if fact.kind == "time":
        return [fact._replace(kind="number", value=str(int(fact.value.split(":")[0])))]
    if fact.kind in PHONE_KINDS:
        return [fact._replace(kind="phone")]
    if fact.kind == "date":
        year, _month, *day = fact.value.split("-")
        numbers = [year] if year != "----" else []
        numbers += [str(int(day[0]))] if day else []
        return [fact._replace(kind="number", value=value) for value in numbers]
    return [fact]


def exact_kinds(*langs: str) -> frozenset[str]:
    """The kinds of fact that every one of langs reads exactly; the others are compared
    by their numbers (loosen). A language without a vocabulary reads none exactly, and
    one whose vocabulary has no clock (the CLDR's) reads no time of day."""
    vocabs = [vocabulary(lang) for lang in langs]
    if not all(vocabs):
        return frozenset()
    kinds = {"duration", "money", "date", *PHONE_KINDS}
    if all(vocab.get("time") for vocab in vocabs):
        kinds.add("time")
    return frozenset(kinds)


def as_compared(fact: Fact, exact: frozenset[str]) -> list[Fact]:
    """The fact as it is compared: itself, or loosened when its kind is not in exact."""
    return [fact] if fact.kind in exact else loosen(fact)


def comparable(facts: list[Fact], exact: frozenset[str]) -> dict[tuple[str, str], Fact]:
    """Facts by key (the first occurrence of each), ready to compare between languages."""
    found: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        for each in as_compared(fact, exact):
            found.setdefault(each.key, each)
    return found
