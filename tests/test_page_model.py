"""The page model catches every planted defect, at the right line, and passes a clean tree."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest
import yaml

from sitekit import page_model
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
    pages, unreadable = page_model.load_language(docs, "en")
    return [str(p) for p in unreadable + page_model.validate_language(pages, TODAY)]


def test_a_clean_tree_has_no_problem(tmp_path):
    assert problems_of(tmp_path) == []


PLANTED = [
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
        ":12: unknown front-matter key 'tags'",
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
        ":12: 'search_terms' must be a list of words or short phrases",
    ),
    (
        "empty search term",
        QUESTION.replace("---\n\n", "search_terms:\n  - phone\n  - ''\n---\n\n"),
        ":14: a search term must be non-empty text",
    ),
    (
        "long search term",
        QUESTION.replace("---\n\n", "search_terms:\n  - " + "word " * 15 + "\n---\n\n"),
        ":13: search term has 74 characters; keep it to a few words",
    ),
    (
        "too many search terms",
        QUESTION.replace("---\n\n", "search_terms: [" + ", ".join(["w"] * 13) + "]\n---\n\n"),
        ":12: 'search_terms' has 13 entries",
    ),
    (
        "related not a list",
        QUESTION.replace(
            "related:\n  - health-insurance/other.md", "related: health-insurance/other.md"
        ),
        ":7: 'related' must be a list",
    ),
]


@pytest.mark.parametrize(("defect", "text", "expected"), PLANTED, ids=[p[0] for p in PLANTED])
def test_each_planted_defect_is_reported_with_file_and_line(tmp_path, defect, text, expected):
    problems = problems_of(tmp_path, **{"health-insurance/appeal.md": text})
    located = [
        p for p in problems if p.startswith(str(tmp_path / "docs/en/health-insurance/appeal.md"))
    ]
    assert any(expected in p for p in located), problems


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
        "title: T\ntitle: U\n",
        "title: !!str 123\ntags: !!set {a, b}\nsources:\n  - {1: x}\n",
        "shared: &s [a, {b: c}]\nagain: *s\n",
        "title: !!str {a: 1}\n",
    ],
)
def test_front_matter_values_are_what_pyyaml_makes(front_matter):
    try:
        expected = yaml.load(front_matter, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        with pytest.raises(page_model.FrontMatterError, match="not valid YAML"):
            page_model.parse_front_matter(front_matter)
        return
    meta, _key_lines, _item_lines = page_model.parse_front_matter(front_matter)
    assert repr(meta) == repr(expected)  # repr shows the types too
