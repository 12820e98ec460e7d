"""The search's parts on their own: words cut the same way in Python and in the browser,
the language tables read (and their mistakes reported as path:line), the search files
made from a handful of pages, and the engine's highlighting and spelling tolerance."""

from __future__ import annotations

import json

import pytest

from sitekit.build import search_files, search_words
from tests.sitebuild import ROOT, build, copy_project

ENGINE = ROOT / "overrides/assets/javascripts/search/engine.js"
TEXTS = [
    "Délai : l'assurance a refusé ; nouveau-nés, Medi-Cal et Cal-COBRA.",
    "Œuvre, cœur et ÆSOP; qu'est-ce qu'une IMR ? aujourd\u2019hui",
    "Call 1-888-466-2219 (TTY 1-877-688-9891) under section 10169.5, 45-day notice.",
    "Привет мир, Ελληνικά κείμενα, 健康保险",
    "  \u00a0espaces\u202finsécables\u2011et tirets ",
    "",
]


@pytest.fixture
def engine(page):
    page.set_content("<!doctype html><title>engine</title>")
    page.add_script_tag(path=str(ENGINE))
    return page


def real_texts() -> list[str]:
    """The pages' own text, both languages (Markdown as written, which is enough here)."""
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]


def test_words_are_cut_the_same_way_in_python_and_in_the_browser(engine):
    for text in TEXTS + real_texts():
        assert engine.evaluate("text => siteSearch.words(text)", text) == search_words.words(text)


def test_words_fold_accents_keep_hyphenated_words_whole_joined_and_in_parts_and_split_elisions():
    assert search_words.words("L'Assurance a refusé Medi-Cal") == [
        "l",
        "assurance",
        "a",
        "refuse",
        "medi-cal",
        "medical",
        "medi",
        "cal",
    ]
    assert search_words.fold("Œuvre Délai") == "oeuvre delai"


def test_highlights_are_escaped_whole_words_and_never_nested(engine):
    html = engine.evaluate(
        "() => siteSearch.highlight('<b>Appeal</b> & appeals: \"appeal\"', "
        "new Set(['appeal', 'b']))"
    )
    assert html == (
        "&lt;<mark>b</mark>&gt;<mark>Appeal</mark>&lt;/<mark>b</mark>&gt; &amp; appeals: "
        "&quot;<mark>appeal</mark>&quot;"
    )
    assert "<mark><mark>" not in html


def test_a_long_text_is_cut_around_its_first_match_on_word_boundaries(engine):
    text = " ".join(["word"] * 80 + ["deadline"] + ["more"] * 80)
    snippet = engine.evaluate("t => siteSearch.excerpt(t, new Set(['deadline']))", text)
    assert snippet.startswith("…word") and snippet.endswith("more…")
    assert "<mark>deadline</mark>" in snippet and len(snippet) < 300
    from_start = engine.evaluate("t => siteSearch.excerpt(t, new Set(['deadline']), true)", text)
    assert from_start.startswith("word word") and "deadline" not in from_start


@pytest.mark.parametrize(
    ("typed", "word", "limit", "expected"),
    [
        ("apeal", "appeal", 1, 1),
        ("reveiw", "review", 1, 1),  # two letters swapped count once
        ("denyed", "denied", 2, 1),
        ("insurence", "insurance", 2, 1),
        ("cobra", "zebra", 1, 2),  # past the limit: limit + 1
    ],
)
def test_spelling_distance(engine, typed, word, limit, expected):
    assert engine.evaluate("([a, b, m]) => siteSearch.distance(a, b, m)", [typed, word, limit]) == (
        expected
    )


def tiny_docs():
    return [
        {"location": "", "title": "Accueil", "text": "<p>Bienvenue.</p>", "boost": 1.0},
        {
            "location": "q/",
            "title": "Comment faire appel ?",
            "text": "<p>Faites un recours. Appelez le DMHC.</p><pre><code>&lt;a&gt;</code></pre>",
            "description": "Le recours, pas à pas.",
            "boost": 1.0,
        },
        {"location": "q/#contacts", "title": "Qui appeler", "text": "<p>Appelez-nous.</p>"},
    ]


def french_table():
    return search_words.load(ROOT / "includes", "fr")


def built(docs, stem) -> dict:
    """The search files of French pages, read back from their JSON text."""
    texts = search_files.build(docs, {"lang": ["fr"]}, french_table(), stem)
    return {path: json.loads(text) for path, text in texts.items()}


