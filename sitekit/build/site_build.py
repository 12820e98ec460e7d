"""One build of the site, in every language: what it read and checked at the start, and
what the steps of the build hand to each other.

mkdocs-static-i18n builds one language after another in one process, each other
language inside the default language's post-build. hooks/site.py makes one SiteBuild
when the default language's build begins (`start`), keeps it on MkDocs' configuration
(one per build) and passes it to every step; no other place keeps anything between
the events of a build. Every file the build reads besides the pages (the
configuration's languages and UI strings, redirects.yml, each language's abbreviations
and search words, the help lines) is read and checked here, once, before any page is
written: a mistake anywhere is one line `path[:line]: what is wrong, how to fix it`,
and nothing is built.

This module does not import MkDocs: hooks/site.py hands it plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.build import search_ranker, search_words
from sitekit.build.abbreviations import abbreviation_marker, read_definitions
from sitekit.build.help_lines import HELP_FILE, HelpLine, page_help_problems, read_help_lines
from sitekit.build.redirects import Redirect, check_redirects, read_redirects
from sitekit.build.template_cache import MemoryBytecodeCache
from sitekit.core import page_model
from sitekit.core.page_model import Page
from sitekit.core.reporting import Problem
from sitekit.core.ui_strings import UI_STRINGS, missing_ui_strings
from sitekit.core.urls import language_prefix

REDIRECTS_FILE = "redirects.yml"  # beside mkdocs.yml
INCLUDES = "includes"  # beside mkdocs.yml: each language's word tables and abbreviations
ABBREVIATIONS = "abbreviations.{lang}.md"


class BuildProblems(Exception):
    """What stops a build, worded for the author: one line per problem."""


def listed(what: str, problems: list[Problem]) -> BuildProblems:
    lines = "\n".join(str(problem) for problem in dict.fromkeys(problems))
    return BuildProblems(f"{len(problems)} problem(s) in {what}:\n{lines}")


@dataclass(frozen=True)
class SiteSettings:
    """What the build needs of the configuration, read from MkDocs by hooks/site.py."""

    config_file: Path
    docs_dir: Path
    theme_dir: Path | None  # the theme's custom_dir, whose files are published too
    languages: list[str]  # the default language first
    ui: dict[str, dict]  # each language's UI strings (extra.ui)
    og_locales: dict[str, str]  # each language's OpenGraph locale (en_US)
    publishing: bool  # False under `mkdocs serve`, which shows drafts too

    @property
    def folder(self) -> Path:
        return self.config_file.parent

    @property
    def includes(self) -> Path:
        return self.folder / INCLUDES


@dataclass
class SiteBuild:
    settings: SiteSettings
    pages: dict[str, dict[str, Page]]  # language -> source path -> page (drafts left out)
    drafts: dict[str, set[str]]  # language -> the drafts left out of this build
    redirects: list[Redirect]  # those of published pages
    markers: dict[str, Callable[[str], str]]  # language -> marks up its abbreviations
    word_tables: dict[str, search_words.LanguageWords]
    search_ranker: dict | None  # includes/search-ranker.json: the engine's part, the examples
    help_lines: dict[str, HelpLine]  # includes/help-lines.yml
    # The languages share compiled templates (sitekit/build/template_cache.py).
    templates: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    files: dict[str, object] = field(default_factory=dict)  # language -> MkDocs' Files
    # The languages whose build has begun and not ended: the French build runs inside
    # the English build's post-build, so only the last to end sees every language.
    open_languages: list[str] = field(default_factory=list)
    default_not_found: bytes | None = None  # the default language's 404 page

    @property
    def languages(self) -> list[str]:
        return self.settings.languages

    @property
    def default_language(self) -> str:
        return self.settings.languages[0]

    def prefix(self, lang: str) -> str:
        """Where a language's pages are published: '' or 'fr/'."""
        return language_prefix(lang, self.languages)

    def ui(self, lang: str) -> dict:
        return self.settings.ui[lang]


