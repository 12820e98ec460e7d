"""Plain-language limits: syllables, sentences, prose, and check_readability on small trees."""

from __future__ import annotations

import contextlib
import textwrap

import pytest

from scripts import check_readability
from sitekit.check import readability
from sitekit.check.readability import english_syllables, french_syllables, split_sentences
from tests.sitebuild import ROOT

# --- Syllables -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1),
        ("care", 1),  # silent final e
        ("state", 1),
        ("coverage", 3),
        ("insurance", 3),
        ("table", 2),  # -le after a consonant is a syllable
        ("people", 2),
        ("while", 1),
        ("asked", 1),  # -ed after a consonant other than t or d is silent
        ("called", 1),
        ("wanted", 2),
        ("needed", 2),
        ("agreed", 2),
        ("denied", 2),
        ("makes", 1),  # -es is silent, except after s, x, z, c, g, h
        ("boxes", 2),
        ("pages", 2),
        ("services", 3),
        ("appeal", 2),
        ("review", 2),
        ("medical", 3),
        ("independent", 4),
        ("treatment", 2),
        ("Medi-Cal", 3),  # hyphenated parts are counted apart
        ("self-insured", 3),
        ("don't", 1),
        ("DMHC", 1),  # no vowel: at least one
        ("2026", 1),  # a word with a digit is one syllable
        ("10169.5", 1),
        ("$1,732", 1),
        ("1-888-466-2219", 1),
    ],
)
def test_english_syllables(word, expected):
    assert english_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("santé", 2),
        ("médical", 3),
        ("assurance", 3),  # mute final e
        ("lettre", 1),
        ("pages", 1),  # mute final es
        ("êtes", 1),
        ("les", 1),
        ("année", 2),  # é then e: two groups, the e is mute
        ("journée", 2),
        ("créer", 2),  # a vowel after é starts a syllable
        ("naïf", 2),  # a diaeresis starts a syllable
        ("Noël", 2),
        ("moyen", 2),  # y between vowels
        ("payer", 2),
        ("demandent", 2),  # mute -ent of a verb
        ("doivent", 1),
        ("paient", 1),
        ("vient", 1),
        ("souvent", 2),  # sounded -ent
        ("urgent", 2),
        ("patient", 2),
        ("document", 3),  # -ment of a noun
        ("vraiment", 2),
        ("estiment", 2),  # -ment of a verb
        ("question", 2),  # qu: the u is no vowel
        ("quelque", 1),
        ("guide", 1),
        ("information", 4),
        ("Californie", 4),
        ("aujourd'hui", 3),  # elisions join
        ("l'examen", 3),
        ("nouveau-né", 3),
        ("1er", 1),
        ("1732", 1),
    ],
)
def test_french_syllables(word, expected):
    assert french_syllables(word) == expected


def test_a_language_without_rules_counts_vowel_groups():
    assert readability.syllables("información", "es") == 4
    assert readability.syllables("care", "en_US") == 1


# --- Sentences -------------------------------------------------------------------


def sentence_texts(text: str) -> list[str]:
    return [sentence for _, sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call us. We help.", ["Call us.", "We help."]),
        ("Is it free? Yes! It is.", ["Is it free?", "Yes!", "It is."]),
        ("Phone: Call the DMHC.", ["Phone:", "Call the DMHC."]),
        ("Bring this: your letter.", ["Bring this: your letter."]),
        (
            "Call the U.S. Department of Labor. Ask for EBSA.",
            ["Call the U.S. Department of Labor.", "Ask for EBSA."],
        ),
        ("Bring papers, e.g. Medi-Cal cards.", ["Bring papers, e.g. Medi-Cal cards."]),
        ("Bring papers (i.e. Your letters).", ["Bring papers (i.e. Your letters)."]),
        (
            "Read section 10169.5 of the code. Then apply.",
            ["Read section 10169.5 of the code.", "Then apply."],
        ),
        ("It is section 1368.02. Read it.", ["It is section 1368.02.", "Read it."]),
        ("Use form No. 5 for this.", ["Use form No. 5 for this."]),
        ("Is the answer yes? No. Call us.", ["Is the answer yes?", "No.", "Call us."]),
        ("Dr. Smith and Mr. Jones sign it.", ["Dr. Smith and Mr. Jones sign it."]),
        (
            "You fill out Part A. The helper fills out Part B.",
            ["You fill out Part A.", "The helper fills out Part B."],
        ),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("Sacramento, CA 95814. Open on weekdays.", ["Sacramento, CA 95814.", "Open on weekdays."]),
        ("Avez-vous Medicare ? Si oui, appelez.", ["Avez-vous Medicare ?", "Si oui, appelez."]),
        ("Le délai : 30 jours. Ensuite, appelez.", ["Le délai : 30 jours.", "Ensuite, appelez."]),
        ("Écrivez à M. Dupont. Il répond vite.", ["Écrivez à M. Dupont.", "Il répond vite."]),
        ("Le premier « oui ». « Non », dit-il.", ["Le premier « oui ».", "« Non », dit-il."]),
        ("Ending without a stop", ["Ending without a stop"]),
    ],
)
def test_split_sentences(text, expected):
    assert sentence_texts(text) == expected