def test_the_search_files_of_a_few_pages():
    stem = search_words.snowball_stemmer("fr").stemWord
    files = built(tiny_docs(), stem)
    manifest = files["search/manifest.json"]
    assert manifest["pages"] == 2 and manifest["boosts"] == [1.0, 1.0]
    assert "appel" in manifest["exact_words"]
    assert files["search/search_index.json"] == {"config": {"lang": ["fr"]}, "docs": []}
    shard = files["search/shards/ap.json"]
    # "appel" (an appeal) and "appelez" (call) are in different groups.
    assert shard["words"]["appel"] != shard["words"]["appelez"]
    assert shard["words"]["appelez"] == shard["words"]["appeler"] == "appeler"
    # Page 1: "appel" once in the title (8); not in the text.
    assert shard["postings"][shard["words"]["appel"]] == [1, 8, 1]
    assert "le" not in files.get("search/shards/le.json", {"words": {}})["words"]  # a stop word
    page = files["search/pages/0.json"][1]
    assert page["sections"][0] == [
        "q/",
        "Comment faire appel ?",
        "Faites un recours. Appelez le DMHC.",
    ]
    assert "<a>" not in json.dumps(page), "code blocks are not searched"
    # A page's search terms count as its description does (4), and as a summary word.
    with_terms = tiny_docs()
    with_terms[1]["search_terms"] = ["téléphone"]
    terms_files = built(with_terms, stem)
    shard = terms_files["search/shards/te.json"]
    assert shard["postings"][shard["words"]["telephone"]] == [1, 4, 1]
    assert terms_files["search/pages/0.json"][1]["search_terms"] == ["téléphone"]
    changed = tiny_docs()
    changed[1]["text"] = "<p>Autre texte.</p>"
    other = built(changed, stem)
    assert other["search/manifest.json"]["version"] != manifest["version"]


def test_a_word_is_looked_for_in_the_shard_python_wrote_it_to(engine):
    # Letters beyond U+FFFF (CJK Extension B, mathematical letters) are two UTF-16
    # units in the browser and one character in Python.
    words = [
        word
        for text in [*TEXTS, "\U0002000b\U0002000c x", "a\U0002000bb \U0001d408\U0001d40c"]
        for word in search_words.words(text)
    ]
    assert any(len(word.encode("utf-16-le")) > 2 * len(word) for word in words)
    assert engine.evaluate("words => words.map(siteSearch.shardName)", words) == [
        search_files.shard_name(word) for word in words
    ]


def test_shard_names_are_safe_file_names():
    assert search_files.shard_name("appel") == "ap"
    assert search_files.shard_name("привет") == "x43f-440"


def test_the_real_word_tables_are_read_without_problems():
    for lang in ("en", "fr"):
        table = search_words.load(ROOT / "includes", lang)
        assert table.stop_words and table.reader_words
    assert search_words.load(ROOT / "includes", "es") == search_words.LanguageWords("es")
    assert search_words.snowball_stemmer("fr") is not None
    assert search_words.snowball_stemmer("zz") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stop_words: [a, b\n", "search-words.fr.yml:2: not valid YAML"),
        ("stop_words: [le, on, la]\n", "search-words.fr.yml:1: stop_words: True is not a word"),
        ("reader_words:\n  appel: [appel]\n", "search-words.fr.yml:2: reader word 'appel' maps"),
        ("reader_words:\n  faire appel: [recours]\n", "search-words.fr.yml:2: reader word"),
        ("word_groups:\n  appeler: []\n", "search-words.fr.yml:2: word_groups.appeler must be"),
        ("synonyms:\n  a: [b]\n", "search-words.fr.yml:1: expected a mapping with only"),
    ],
)
def test_a_mistake_in_a_word_table_is_reported_with_its_line(tmp_path, text, message):
    (tmp_path / "search-words.fr.yml").write_text(text, encoding="utf-8")
    with pytest.raises(search_words.SearchWordsError) as error:
        search_words.load(tmp_path, "fr")
    assert message in str(error.value)
    assert str(tmp_path) in str(error.value)


def test_a_mistake_in_a_word_table_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    table = project / "includes" / "search-words.fr.yml"
    table.write_text(table.read_text(encoding="utf-8") + "  bad: [bad]\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "search-words.fr.yml" in result.stderr + result.stdout
    assert "reader word 'bad' maps to itself" in result.stderr + result.stdout


def test_a_heading_with_no_text_of_its_own_is_never_the_section_shown(engine):
    """The engine on search files made here: a group heading ("Agencies and laws") matches
    the query, but the section shown is one with text to read."""
    docs = [
        {"location": "g/", "title": "Glossary", "text": "<p>Words.</p>", "boost": 1.0},
        {"location": "g/#agencies", "title": "Agencies and laws", "text": ""},
        {"location": "g/#dmhc", "title": "DMHC", "text": "<p>An agency; its laws.</p>"},
    ]
    english = search_words.load(ROOT / "includes", "en")
    stem = search_words.snowball_stemmer("en").stemWord
    files = search_files.build(docs, {"lang": ["en"]}, english, stem)
    found = engine.evaluate(
        """async files => {
            const engine = siteSearch.create({
                load: path => Promise.resolve(JSON.parse(files["search/" + path.split("?")[0]])),
            });
            return engine.search("agencies and laws");
        }""",
        files,
    )
    assert [section["location"] for section in found[0]["sections"]] == ["g/#dmhc"]
