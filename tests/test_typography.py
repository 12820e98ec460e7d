"""French typography and abbreviations change the text of a page, and nothing else."""

import pytest

from sitekit.build.abbreviations import mark_abbreviations
from sitekit.build.typography import transform_text, typeset_html, typeset_text

NB, NNB = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "typeset"),
    [
        ("Que faire ?", f"Que faire{NNB}?"),
        (
            "Attention ! Lisez ceci ; puis appelez.",
            f"Attention{NNB}! Lisez ceci{NNB}; puis appelez.",
        ),
        ("Étape 1 : appelez", f"Étape 1{NB}: appelez"),
        ("Étape 1 :", f"Étape 1{NB}:"),
        ("à 10:30 et https://www.dmhc.ca.gov", "à 10:30 et https://www.dmhc.ca.gov"),
        ("la page « Enrollment »", f"la page «{NB}Enrollment{NB}»"),
        ("«Enrollment»", f"«{NB}Enrollment{NB}»"),
        (
            "un revenu de 130 000 $ ou 1 732 $, soit 138 %",
            f"un revenu de 130{NNB}000{NB}$ ou 1{NNB}732{NB}$, soit 138{NB}%",
        ),
        ("1 000 000 personnes", f"1{NNB}000{NNB}000 personnes"),
        ("Pourquoi? Parce que!", "Pourquoi? Parce que!"),  # no space typed, none added
        ("Que faire \u00a0?", f"Que faire{NNB}?"),
    ],
)
def test_french_punctuation_gets_its_no_break_spaces(typed, typeset):
    assert typeset_text(typed, "fr") == typeset


def test_typesetting_twice_changes_nothing_more():
    once = typeset_text("« Que faire ? » Étape 1 : 1 732 $", "fr")
    assert typeset_text(once, "fr") == once


def test_english_text_is_left_as_typed():
    assert typeset_text("What now ? Step 1 : call", "en") == "What now ? Step 1 : call"


def test_only_text_is_typeset_not_tags_code_or_scripts():
    html = (
        '<p title="Que faire ?">Que faire ?</p><code>a ? b : c</code>'
        "<pre><code>x ? y</code></pre><script>a ? b : c</script><p>Fin :</p>"
    )
    assert typeset_html(html, "fr") == (
        f'<p title="Que faire ?">Que faire{NNB}?</p><code>a ? b : c</code>'
        f"<pre><code>x ? y</code></pre><script>a ? b : c</script><p>Fin{NB}:</p>"
    )


def test_a_piece_of_text_ends_at_a_tag():
    # The space before <em> and the "?" after </em> belong to different pieces of text.
    assert typeset_html("<p>Le <em>mot</em> ?</p>", "fr") == f"<p>Le <em>mot</em>{NNB}?</p>"
    assert typeset_html("<p>Le mot <em>?</em></p>", "fr") == "<p>Le mot <em>?</em></p>"


def test_each_change_sees_every_piece_of_text_once():
    seen = []

    def change(text):
        seen.append(text)
        return text.upper()

    assert (
        transform_text("<p>a<b>b</b></p><code>c</code>d", change)
        == "<p>A<b>B</b></p><code>c</code>D"
    )
    assert len(seen) == 1  # one call for the whole page


def test_text_with_a_nul_character_is_still_changed_piece_by_piece():
    assert transform_text("<p>a\x00b</p>c", str.upper) == "<p>A\x00B</p>C"


def test_abbreviations_are_standalone_words_only():
    definitions = {"IMR": "Independent Medical Review", "CDI": "California Department of Insurance"}
    marked = mark_abbreviations("<p>IMR, CDI-IMR, XIMR, IMR2, _IMR et (IMR)</p>", definitions)
    assert marked.count("<abbr") == 2
    assert marked.startswith('<p><abbr title="Independent Medical Review">IMR</abbr>, CDI-IMR,')
    assert marked.endswith('(<abbr title="Independent Medical Review">IMR</abbr>)</p>')


def test_abbreviations_are_marked_in_text_only():
    definitions = {"IMR": "Independent Medical Review", "CDI": "California Department of Insurance"}
    html = (
        '<p>An IMR or CDI-IMR, <a href="/imr/" title="IMR">IMR</a></p><code>IMR</code><p>IMRs</p>'
    )
    marked = mark_abbreviations(html, definitions)
    assert marked == (
        '<p>An <abbr title="Independent Medical Review">IMR</abbr> or CDI-IMR, '
        '<a href="/imr/" title="IMR"><abbr title="Independent Medical Review">IMR</abbr></a></p>'
        "<code>IMR</code><p>IMRs</p>"
    )
