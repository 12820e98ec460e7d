"""Scaffolding a question: both languages, a page that builds and passes every check,
its URLs listed, its short link; and clear refusals of bad input."""

from __future__ import annotations

import contextlib
import shutil

from scripts import check_parity, new_question, published_urls
from tests.sitebuild import ROOT, build, copy_project


def project_with_lists(tmp_path):
    """A copy of the project, with its URL list, that the scaffold may change."""
    project = copy_project(tmp_path / "project")
    (project / "tests").mkdir()
    shutil.copy(ROOT / "tests/published-urls.txt", project / "tests/published-urls.txt")
    return project


def test_a_new_question_builds_and_passes_every_check(tmp_path, capsys):
    project = project_with_lists(tmp_path)
    with contextlib.chdir(project):
        assert new_question.main(["health-insurance/dental-coverage", "--short", "dental"]) == 0
        output = capsys.readouterr().out
        assert "docs/en/health-insurance/dental-coverage.md: created" in output
        assert "docs/fr/health-insurance/dental-coverage.md: created" in output
        assert "--accept docs/en/health-insurance/dental-coverage.md" in output
        assert check_parity.main([]) == 0, capsys.readouterr().out
    assert (
        "  dental: health-insurance/dental-coverage.md" in (project / "redirects.yml").read_text()
    )
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "fr/health-insurance/dental-coverage/index.html").is_file()
    assert "dental-coverage/" in (site / "health-insurance/index.html").read_text()
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
