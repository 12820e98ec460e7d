"""check_parity on golden trees: a clean tree passes, every planted defect is caught."""

from __future__ import annotations

import contextlib
import textwrap

import pytest

from scripts import check_parity
from sitekit.check import facts
from sitekit.check.untranslated import foreign_sentences, sentences
from tests.sitebuild import ROOT

ENGLISH = """\
---
title: How do I keep my coverage?
description: What to do within 60 days of losing your job.
category: health-insurance
updated: 2026-01-15
reviewed: 2026-11-20
related: [health-insurance/other.md]
help: [dmhc]
sources:
  - title: "DMHC: What is COBRA"
    url: https://www.dmhc.ca.gov/cobra.aspx
---

You have **60 days** to sign up. Call 1-888-466-2219 (TTY 1-877-688-9891), or the CDI at 1-800-927-4357, before January 31, 2026.

## Step 1: Read the notice { #step-1 }

1. Read the letter from your employer.
2. Check the premium: at most 110% of the group rate, or $1,732 a month.

## Step 2: Sign up { #step-2 }

!!! warning "Important"
    Missing the deadline ends your coverage.

| Agency | Phone | TTY |
| --- | --- | --- |
| DMHC | 1-888-466-2219 | 1-877-688-9891 |
| CDI | 1-800-927-4357 | 1-800-482-4833 |
"""
FRENCH = """\
---
title: Comment garder ma couverture ?
description: Que faire dans les 60 jours qui suivent la perte de votre emploi.
category: health-insurance
updated: 2026-01-15
reviewed: 2026-11-20
related: [health-insurance/other.md]
help: [dmhc]
sources:
  - title: "DMHC : qu'est-ce que COBRA (page en anglais)"
    url: https://www.dmhc.ca.gov/cobra.aspx
---

Vous avez **60 jours** pour vous inscrire. Appelez le 1-888-466-2219 (ATS : 1-877-688-9891), ou le CDI au 1-800-927-4357, avant le 31 janvier 2026.

## Étape 1 : lisez l'avis { #step-1 }

1. Lisez la lettre de votre employeur.
2. Vérifiez la prime : au plus 110 % du tarif de groupe, ou 1 732 $ par mois.

## Étape 2 : inscrivez-vous { #step-2 }

!!! warning "Important"
    Si vous manquez la date limite, votre couverture prend fin.

| Administration | Téléphone | ATS (TTY) |
| --- | --- | --- |
| DMHC | 1-888-466-2219 | 1-877-688-9891 |
| CDI | 1-800-927-4357 | 1-800-482-4833 |
"""
SPANISH = """\
---
title: ¿Cómo mantengo mi cobertura?
description: Qué hacer dentro de los 60 días después de perder su empleo.
category: health-insurance
updated: 2026-01-15
reviewed: 2026-11-20
related: [health-insurance/other.md]
help: [dmhc]
sources:
  - title: "DMHC: qué es COBRA (en inglés)"
    url: https://www.dmhc.ca.gov/cobra.aspx
---

Tiene **60 días** para inscribirse. Llame al 1-888-466-2219 (TTY 1-877-688-9891), o al CDI al 1-800-927-4357, antes del 31 de enero de 2026.

## Paso 1: lea el aviso { #step-1 }

1. Lea la carta de su empleador.
2. Revise la prima: como máximo 110 % de la tarifa del grupo, o 1732 $ al mes.

## Paso 2: inscríbase { #step-2 }

!!! warning "Importante"
    Si no cumple el plazo, su cobertura termina.

| Agencia | Teléfono | TTY |
| --- | --- | --- |
| DMHC | 1-888-466-2219 | 1-877-688-9891 |
| CDI | 1-800-927-4357 | 1-800-482-4833 |
"""
SOURCES = "sources: [{title: DMHC, url: 'https://www.dmhc.ca.gov/'}]\n"
OTHER = {
    "en": "---\ntitle: Other question?\ndescription: Another one.\ncategory: health-insurance\n"
    f"updated: 2026-01-15\nreviewed: 2026-01-15\nrelated: []\nhelp: [dmhc]\n{SOURCES}---\n\nText.\n",
    "fr": "---\ntitle: Autre question ?\ndescription: Une autre.\ncategory: health-insurance\n"
    f"updated: 2026-01-15\nreviewed: 2026-01-15\nrelated: []\nhelp: [dmhc]\n{SOURCES}---\n\nTexte.\n",
    "es": "---\ntitle: ¿Otra pregunta?\ndescription: Otra más.\ncategory: health-insurance\n"
    f"updated: 2026-01-15\nreviewed: 2026-01-15\nrelated: []\nhelp: [dmhc]\n{SOURCES}---\n\nTexto.\n",
}
CATEGORY = {
    "en": "---\ntitle: Health insurance\ndescription: The category.\n---\n\n# Health insurance { #top }\n",
    "fr": "---\ntitle: Assurance maladie\ndescription: La rubrique.\n---\n\n# Assurance maladie { #top }\n",
    "es": "---\ntitle: Seguro médico\ndescription: La categoría.\n---\n\n# Seguro médico { #top }\n",
}
UI = {"en": "Related questions", "fr": "Questions liées", "es": "Preguntas relacionadas"}
PAGE = "health-insurance/keep-coverage.md"


