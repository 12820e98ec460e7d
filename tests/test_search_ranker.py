"""The search ranker: its file read and checked by the build (mistakes stop it, with the
file's place), the engine ranking with its weights, the training learning what puts the
expected page first, and the committed weights trained on today's tuning set."""

from __future__ import annotations

import hashlib
import json
import math
import re

import pytest

from sitekit.build import search_files, search_ranker, search_words
from tests.sitebuild import ROOT, build, copy_project

ENGINE = ROOT / "overrides/assets/javascripts/search/engine.js"
TRAINER = ROOT / "scripts/search_ranker.js"
RANKER = ROOT / "includes" / search_ranker.RANKER_FILE
GOOD = {"features": ["in_title"], "center": [0.5], "scale": [0.5], "weights": [1.0]}


def write(tmp_path, data) -> None:
    text = data if isinstance(data, str) else json.dumps(data, indent=1)
    (tmp_path / search_ranker.RANKER_FILE).write_text(text, encoding="utf-8")


def test_a_site_without_a_ranker_file_ranks_by_the_first_score(tmp_path):
    assert search_ranker.load(tmp_path) is None


def test_a_good_ranker_file_gives_the_engine_its_part_only(tmp_path):
    write(tmp_path, {**GOOD, "about": "x", "cross_validation": {"top1": 1}})
    assert search_ranker.load(tmp_path) == GOOD
    examples = {"en": {"appeal": ["", "a/"]}, "fr": {}}
    write(tmp_path, {**GOOD, "about": "x", "examples": examples})
    assert search_ranker.load(tmp_path) == {**GOOD, "examples": examples}


@pytest.mark.parametrize(
    ("planted", "message"),
    [
        ('{\n "features": ["a"],\n "center": [0,\n}', ":4: not valid JSON"),
        (
            {"features": ["a"], "center": [0], "scale": [1]},
            ":1: needs features, center, scale, weights",
        ),
        (
            {**GOOD, "weights": [1, 2]},
            ":11: 'weights' must have one number for each of the 1 features",
        ),
        ({**GOOD, "center": ["0"]}, ":5: 'center' must hold finite numbers only"),
        ({**GOOD, "scale": [0]}, ":8: every 'scale' must be above 0"),
        (
            {**GOOD, "features": ["a", "a"], "center": [0, 0], "scale": [1, 1], "weights": [1, 1]},
            ":2: a feature is named twice",
        ),
        ({**GOOD, "features": []}, ":2: 'features' must be a list of feature names"),
        ({**GOOD, "examples": {"en": {"appeal": "a/"}}}, ":16: 'examples' must map each language"),
        ({**GOOD, "examples": {"en": {"": ["a/"]}}}, ":16: 'examples' must map"),
        ({**GOOD, "examples": ["appeal"]}, ":14: 'examples' must map each language"),
        (
            {
                **GOOD,
                "examples": {"en": {"appeal": ["a/"]}, "fr": {"recours": ["a/"], "référé": [3]}},
            },
            ":24: 'examples' must map",
        ),
    ],
)
def test_a_bad_ranker_file_is_refused_with_its_place_and_the_fix(tmp_path, planted, message):
    # Written with indent=1, so the line in the message is the line of the key at fault
    # (a non-ASCII word is written escaped, as json.dumps writes it).
    write(tmp_path, planted)
    with pytest.raises(search_ranker.SearchRankerError) as error:
        search_ranker.load(tmp_path)
    assert f"{tmp_path / search_ranker.RANKER_FILE}{message}" in str(error.value)
    assert "make search-train" in str(error.value)


def test_a_non_finite_weight_is_refused(tmp_path):
    write(tmp_path, json.dumps(GOOD).replace("1.0", "NaN"))
    with pytest.raises(search_ranker.SearchRankerError, match="finite numbers"):
        search_ranker.load(tmp_path)


