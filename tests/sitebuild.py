"""Helpers for tests that build the real site, or a copy of it with planted defects."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from sitekit.check import site_config
from sitekit.core import page_model, urls

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "redirects.yml", "overrides", "hooks", "sitekit", "includes", "docs")
# The site's languages, from its configuration (the default first).
LANGUAGES = tuple(site_config.load(ROOT / "mkdocs.yml")[0].languages)
DEFAULT_LANGUAGE = LANGUAGES[0]


def build(
    project_dir: Path, site_dir: Path, site_url: str | None = None
) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` of project_dir into site_dir, as `make build` does."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(destination: Path) -> Path:
    """A copy of the site's sources that a test may break without touching the real tree."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


def source_pages(docs_dir: Path = ROOT / "docs") -> dict[str, list[str]]:
    """The published Markdown sources per language, as paths inside the language folder
    (drafts, which the build leaves out, are not among them)."""
    return {
        lang: sorted(
            rel
            for rel in (
                p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")
            )
            if not page_model.read_page(docs_dir, lang, rel).is_draft
        )
        for lang in LANGUAGES
    }


def output_path(lang: str, rel_path: str) -> str:
    """Where MkDocs (directory URLs) writes a source page, under the language's prefix."""
    return urls.output_file(rel_path, lang, list(LANGUAGES))


def language_of(site_path: str) -> str:
    return urls.language_of_path(site_path, list(LANGUAGES))


class Tags(HTMLParser):
    """Every start tag of a document, with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if not self.in_script:  # the text a reader sees, not scripts or styles
            self.text.append(data)

    def find_all(self) -> list[tuple[str, dict]]:
        return list(self.tags)

    def find(self, tag: str, **attrs) -> list[dict]:
        return [
            found
            for name, found in self.tags
            if name == tag and all(found.get(key) == value for key, value in attrs.items())
        ]


def parse_html(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser
