"""The page model catches every planted defect, at the right line, and passes a clean tree."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from sitekit.core import page_model
from sitekit.core.front_matter import FrontMatterError, parse_front_matter
from tests.sitebuild import build, copy_project

TODAY = dt.date(2026, 11, 23)
QUESTION = """\
---
title: How do I appeal?
description: One sentence about appeals.
category: health-insurance
updated: 2025-08-14
reviewed: 2026-11-20
related:
  - health-insurance/other.md
sources:
  - title: DMHC
    url: https://www.dmhc.ca.gov/
help: [dmhc]
---

Body.
"""
OTHER = QUESTION.replace("How do I appeal?", "Other").replace(
    "health-insurance/other.md", "health-insurance/appeal.md"
)
CATEGORY = "---\ntitle: Health insurance\ndescription: The category.\n---\n"


def make_tree(tmp_path, **overrides):
    """A one-language docs tree; overrides replace or add pages by path."""
    pages = {
        "index.md": "---\ntitle: Home\ndescription: Home page.\n---\n",
        "health-insurance/index.md": CATEGORY,
        "health-insurance/appeal.md": QUESTION,
        "health-insurance/other.md": OTHER,
        **overrides,
    }
    for rel, text in pages.items():
        path = tmp_path / "docs" / "en" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "docs"


def problems_of(tmp_path, **overrides) -> list[str]:
    docs = make_tree(tmp_path, **overrides)
    return [str(p) for p in page_model.load_site(docs, ["en"], TODAY)[1]]


def test_a_clean_tree_has_no_problem(tmp_path):
    assert problems_of(tmp_path) == []


PLANTED = [
    (
        "order that is not a whole number",
        QUESTION.replace("category: health-insurance", "category: health-insurance\norder: first"),
        ":5: 'order' must be a whole number from 1 to 999",
    ),
    (
        "broken YAML",
        QUESTION.replace("category: health-insurance", "category: [health"),
        ":4: front matter is not valid YAML",
    ),
    (
        "front matter never closed",
        QUESTION.replace("---\n\nBody", "\nBody"),
        ":1: front matter opened with '---' is never closed",
    ),
    (
        "missing key",
        QUESTION.replace("reviewed: 2026-11-20\n", ""),
        ":1: missing front-matter key 'reviewed'",
    ),
    (
        "unknown key",
        QUESTION.replace("---\n\n", "tags: [x]\n---\n\n"),
        ":13: unknown front-matter key 'tags'",
    ),
    (
        "non-ISO date",
        QUESTION.replace("2025-08-14", "14/08/2025"),
        ":5: 'updated' must be an ISO date such as 2025-08-14 (year-month-day), not '14/08/2025'",
    ),
    (
        "impossible date",
        QUESTION.replace("2025-08-14", "'2025-02-30'"),
        ":5: 'updated' must be an ISO date",
    ),
    (
        "impossible unquoted date",
        QUESTION.replace("2025-08-14", "2025-02-30"),
        ":5: 'updated' must be an ISO date such as 2025-08-14 (year-month-day), not '2025-02-30'",
    ),
    (
        "future date",
        QUESTION.replace("2026-11-20", "2027-01-01"),
        ":6: 'reviewed' is 2027-01-01, which is in the future",
    ),
    (
        "unknown category",
        QUESTION.replace("category: health-insurance", "category: cars"),
        ":4: unknown category 'cars'",
    ),
    (
        "related page missing",
        QUESTION.replace("health-insurance/other.md", "health-insurance/nope.md"),
        ":8: related page 'health-insurance/nope.md' does not exist",
    ),
    (
        "related to itself",
        QUESTION.replace("health-insurance/other.md", "health-insurance/appeal.md"),
        ":8: a page cannot be related to itself",
    ),
    (
        "http source",
        QUESTION.replace("https://www.dmhc", "http://www.dmhc"),
        ":10: source URL 'http://www.dmhc.ca.gov/' must be a full https://",
    ),
    (
        "source without title",
        QUESTION.replace("  - title: DMHC\n    url", "  - url"),
        ":10: each source needs exactly a 'title' and a 'url'",
    ),
    (
        "empty title",
        QUESTION.replace("How do I appeal?", "''"),
        ":2: 'title' must be non-empty text",
    ),
    (
        "long description",
        QUESTION.replace("One sentence about appeals.", "word " * 60),
        ":3: 'description' has 299 characters",
    ),
    (
        "search terms not a list",
        QUESTION.replace("---\n\n", "search_terms: homepage\n---\n\n"),
        ":13: 'search_terms' must be a list of words or short phrases",
    ),
    (
        "empty search term",
        QUESTION.replace("---\n\n", "search_terms:\n  - phone\n  - ''\n---\n\n"),
        ":15: a search term must be non-empty text",
    ),
    (
        "long search term",
        QUESTION.replace("---\n\n", "search_terms:\n  - " + "word " * 15 + "\n---\n\n"),
        ":14: search term has 74 characters; keep it to a few words",
    ),
    (
        "too many search terms",
        QUESTION.replace("---\n\n", "search_terms: [" + ", ".join(["w"] * 13) + "]\n---\n\n"),
        ":13: 'search_terms' has 13 entries",
    ),
    (
        "related not a list",
        QUESTION.replace(
            "related:\n  - health-insurance/other.md", "related: health-insurance/other.md"
        ),
        ":7: 'related' must be a list",
    ),
    (
        "markup in the title",
        QUESTION.replace("How do I appeal?", "How do I <b>appeal</b>?"),
        ":2: 'title' contains HTML ('<b>'); remove it: the title is plain text",
    ),
    (
        "an entity in the description",
        QUESTION.replace("One sentence about appeals.", "Appeals &amp; reviews."),
        ":3: 'description' contains HTML ('&amp;'); write the character itself ('&')",
    ),
    # What cannot be read as meant, and what must not be published (issue 16).
    (
        "duplicated key",
        QUESTION.replace("reviewed: 2026-11-20\n", "reviewed: 2026-11-20\nreviewed: 2025-01-01\n"),
        ":7: 'reviewed' is given twice (also on line 6), and only one value would be kept; "
        "remove one of them",
    ),
    (
        "duplicated key in a source",
        QUESTION.replace("  - title: DMHC\n", "  - title: DMHC\n    title: CDI\n"),
        ":11: 'title' is given twice (also on line 10)",
    ),
    (
        "tab in the front matter",
        QUESTION.replace("reviewed:", "\treviewed:"),
        ":6: front matter is not valid YAML (found a tab character that violates indentation, "
        "while scanning a plain scalar); indent with spaces: YAML does not allow tabs",
    ),
    (
        "too many related questions",
        QUESTION.replace(
            "related:\n  - health-insurance/other.md",
            "related: [" + ", ".join(f"health-insurance/q{n}.md" for n in range(11)) + "]",
        ),
        ":7: 'related' has 11 entries; keep the questions a reader most needs next (at most 10)",
    ),
    (
        "too many sources",
        QUESTION.replace(
            "sources:\n", "sources:\n" + "  - {title: S, url: 'https://x.gov/'}\n" * 50
        ),
        ":9: 'sources' has 51 entries; cite the official pages the facts come from (at most 50)",
    ),
    (
        "placeholder in the title",
        QUESTION.replace("How do I appeal?", '"TITLE: the question, as a reader would ask it?"'),
        ":2: the placeholder 'TITLE:' of scripts/new_question.py is still here; replace it, "
        "or mark the question 'draft: true' while you write it",
    ),
    (
        "placeholder in a heading",
        QUESTION.replace("Body.", "Body.\n\n## Step 1: STEP TITLE { #step-1 }"),
        ":17: the placeholder 'STEP TITLE' of scripts/new_question.py is still here",
    ),
    (
        "French placeholder",
        QUESTION.replace("Body.", "RÉPONSE\u00a0: quelques phrases courtes."),
        ":15: the placeholder 'RÉPONSE\u00a0:' of scripts/new_question.py is still here",
    ),
    (
        "no answer before the first heading",
        QUESTION.replace("Body.", "## Step 1 { #step-1 }\n\nDo it."),
        ":15: this question has no answer; write it first, in a few sentences before the "
        "first heading, or mark the question 'draft: true'",
    ),
    ("no text at all", QUESTION.replace("Body.\n", ""), ":14: this question has no answer"),
    (
        "no source",
        QUESTION.replace(
            "sources:\n  - title: DMHC\n    url: https://www.dmhc.ca.gov/", "sources: []"
        ),
        ":9: 'sources' is empty; cite the official page of every fact (a title and an https "
        "URL), or mark the question 'draft: true'",
    ),
    (
        "empty table row",
        QUESTION.replace("Body.", "Body.\n\n| Agency | Phone |\n| --- | --- |\n| | |"),
        ":19: this table row is empty; fill in its cells or remove it",
    ),
    (
        "no front matter",
        "Body.\n",
        ":1: no front matter; start a question page with a line '---', the keys title, "
        "description, category, updated, reviewed, related, sources, help, and another line "
        "'---'",
    ),
    (
        "a related entry that is a list",
        QUESTION.replace("related:\n  - health-insurance/other.md", "related: [[a]]"),
        ":7: related page '['a']' does not exist",
    ),
    (
        "draft flag that is not true or false",
        QUESTION.replace("---\n\n", "draft: maybe\n---\n\n"),
        ":13: 'draft' must be true (the question is not published) or false",
    ),
    (
        "help that is not a list of help lines",
        QUESTION.replace("help: [dmhc]", "help: DMHC Help Center"),
        ":12: 'help' must list 1 to 3 help lines of includes/help-lines.yml",
    ),
    (
        "a help line given twice",
        QUESTION.replace("help: [dmhc]", "help: [dmhc, dmhc]"),
        ":12: 'help' must list 1 to 3 help lines of includes/help-lines.yml, once each",
    ),
    ("no help line", QUESTION.replace("help: [dmhc]\n", ""), ":1: missing front-matter key 'help'"),
]


@pytest.mark.parametrize(("defect", "text", "expected"), PLANTED, ids=[p[0] for p in PLANTED])
def test_each_planted_defect_is_reported_with_file_and_line(tmp_path, defect, text, expected):
    problems = problems_of(tmp_path, **{"health-insurance/appeal.md": text})
    located = [
        p for p in problems if p.startswith(str(tmp_path / "docs/en/health-insurance/appeal.md"))
    ]
    assert any(expected in p for p in located), problems
    assert len(problems) == 1, problems  # one clear line, and no other page blamed for it


def test_text_that_only_looks_like_markup_is_allowed(tmp_path):
    text = QUESTION.replace("How do I appeal?", "'Under 65 & < 2 years: \"COBRA\" > none?'")
    assert problems_of(tmp_path, **{"health-insurance/appeal.md": text}) == []


def test_a_bad_slug_and_a_deep_page_are_refused(tmp_path):
    problems = problems_of(
        tmp_path, **{"health-insurance/Cal_COBRA.md": OTHER, "health-insurance/a/b.md": OTHER}
    )
    assert any("'Cal_COBRA' is not a valid URL name" in p for p in problems), problems
    assert any("at most one folder deep" in p for p in problems), problems


def test_a_category_must_match_the_folder(tmp_path):
    guide = CATEGORY.replace("Health insurance", "Guides")
    problems = problems_of(
        tmp_path,
        **{
            "guides/index.md": guide,
            "health-insurance/appeal.md": QUESTION.replace(
                "category: health-insurance", "category: guides"
            ),
        },
    )
    assert any(
        "category 'guides' does not match the page's folder 'health-insurance'" in p
        for p in problems
    )


def test_missing_and_orphan_translations_are_reported(tmp_path):
    docs = make_tree(tmp_path)
    (docs / "fr").mkdir()
    (docs / "fr" / "index.md").write_text("x")
    (docs / "fr" / "only-french.md").write_text("x")
    problems = [str(p) for p in page_model.translation_problems(docs, ["en", "fr"])]
    missing = "docs/fr/health-insurance/appeal.md: missing: this page exists in en but not in 'fr'"
    fix = f"; translate {docs}/en/health-insurance/appeal.md to this path"
    assert any(p.endswith(missing + fix) for p in problems), problems
    assert any(
        "docs/en/only-french.md: missing: this page exists in fr but not in 'en'" in p
        for p in problems
    )
    assert not any(
        p.split(":")[0].endswith(("docs/fr/index.md", "docs/en/index.md")) for p in problems
    )


def test_the_build_stops_on_a_bad_page_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/fr/health-insurance/independent-medical-review.md"
    text = page.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("updated:"))
    page.write_text(re.sub(r"(?m)^updated: .*$", "updated: 14/08/2025", text), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/fr/health-insurance/independent-medical-review.md:{line}: 'updated' must be an "
        "ISO date" in output
    )
    assert not site.exists() or not any(site.rglob("*.html"))


def test_the_build_stops_when_a_translation_is_missing(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs/fr/health-insurance/independent-medical-review.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/fr/health-insurance/independent-medical-review.md: missing"
        in result.stdout + result.stderr
    )


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("[gone](missing-page.md)", "missing-page.md"),
        ("[step](independent-medical-review.md#step-99)", "#step-99"),
    ],
)
def test_the_strict_build_fails_on_a_broken_link_or_anchor(tmp_path, link, complaint):
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/health-insurance/index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{link}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert complaint in result.stdout + result.stderr


def test_a_slug_used_twice_is_reported(tmp_path):
    guide = CATEGORY.replace("Health insurance", "Guides")
    problems = problems_of(
        tmp_path,
        **{
            "guides/index.md": guide,
            "guides/appeal.md": QUESTION.replace("category: health-insurance", "category: guides"),
        },
    )
    assert any(
        "health-insurance/appeal.md: duplicate slug: " in p
        and p.endswith("docs/en/guides/appeal.md has the same name; rename one of them")
        for p in problems
    ), problems


def test_mkdocs_renders_the_body_and_front_matter_the_page_model_read(tmp_path):
    # The page model hands MkDocs each page's body; a first line such as "Note: ..."
    # right after the front matter must stay text, not become MultiMarkdown metadata.
    project = copy_project(tmp_path / "project")
    for lang, line in (("en", "Note: read this first."), ("fr", "Remarque : lisez ceci.")):
        page = project / f"docs/{lang}/contacts.md"
        text = page.read_text(encoding="utf-8")
        closing = text.index("\n---\n", 4) + len("\n---\n")
        page.write_text(text[:closing] + line + "\n" + text[closing:], encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "contacts/index.html").read_text(encoding="utf-8")
    assert "Note: read this first." in html
    assert "Remarque\u00a0: lisez ceci." in (site / "fr/contacts/index.html").read_text(
        encoding="utf-8"
    )
    description = re.search(r'<meta name="description" content="([^"]+)"', html)
    assert description and description.group(1).startswith("Phone, TTY, address")


@pytest.mark.parametrize(
    "front_matter",
    [
        'title: "Q?"\nrelated:\n  - a/b.md\nsources:\n  - title: S\n    url: https://x.gov/\n',
        "updated: 2026-01-15\ncount: 3\nratio: 1.5\nflag: yes\nnothing:\n",
        "1: one\ntrue: yes\n",
        "base: &base {title: T, url: https://x.gov/}\nsources:\n  - <<: *base\n    title: U\n",
        "loop: &loop [1, *loop]\ntitle: T\n",
        "title: !!str 123\ntags: !!set {a, b}\nsources:\n  - {1: x}\n",
        "shared: &s [a, {b: c}]\nagain: *s\n",
        "title: !!str {a: 1}\n",
    ],
)
def test_front_matter_values_are_what_pyyaml_makes(front_matter):
    try:
        expected = yaml.load(front_matter, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        with pytest.raises(FrontMatterError, match="not valid YAML"):
            parse_front_matter(front_matter)
        return
    meta, _key_lines, _item_lines = parse_front_matter(front_matter)
    assert repr(meta) == repr(expected)  # repr shows the types too


SCAFFOLD_LIKE = (
    QUESTION.replace("How do I appeal?", '"TITLE: the question?"')
    .replace("sources:\n  - title: DMHC\n    url: https://www.dmhc.ca.gov/", "sources: []")
    .replace("Body.", "## Step 1: STEP TITLE { #step-1 }\n\n| | |\n| --- | --- |\n| | |")
)


def test_a_draft_may_be_unfinished_and_a_page_may_not_link_to_it(tmp_path):
    draft = SCAFFOLD_LIKE.replace("---\n\n", "draft: true\n---\n\n")
    assert problems_of(tmp_path, **{"health-insurance/appeal.md": draft}) == [
        f"{tmp_path}/docs/en/health-insurance/other.md:8: related page "
        "'health-insurance/appeal.md' is a draft ('draft: true'), which is not published; "
        "remove it from 'related' until it is"
    ]


def test_a_preview_shows_unfinished_pages(tmp_path):
    # `mkdocs serve` (publishing=False) previews a page being written.
    docs = make_tree(tmp_path, **{"health-insurance/appeal.md": SCAFFOLD_LIKE})
    pages, problems = page_model.load_site(docs, ["en"], TODAY, publishing=False)
    assert problems == [] and "health-insurance/appeal.md" in pages["en"]
    assert page_model.load_site(docs, ["en"], TODAY)[1] != []


def test_a_page_that_cannot_be_read_does_not_make_others_fail(tmp_path):
    # other.md relates to appeal.md, and appeal.md is in a category whose index is broken.
    problems = problems_of(
        tmp_path,
        **{
            "health-insurance/appeal.md": QUESTION.replace("reviewed:", "\treviewed:"),
            "health-insurance/index.md": CATEGORY.replace("title:", "title: ["),
        },
    )
    assert len(problems) == 2, problems


def test_symbolic_links_and_special_files_in_docs_are_refused(tmp_path):
    docs = make_tree(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "page.md").write_text(OTHER, encoding="utf-8")
    (docs / "en" / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "en" / "linked").symlink_to(outside, target_is_directory=True)
    os.mkfifo(docs / "en" / "pipe")
    pages, problems = page_model.load_site(docs, ["en"], TODAY)
    assert sorted(str(p) for p in problems) == [
        f"{docs}/en/linked: a symbolic link (to {outside}): only the files of {docs}/ "
        "themselves are published; put a copy of the folder here, or remove the link",
        f"{docs}/en/passwd.txt: a symbolic link (to /etc/passwd): only the files of {docs}/ "
        "themselves are published; put a copy of the file here, or remove the link",
        f"{docs}/en/pipe: not a file or a folder (a device, pipe or socket); remove it",
    ]
    assert "linked/page.md" not in pages["en"]  # a linked folder is never read


def planted_build(tmp_path, plant) -> tuple[Path, subprocess.CompletedProcess]:
    """Build a copy of the site after plant(project) changed it."""
    project = copy_project(tmp_path / "project")
    plant(project)
    site = tmp_path / "site"
    return site, build(project, site)


def test_the_build_refuses_symbolic_links_and_publishes_nothing(tmp_path):
    def plant(project):
        (project / "docs/en/passwd.txt").symlink_to("/etc/passwd")
        (project / "docs/fr/guides-copy").symlink_to(project / "docs/fr/guides")
        (project / "overrides/assets/hosts").symlink_to("/etc/hosts")

    site, result = planted_build(tmp_path, plant)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "3 problem(s) in the pages:" in output
    assert "docs/en/passwd.txt: a symbolic link (to /etc/passwd)" in output
    assert "docs/fr/guides-copy: a symbolic link (to " in output
    assert "overrides/assets/hosts: a symbolic link (to /etc/hosts): only the files of " in output
    assert not any(site.rglob("passwd.txt")) and not any(site.rglob("hosts"))
    assert not any(site.rglob("*.html"))


def test_the_build_reports_each_unreadable_page_in_one_line(tmp_path):
    pages = {
        "en/contacts.md": lambda data: data.replace(b"Phone", b"Ph\xffone", 1),
        "fr/contacts.md": lambda data: b"\xef\xbb\xbf" + data,
        "en/glossary.md": lambda data: data.replace(b"\ndescription:", b"\n\tdescription:", 1),
        "fr/health-insurance/cal-cobra.md": lambda data: data.replace(
            b"related:\n",
            b"related:\n" + b"".join(b"  - guides/q%d.md\n" % n for n in range(10000)),
            1,
        ),
    }

    def plant(project):
        for rel, change in pages.items():
            path = project / "docs" / rel
            path.write_bytes(change(path.read_bytes()))

    site, result = planted_build(tmp_path, plant)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "4 problem(s) in the pages:" in output, output[-3000:]
    for rel, message in (
        ("en/contacts.md", "the file is not valid UTF-8 (byte 0xff, column"),
        ("fr/contacts.md", ":1: the file starts with a byte-order mark (BOM)"),
        ("en/glossary.md", "indent with spaces: YAML does not allow tabs"),
        ("fr/health-insurance/cal-cobra.md", "entries; keep the questions a reader most needs"),
    ):
        assert any(f"docs/{rel}:" in line and message in line for line in output.splitlines())
    assert not any(site.rglob("*.html"))


def test_a_scaffolded_question_is_published_only_when_written(tmp_path):
    from scripts import new_question

    def scaffold(project):
        (project / "tests").mkdir()
        with contextlib.chdir(project):
            assert new_question.main(["health-insurance/dental-coverage"]) == 0

    site, result = planted_build(tmp_path, scaffold)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for lang, line, placeholder in (("en", 12, "ANSWER:"), ("fr", 13, "RÉPONSE :")):
        shown = f"docs/{lang}/health-insurance/dental-coverage.md"
        assert f"{shown}:{line}: the placeholder '{placeholder}' of scripts/new_question" in output
        assert f"{shown}:8: 'sources' is empty" in output
    assert not any(site.rglob("*.html"))

    def draft(project):
        scaffold(project)
        for lang in ("en", "fr"):
            page = project / f"docs/{lang}/health-insurance/dental-coverage.md"
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")

    site, result = planted_build(tmp_path / "draft", draft)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "health-insurance/index.html").is_file()
    for html in site.rglob("*.html"):
        assert "dental-coverage" not in html.read_text(encoding="utf-8"), html
    assert "dental-coverage" not in (site / "sitemap.xml").read_text(encoding="utf-8")