def test_a_bad_ranker_file_stops_the_build_and_leaves_no_site(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "includes" / search_ranker.RANKER_FILE).write_text('{"features": 3}')
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "search-ranker.json:1: needs features, center, scale, weights" in (
        result.stderr + result.stdout
    )
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_manifest_carries_the_ranker_and_the_shards_the_examples():
    docs = [
        {"location": "", "title": "Home", "text": "<p>Start.</p>", "boost": 1.0},
        {"location": "a/", "title": "A", "text": "<p>Words.</p>", "boost": 1.0},
    ]
    english = search_words.load(ROOT / "includes", "en")
    examples = {
        "en": {"appeal": ["", "a/", "gone/"], "zzz": ["gone/"], "words": ["a/"]},
        "fr": {"recours": ["a/"]},
    }
    files = search_files.build(
        docs, {"lang": ["en"]}, english, None, {**GOOD, "examples": examples}
    )
    manifest = json.loads(files["search/manifest.json"])
    assert manifest["ranker"] == GOOD
    # Page numbers, not addresses; a page that is gone is left out, and so is a word
    # with no page left; the other language's words stay in its own files.
    assert json.loads(files["search/shards/ap.json"])["examples"] == {"appeal": [0, 1]}
    assert json.loads(files["search/shards/wo.json"])["examples"] == {"words": [1]}
    assert "zz" not in manifest["shards"] and "search/shards/re.json" not in files
    assert manifest["example_pages"] == 2
    without = search_files.build(docs, {"lang": ["en"]}, english, None)
    assert "ranker" not in json.loads(without["search/manifest.json"])
    assert "example_pages" not in json.loads(without["search/manifest.json"])
    assert "examples" not in json.loads(without["search/shards/wo.json"])
    assert "search/shards/ap.json" not in without  # no page word begins so


# The engine, on search files made here: two pages match "appeal"; only one has it in
# its title.
DOCS = [
    {
        "location": "long/",
        "title": "Denied care",
        "text": "<p>" + "An appeal, an appeal. " * 8 + "</p>",
        "boost": 1.0,
    },
    {"location": "titled/", "title": "Appeal", "text": "<p>Ask again.</p>", "boost": 1.0},
]


def ranked(page, ranker, query="appeal") -> list[str]:
    page.set_content("<!doctype html><title>engine</title>")
    page.add_script_tag(path=str(ENGINE))
    english = search_words.load(ROOT / "includes", "en")
    files = search_files.build(DOCS, {"lang": ["en"]}, english, None, ranker)
    found = page.evaluate(
        """async ([files, query]) => {
            const engine = siteSearch.create({
                load: path => Promise.resolve(JSON.parse(files["search/" + path.split("?")[0]])),
            });
            return (await engine.search(query, { explain: true })).map(r => [r.location, r.features]);
        }""",
        [files, query],
    )
    for _, features in found:
        assert all(isinstance(value, (int, float)) for value in features.values())
    return [location for location, _ in found]


def test_the_engine_ranks_with_the_ranker_weights(page):
    title_first = {"features": ["in_title"], "center": [0], "scale": [1], "weights": [10]}
    title_last = {**title_first, "weights": [-10]}
    assert ranked(page, title_first) == ["titled/", "long/"]
    assert ranked(page, title_last) == ["long/", "titled/"]
    # A feature the engine does not know weighs nothing: the first score's order stays.
    unknown = {"features": ["no_such_feature"], "center": [0], "scale": [1], "weights": [10]}
    assert ranked(page, unknown) == ranked(page, None)


def test_the_engine_weighs_the_pages_whose_example_queries_used_the_readers_words(page):
    by_examples = {"features": ["example_share"], "center": [0], "scale": [1], "weights": [10]}
    to_long = {**by_examples, "examples": {"en": {"ask": ["long/"], "again": ["titled/"]}}}
    to_titled = {**by_examples, "examples": {"en": {"ask": ["titled/"], "again": ["long/"]}}}
    # "ask" is in the text of titled/ only and "appeal" in both: the examples decide.
    assert ranked(page, to_long, "appeal ask") == ["long/", "titled/"]
    assert ranked(page, to_titled, "appeal ask") == ["titled/", "long/"]


def test_the_example_share_weighs_each_word_by_its_rarity_among_the_pages(page):
    page.set_content("<!doctype html><title>engine</title>")
    page.add_script_tag(path=str(ENGINE))
    engine = page
    share = "([lists, page, pages]) => siteSearch.exampleShare(lists, page, pages)"
    assert engine.evaluate(share, [[[1, 2], None], 1, 4]) == pytest.approx(
        math.log(5 / 3) / (math.log(5 / 3) + math.log(5))
    )
    assert engine.evaluate(share, [[[1], [1, 3]], 1, 4]) == pytest.approx(1.0)
    assert engine.evaluate(share, [[[2]], 1, 4]) == 0
    assert engine.evaluate(share, [[], 1, 4]) == 0
    words = "q => siteSearch.exampleWords(q, new Set(['my', 'the']))"
    assert engine.evaluate(words, "My plan denied the Medi-Cal claim, my claim") == [
        "plan",
        "denied",
        "medi-cal",
        "medical",
        "medi",
        "cal",
        "claim",
    ]