def config_text(languages) -> str:
    entries = "".join(
        f"        - locale: {lang}\n          name: {lang}\n          default: {str(i == 0).lower()}\n"
        f"          extra:\n            ui:\n              related: {UI[lang]}\n"
        for i, lang in enumerate(languages)
    )
    return (
        "site_name: Test\nsite_url: https://example.org/\nplugins:\n  - i18n:\n"
        "      docs_structure: folder\n      languages:\n" + entries
    )


def write_tree(root, languages=("en", "fr"), pages=None):
    texts = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH}
    (root / "mkdocs.yml").write_text(config_text(languages), encoding="utf-8")
    for lang in languages:
        files = {
            PAGE: texts[lang],
            "health-insurance/other.md": OTHER[lang],
            "health-insurance/index.md": CATEGORY[lang],
        }
        files.update((pages or {}).get(lang, {}))
        for rel, text in files.items():
            path = root / "docs" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run(capsys, root, *args) -> tuple[int, str]:
    """Run the checker from the tree's folder, as an author does; paths print relative."""
    with contextlib.chdir(root):
        code = check_parity.main(["--config", "mkdocs.yml", *args])
    return code, capsys.readouterr().out


def accepted_tree(tmp_path, capsys, languages=("en", "fr"), pages=None):
    root = write_tree(tmp_path, languages, pages)
    code, output = run(
        capsys,
        root,
        "--accept",
        *(
            str(root / "docs/en" / rel)
            for rel in (PAGE, "health-insurance/other.md", "health-insurance/index.md")
        ),
    )
    assert code == 0, output
    return root


