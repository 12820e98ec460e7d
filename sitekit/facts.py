"""Facts that a translation must state exactly as the original does.

Phone numbers, URLs, e-mail addresses, dates, sums of money, percentages, durations
("30 days" = "30 jours") and every other number (statute sections, ages, years) are
read from a page and written in one canonical form, so that "January 31, 2026" and
"31 janvier 2026", or "$1,732" and "1 732 $", compare equal.

Words for months and units are known for the languages in VOCABULARY. For another
language, durations and dates are compared by their numbers only, so a new language
works without code, with a slightly looser check until its words are added here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    },
}

URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE = re.compile(r"(?<![\d-])(?:1[-. ])?\(?(\d{3})\)?[-. ](\d{3})[-. ](\d{4})(?![\d-])")
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s+")
ATTRIBUTES = re.compile(r"\{[^{}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th|er|re|e)\b")
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)*(?![\w])")


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str
    line: int

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.value

    def __str__(self) -> str:
        return self.value


def vocabulary(lang: str) -> dict | None:
    return VOCABULARY.get(lang.split("_")[0].split("-")[0])


def words_pattern(words) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


def date_patterns(vocab: dict) -> list[re.Pattern]:
    months = words_pattern(vocab["months"])
    return [
        # "January 31, 2026", "January 31"
        re.compile(
            rf"\b({months}){SPACE}+(\d{{1,2}})(?:st|nd|rd|th)?(?:,{SPACE}*(\d{{4}}))?\b", re.I
        ),
        # "31 janvier 2026", "1er janvier"
        re.compile(rf"\b(\d{{1,2}})(?:er)?{SPACE}+({months})(?:{SPACE}+(\d{{4}}))?\b", re.I),
        # "January 2026", "janvier 2026"
        re.compile(rf"\b({months}){SPACE}+(\d{{4}})\b", re.I),
    ]


def number_value(text: str, vocab: dict | None) -> str:
    """'1,732' (en) or '1 732' (fr) -> '1732'; decimals keep a point."""
    if vocab:
        text = re.sub(vocab["thousands"], "", text)
        text = text.replace(vocab["decimal"], ".")
    return text


def extract(text: str, lang: str, first_line: int = 1) -> list[Fact]:
    """Every fact of a Markdown text, with the line it is on."""
    vocab = vocabulary(lang)
    facts = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        facts += extract_line(line, vocab, number)
    return facts


def extract_line(line: str, vocab: dict | None, number: int) -> list[Fact]:
    facts = []

    def take(pattern: re.Pattern, kind: str, value_of) -> None:
        nonlocal line
        for match in pattern.finditer(line):
            facts.append(Fact(kind, value_of(match), number))
        line = pattern.sub(" ", line)

    take(URL, "url", lambda m: m.group(0).rstrip(".,;:!?"))
    take(EMAIL, "email", lambda m: m.group(0).lower())
    line = LINK_TARGET.sub("]", ATTRIBUTES.sub(" ", LIST_MARKER.sub("", line)))
    take(PHONE, "phone", lambda m: "-".join(m.groups()))
    if vocab:
        take_dates(line, vocab, number, facts)
        line = strip_dates(line, vocab)
        thousands = vocab["thousands"]
        amount = rf"\d{{1,3}}(?:{thousands}\d{{3}})+|\d+"
        money = re.compile(rf"\$\s?({amount})(?:\.\d+)?|({amount})(?:,\d+)?{SPACE}?\$")
        take(money, "money", lambda m: "$" + number_value(m.group(1) or m.group(2), vocab))
    take(
        re.compile(rf"(\d+(?:[.,]\d+)?){SPACE}?%"),
        "percent",
        lambda m: m.group(1).replace(",", ".") + "%",
    )
    if vocab:
        units = words_pattern(vocab["units"])
        qualifiers = words_pattern(vocab["unit_qualifiers"])
        duration = re.compile(
            rf"\b(\d+)(?:{SPACE}+|-)(?:(?:{qualifiers}){SPACE}+)?({units})(?:s|x)?\b", re.I
        )
        take(
            duration,
            "duration",
            lambda m: f"{m.group(1)} {vocab['units'][m.group(2).lower()]}",
        )
    line = ORDINAL.sub(r"\1", line)
    take(NUMBER, "number", lambda m: m.group(0))
    return facts


def take_dates(line: str, vocab: dict, number: int, facts: list[Fact]) -> None:
    months = vocab["months"]
    month_first, day_first, month_year = date_patterns(vocab)
    for match in month_first.finditer(line):
        month, day, year = match.groups()
        facts.append(Fact("date", iso_date(year, months.index(month.lower()) + 1, day), number))
    for match in day_first.finditer(line):
        day, month, year = match.groups()
        facts.append(Fact("date", iso_date(year, months.index(month.lower()) + 1, day), number))
    stripped = day_first.sub(" ", month_first.sub(" ", line))
    for match in month_year.finditer(stripped):
        month, year = match.groups()
        facts.append(Fact("date", iso_date(year, months.index(month.lower()) + 1, None), number))


def strip_dates(line: str, vocab: dict) -> str:
    for pattern in date_patterns(vocab):
        line = pattern.sub(" ", line)
    return line


def iso_date(year: str | None, month: int, day: str | None) -> str:
    return f"{year or '----'}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def loosen(fact: Fact) -> list[Fact]:
    """A fact reduced to its numbers, to compare with a language without a vocabulary.

    Month names cannot be compared without words, so a date keeps its day and year.
    """
    if fact.kind == "duration":
        return [Fact("number", fact.value.split()[0], fact.line)]
    if fact.kind == "money":
        return [Fact("number", fact.value.lstrip("$"), fact.line)]
    if fact.kind == "date":
        year, _month, *day = fact.value.split("-")
        numbers = [year] if year != "----" else []
        numbers += [str(int(day[0]))] if day else []
        return [Fact("number", value, fact.line) for value in numbers]
    return [fact]


def comparable(facts: list[Fact], both_known: bool) -> dict[tuple[str, str], Fact]:
    """Facts by key (the first occurrence of each), ready to compare between languages."""
    found: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        for each in [fact] if both_known else loosen(fact):
            found.setdefault(each.key, each)
    return found