def train(page, rows) -> dict:
    page.set_content("<!doctype html><title>trainer</title>")
    page.add_script_tag(path=str(ENGINE))
    page.add_script_tag(path=str(TRAINER))
    options = {"iterations": 200, "learning_rate": 0.1, "l2": 0.01, "folds": 5}
    return page.evaluate("([rows, options]) => siteRanker.train(rows, options)", [rows, options])


def test_the_training_learns_the_feature_that_marks_the_expected_page(page):
    """40 queries of 5 pages: the expected page is the one with "signal"; the first score
    points elsewhere half the time, and "noise" says nothing."""
    rows = []
    for number in range(40):
        expected = number % 5
        misled = (expected + 1) % 5 if number % 2 else expected
        rows.append(
            {
                "expect": f"p{expected}/",
                "candidates": [
                    {
                        "location": f"p{index}/",
                        "features": {
                            "first_score": 2.0 if index == misled else 1.0,
                            "signal": 1.0 if index == expected else 0.0,
                            "noise": float((number * 7 + index * 3) % 4),
                        },
                    }
                    for index in range(5)
                ],
            }
        )
    result = train(page, rows)
    assert result["features"] == ["first_score", "signal", "noise"]
    assert result["tuning"] == {"queries": 40, "top1": 40, "top3": 40}
    assert result["cross_validation"]["top1"] == 40
    assert result["first_score_only"]["top1"] == 20
    weights = dict(zip(result["features"], result["weights"], strict=True))
    assert weights["signal"] > abs(weights["noise"]) and weights["signal"] > weights["first_score"]
    assert train(page, rows) == result  # the same rows, the same weights


def test_a_better_match_never_counts_against_a_page(page):
    """A match feature that marks a wrong page more often than not would learn a
    penalty; it is held at 0. The features whose sign the data decides (the text's
    length here) still may go below 0."""
    rows = []
    for number in range(40):
        expected = number % 4
        wrong = (expected + 1) % 4
        rows.append(
            {
                "expect": f"p{expected}/",
                "candidates": [
                    {
                        "location": f"p{index}/",
                        "features": {
                            "first_score": 1.0,
                            "signal": 1.0 if index == expected else 0.0,
                            "in_terms": 1.0 if index == wrong else 0.0,
                            "text_length": 1.0 if index == wrong else 0.0,
                        },
                    }
                    for index in range(4)
                ],
            }
        )
    result = train(page, rows)
    weights = dict(zip(result["features"], result["weights"], strict=True))
    assert weights["in_terms"] == 0
    assert weights["text_length"] < 0
    assert weights["signal"] > 0


def test_the_committed_ranker_was_trained_on_todays_tuning_set_with_the_engines_features():
    """After a change to tests/search-queries.yml, `make search-train` learns the weights
    again: a ranker trained on other queries, or on features the engine no longer
    reads, fails here."""
    data = json.loads(RANKER.read_text(encoding="utf-8"))
    queries = ROOT / data["trained_on"]["file"]
    assert data["trained_on"]["sha256"] == hashlib.sha256(queries.read_bytes()).hexdigest(), (
        "tests/search-queries.yml changed since the ranker was trained: run `make search-train`"
    )
    engine = ENGINE.read_text(encoding="utf-8")
    body = engine[engine.index("function features(") : engine.index("function rankedScore(")]
    assert data["features"] == re.findall(r"^      (\w+): ", body, re.M)
    assert data["cross_validation"]["queries"] == sum(data["trained_on"]["queries"].values())


def example_rows(words_of, misled_if) -> list[dict]:
    """40 queries of 5 pages; words_of(number, expected) gives each query's words, and
    misled_if(number) whether the first score points to another page. No feature but
    the examples tells the page."""
    rows = []
    for number in range(40):
        expected = number // 5 % 5  # each page in every fold of the cross-validation
        misled = (expected + 1) % 5 if misled_if(number) else expected
        rows.append(
            {
                "lang": "en",
                "expect": f"p{expected}/",
                "example_words": words_of(number, expected),
                "candidates": [
                    {
                        "location": f"p{index}/",
                        "features": {
                            "first_score": 2.0 if index == misled else 1.0,
                            "example_share": 0.0,  # as the engine reads it; reckoned again
                        },
                    }
                    for index in range(5)
                ],
            }
        )
    return rows