def test_sentences_keep_their_offsets():
    text = "One two.\nThree four. Five."
    assert split_sentences(text) == [(0, "One two."), (9, "Three four."), (21, "Five.")]


# --- Prose -----------------------------------------------------------------------

PROSE = """\
# A heading with extraordinarily complicated institutional terminology { #top }

You have **60 days** to apply. Call 1-888-466-2219 or (916) 255-5241 today.
Read [the DMHC guide](https://www.dmhc.ca.gov/FileaComplaint/SubmitanIndependentMedicalReviewComplaint.aspx)
or https://www.insurance.ca.gov/contact-us/0200-file-complaint/ now. Write to help@dmhc.ca.gov.

## Step 1 { #step-1 }

- the letter from your plan;
- your doctor's notes
  and test results;

1. Ask your plan. Wait for the answer.

!!! warning "Important"
    Do not wait.

| Administrative determinations | Extraordinarily complicated |
| --- | --- |
| Institutional terminology | 1-800-927-4357 |

<div class="site-tool" data-x="Comprehensive administrative determinations.">
<p>Extraordinarily complicated institutional terminology.</p>
continued inside the same HTML block
</div>

```sh
make check   # comprehensive administrative determinations
```

Run `make check` first.
Click the button { .md-button } and see the [guide][guide].

*[IMR]: Independent Medical Review
[guide]: https://example.org/guide
"""


def test_only_prose_is_measured():
    sentences = readability.page_sentences(PROSE, "en", first_line=10)
    assert [(s.line, s.text, s.words) for s in sentences] == [
        (12, "You have 60 days to apply.", 6),
        (12, "Call [phone] or [phone] today.", 5),
        (13, "Read the DMHC guide or [link] now.", 7),
        (14, "Write to [link].", 3),
        (18, "the letter from your plan;", 5),
        (19, "your doctor's notes and test results;", 6),
        (22, "Ask your plan.", 3),
        (22, "Wait for the answer.", 4),
        (25, "Do not wait.", 3),
        (40, "Run first.", 2),
        (41, "Click the button and see the guide.", 7),
    ]


def test_a_sentence_is_located_on_its_own_line_of_a_paragraph():
    body = "First sentence here.\nSecond one starts\nhere. Third is on\nthis line."
    lines = [s.line for s in readability.page_sentences(body, "en", first_line=5)]
    assert lines == [5, 6, 7]


def test_each_list_item_ends_a_sentence():
    body = "- one item without a stop\n- another item\n  that goes on\n- a third"
    assert [s.words for s in readability.page_sentences(body, "en")] == [5, 5, 2]


def test_scores():
    assert readability.flesch_kincaid_grade(15, 1.5) == pytest.approx(7.96)
    assert readability.kandel_moles(15, 1.5) == pytest.approx(81.375)
    page = readability.measure(readability.page_sentences("The cat sat. It was fat.", "en"))
    assert page == readability.Measure(sentences=2, words=6, syllables=6, long_sentences=0)
    assert page.score(readability.SCALES["en"]) == pytest.approx(0.39 * 3 + 11.8 - 15.59)


# --- check_readability on small trees ----------------------------------------------

