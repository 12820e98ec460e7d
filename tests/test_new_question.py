"""Scaffolding a question: both languages, a page that fails the checks until it is
written and then builds and passes every check, its URLs listed, its short link; and
clear refusals of bad input."""

from __future__ import annotations

import contextlib
import shutil

from scripts import check_parity, new_question, published_urls
from sitekit.core.scaffold import skeleton_texts
from tests.sitebuild import ROOT, build, copy_project

# What an author writes in place of the scaffold's placeholders.
WRITTEN = {
    "en": {
        "title": "Does my health plan cover dental care?",
        "description": "Which plans cover dental care in California, and who to call.",
        "answer": "Most plans cover dental care for children. Ask your plan first.",
        "step": "Step {n}: Read your plan",
        "action": "Read the list of benefits in your plan.",
        "important": "Do not wait for a bill to ask.",
        "link": "Online",
    },
    "fr": {
        "title": "Mon régime couvre-t-il les soins dentaires ?",
        "description": "Quels régimes couvrent les soins dentaires en Californie, et qui appeler.",
        "answer": "La plupart des régimes couvrent les soins dentaires des enfants. Demandez "
        "d'abord à votre régime.",
        "step": "Étape {n} : lisez votre régime",
        "action": "Lisez la liste des garanties de votre régime.",
        "important": "N'attendez pas une facture pour demander.",
        "link": "En ligne",
    },
}


def project_with_lists(tmp_path):
    """A copy of the project, with its URL list, that the scaffold may change."""
    project = copy_project(tmp_path / "project")
    (project / "tests").mkdir()
    shutil.copy(ROOT / "tests/published-urls.txt", project / "tests/published-urls.txt")
    return project


def write_the_question(page, lang: str) -> None:
    """Replace every placeholder, fill in the contacts and cite a source, as an author does."""
    text, written = page.read_text(encoding="utf-8"), WRITTEN[lang]
    for key, placeholder in skeleton_texts(lang).items():
        if key in written:
            for n in (1, 2):
                text = text.replace(placeholder.format(n=n), written[key].format(n=n))
    text = text.replace(
        "| | | | |",
        f"| DMHC | 1-888-466-2219 | 1-877-688-9891 | [{written['link']}](https://www.dmhc.ca.gov/) |",
    )
    text = text.replace(
        "sources: []", 'sources:\n  - title: "DMHC"\n    url: https://www.dmhc.ca.gov/'
    )
    page.write_text(text, encoding="utf-8")


def test_a_new_question_fails_the_checks_until_written_then_passes_every_check(tmp_path, capsys):
    project = project_with_lists(tmp_path)
    with contextlib.chdir(project):
        assert new_question.main(["health-insurance/dental-coverage", "--short", "dental"]) == 0
        output = capsys.readouterr().out
        assert "docs/en/health-insurance/dental-coverage.md: created" in output
        assert "docs/fr/health-insurance/dental-coverage.md: created" in output
        assert "--accept docs/en/health-insurance/dental-coverage.md" in output
        assert check_parity.main([]) == 1
        output = capsys.readouterr().out
        assert "dental-coverage.md:12: the placeholder 'ANSWER:'" in output
        assert "dental-coverage.md:8: 'sources' is empty" in output
        for lang in ("en", "fr"):
            write_the_question(project / f"docs/{lang}/health-insurance/dental-coverage.md", lang)
        assert check_parity.main(["--accept", "docs/en/health-insurance/dental-coverage.md"]) == 0
        capsys.readouterr()
        assert check_parity.main([]) == 0, capsys.readouterr().out
    assert (
        "  dental: health-insurance/dental-coverage.md" in (project / "redirects.yml").read_text()
    )
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "fr/health-insurance/dental-coverage/index.html").is_file()
    assert "dental-coverage/" in (site / "health-insurance/index.html").read_text()
    # Published now: `make urls` lists the new addresses, which no check lets go again.
    listed = ["--list", str(project / "tests/published-urls.txt")]
    assert published_urls.main([str(site), *listed]) == 1
    assert "/fr/dental/ is published but not listed" in capsys.readouterr().out
    assert published_urls.main([str(site), *listed, "--update"]) == 0, capsys.readouterr().out
    assert (
        "/fr/health-insurance/dental-coverage/\n"
        in (project / "tests/published-urls.txt").read_text()
    )


def test_a_draft_question_and_its_short_link_are_not_published_until_ready(tmp_path, capsys):
    project = project_with_lists(tmp_path)
    with contextlib.chdir(project):
        assert new_question.main(["health-insurance/dental-coverage", "--short", "dental"]) == 0
    for lang in ("en", "fr"):
        page = project / f"docs/{lang}/health-insurance/dental-coverage.md"
        page.write_text(page.read_text().replace("---\n", "---\ndraft: true\n", 1))
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for gone in ("health-insurance/dental-coverage", "dental", "fr/dental"):
        assert not (site / gone).exists(), gone
    listed = ["--list", str(project / "tests/published-urls.txt")]
    assert published_urls.main([str(site), *listed]) == 0, capsys.readouterr().out


def test_an_existing_slug_an_unknown_category_and_a_bad_name_are_refused(tmp_path, capsys):
    project = project_with_lists(tmp_path)
    with contextlib.chdir(project):
        assert new_question.main(["guides/cal-cobra"]) == 1
        assert (
            "docs/en/health-insurance/cal-cobra.md: the slug 'cal-cobra' exists"
            in capsys.readouterr().out
        )
        assert new_question.main(["cars/new-car"]) == 1
        assert "unknown category 'cars'" in capsys.readouterr().out
        assert new_question.main(["health-insurance/Dental_Care"]) == 1
        assert "use lower-case letters, digits and hyphens" in capsys.readouterr().out
        assert new_question.main(["health-insurance/dental", "--short", "imr"]) == 1
        assert "the short link 'imr' exists" in capsys.readouterr().out
    assert not (project / "docs/en/cars").exists()
