"""The words of the site's search: how text is cut into words, and each language's tables.

The same rules run in the browser (overrides/assets/javascripts/search/engine.js):
lower case, accents removed ("délai" -> "delai"), "œ" written "oe", words are runs of
letters and digits, apostrophes split ("l'assurance" -> "l", "assurance"), and a word
joined by hyphens counts as written, joined and in parts ("Medi-Cal" -> "medi-cal",
"medical", "medi", "cal"). tests/test_search_engine.py checks that both sides cut text the same way.

Each language has a reviewed table, includes/search-words.<lang>.yml:
- stop_words: words too common to search on ("the", "le");
- word_groups: words that must not be merged with others by the stemmer, each
  group under its own key ("appeler", "appelez" are about calling; "appel", an
  appeal, stays apart);
- reader_words: what readers type, mapped to the words the pages use ("appel" ->
  "recours", "medicaid" -> "medi-cal"). Misspellings one or two letters off are
  found without a table.
A language without a table searches with no stop words and no reader words; a
language that Snowball knows is stemmed, any other is searched by whole words.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TABLE = "search-words.{lang}.yml"
TABLE_KEYS = {"stop_words", "word_groups", "reader_words"}
# Runs of letters and digits of any script, joined by hyphens ("medi-cal").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TAG = re.compile(r"<[^>]*>")
CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
SPACE = re.compile(r"[ \t\n\r\f\v]+")  # not the non-breaking spaces of French typography
COMBINING = re.compile(r"[\u0300-\u036f]")


class SearchWordsError(ValueError):
    """A language's table is not what the search needs; the message says where and how."""


@dataclass(frozen=True)
class LanguageWords:
    """A language's search tables, read from includes/search-words.<lang>.yml."""

    lang: str
    stop_words: frozenset[str] = frozenset()
    groups: dict[str, str] = field(default_factory=dict)  # folded word -> its group key
    reader_words: dict[str, list[str]] = field(default_factory=dict)


def fold(text: str) -> str:
    """Lower case, without accents: "Délai" -> "delai", "Œuvre" -> "oeuvre"."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return COMBINING.sub("", unicodedata.normalize("NFD", text))


def plain_text(markup: str) -> str:
    """The text of an HTML fragment, on one line, entities decoded."""
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", markup))).strip()


def searchable_text(markup: str) -> str:
    """The text a search looks in and shows: code blocks (HTML for partners to copy)
    are left out, as no reader searches for them."""
    return plain_text(CODE_BLOCK.sub(" ", markup))


def forms(word: str) -> list[str]:
    """A word as searched: itself, or for "medi-cal": "medi-cal", "medical", "medi", "cal".

    The hyphenated word stays a word of its own, so that "Medi-Cal" typed with its
    hyphen finds Medi-Cal and not every "médical"; typed "medical", it finds both."""
    if "-" not in word:
        return [word]
    parts = word.split("-")
    return [word, "".join(parts), *parts]


def _runs(text: str) -> list[str]:
    """The runs of WORD in a text, in lower case, composed (NFC), hyphens kept."""
    return WORD.findall(unicodedata.normalize("NFC", text.lower()))


def written_words(text: str) -> list[str]:
    """Every word of a plain text in lower case, with its accents, hyphen forms included."""
    found = []
    for word in _runs(text):
        if "-" in word:
            found.extend(forms(word))
        else:
            found.append(word)
    return found


def word_counts(text: str) -> Counter:
    """How many times each word of written_words(text) occurs, counted in one pass."""
    counts = Counter(_runs(text))
    for word in [word for word in counts if "-" in word]:
        for form in forms(word)[1:]:  # the first form is the word itself
            counts[form] += counts[word]
    return counts


def words(text: str) -> list[str]:
    """Every searchable word of a plain text, folded, in order, hyphen forms included."""
    return [fold(word) for word in written_words(text)]


def snowball_stemmer(lang: str):
    """Snowball's stemmer for a language code, or None when Snowball does not know it."""
    import snowballstemmer
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(lang).english_name.lower()
    except (UnknownLocaleError, ValueError):
        return None
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def load(includes_dir: Path, lang: str) -> LanguageWords:
    """The language's table, or empty tables when the language has none."""
    path = includes_dir / TABLE.format(lang=lang)
    if not path.is_file():
        return LanguageWords(lang)
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise SearchWordsError(
            f"{path}{line}: not valid YAML ({getattr(error, 'problem', error)}); "
            "fix the line (quote words that contain ':' or '#')"
        ) from None
    return parse_table(data, path, text)


def line_of(text: str, word: str) -> str:
    """':N', the first line of the table where word is written, or ''."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(rf"(^|[\s\[,{{'\"]){re.escape(word)}($|[\s\]:,}}'\"])", line):
            return f":{number}"
    return ""


def parse_table(data, path: Path, text: str = "") -> LanguageWords:
    if not isinstance(data, dict) or not set(data) <= TABLE_KEYS:
        unknown = sorted(set(data) - TABLE_KEYS) if isinstance(data, dict) else []
        raise SearchWordsError(
            f"{path}{line_of(text, unknown[0]) if unknown else ''}: expected a mapping with "
            f"only {sorted(TABLE_KEYS)}, found {unknown or type(data).__name__}; "
            "remove or rename it"
        )
    lang = path.name.split(".")[-2]
    stop = data.get("stop_words") or []
    groups = data.get("word_groups") or {}
    reader = data.get("reader_words") or {}
    if not isinstance(stop, list):
        raise SearchWordsError(
            f"{path}{line_of(text, 'stop_words')}: stop_words must be a list of words"
        )
    for word in stop:
        if not isinstance(word, str):
            raise SearchWordsError(
                f"{path}{line_of(text, 'stop_words')}: stop_words: {word!r} is not a word; "
                "YAML reads on, off, yes and no as true or false: quote them ('on')"
            )
    group_of: dict[str, str] = {}
    for key, members in _mapping(groups, "word_groups", path).items():
        for member in _word_list(members, f"word_groups.{key}", path, text):
            group_of[fold(member)] = fold(key)
    mapped = {
        fold(typed): [
            fold(word) for word in _word_list(words_, f"reader_words.{typed}", path, text)
        ]
        for typed, words_ in _mapping(reader, "reader_words", path).items()
    }
    for typed, targets in mapped.items():
        if len(words(typed)) != 1 or "-" in typed:
            raise SearchWordsError(
                f"{path}{line_of(text, typed)}: reader word '{typed}' must be one word "
                "(the search looks words up one by one); give each word its own entry"
            )
        if typed in targets:
            raise SearchWordsError(
                f"{path}{line_of(text, typed)}: reader word '{typed}' maps to itself; "
                "list only the other words the pages use"
            )
    return LanguageWords(lang, frozenset(fold(w) for w in stop), group_of, mapped)


def _mapping(value, name: str, path: Path) -> dict:
    if not isinstance(value, dict):
        raise SearchWordsError(f"{path}: {name} must be a mapping of a word to a list of words")
    return value


def _word_list(value, name: str, path: Path, text: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(w, str) for w in value):
        key = name.split(".", 1)[1]
        raise SearchWordsError(
            f"{path}{line_of(text, key)}: {name} must be a word or a list of words, found {value!r}"
        )
    for word in value:
        if len(words(word)) == 0:
            raise SearchWordsError(f"{path}{line_of(text, word)}: {name}: '{word}' has no letters")
    return value
