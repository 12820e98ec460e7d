"""The search ranker: its file read and checked by the build (mistakes stop it, with the
file's place), the engine ranking with its weights, the training learning what puts the
expected page first, and the committed weights trained on today's tuning set."""

from __future__ import annotations

import hashlib
import json
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


@pytest.mark.parametrize(
    ("planted", "message"),
    [
        ('{\n "features": ["a"],\n "center": [0,\n}', ":4: not valid JSON"),
        (
            {"features": ["a"], "center": [0], "scale": [1]},
            "needs features, center, scale, weights",
        ),
        ({**GOOD, "weights": [1, 2]}, "'weights' must have one number for each of the 1 features"),
        ({**GOOD, "center": ["0"]}, "'center' must hold finite numbers only"),
        ({**GOOD, "scale": [0]}, "every 'scale' must be above 0"),
        (
            {**GOOD, "features": ["a", "a"], "center": [0, 0], "scale": [1, 1], "weights": [1, 1]},
            "a feature is named twice",
        ),
        ({**GOOD, "features": []}, "'features' must be a list of feature names"),
    ],
)
def test_a_bad_ranker_file_is_refused_with_its_place_and_the_fix(tmp_path, planted, message):
    write(tmp_path, planted)
    with pytest.raises(search_ranker.SearchRankerError) as error:
        search_ranker.load(tmp_path)
    assert message in str(error.value)
    assert str(tmp_path / search_ranker.RANKER_FILE) in str(error.value)
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
    assert "search-ranker.json: needs features, center, scale, weights" in (
        result.stderr + result.stdout
    )
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_manifest_carries_the_ranker():
    docs = [{"location": "a/", "title": "A", "text": "<p>Words.</p>", "boost": 1.0}]
    english = search_words.load(ROOT / "includes", "en")
    files = search_files.build(docs, {"lang": ["en"]}, english, None, GOOD)
    assert json.loads(files["search/manifest.json"])["ranker"] == GOOD
    without = search_files.build(docs, {"lang": ["en"]}, english, None)
    assert "ranker" not in json.loads(without["search/manifest.json"])


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


def ranked(page, ranker) -> list[str]:
    page.set_content("<!doctype html><title>engine</title>")
    page.add_script_tag(path=str(ENGINE))
    english = search_words.load(ROOT / "includes", "en")
    files = search_files.build(DOCS, {"lang": ["en"]}, english, None, ranker)
    found = page.evaluate(
        """async files => {
            const engine = siteSearch.create({
                load: path => Promise.resolve(JSON.parse(files["search/" + path.split("?")[0]])),
            });
            return (await engine.search("appeal", { explain: true })).map(r => [r.location, r.features]);
        }""",
        files,
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


def train(page, rows) -> dict:
    page.set_content("<!doctype html><title>trainer</title>")
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
