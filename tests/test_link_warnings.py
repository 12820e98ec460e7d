"""MkDocs' own warnings about links and anchors name the source file and line, like ours."""

from __future__ import annotations

from tests.sitebuild import build, copy_project

PLANTED = (
    "[gone](missing-page.md)\n\n[step](independent-medical-review.md#step-99)\n\n[here](#nowhere)\n"
)


def test_a_broken_link_or_anchor_stops_the_build_at_its_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/health-insurance/index.md"
    text = page.read_text(encoding="utf-8")
    first = text.count("\n") + 2
    page.write_text(text + "\n" + PLANTED, encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    source = "docs/en/health-insurance/index.md"
    assert (
        f"{source}:{first}: link 'missing-page.md': the target "
        "'en/health-insurance/missing-page.md' is not found among documentation files; link to "
        "the page's .md file, relative to this one"
    ) in output
    assert (
        f"{source}:{first + 2}: link 'independent-medical-review.md#step-99': the doc "
        "'en/health-insurance/independent-medical-review.md' does not contain an anchor "
        "'#step-99'; link to an id that a heading of the page has ({ #id })"
    ) in output
    assert f"{source}:{first + 4}: link '#nowhere': there is no such anchor on this page" in output
    assert "Doc file" not in output