def check_settings(settings: SiteSettings) -> list[Problem]:
    """The configuration's own mistakes: a language without its UI strings or its files."""
    config_file = str(settings.config_file)
    problems = [
        Problem(config_file, None, f"language '{lang}' has no UI strings; add extra.ui to it")
        for lang in settings.languages
        if not settings.ui.get(lang)
    ]
    problems += missing_ui_strings(config_file, settings.ui, settings.languages, UI_STRINGS)
    default = settings.languages[0]
    for lang in settings.languages:
        if not (settings.docs_dir / lang).is_dir():
            problems.append(
                Problem(
                    config_file,
                    None,
                    f"language '{lang}' has no folder {settings.docs_dir / lang}; create it "
                    f"with its translated pages (copy {settings.docs_dir / default})",
                )
            )
        path = settings.includes / ABBREVIATIONS.format(lang=lang)
        if not path.is_file():
            original = settings.includes / ABBREVIATIONS.format(lang=default)
            problems.append(
                Problem(
                    str(path),
                    None,
                    "missing; every language needs its abbreviations file "
                    f"(copy {original} and translate it)",
                )
            )
    return problems


def read_pages(settings: SiteSettings, today: dt.date):
    """Every language's pages, read and checked once; (pages, drafts) without the drafts
    when publishing."""
    problems = page_model.translation_problems(settings.docs_dir, settings.languages)
    pages, found = page_model.load_site(
        settings.docs_dir, settings.languages, today, settings.publishing
    )
    problems += found
    if settings.theme_dir:
        problems += page_model.foreign_files(settings.theme_dir)
    if problems:
        raise listed("the pages", problems)
    drafts = {}
    for lang, language_pages in pages.items():
        drafts[lang] = {
            path for path, page in language_pages.items() if page.is_draft and settings.publishing
        }
        for path in drafts[lang]:
            del language_pages[path]
    return pages, drafts


def read_site_redirects(path: Path, pages, drafts, languages) -> list[Redirect]:
    """redirects.yml, checked against every language's pages; a short link to a draft
    is published with its page, not before."""
    redirects, problems = read_redirects(path)
    left_out = set().union(*drafts.values())
    redirects = [redirect for redirect in redirects if redirect.target not in left_out]
    for lang in languages:
        problems += check_redirects(path, redirects, pages[lang])
    if problems:
        raise listed(path.name, problems)
    return redirects


def read_site_help_lines(settings: SiteSettings, pages) -> dict[str, HelpLine]:
    """includes/help-lines.yml, and every page's `help` checked against it."""
    path = settings.includes / HELP_FILE
    lines, problems = read_help_lines(path, settings.languages)
    if problems:
        raise listed(HELP_FILE, problems)
    for language_pages in pages.values():
        for page in language_pages.values():
            problems += page_help_problems(page, lines)
    if problems:
        raise listed("the pages' help lines", problems)
    return lines


def read_markers(settings: SiteSettings) -> dict[str, Callable[[str], str]]:
    markers = {}
    for lang in settings.languages:
        definitions, problems = read_definitions(
            settings.includes / ABBREVIATIONS.format(lang=lang)
        )
        if problems:
            raise BuildProblems("\n".join(str(problem) for problem in problems))
        markers[lang] = abbreviation_marker(definitions)
    return markers


def read_word_tables(settings: SiteSettings) -> dict[str, search_words.LanguageWords]:
    tables = {}
    for lang in settings.languages:
        try:
            tables[lang] = search_words.load(settings.includes, lang)
        except search_words.SearchWordsError as error:
            raise BuildProblems(str(error)) from None
    return tables


def read_search_ranker(settings: SiteSettings) -> dict | None:
    try:
        return search_ranker.load(settings.includes)
    except search_ranker.SearchRankerError as error:
        raise BuildProblems(str(error)) from None


def start(settings: SiteSettings, today: dt.date) -> SiteBuild:
    """Read and check everything the build needs, before any page is written."""
    problems = check_settings(settings)
    if problems:
        raise listed(settings.config_file.name, problems)
    pages, drafts = read_pages(settings, today)
    redirects = read_site_redirects(
        settings.folder / REDIRECTS_FILE, pages, drafts, settings.languages
    )
    return SiteBuild(
        settings=settings,
        pages=pages,
        drafts=drafts,
        redirects=redirects,
        markers=read_markers(settings),
        word_tables=read_word_tables(settings),
        search_ranker=read_search_ranker(settings),
        help_lines=read_site_help_lines(settings, pages),
    )
