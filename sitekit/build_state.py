"""What the page-model hook learned about the pages, for the other hooks of the same build.

mkdocs-static-i18n builds one language after another in the same process. The
page-model hook reads and validates every page once, at the start of the build, and
records the result here so that the rendering hooks never read a page again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import Files

from sitekit.page_model import Page


@dataclass
class LanguageBuild:
    lang: str
    pages: dict[str, Page] = field(default_factory=dict)
    files: Files | None = None
    drafts: set[str] = field(default_factory=set)  # questions left out of this build


_languages: dict[str, LanguageBuild] = {}


def reset(pages_by_lang: dict[str, dict[str, Page]], drafts: dict[str, set[str]]) -> None:
    _languages.clear()
    for lang, pages in pages_by_lang.items():
        _languages[lang] = LanguageBuild(lang, pages, drafts=set(drafts.get(lang, ())))


def attach_files(lang: str, files: Files) -> None:
    _languages[lang].files = files


def current(lang: str) -> LanguageBuild:
    return _languages[lang]