CONFIG = """\
site_name: Test
site_url: https://example.org/
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
        - locale: fr
"""
PAGES = {
    "en": {
        "health-insurance/keep.md": """\
            ---
            title: How do I keep my coverage?
            description: Comprehensive administrative determinations necessitate considerable documentation regarding eligibility.
            ---

            # How do I keep my coverage? { #top }

            You have **60 days** to sign up. Call 1-888-466-2219 for help. The call is free.

            ## Step 1: Read the letter { #step-1 }

            1. Read the letter from your plan.
            2. Look for the date on it.
            3. Write the date down.

            !!! warning "Important"
                Do not wait. Send the form soon.

            | Administrative determinations | Phone |
            | --- | --- |
            | Extraordinarily complicated institutional terminology | 1-888-466-2219 |

            <div class="site-tool" data-x="Comprehensive administrative determinations.">
            <p>Extraordinarily complicated institutional terminology, and a sentence far longer than twenty-five words that would fail the limit if it were counted as prose.</p>
            </div>

            See the [form](https://www.dmhc.ca.gov/FileaComplaint/SubmitanIndependentMedicalReviewComplaint.aspx). Ask for help.
            """,
        "index.md": """\
            ---
            title: Help
            description: Help with health coverage.
            ---

            # Help { #home }

            Did your plan say no? You have rights. We explain them step by step.
            Read the answers. Call us if you need help.
            """,
    },
    "fr": {
        "health-insurance/keep.md": """\
            ---
            title: Comment garder ma couverture ?
            description: Les déterminations administratives exhaustives nécessitent une documentation considérable.
            ---

            # Comment garder ma couverture ? { #top }

            Vous avez **60 jours** pour vous inscrire. Appelez le 1-888-466-2219 pour de l'aide. L'appel est gratuit.

            ## Étape 1 : lisez la lettre { #step-1 }

            1. Lisez la lettre de votre régime.
            2. Cherchez la date.
            3. Notez la date.

            !!! warning "Important"
                N'attendez pas. Envoyez vite le formulaire.

            | Déterminations administratives | Téléphone |
            | --- | --- |
            | Terminologie institutionnelle extraordinairement compliquée | 1-888-466-2219 |

            <div class="site-tool" data-x="Déterminations administratives exhaustives.">
            <p>Une terminologie institutionnelle extraordinairement compliquée, dans une phrase bien plus longue que vingt-cinq mots qui ferait échouer la limite si elle était comptée comme du texte.</p>
            </div>

            Voyez le [formulaire](https://www.dmhc.ca.gov/FileaComplaint/SubmitanIndependentMedicalReviewComplaint.aspx). Demandez de l'aide.
            """,
        "index.md": """\
            ---
            title: Aide
            description: De l'aide pour votre couverture santé.
            ---

            # Aide { #home }

            Votre régime a dit non ? Vous avez des droits. Nous les expliquons pas à pas.
            Lisez les réponses. Appelez-nous si vous avez besoin d'aide.
            """,
    },
}
PAGE = "health-insurance/keep.md"
LONG_FR = (
    "Si votre régime refuse de payer un traitement que votre médecin vous a prescrit, vous "
    "pouvez lui demander de revoir sa décision et, si cela ne suffit pas, vous adresser à l'État."
)
HARD_EN = (
    "Comprehensive administrative determinations necessitate considerable documentation. "
    "Eligibility verification requires substantial institutional cooperation. "
    "Authorization procedures involve complicated evaluations."
)
HARD_FR = (
    "Les déterminations administratives nécessitent une documentation considérable. "
    "L'admissibilité exige une coopération institutionnelle substantielle. "
    "L'autorisation comporte des évaluations complémentaires particulièrement approfondies."
)


def write_tree(root, pages=None):
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for lang, files in PAGES.items():
        files = {**files, **(pages or {}).get(lang, {})}
        for rel, text in files.items():
            path = root / "docs" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run(capsys, root, *args) -> tuple[int, str]:
    """Run the checker from the tree's folder, as an author does; paths print relative."""
    with contextlib.chdir(root):
        code = check_readability.main(["--config", "mkdocs.yml", *args])
    return code, capsys.readouterr().out