def test_a_clean_tree_is_up_to_date(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    code, output = run(capsys, root)
    assert code == 0, output
    assert output.strip() == "check_parity: 6 pages in 2 languages are up to date"


def test_a_new_translation_has_no_record_until_accepted(tmp_path, capsys):
    root = write_tree(tmp_path)
    code, output = run(capsys, root)
    assert code == 1
    assert f"docs/fr/{PAGE}:1: no translation record: check this page against " in output
    assert f"then run `python -m scripts.check_parity --accept docs/fr/{PAGE}`" in output


def test_changing_the_original_makes_the_translation_stale_until_accepted(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    original = root / "docs/en" / PAGE
    original.write_text(original.read_text().replace("Read the notice", "Read the letter"))
    code, output = run(capsys, root)
    assert code == 1
    assert f"docs/fr/{PAGE}:12: stale translation: " in output
    assert f"docs/en/{PAGE} changed since this page was translated" in output
    code, output = run(capsys, root, "--accept", str(root / "docs/fr" / PAGE))
    assert code == 0 and f"docs/fr/{PAGE}: marked as reviewed" in output
    assert run(capsys, root)[0] == 0


def test_rewrapping_a_paragraph_does_not_make_a_translation_stale(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    original = root / "docs/en" / PAGE
    original.write_text(original.read_text().replace("to sign up. Call", "to sign up.\nCall"))
    assert run(capsys, root)[0] == 0


def test_the_report_shows_each_translation_status(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    (root / "docs/fr/health-insurance/other.md").unlink()
    original = root / "docs/en" / PAGE
    original.write_text(original.read_text().replace("Read the notice", "Read it"))
    code, output = run(capsys, root, "--report")
    assert code == 1
    rows = {line.split()[0]: line.split(None, 1)[1].strip() for line in output.splitlines()[1:4]}
    assert rows == {
        "health-insurance/index.md": "up to date",
        PAGE: "stale",
        "health-insurance/other.md": "missing",
    }


def plant(tmp_path, capsys, lang, old, new, page=PAGE):
    root = accepted_tree(tmp_path, capsys)
    path = root / "docs" / lang / page
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    if lang != "en":
        run(capsys, root, "--accept", str(path))
    return run(capsys, root)


DEFECTS = [
    (
        "number changed",
        "fr",
        "**60 jours**",
        "**90 jours**",
        [f"docs/fr/{PAGE}:15: duration '90 days' is not in docs/en/{PAGE}"],
    ),
    (
        "phone changed",
        "fr",
        "Appelez le 1-888-466-2219",
        "Appelez le 1-888-466-2291",
        [f"docs/fr/{PAGE}:15: phone number '888-466-2291' is not in docs/en/{PAGE}"],
    ),
    (
        "date changed",
        "fr",
        "31 janvier 2026",
        "30 janvier 2026",
        [f"docs/fr/{PAGE}: date '2026-01-31' of docs/en/{PAGE}:14 is missing here"],
    ),
    (
        "money changed",
        "fr",
        "1 732 $",
        "1 723 $",
        [f"docs/fr/{PAGE}:20: money '$1723' is not in docs/en/{PAGE}"],
    ),
    (
        "heading dropped",
        "fr",
        "## Étape 2 : inscrivez-vous { #step-2 }\n",
        "",
        [
            f"headings differ from the original: docs/en/{PAGE}:21 has a level-2 heading {{ #step-2 }}, missing here"
        ],
    ),
    (
        "heading id changed",
        "fr",
        "{ #step-2 }",
        "{ #etape-2 }",
        [
            f"docs/fr/{PAGE}:22: headings differ from the original: docs/en/{PAGE}:21 has a level-2 heading {{ #step-2 }}, here it is a level-2 heading {{ #etape-2 }}"
        ],
    ),
    (
        "heading without id",
        "fr",
        " { #step-2 }",
        "",
        [f"docs/fr/{PAGE}:22: heading 'Étape 2 : inscrivez-vous' has no explicit id"],
    ),
    (
        "list item dropped",
        "fr",
        "2. Vérifiez la prime : au plus 110 % du tarif de groupe, ou 1 732 $ par mois.\n",
        "",
        [
            f"docs/fr/{PAGE}:19: numbered lists differ: docs/en/{PAGE}:18 has a numbered list of 2 items, here a numbered list of 1 items"
        ],
    ),
    (
        "admonition changed",
        "fr",
        '!!! warning "Important"',
        '!!! note "Important"',
        [
            f"docs/fr/{PAGE}:24: admonitions differ: docs/en/{PAGE}:23 has a 'warning' admonition, here a 'note' admonition"
        ],
    ),
    (
        "table shape changed",
        "fr",
        "| DMHC | 1-888-466-2219 | 1-877-688-9891 |\n",
        "| DMHC | 1-888-466-2219 | 1-877-688-9891 |\n| DMHC | 1-888-466-2219 | 1-877-688-9891 |\n",
        [
            f"docs/fr/{PAGE}:27: tables differ: docs/en/{PAGE}:26 has a table of 3 rows and 3 columns, here a table of 4 rows and 3 columns"
        ],
    ),
    (
        "related set differs",
        "fr",
        "related: [health-insurance/other.md]",
        "related: []",
        [
            f"docs/fr/{PAGE}:7: related questions differ from docs/en/{PAGE}: missing here health-insurance/other.md; not in the original none"
        ],
    ),
    (
        "source URL differs",
        "fr",
        "url: https://www.dmhc.ca.gov/cobra.aspx",
        "url: https://www.dmhc.ca.gov/COBRA.aspx",
        [
            f"docs/fr/{PAGE}:9: source https://www.dmhc.ca.gov/cobra.aspx of docs/en/{PAGE} is missing here"
        ],
    ),
    (
        "English paragraph left in French",
        "fr",
        "Vous avez **60 jours** pour vous inscrire.",
        "You have **60 jours** to sign up, and you should do it before the end of the month.",
        [
            f"docs/fr/{PAGE}:15: this looks like English, not 'fr': \"You have **60 jours** to sign up"
        ],
    ),
    (
        "broken front matter",
        "fr",
        "category: health-insurance",
        "category: [health-insurance",
        [f"docs/fr/{PAGE}:4: front matter is not valid YAML"],
    ),
    (
        "phone and TTY numbers swapped in a French table row",
        "fr",
        "| DMHC | 1-888-466-2219 | 1-877-688-9891 |",
        "| DMHC | 1-877-688-9891 | 1-888-466-2219 |",
        [
            f"docs/fr/{PAGE}:29: '877-688-9891' is given as a phone number here, but as a TTY "
            f"number in docs/en/{PAGE}:28; are two numbers swapped?",
            f"docs/fr/{PAGE}:29: '888-466-2219' is given as a TTY number here, but as a phone "
            f"number in docs/en/{PAGE}:28; are two numbers swapped?",
        ],
    ),
    (
        "phone and TTY numbers swapped in a French sentence",
        "fr",
        "Appelez le 1-888-466-2219 (ATS : 1-877-688-9891)",
        "Appelez le 1-877-688-9891 (ATS : 1-888-466-2219)",
        [
            f"docs/fr/{PAGE}:15: '877-688-9891' is given as a phone number here, but as a TTY "
            f"number in docs/en/{PAGE}:14",
        ],
    ),
    (
        "two agencies' numbers swapped between French table rows",
        "fr",
        "| DMHC | 1-888-466-2219 | 1-877-688-9891 |\n| CDI | 1-800-927-4357 | 1-800-482-4833 |",
        "| DMHC | 1-800-927-4357 | 1-800-482-4833 |\n| CDI | 1-888-466-2219 | 1-877-688-9891 |",
        [
            f"docs/fr/{PAGE}:30: phone number '888-466-2219' stands in row 3, column 2 of the "
            "table at line 27 here, where the original does not have it; the original has it "
            f"in row 2, column 2 of the table at line 26 (docs/en/{PAGE}:28)",
            f"docs/fr/{PAGE}:29: TTY number '800-482-4833' stands in row 2, column 3 of the "
            "table at line 27 here",
        ],
    ),
    (
        "two agencies' numbers swapped in a French sentence",
        "fr",
        "Appelez le 1-888-466-2219 (ATS : 1-877-688-9891), ou le CDI au 1-800-927-4357",
        "Appelez le 1-800-927-4357 (ATS : 1-877-688-9891), ou le CDI au 1-888-466-2219",
        [
            f"docs/fr/{PAGE}:15: the phone numbers of the text before the first heading come "
            f"in another order than in docs/en/{PAGE}:14 (888-466-2219, 877-688-9891, "
            "800-927-4357; here 800-927-4357, 877-688-9891, 888-466-2219)",
        ],
    ),
    (
        "French paragraph in the English page",
        "en",
        "1. Read the letter from your employer.",
        "1. Lisez la lettre de votre employeur et vérifiez la date de fin de votre couverture.",
        [
            f"docs/en/{PAGE}:18: this looks like French, not 'en': \"Lisez la lettre de votre "
            "employeur",
        ],
    ),
]


@pytest.mark.parametrize(
    ("defect", "lang", "old", "new", "expected"), DEFECTS, ids=[d[0] for d in DEFECTS]
)
def test_each_planted_defect_is_caught_with_its_message(
    tmp_path, capsys, defect, lang, old, new, expected
):
    code, output = plant(tmp_path, capsys, lang, old, new)
    assert code == 1, output
    for message in expected:
        assert message in output, output
    assert output.splitlines()[-1].startswith("check_parity: ")


def test_a_missing_twin_and_an_orphan_are_reported(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    (root / "docs/fr/health-insurance/other.md").unlink()
    (root / "docs/fr/health-insurance/french-only.md").write_text(OTHER["fr"])
    code, output = run(capsys, root)
    assert code == 1
    assert (
        "docs/fr/health-insurance/other.md: missing: this page exists in en but not in 'fr'"
        in output
    )
    assert (
        "docs/en/health-insurance/french-only.md: missing: this page exists in fr but not in 'en'"
        in output
    )


def test_a_ui_string_left_in_english_is_reported(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("Questions liées", "See also the other questions"))
    code, output = run(capsys, root)
    assert code == 1
    assert "UI string 'related' of 'fr' looks like English" in output


def test_a_french_ui_string_in_english_is_reported(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys)
    config = root / "mkdocs.yml"
    text = config.read_text().replace("Related questions", "Les autres questions de la rubrique")
    config.write_text(text)
    code, output = run(capsys, root)
    assert code == 1
    assert "UI string 'related' of 'en' looks like French" in output


def test_a_third_language_needs_no_code_change(tmp_path, capsys):
    root = accepted_tree(tmp_path, capsys, languages=("en", "fr", "es"))
    code, output = run(capsys, root, "--report")
    assert code == 0, output
    assert output.splitlines()[0].split() == ["page", "fr", "es"]
    assert "6 pages" not in output and "9 pages in 3 languages are up to date" in output
    spanish = root / "docs/es" / PAGE
    spanish.write_text(spanish.read_text().replace("31 de enero de 2026", "30 de enero de 2026"))
    run(capsys, root, "--accept", str(spanish))
    code, output = run(capsys, root)
    assert code == 1
    # Spanish dates are read with the CLDR's month names and its "de" (sitekit/check/facts.py).
    assert f"docs/es/{PAGE}: date '2026-01-31' of docs/en/{PAGE}:14 is missing here" in output
    (root / "docs/es/health-insurance/other.md").unlink()
    assert "docs/es/health-insurance/other.md: missing" in run(capsys, root)[1]


def test_the_real_tree_is_up_to_date(capsys):
    code, output = run(capsys, ROOT)
    assert code == 0, output


def page_sentences(lang):
    from sitekit.core import page_model

    for rel in page_model.list_pages(ROOT / "docs", lang):
        page = page_model.read_page(ROOT / "docs", lang, rel)
        yield from (sentence for _, sentence in sentences(page.body, page.body_line))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_language_detector_has_no_false_alarm_on_our_pages(lang):
    flagged = [s for s in page_sentences(lang) if foreign_sentences(s, lang, ["en", "fr"])]
    assert flagged == []


def test_a_large_site_is_checked_in_parallel_with_the_same_result(tmp_path, capsys, monkeypatch):
    root = accepted_tree(tmp_path, capsys)
    french = root / "docs/fr" / PAGE
    french.write_text(french.read_text().replace("**60 jours**", "**90 jours**"))
    serial = run(capsys, root)
    monkeypatch.setattr(check_parity, "PARALLEL_FROM", 1)
    assert run(capsys, root) == serial and serial[0] == 1


BAD_INPUTS = [
    (
        "broken YAML",
        "category: health-insurance",
        "category: [health",
        ":4: front matter is not valid YAML",
    ),
    ("missing key", "reviewed: 2026-11-20\n", "", ":1: missing front-matter key 'reviewed'"),
    (
        "unknown key",
        "category: health-insurance\n",
        "category: health-insurance\ntags: [x]\n",
        ":5: unknown front-matter key 'tags'",
    ),
    (
        "non-ISO date",
        "updated: 2026-01-15",
        "updated: 14/08/2025",
        ":5: 'updated' must be an ISO date",
    ),
    (
        "unknown category",
        "category: health-insurance",
        "category: cars",
        ":4: unknown category 'cars'",
    ),
    (
        "related page missing",
        "related: [health-insurance/other.md]",
        "related: [health-insurance/gone.md]",
        ":7: related page 'health-insurance/gone.md' does not exist",
    ),
    (
        "http source",
        "url: https://www.dmhc.ca.gov/cobra.aspx",
        "url: http://www.dmhc.ca.gov/cobra.aspx",
        "source URL 'http://www.dmhc.ca.gov/cobra.aspx' must be a full https://",
    ),
    (
        "duplicated key",
        "reviewed: 2026-11-20\n",
        "reviewed: 2026-11-20\nreviewed: 2026-01-01\n",
        ":7: 'reviewed' is given twice (also on line 6), and only one value would be kept",
    ),
]


@pytest.mark.parametrize(
    ("defect", "old", "new", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_front_matter_gets_the_same_clear_error_as_in_the_build(
    tmp_path, capsys, defect, old, new, expected
):
    root = write_tree(tmp_path)
    page = root / "docs/en" / PAGE
    page.write_text(page.read_text().replace(old, new, 1))
    code, output = run(capsys, root)
    assert code == 1
    assert any(
        line.startswith(f"docs/en/{PAGE}") and expected in line for line in output.splitlines()
    ), output


RELATED_10000 = "related: [" + ", ".join(f"health-insurance/q{n}.md" for n in range(10000)) + "]"
ONE_LINE_DEFECTS = [
    (
        "invalid UTF-8",
        PAGE,
        b"to sign up.",
        b"to sign \xff up.",
        f"docs/en/{PAGE}:14: the file is not valid UTF-8 (byte 0xff, column 30); save it with "
        "the UTF-8 encoding",
    ),
    (
        "byte-order mark",
        PAGE,
        b"---\ntitle:",
        b"\xef\xbb\xbf---\ntitle:",
        f"docs/en/{PAGE}:1: the file starts with a byte-order mark (BOM); save it as UTF-8 "
        "without BOM (the 'UTF-8', not 'UTF-8 with BOM', encoding of your editor)",
    ),
    (
        # PAGE relates to other.md: it must not be reported as missing.
        "tab in YAML",
        "health-insurance/other.md",
        b"\nupdated:",
        b"\n\tupdated:",
        "docs/en/health-insurance/other.md:5: front matter is not valid YAML (found a tab "
        "character that violates indentation, while scanning a plain scalar); indent with "
        "spaces: YAML does not allow tabs",
    ),
    (
        "10,000 related questions",
        PAGE,
        b"related: [health-insurance/other.md]",
        RELATED_10000.encode(),
        f"docs/en/{PAGE}:7: 'related' has 10000 entries; keep the questions a reader most "
        "needs next (at most 10)",
    ),
]


@pytest.mark.parametrize(
    ("defect", "rel_path", "old", "new", "expected"),
    ONE_LINE_DEFECTS,
    ids=[d[0] for d in ONE_LINE_DEFECTS],
)
def test_a_page_that_cannot_be_read_or_floods_gets_one_clear_line(
    tmp_path, capsys, defect, rel_path, old, new, expected
):
    root = accepted_tree(tmp_path, capsys)
    page = root / "docs/en" / rel_path
    data = page.read_bytes()
    assert old in data
    page.write_bytes(data.replace(old, new, 1))
    code, output = run(capsys, root)
    assert code == 1
    assert output.splitlines()[:-1] == [expected], output
    assert output.splitlines()[-1].startswith("check_parity: 1 problem(s)")


def test_a_scaffolded_question_fails_until_written_or_marked_draft(tmp_path, capsys):
    from scripts import new_question

    root = accepted_tree(tmp_path, capsys)
    (root / "tests").mkdir()
    with contextlib.chdir(root):
        assert new_question.main(["--config", "mkdocs.yml", "health-insurance/dental"]) == 0
    capsys.readouterr()
    new = {lang: root / f"docs/{lang}/health-insurance/dental.md" for lang in ("en", "fr")}
    code, output = run(capsys, root)
    assert code == 1
    for lang, placeholder in (("en", "TITLE:"), ("fr", "TITRE :")):
        shown = f"docs/{lang}/health-insurance/dental.md"
        assert f"{shown}:2: the placeholder '{placeholder}' of scripts/new_question.py" in output
        assert f"{shown}:8: 'sources' is empty; cite the official page of every fact" in output
        assert f"{shown}: this table row is empty; fill in its cells or remove it" not in output
        assert any(
            line.startswith(shown) and "this table row is empty" in line
            for line in output.splitlines()
        ), output
    assert "docs/en/health-insurance/dental.md:14: the placeholder 'STEP TITLE'" in output

    # A draft in one language only is refused; in both, it is not checked.
    english = new["en"].read_text(encoding="utf-8")
    new["en"].write_text(english.replace("\n---\n", "\ndraft: true\n---\n", 1))
    code, output = run(capsys, root)
    assert "docs/en/health-insurance/dental.md:10: a draft here but not in docs/fr/" in output
    french = new["fr"].read_text(encoding="utf-8")
    new["fr"].write_text(french.replace("\n---\n", "\ndraft: true\n---\n", 1))
    code, output = run(capsys, root)
    assert code == 0, output

    # A published page cannot relate to a draft: the link would lead nowhere.
    for lang in ("en", "fr"):
        page = root / "docs" / lang / PAGE
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                "related: [health-insurance/other.md]",
                "related: [health-insurance/other.md, health-insurance/dental.md]",
            )
        )
    code, output = run(capsys, root)
    assert code == 1
    assert (
        f"docs/en/{PAGE}:7: related page 'health-insurance/dental.md' is a draft ('draft: true'),"
        " which is not published" in output
    )


def test_times_of_day_compare_across_the_12_and_24_hour_clocks():
    def times(text: str, lang: str) -> set[tuple[str, str]]:
        return {fact.key for fact in facts.extract(text, lang) if fact.kind == "time"}

    english = times("Monday to Friday, 8 a.m. to 5 p.m. (5:30 pm on Friday)", "en")
    assert english == {("time", "08:00"), ("time", "17:00"), ("time", "17:30")}
    assert times("du lundi au vendredi, de 8 h à 17 h (17h30 le vendredi)", "fr") == english
    # An hour changed in translation no longer compares equal.
    assert times("de 8 h à 18 h", "fr") != times("8 a.m. to 5 p.m.", "en")
    # A duration is not a time: "24 heures sur 24", "12 h" of waiting stays a duration.
    assert times("24 heures sur 24, 7 jours sur 7", "fr") == set()
