"""The "Get help now" box (sitekit/build/help_lines.py): on every question and guide and on
the home page, in both languages, from one data file; on a phone, on the first screen."""

from __future__ import annotations

import re

import lxml.html
import pytest
import yaml

from sitekit.build.help_lines import help_box, read_help_lines, with_help_box
from sitekit.build.phone_links import tel_uri
from tests.sitebuild import LANGUAGES, ROOT, build, copy_project, output_path, source_pages

HELP_FILE = ROOT / "includes" / "help-lines.yml"
LINES = yaml.safe_load(HELP_FILE.read_text(encoding="utf-8"))
PHONE_SCREEN = {"width": 375, "height": 812}


def pages_with_help(lang: str) -> list[str]:
    return [
        rel
        for rel in source_pages()[lang]
        if rel == "index.md" or (rel.count("/") == 1 and not rel.endswith("index.md"))
    ]


def front_matter_help(lang: str, rel: str) -> list[str]:
    text = (ROOT / "docs" / lang / rel).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])["help"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_question_guide_and_the_home_page_has_its_box(site_dir, lang):
    for rel in pages_with_help(lang):
        root = lxml.html.parse(str(site_dir / output_path(lang, rel))).getroot()
        [box] = root.xpath("//article//aside[@class='site-help']")
        # After the answer: the box follows the content's first paragraph.
        previous = box.getprevious()
        assert previous is not None and previous.tag == "p", rel
        assert not previous.xpath("preceding-sibling::p[not(@class)]"), rel
        items = box.xpath(".//li")
        keys = front_matter_help(lang, rel)
        assert len(items) == len(keys), rel
        for item, key in zip(items, keys, strict=True):
            line = LINES[key]
            name = item.xpath("./a[not(@class)]")[0]
            assert name.text_content() == line["name"][lang]
            assert name.get("href").endswith(f"contacts/#{line['contacts']}")
            tels = [link.get("href") for link in item.xpath(".//a[@class='site-tel']")]
            expected = [tel_uri(line["phone"])] + ([tel_uri(line["tty"])] if "tty" in line else [])
            assert tels == expected, rel
        deadline = box.xpath(".//a[@href='#deadline-calculator']")
        assert bool(deadline) == bool(root.xpath("//*[@id='deadline-calculator']")), rel


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_box_is_not_searched(site_dir, lang):
    title = {"en": "Free help now", "fr": "De l'aide gratuite"}[lang]
    folder = site_dir / ("search" if lang == "en" else f"{lang}/search")
    files = list(folder.rglob("*.json"))
    assert files and not any(title in path.read_text(encoding="utf-8") for path in files)


def test_the_box_is_escaped_and_goes_after_the_first_paragraph():
    lines, problems = read_help_lines(HELP_FILE, LANGUAGES)
    assert problems == []
    ui = {
        "help_title": "<b>Help</b>",
        "help_tty": "TTY",
        "help_separator": ": ",
        "help_deadline": "D",
    }
    box = help_box(["dmhc"], lines, "en", ui, "../contacts/", deadline=False)
    assert "&lt;b&gt;Help&lt;/b&gt;" in box and "<b>" not in box
    assert with_help_box("<p>Answer.</p><p>More.</p>", box) == f"<p>Answer.</p>{box}<p>More.</p>"
    assert with_help_box("<h1>T</h1>\n<p>A</p>", box) == f"<h1>T</h1>\n<p>A</p>{box}"
    assert with_help_box("<ul><li>x</li></ul>", box) == box + "<ul><li>x</li></ul>"


def test_a_wrong_help_file_is_reported_line_by_line(tmp_path):
    path = tmp_path / "help-lines.yml"
    path.write_text(
        "dmhc:\n  name: {en: DMHC}\n  phone: 1-888-466-2219\n  contacts: dmhc\n"
        "cdi:\n  name: {en: CDI, fr: CDI}\n  phone: 800-HELP\n  contacts: cdi\n",
        encoding="utf-8",
    )
    _lines, problems = read_help_lines(path, ["en", "fr"])
    assert [str(problem) for problem in problems] == [
        f"{path}:1: 'dmhc': no name in 'fr'; add name: fr: ...",
        f"{path}:5: 'cdi': phone '800-HELP' is not a number written like 1-888-466-2219",
    ]


def test_one_change_in_the_data_file_changes_every_page_and_a_wrong_key_stops_the_build(
    tmp_path,
):
    project = copy_project(tmp_path / "project")
    help_file = project / "includes" / "help-lines.yml"
    help_file.write_text(
        help_file.read_text(encoding="utf-8").replace("1-800-927-4357", "1-800-555-0100"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    for lang in LANGUAGES:
        for rel in pages_with_help(lang):
            if "cdi" in front_matter_help(lang, rel):
                html = (site / output_path(lang, rel)).read_text(encoding="utf-8")
                assert 'href="tel:+18005550100">1-800-555-0100</a>' in html, rel

    guide = project / "docs" / "en" / "guides" / "which-regulator.md"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace(
            '<span data-help-line="hicap">', '<span data-help-line="medicare">', 1
        ),
        encoding="utf-8",
    )
    result = build(project, tmp_path / "unknown-line")
    assert result.returncode != 0
    assert (
        "docs/en/guides/which-regulator.md: help line 'medicare' is not in "
        "includes/help-lines.yml" in result.stderr
    ), result.stderr[-2000:]
    guide.write_text(
        guide.read_text(encoding="utf-8").replace(
            '<span data-help-line="medicare">', '<span data-help-line="hicap">', 1
        ),
        encoding="utf-8",
    )

    page = project / "docs" / "fr" / "health-insurance" / "cal-cobra.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("help: [dmhc, cdi]", "help: [dmhc, cid]"), encoding="utf-8")
    line = text[: text.index("help: [dmhc, cdi]")].count("\n") + 1
    result = build(project, tmp_path / "broken")
    assert result.returncode != 0
    assert re.search(
        rf"docs/fr/health-insurance/cal-cobra\.md:{line}: help line 'cid' is not in "
        r"includes/help-lines\.yml; use one of dmhc, cdi",
        result.stderr,
    ), result.stderr[-2000:]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_box_is_on_the_first_screen(page, site_url, lang):
    page.set_viewport_size(PHONE_SCREEN)
    late = []
    for rel in pages_with_help(lang):
        page.goto(site_url + output_path(lang, rel).removesuffix("index.html"))
        bottom = page.evaluate(
            "document.querySelector('.site-help').getBoundingClientRect().bottom"
        )
        if bottom > PHONE_SCREEN["height"]:
            late.append((rel, round(bottom)))
    assert late == []
