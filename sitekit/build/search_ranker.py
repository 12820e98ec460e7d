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
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise SearchRankerError(
            f"{path}:{error.lineno}: not valid JSON ({error.msg}); {RETRAIN}"
        ) from None
    except UnicodeDecodeError:
        raise SearchRankerError(f"{path}: not UTF-8 text; {RETRAIN}") from None
    ranker = engine_part(data, path)
    if EXAMPLES in data:
        ranker[EXAMPLES] = examples_part(data[EXAMPLES], path)
    return ranker


def engine_part(data, path: Path) -> dict:
    """The checked {features, center, scale, weights} of a ranker file's data."""
    if not isinstance(data, dict) or not all(key in data for key in ENGINE_KEYS):
        raise SearchRankerError(f"{path}: needs {', '.join(ENGINE_KEYS)}; {RETRAIN}")
    names = data["features"]
    if not names or not all(isinstance(name, str) and name for name in names):
        raise SearchRankerError(f"{path}: 'features' must be a list of feature names; {RETRAIN}")
    if len(set(names)) != len(names):
        raise SearchRankerError(f"{path}: a feature is named twice in 'features'; {RETRAIN}")
    for key in ENGINE_KEYS[1:]:
        values = data[key]
        if not isinstance(values, list) or len(values) != len(names):
            raise SearchRankerError(
                f"{path}: '{key}' must have one number for each of the {len(names)} features; "
                f"{RETRAIN}"
            )
        if not all(is_number(value) for value in values):
            raise SearchRankerError(f"{path}: '{key}' must hold finite numbers only; {RETRAIN}")
    if not all(value > 0 for value in data["scale"]):
        raise SearchRankerError(f"{path}: every 'scale' must be above 0; {RETRAIN}")
    return {key: data[key] for key in ENGINE_KEYS}


def examples_part(examples, path: Path) -> dict:
    """The checked {lang: {word: [page address, ...]}} of a ranker file."""

    def is_text(value) -> bool:
        return isinstance(value, str) and bool(value)

    well_formed = isinstance(examples, dict) and all(
        is_text(lang)
        and isinstance(words, dict)
        and all(
            is_text(word)
            and isinstance(pages, list)
            and all(isinstance(page, str) for page in pages)  # the home page's is ""
            for word, pages in words.items()
        )
        for lang, words in examples.items()
    )
    if not well_formed:
        raise SearchRankerError(
            f"{path}: '{EXAMPLES}' must map each language to its words, and each word to a "
            f"list of page addresses; {RETRAIN}"
        )
    return examples


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