def test_words_the_queries_of_a_page_share_are_learnt_as_its_examples(page):
    rows = example_rows(lambda number, expected: [f"w{expected}", f"u{number}"], lambda n: n % 2)
    result = train(page, rows)
    examples = dict(result["examples"]["en"])
    assert examples["w3"] == ["p3/"]
    assert examples["u7"] == ["p1/"]
    assert result["first_score_only"]["top1"] == 20
    assert result["cross_validation"]["top1"] == 40
    weights = dict(zip(result["features"], result["weights"], strict=True))
    assert weights["example_share"] > weights["first_score"] > 0


def test_a_query_is_never_its_own_example(page):
    """Even queries share their page's word; odd ones have only their own words. The
    first score misleads ten of each: the shared words put the even ones right, but an
    odd query counted as its own example would tell its page too, in training or in
    cross-validation."""
    rows = example_rows(
        lambda number, expected: [f"u{number}"] if number % 2 else [f"w{expected}", f"v{number}"],
        lambda number: number % 4 in (1, 2),
    )
    result = train(page, rows)
    assert result["first_score_only"]["top1"] == 20
    assert result["tuning"]["top1"] == 30
    assert result["cross_validation"]["top1"] == 30


def test_a_query_written_twice_is_never_its_own_example(page):
    """The odd queries misled by the first score are written twice (the copies at the
    end, in other parts of the cross-validation by their place): each copy must not be
    the other's example, in training or in cross-validation."""
    rows = example_rows(
        lambda number, expected: [f"u{number}"] if number % 2 else [f"w{expected}", f"v{number}"],
        lambda number: number % 4 in (1, 2),
    )
    copies = [row for number, row in enumerate(rows) if number % 4 == 1]
    result = train(page, rows + [dict(row) for row in copies])
    assert result["first_score_only"]["top1"] == 20
    assert result["tuning"]["top1"] == 30
    assert result["cross_validation"]["top1"] == 30


def test_words_every_object_has_are_plain_words(page):
    """ "constructor" and "__proto__" are words like others for the engine and the trainer."""
    docs = [
        {"location": "a/", "title": "Cost", "text": "<p>Cost of care.</p>", "boost": 1.0},
        {"location": "b/", "title": "Care", "text": "<p>Other care.</p>", "boost": 1.0},
    ]
    english = search_words.load(ROOT / "includes", "en")
    ranker = {
        "features": ["example_share"],
        "center": [0],
        "scale": [1],
        "weights": [1],
        "examples": {"en": {"cost": ["a/"]}},
    }
    files = search_files.build(docs, {"lang": ["en"]}, english, None, ranker)
    page.set_content("<!doctype html><title>engine</title>")
    page.add_script_tag(path=str(ENGINE))
    found = page.evaluate(
        """async files => {
            const engine = siteSearch.create({
                load: path => Promise.resolve(JSON.parse(files["search/" + path.split("?")[0]])),
            });
            const out = [];
            for (const query of ["constructor", "cost constructor", "care re-constructor",
                                 "__proto__ cost", "hasOwnProperty care"]) {
                out.push((await engine.search(query)).map(r => r.location));
            }
            return out;
        }""",
        files,
    )
    assert [sorted(locations) for locations in found] == [
        [],
        ["a/"],
        ["a/", "b/"],
        ["a/"],
        ["a/", "b/"],
    ]
    rows = example_rows(
        lambda number, expected: ["constructor", "__proto__", f"w{expected}", f"u{number}"],
        lambda number: number % 2,
    )
    result = train(page, rows)
    examples = dict(result["examples"]["en"])
    assert examples["constructor"] == examples["__proto__"] == [f"p{n}/" for n in range(5)]
    assert result["cross_validation"]["top1"] == 40


def location_of(source: str) -> str:
    """A page's location in its language's folder: "guides/index.md" -> "guides/"."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def test_every_page_has_example_queries_in_every_language():
    """A page without tuning queries would have no examples, and lose to pages that do
    on every word readers share: each published page needs two per language
    (CONTRIBUTING.md), and no query may expect a page that is gone."""
    import yaml

    from sitekit.core import page_model

    data = yaml.safe_load((ROOT / "tests" / "search-queries.yml").read_text(encoding="utf-8"))
    for lang, queries in data.items():
        pages = {location_of(source) for source in page_model.load_language(ROOT / "docs", lang)[0]}
        expected = [query["expect"] for query in queries]
        assert {page: expected.count(page) for page in pages if expected.count(page) < 2} == {}
        assert set(expected) <= pages, lang
