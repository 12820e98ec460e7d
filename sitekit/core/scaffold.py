"""The outline of a new question, and its placeholders.

scripts/new_question.py writes a question's pages from these texts; the page model
refuses to publish a question that still holds one of their CAPITALISED placeholders
("ANSWER:", "STEP TITLE"...). Both read them here, so a placeholder changed in one
place is recognised in the other.
"""

from __future__ import annotations

import functools
import re

SKELETON = {
    "en": {
        "title": "TITLE: the question, as a reader would ask it?",
        "description": "DESCRIPTION: one sentence for search results and link previews.",
        "answer": "ANSWER: a few short sentences, with the deadline in bold.",
        "step": "Step {n}: STEP TITLE",
        "action": "ACTION: what the reader does.",
        "important": "TRAP: the mistake that costs people their rights.",
        "contacts": "Who to call",
        "table": "| Agency | Phone | TTY | Online |",
    },
    "fr": {
        "title": "TITRE : la question, telle qu'un lecteur la pose ?",
        "description": "DESCRIPTION : une phrase pour les résultats de recherche.",
        "answer": "RÉPONSE : quelques phrases courtes, avec le délai en gras.",
        "step": "Étape {n} : TITRE DE L'ÉTAPE",
        "action": "ACTION : ce que fait le lecteur.",
        "important": "PIÈGE : l'erreur qui fait perdre ses droits.",
        "contacts": "Qui appeler",
        "table": "| Administration | Téléphone | ATS | En ligne |",
    },
}
# The texts an author must replace; the others (headings, table header) stay.
PLACEHOLDER_KEYS = ("title", "description", "answer", "step", "action", "important")
# A placeholder's marker: its run of capitalised words, with the colon that follows it
# ("ANSWER:", "RÉPONSE :", "STEP TITLE", "TITRE DE L'ÉTAPE").
CAPITALS = re.compile(r"[A-ZÀ-Þ]{2,}(?:['\u2019 ][A-ZÀ-Þ]+)*(?: ?:)?")


def skeleton_texts(lang: str) -> dict[str, str]:
    """The skeleton's texts in a language (English for a language without its own)."""
    return SKELETON.get(lang, SKELETON["en"])


@functools.cache
def markers() -> tuple[str, ...]:
    """The markers of every language's placeholders, longest first."""
    found = {
        CAPITALS.search(texts[key]).group(0)
        for texts in SKELETON.values()
        for key in PLACEHOLDER_KEYS
    }
    return tuple(sorted(found, key=len, reverse=True))


@functools.cache
def placeholder_pattern() -> re.Pattern:
    """The markers as whole words."""
    alternatives = "|".join(
        re.escape(marker).replace(r"\ ", r"\s+")  # a non-breaking space is a space here
        for marker in markers()
    )
    return re.compile(rf"(?<![\w'\u2019])(?:{alternatives})(?![\w'\u2019])")


@functools.cache
def first_words() -> tuple[str, ...]:
    return tuple({marker.split()[0].rstrip(":") for marker in markers()})


def placeholders(text: str) -> list[tuple[int, str]]:
    """(offset, marker) of each placeholder left in a text."""
    if not any(word in text for word in first_words()):  # most texts: a quick no
        return []
    return [(match.start(), match.group(0)) for match in placeholder_pattern().finditer(text)]
