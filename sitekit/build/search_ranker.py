"""The search ranker's weights, includes/search-ranker.json, read and checked for the build.

The search engine (overrides/assets/javascripts/search/engine.js) ranks the pages it
finds first again with a weighted sum of what it reads of each page (its `features`
function). The weights are learnt from the tuning set of `make search-bench` by
`make search-train` (scripts/search_ranker.py), never from the held-back check set, and
written to this file with the features' centres and scales and how the training went.
The build copies the part the engine needs into every language's manifest.json; a
site without the file ranks by the first score alone. The file also keeps the tuning
queries' words by language and page (`examples`, {lang: {word: [page address, ...]}}),
which the build puts in the search files' shards (sitekit/build/search_files.py).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

RANKER_FILE = "search-ranker.json"
ENGINE_KEYS = ("features", "center", "scale", "weights")
EXAMPLES = "examples"
RETRAIN = "run `make search-train` to write it again"


class SearchRankerError(ValueError):
    """The ranker file is not what the engine needs; the message says where and how."""


def load(includes_dir: Path) -> dict | None:
    """The ranker part of the manifest ({features, center, scale, weights}) with the
    file's examples when it has them, or None when the site has no ranker file."""
    path = includes_dir / RANKER_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SearchRankerError(
            f"{path}:{error.lineno}: not valid JSON ({error.msg}); {RETRAIN}"
        ) from None
    except UnicodeDecodeError:
        raise SearchRankerError(f"{path}: not UTF-8 text; {RETRAIN}") from None
    try:
        ranker = engine_part(data)
        if EXAMPLES in data:
            ranker[EXAMPLES] = examples_part(data[EXAMPLES])
    except Problem as problem:
        line = key_line(text, problem.keys)
        raise SearchRankerError(f"{path}:{line}: {problem.message}; {RETRAIN}") from None
    return ranker


class Problem(Exception):
    """What is wrong, and the keys that lead to it in the file (outermost first)."""

    def __init__(self, message: str, *keys: str):
        super().__init__(message)
        self.message = message
        self.keys = keys


def key_line(text: str, keys: tuple[str, ...]) -> int:
    """The line where the innermost of keys is written as a key, each looked for after
    the one before it; line 1 (the whole file) when there are none."""
    line, start = 1, 0
    for key in keys:
        spellings = {json.dumps(key), json.dumps(key, ensure_ascii=False)}
        pattern = "|".join(re.escape(spelling) for spelling in spellings)
        match = re.compile(rf"(?:{pattern})\s*:").search(text, start)
        if not match:
            break
        start = match.end()
        line = text.count("\n", 0, match.start()) + 1
    return line


def engine_part(data) -> dict:
    """The checked {features, center, scale, weights} of a ranker file's data."""
    if not isinstance(data, dict) or not all(key in data for key in ENGINE_KEYS):
        raise Problem(f"needs {', '.join(ENGINE_KEYS)}")
    names = data["features"]
    if (
        not isinstance(names, list)
        or not names
        or not all(isinstance(name, str) and name for name in names)
    ):
        raise Problem("'features' must be a list of feature names", "features")
    if len(set(names)) != len(names):
        raise Problem("a feature is named twice in 'features'", "features")
    for key in ENGINE_KEYS[1:]:
        values = data[key]
        if not isinstance(values, list) or len(values) != len(names):
            raise Problem(
                f"'{key}' must have one number for each of the {len(names)} features", key
            )
        if not all(is_number(value) for value in values):
            raise Problem(f"'{key}' must hold finite numbers only", key)
    if not all(value > 0 for value in data["scale"]):
        raise Problem("every 'scale' must be above 0", "scale")
    return {key: data[key] for key in ENGINE_KEYS}


def examples_part(examples) -> dict:
    """The checked {lang: {word: [page address, ...]}} of a ranker file."""
    message = (
        f"'{EXAMPLES}' must map each language to its words, and each word to a list of "
        "page addresses"
    )

    def is_text(value) -> bool:
        return isinstance(value, str) and bool(value)

    if not isinstance(examples, dict):
        raise Problem(message, EXAMPLES)
    for lang, words in examples.items():
        if not is_text(lang) or not isinstance(words, dict):
            raise Problem(message, EXAMPLES, lang)
        for word, pages in words.items():
            # the home page's address is ""
            if not is_text(word) or not (
                isinstance(pages, list) and all(isinstance(page, str) for page in pages)
            ):
                raise Problem(message, EXAMPLES, lang, word)
    return examples


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