def append(root, lang, rel, paragraph) -> int:
    """Add a paragraph at the end of a page; the line it starts on."""
    path = root / "docs" / lang / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n" + paragraph + "\n", encoding="utf-8")
    return text.count("\n") + 2


def test_a_clean_tree_passes(tmp_path, capsys):
    code, output = run(capsys, write_tree(tmp_path))
    assert code == 0, output
    assert output.strip() == "check_readability: 4 pages in 2 languages are in plain language"


def test_the_report_gives_each_page_its_numbers(tmp_path, capsys):
    code, output = run(capsys, write_tree(tmp_path), "--report")
    assert code == 0, output
    rows = {line.split()[0]: line for line in output.splitlines()[1:5]}
    assert set(rows) == {
        f"docs/{lang}/{rel}" for lang in ("en", "fr") for rel in (PAGE, "index.md")
    }
    assert "Flesch-Kincaid grade " in rows[f"docs/en/{PAGE}"]
    assert "Kandel-Moles " in rows[f"docs/fr/{PAGE}"]
    # 10 sentences of 44 words: the table, the HTML block and the code are not counted.
    assert rows[f"docs/en/{PAGE}"].split()[-3:] == ["4.4", "0/10", "(0.0%)"]
    assert "en: 15 sentences, " in output and "0/15 (0.0%) over 25 words (limit 5%)" in output


def test_a_long_sentence_over_the_language_limit_is_reported_where_it_is(tmp_path, capsys):
    root = write_tree(tmp_path)
    line = append(root, "fr", PAGE, LONG_FR)
    code, output = run(capsys, root)
    assert code == 1, output
    assert (
        f"docs/fr/{PAGE}:{line}: sentence of 32 words (limit 25); split it: "
        '"Si votre régime refuse de payer un traitement…"'
    ) in output
    assert (
        "docs/fr: 1 of 16 sentences (6.2%) have more than 25 words (limit 5%); "
        "split the sentences listed above"
    ) in output
    assert "docs/en" not in output
    assert output.splitlines()[-1] == "check_readability: 2 problem(s) in 4 pages, 2 languages"


def test_long_sentences_within_the_language_limit_pass(tmp_path, capsys):
    short = " ".join(["Call us today."] * 10)
    root = write_tree(tmp_path, {"fr": {"other.md": f"{short}\n\n{short}\n"}})
    line = append(root, "fr", PAGE, LONG_FR)
    code, output = run(capsys, root, "--report")
    assert code == 0, output  # 1 of 36 sentences: 2.8%
    assert f"  docs/fr/{PAGE}:{line}: 32 words: " in output


def test_a_hard_english_page_is_reported(tmp_path, capsys):
    root = write_tree(tmp_path)
    append(root, "en", "index.md", HARD_EN)
    code, output = run(capsys, root)
    assert code == 1, output
    assert output.splitlines()[0].startswith("docs/en/index.md:1: Flesch-Kincaid grade ")
    assert output.splitlines()[0].endswith(" (limit 8); use shorter sentences and words")
    assert output.splitlines()[-1] == "check_readability: 1 problem(s) in 4 pages, 2 languages"


def test_a_hard_french_page_is_reported(tmp_path, capsys):
    root = write_tree(tmp_path)
    append(root, "fr", "index.md", HARD_FR)
    code, output = run(capsys, root)
    assert code == 1, output
    assert output.splitlines()[0].startswith("docs/fr/index.md:1: Kandel-Moles ")
    assert output.splitlines()[0].endswith(" (limit 60 or more); use shorter sentences and words")


def test_a_page_whose_front_matter_cannot_be_read_is_reported(tmp_path, capsys):
    root = write_tree(tmp_path, {"en": {"broken.md": "---\ntitle: [Broken\n---\n\nText.\n"}})
    code, output = run(capsys, root)
    assert code == 1
    assert "docs/en/broken.md:2: front matter is not valid YAML" in output


def test_the_site_is_in_plain_language(capsys):
    """The real pages. Expected to fail until the pages are rewritten to the limits."""
    with contextlib.chdir(ROOT):
        code = check_readability.main([])
    output = capsys.readouterr().out
    assert code == 0, output
