"""Any number of languages: a third language (es) added as an author would add it, with
the real mkdocs.yml, hooks and overrides, builds and passes the checkers; and the build
checks its own configuration before anything is written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts import check_links, check_parity, check_readability, published_urls
from sitekit.core.ui_strings import UI_STRINGS
from tests.sitebuild import ROOT, build, copy_project

NEW = "es"
# The copied pages stay French prose; the words that dates and durations are read from
# are made Spanish, as a Spanish translation has them (sitekit/check/facts.py reads a language
# without a vocabulary of its own with the Unicode CLDR's months and units).
FRENCH_TO_SPANISH = {
    **dict(
        zip(
            "janvier février mars avril mai juin juillet août septembre octobre novembre "
            "décembre".split(),
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre".split(),
            strict=True,
        )
    ),
    "jours": "días",
    "jour": "día",
    "mois": "meses",
    "ans": "años",
    "an": "año",
    "années": "años",
    "année": "año",
    "semaines": "semanas",
    "semaine": "semana",
    "heures": "horas",
    "heure": "hora",
}
FRENCH_WORD = re.compile(r"(?<![\w-])(" + "|".join(FRENCH_TO_SPANISH) + r")(?![\w-])")


def add_language(project: Path, lang: str, name: str, copy_of: str = "fr") -> None:
    """What CONTRIBUTING's "Add a language" says: copy a language's pages, its files in
    includes/ and its block in mkdocs.yml, then change the locale and the name."""
    shutil.copytree(project / "docs" / copy_of, project / "docs" / lang)
    for page in (project / "docs" / lang).rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(
            FRENCH_WORD.sub(lambda m: FRENCH_TO_SPANISH[m.group(1)], text), encoding="utf-8"
        )
    for source in (project / "includes").glob(f"*.{copy_of}.*"):
        shutil.copy2(source, source.with_name(source.name.replace(f".{copy_of}.", f".{lang}.")))
    help_lines = project / "includes" / "help-lines.yml"
    help_lines.write_text(
        re.sub(
            rf"(?m)^(    ){copy_of}: (.*)$",
            rf"\g<0>\n\g<1>{lang}: \g<2>",
            help_lines.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(rf"\n( +- locale: {copy_of}\n.*?)\n\n", config, re.DOTALL).group(1)
    new_block = block.replace(f"locale: {copy_of}", f"locale: {lang}", 1)
    new_block = re.sub(r"(\n +name: ).*", rf"\g<1>{name}", new_block, count=1)
    (project / "mkdocs.yml").write_text(
        config.replace(block, block + "\n" + new_block, 1), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("three") / "project")
    add_language(project, NEW, "Español")
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return project, site


def test_the_third_language_is_built_with_its_own_pages_files_and_search(three_languages):
    _, site = three_languages
    home = (site / NEW / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in home
    for name in ("404.html", "feed.xml", "feed.json", "sitemap.xml", "search/manifest.json"):
        assert (site / NEW / name).is_file(), name
    assert '<html lang="es"' in (site / NEW / "404.html").read_text(encoding="utf-8")
    assert 'hreflang="es"' in (site / "index.html").read_text(encoding="utf-8")
    assert (site / NEW / "imr" / "index.html").is_file()  # the short links too


def test_the_partners_page_names_every_language_in_its_own_language(three_languages):
    _, site = three_languages
    spanish = (site / NEW / "partners" / "index.html").read_text(encoding="utf-8")
    english = (site / "partners" / "index.html").read_text(encoding="utf-8")
    assert all(name in spanish for name in ("Inglés", "Francés", "Español"))
    assert all(name in english for name in ("English", "French", "Spanish"))


def test_the_checkers_and_the_url_contract_pass_on_three_languages(three_languages, tmp_path):
    project, site = three_languages
    assert check_links.main([str(site)]) == 0
    assert check_parity.main(["--config", str(project / "mkdocs.yml")]) == 0
    assert check_readability.main(["--config", str(project / "mkdocs.yml")]) == 0
    url_list = tmp_path / "published-urls.txt"
    shutil.copy2(ROOT / "tests" / "published-urls.txt", url_list)
    assert published_urls.main([str(site), "--list", str(url_list), "--update"]) == 0
    assert f"/{NEW}/health-insurance/independent-medical-review/" in url_list.read_text()
    assert published_urls.main([str(site), "--list", str(url_list)]) == 0


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def failed_build(project: Path) -> str:
    result = build(project, project / "site")
    assert result.returncode != 0
    assert not (project / "site" / "index.html").exists()  # nothing was written
    return result.stderr


def test_a_missing_ui_string_stops_the_build_with_one_line(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    french = text.index("- locale: fr")
    line = re.compile(r"\n +section_link: [^\n]*").search(text, french)
    config.write_text(text[: line.start()] + text[line.end() :], encoding="utf-8")
    assert "UI string 'section_link' has no 'fr' version in extra.ui" in failed_build(project)


def test_a_missing_ui_string_of_the_default_language_stops_the_build(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = re.compile(r"\n +section_link: [^\n]*").search(text)  # the English one, first
    config.write_text(text[: line.start()] + text[line.end() :], encoding="utf-8")
    assert "UI string 'section_link' has no 'en' version in extra.ui" in failed_build(project)


def test_the_list_of_ui_strings_is_every_one_the_site_reads():
    read = set()
    patterns = {
        ".html": r"\bui\.([a-z_]+)",  # extra.ui.name in the templates
        ".py": r"\bui(?:\(lang\))?\[[\"']([a-z_]+)[\"']\]",  # ui["name"], ui(lang)["name"]
    }
    for folder in ("overrides", "sitekit", "hooks"):
        for path in (ROOT / folder).rglob("*.*"):
            if path.suffix in patterns:
                read |= set(re.findall(patterns[path.suffix], path.read_text(encoding="utf-8")))
    read -= {"get"}
    dated = {"updated", "reviewed"}  # read as ui[key] by sitekit/build/page_footer.py
    assert read | dated == set(UI_STRINGS), (read | dated) ^ set(UI_STRINGS)


def test_a_language_without_its_folder_stops_the_build(project):
    add_language(project, NEW, "Español")
    shutil.rmtree(project / "docs" / NEW)
    assert f"language '{NEW}' has no folder" in failed_build(project)


def test_a_language_without_its_abbreviations_stops_the_build(project):
    add_language(project, NEW, "Español")
    (project / "includes" / f"abbreviations.{NEW}.md").unlink()
    assert f"abbreviations.{NEW}.md: missing; every language needs" in failed_build(project)


def test_a_bad_redirects_file_stops_the_build_with_its_line(project):
    redirects = project / "redirects.yml"
    redirects.write_text(
        redirects.read_text(encoding="utf-8").replace(
            "health-insurance/independent-medical-review.md",
            "health-insurance/no-such-page.md",
            1,
        ),
        encoding="utf-8",
    )
    stderr = failed_build(project)
    assert re.search(r"redirects\.yml:\d+: ", stderr), stderr[-2000:]
