"""The page model: read a page's front matter strictly and say exactly what is wrong with it.

MkDocs turns broken YAML into an empty dict without a word, so pages are parsed here
instead. The build hooks and the checkers in scripts/ share this module, so an author
sees the same `path:line: what is wrong, how to fix it` wherever the problem is found.

Two kinds of page live under each language folder (docs/<lang>/):
- a *question*: `CATEGORY/SLUG.md`, with the full Q&A front matter;
- any other page (home, category index, contacts...): a title and a description.

A question marked `draft: true` (in every language) is left out of `mkdocs build`; any
other question must be ready to publish: no placeholder of the scaffold left, an
answer, at least one source (see ready_to_publish).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
import re
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from sitekit.core import scaffold
from sitekit.core.front_matter import (
    FrontMatterError,
    parse_front_matter,
    read_text,
    split_front_matter,
)
from sitekit.core.markdown_outline import HEADING, content_lines
from sitekit.core.reporting import Problem

HELP_KEY = "help"  # the lines of the page's "Get help now" box (includes/help-lines.yml)
HELP_MAX = 3
QUESTION_REQUIRED_KEYS = (
    "title",
    "description",
    "category",
    "updated",
    "reviewed",
    "related",
    "sources",
    HELP_KEY,
)
DRAFT_KEY = "draft"  # `draft: true`: a question left out of the build while it is written
ORDER_KEY = "order"  # a question's place on its category page: 1 comes first
ORDER_MAX = 999
QUESTION_OPTIONAL_KEYS = ("translation", "search_terms", DRAFT_KEY, ORDER_KEY)
PAGE_REQUIRED_KEYS = ("title", "description")
PAGE_OPTIONAL_KEYS = (
    HELP_KEY,
    "hide",
    "template",
    "updated",
    "reviewed",
    "sources",
    "translation",
    "search_terms",
)
DATE_KEYS = ("updated", "reviewed")
DESCRIPTION_MAX_CHARS = 220
# search_terms: the words readers type for a page that its text does not use
# ("homepage", "phone numbers"); a short list, not a second description.
SEARCH_TERMS_MAX = 12
SEARCH_TERM_MAX_CHARS = 60
# Longer lists are one mistake (a paste gone wrong), reported in one line, not item by item.
RELATED_MAX = 10
SOURCES_MAX = 50
LIST_LIMITS = {
    "related": (RELATED_MAX, "keep the questions a reader most needs next"),
    "sources": (SOURCES_MAX, "cite the official pages the facts come from"),
    "search_terms": (SEARCH_TERMS_MAX, f"keep the {SEARCH_TERMS_MAX} that readers type most"),
}
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIRST_TEXT = re.compile(r"^[ \t]*\S.*$", re.M)
EMPTY_ROW = re.compile(r"^[ \t]*\|(?:[ \t]*\|)+[ \t]*$", re.M)  # "| | |": a table row, empty


class Page(NamedTuple):
    """A Markdown page of one language, with its front matter parsed."""

    lang: str
    rel_path: str  # inside the language folder, POSIX style: "health-insurance/imr.md"
    source: str  # path shown in messages: "docs/en/health-insurance/imr.md"
    meta: dict
    key_lines: dict  # front-matter key -> line number in the file
    item_lines: dict  # front-matter key -> line number of each list item
    body: str
    body_line: int  # line number of the first body line

    @property
    def is_question(self) -> bool:
        return is_question_path(self.rel_path)

    @property
    def kind(self) -> str:
        return page_kind(self.rel_path)

    @property
    def category(self) -> str:
        return self.rel_path.split("/", 1)[0]

    @property
    def is_draft(self) -> bool:
        return self.meta.get(DRAFT_KEY) is True

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or the opening fence when the key is absent."""
        return self.key_lines.get(key, 1)


def is_question_path(rel_path: str) -> bool:
    parts = rel_path.split("/")
    return len(parts) == 2 and parts[1] != "index.md"


GUIDES = "guides"  # the category whose questions are guides
HOME = "index.md"


def page_kind(rel_path: str) -> str:
    """A page's kind, from its path: question, guide, home, listing (a category's index
    page) or reference (the rest: contacts, glossary, about...)."""
    if is_question_path(rel_path):
        return "guide" if rel_path.split("/", 1)[0] == GUIDES else "question"
    if rel_path == HOME:
        return "home"
    return "listing" if rel_path.endswith("/index.md") else "reference"


def read_page(docs_dir: Path, lang: str, rel_path: str) -> Page:
    """Read one page; raise FrontMatterError when it cannot be read."""
    path = docs_dir / lang / rel_path
    text = read_text(path)
    yaml_text, body, body_line = split_front_matter(text)
    meta, key_lines, item_lines = parse_front_matter(yaml_text) if yaml_text else ({}, {}, {})
    return Page(
        lang=lang,
        rel_path=rel_path,
        source=display_path(docs_dir, lang, rel_path),
        meta=meta,
        key_lines=key_lines,
        item_lines=item_lines,
        body=body,
        body_line=body_line,
    )


def display_path(docs_dir: Path, lang: str, rel_path: str) -> str:
    """A page's path as written in messages: relative to the working folder when inside it."""
    return f"{display_folder(str(docs_dir), lang, os.getcwd())}/{rel_path}"


@functools.lru_cache(maxsize=64)
def display_folder(docs_dir: str, lang: str, cwd: str) -> str:
    # Resolved once per language folder: resolving each page's path costs a system
    # call per path component.
    folder = Path(docs_dir) / lang
    try:
        return folder.resolve().relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        return folder.as_posix()


def scan(folder: Path) -> tuple[list[str], list[str]]:
    """(files, anything else) under a folder, as sorted POSIX paths inside it.

    A symbolic link, or a device, pipe or socket, is "anything else", and a linked
    folder is never entered: what is published must be the files of docs/ themselves.
    """
    files, others, pending = [], [], [("", os.fspath(folder))]
    while pending:
        prefix, path = pending.pop()
        try:
            entries = list(os.scandir(path))
        except FileNotFoundError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink():
                others.append(rel)
            elif entry.is_dir():
                pending.append((rel + "/", entry.path))
            elif entry.is_file():
                files.append(rel)
            else:
                others.append(rel)
    return sorted(files), sorted(others)


def list_pages(docs_dir: Path, lang: str) -> list[str]:
    """Markdown pages of one language, as sorted POSIX paths inside its folder."""
    return [rel for rel in scan(Path(docs_dir) / lang)[0] if rel.endswith(".md")]


def foreign_files(docs_dir: Path) -> list[Problem]:
    """Symbolic links and special files in docs/, which the build would publish or follow."""
    docs_dir = Path(docs_dir)
    folder = display_folder(str(docs_dir), ".", os.getcwd())
    problems = []
    for rel in scan(docs_dir)[1]:
        path = docs_dir / rel
        shown = f"{folder}/{rel}"
        if path.is_symlink():
            what = "folder" if path.is_dir() else "file"
            message = (
                f"a symbolic link (to {os.readlink(path)}): only the files of "
                f"{folder}/ themselves are published; put a copy of the {what} here, or "
                "remove the link"
            )
        else:
            message = "not a file or a folder (a device, pipe or socket); remove it"
        problems.append(Problem(shown, None, message))
    return problems


def load_language(
    docs_dir: Path, lang: str, rel_paths: list[str] | None = None
) -> tuple[dict[str, Page], list[Problem]]:
    """Read every page of one language (or those given); pages that cannot be read
    become problems."""
    pages, problems = {}, []
    for rel_path in list_pages(docs_dir, lang) if rel_paths is None else rel_paths:
        try:
            pages[rel_path] = read_page(Path(docs_dir), lang, rel_path)
        except FrontMatterError as error:
            problems.append(
                Problem(display_path(docs_dir, lang, rel_path), error.line, error.message)
            )
    return pages, problems


# The anchor of the list of questions that the build adds to a category's index page.
CATEGORY_LIST_ANCHOR = "questions"


def category_of_index(rel_path: str) -> str | None:
    """The category whose index page this is ("guides/index.md" -> "guides"), or None."""
    parts = rel_path.split("/")
    return parts[0] if len(parts) == 2 and parts[1] == "index.md" else None


def categories_of(rel_paths) -> set[str]:
    """Categories are the folders that have an index.md page."""
    return {category for path in rel_paths if (category := category_of_index(path))}


def load_site(
    docs_dir: Path, languages: list[str], today: dt.date, publishing: bool = True
) -> tuple[dict[str, dict[str, Page]], list[Problem]]:
    """Read and validate every page of every language: (readable pages by language,
    problems). Publishing, a page must also be ready to publish (ready_to_publish)."""
    problems = foreign_files(docs_dir)
    pages_by_lang = {}
    for lang in languages:
        rel_paths = list_pages(docs_dir, lang)
        pages, unreadable = load_language(docs_dir, lang, rel_paths)
        problems += unreadable + validate_language(pages, today, rel_paths, publishing)
        pages_by_lang[lang] = pages
    return pages_by_lang, problems + draft_differences(pages_by_lang)


def validate_language(
    pages: dict[str, Page],
    today: dt.date,
    rel_paths: list[str] | None = None,
    publishing: bool = True,
) -> list[Problem]:
    """Validate every page of one language against the page model and each other.

    rel_paths: every page of the language, those that could not be read included, so
    that a page that cannot be read is not also reported as missing by the others.
    """
    rel_paths = pages if rel_paths is None else rel_paths
    categories = categories_of(rel_paths)
    questions = {path for path in rel_paths if is_question_path(path)}
    drafts = {path for path, page in pages.items() if page.is_draft}
    problems = []
    for page in pages.values():
        problems.extend(validate_page(page, categories, questions, today))
        if publishing:
            problems.extend(ready_to_publish(page, drafts))
    return problems + duplicate_slugs(pages)


def draft_differences(pages_by_lang: dict[str, dict[str, Page]]) -> list[Problem]:
    """A question is a draft in every language or in none."""
    problems = []
    for pages in pages_by_lang.values():
        for rel_path, page in pages.items():
            if not page.is_draft:
                continue
            published = [
                twin.source
                for by_path in pages_by_lang.values()
                if (twin := by_path.get(rel_path)) is not None and not twin.is_draft
            ]
            if published:
                problems.append(
                    problem(
                        page,
                        DRAFT_KEY,
                        f"a draft here but not in {published[0]}; mark the question "
                        f"'{DRAFT_KEY}: true' in every language, or in none",
                    )
                )
    return problems


def ready_to_publish(page: Page, drafts: set[str]) -> list[Problem]:
    """What a page must not publish: a link to a draft and, on a question, the scaffold's
    placeholders, no answer, no source; on any page, an empty table row. A draft is
    left out of the build, so it may hold them all."""
    if page.is_draft:
        return []
    related = page.meta.get("related")
    problems = [
        problem(
            page,
            None,
            f"related page '{target}' is a draft ('{DRAFT_KEY}: true'), which is not "
            "published; remove it from 'related' until it is",
            item_line(page, "related", index),
        )
        for index, target in enumerate(related if isinstance(related, list) else [])
        if isinstance(target, str) and target in drafts
    ]
    if page.is_question:
        problems += placeholders_left(page)
        problems += missing_answer(page)
        if page.meta.get("sources") == []:
            problems.append(
                problem(
                    page,
                    "sources",
                    "'sources' is empty; cite the official page of every fact (a title "
                    f"and an https URL), or mark the question '{DRAFT_KEY}: true'",
                )
            )
    return problems + empty_table_rows(page)


def placeholders_left(page: Page) -> list[Problem]:
    found = [
        (page.line_of(key), marker)
        for key in ("title", "description")
        for _, marker in scaffold.placeholders(str(page.meta.get(key, "")))
    ]
    found += [
        (page.body_line + page.body.count("\n", 0, offset), marker)
        for offset, marker in scaffold.placeholders(page.body)
    ]
    return [
        problem(
            page,
            None,
            f"the placeholder '{marker}' of scripts/new_question.py is still here; replace "
            f"it, or mark the question '{DRAFT_KEY}: true' while you write it",
            line,
        )
        for line, marker in found
    ]


def missing_answer(page: Page) -> list[Problem]:
    """A question opens with its answer: text before the first heading."""
    first = FIRST_TEXT.search(page.body)
    if first and not HEADING.match(first.group(0)):
        return []
    line = page.body_line + (page.body.count("\n", 0, first.start()) if first else 0)
    return [
        problem(
            page,
            None,
            "this question has no answer; write it first, in a few sentences before the "
            f"first heading, or mark the question '{DRAFT_KEY}: true'",
            line,
        )
    ]


def empty_table_rows(page: Page) -> list[Problem]:
    if not EMPTY_ROW.search(page.body):  # most pages: no need to read their lines
        return []
    return [
        problem(page, None, "this table row is empty; fill in its cells or remove it", line)
        for line, text in content_lines(page.body, page.body_line)
        if EMPTY_ROW.fullmatch(text)
    ]


def duplicate_slugs(pages: dict[str, Page]) -> list[Problem]:
    """A question's slug is unique in its language, whatever its category, so that
    short links and partners' references name one page."""
    first: dict[str, Page] = {}
    problems = []
    for rel_path, page in sorted(pages.items()):
        if not page.is_question:
            continue
        slug = rel_path.split("/")[-1]
        if slug in first:
            problems.append(
                Problem(
                    page.source,
                    None,
                    f"duplicate slug: {first[slug].source} has the same name; rename one of them",
                )
            )
        else:
            first[slug] = page
    return problems


def validate_page(
    page: Page, categories: set[str], questions: set[str], today: dt.date
) -> list[Problem]:
    """All the ways one page's front matter can be wrong."""
    problems = validate_location(page)
    if page.is_question:
        required, optional = QUESTION_REQUIRED_KEYS, QUESTION_OPTIONAL_KEYS
    else:
        required, optional = PAGE_REQUIRED_KEYS, PAGE_OPTIONAL_KEYS
    problems += validate_keys(page, required, optional)
    for key in ("title", "description"):
        if key in page.meta:
            problems += validate_text(page, key)
    for key in DATE_KEYS:
        if key in page.meta:
            problems += validate_date(page, key, today)
    if "category" in page.meta:
        problems += validate_category(page, categories)
    if "related" in page.meta:
        problems += validate_related(page, questions)
    if "sources" in page.meta:
        problems += validate_sources(page)
    if "search_terms" in page.meta:
        problems += validate_search_terms(page)
    if ORDER_KEY in page.meta:
        problems += validate_order(page)
    if HELP_KEY in page.meta:
        problems += validate_help(page)
    if DRAFT_KEY in page.meta and not isinstance(page.meta[DRAFT_KEY], bool):
        problems.append(
            problem(
                page,
                DRAFT_KEY,
                f"'{DRAFT_KEY}' must be true (the question is not published) or false",
            )
        )
    return problems


def validate_order(page: Page) -> list[Problem]:
    value = page.meta[ORDER_KEY]
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= ORDER_MAX:
        return []
    return [
        problem(
            page,
            ORDER_KEY,
            f"'{ORDER_KEY}' must be a whole number from 1 to {ORDER_MAX} (1 comes first on the "
            f"category page; questions without it follow, by title); found {value!r}",
        )
    ]


def validate_help(page: Page) -> list[Problem]:
    value = page.meta[HELP_KEY]
    if (
        isinstance(value, list)
        and 1 <= len(value) <= HELP_MAX
        and all(isinstance(key, str) and SLUG_PATTERN.match(key) for key in value)
        and len(set(value)) == len(value)
    ):
        return []
    return [
        problem(
            page,
            HELP_KEY,
            f"'{HELP_KEY}' must list 1 to {HELP_MAX} help lines of includes/help-lines.yml, "
            f"once each, like [dmhc, cdi]; found {value!r}",
        )
    ]


def list_position(page: Page) -> int:
    """Where a question stands on its category page: its `order`, or after every ordered one."""
    return page.meta.get(ORDER_KEY, ORDER_MAX + 1)


def over_limit(page: Page, key: str) -> bool:
    """Whether a list of the front matter is longer than LIST_LIMITS allows."""
    value = page.meta.get(key)
    return isinstance(value, list) and len(value) > LIST_LIMITS[key][0]


def too_long(page: Page, key: str) -> list[Problem]:
    """One problem for a list longer than its limit, instead of one per entry."""
    if not over_limit(page, key):
        return []
    limit, advice = LIST_LIMITS[key]
    count = len(page.meta[key])
    return [problem(page, key, f"'{key}' has {count} entries; {advice} (at most {limit})")]


def problem(page: Page, key: str | None, message: str, line: int | None = None) -> Problem:
    return Problem(page.source, line or (page.line_of(key) if key else 1), message)


def validate_location(page: Page) -> list[Problem]:
    parts = PurePosixPath(page.rel_path).parts
    if len(parts) > 2:
        return [
            problem(
                page,
                None,
                "pages live at most one folder deep (CATEGORY/SLUG.md); move this page up",
            )
        ]
    slugs = [PurePosixPath(part).stem for part in parts]
    bad = [slug for slug in slugs if slug != "index" and not SLUG_PATTERN.match(slug)]
    if bad:
        return [
            problem(
                page,
                None,
                f"'{bad[0]}' is not a valid URL name; use lower-case letters, digits and "
                "hyphens, such as 'cal-cobra'",
            )
        ]
    return []


def validate_keys(page: Page, required, optional) -> list[Problem]:
    problems = []
    kind = "a question page" if page.is_question else "this page"
    if not page.meta:  # one line, not one per key
        return [
            problem(
                page,
                None,
                f"no front matter; start {kind} with a line '---', the keys "
                f"{', '.join(required)}, and another line '---'",
            )
        ]
    for key in required:
        if key not in page.meta:
            problems.append(
                problem(page, None, f"missing front-matter key '{key}' (required on {kind})")
            )
    allowed = set(required) | set(optional)
    for key in page.meta:
        if key not in allowed:
            problems.append(
                problem(
                    page,
                    str(key),
                    f"unknown front-matter key '{key}'; allowed keys on {kind}: "
                    + ", ".join(sorted(allowed)),
                )
            )
    return problems


def validate_text(page: Page, key: str) -> list[Problem]:
    value = page.meta[key]
    if not isinstance(value, str) or not value.strip():
        return [problem(page, key, f"'{key}' must be non-empty text")]
    if key == "description" and len(value) > DESCRIPTION_MAX_CHARS:
        return [
            problem(
                page,
                key,
                f"'description' has {len(value)} characters; keep it to one sentence of at "
                f"most {DESCRIPTION_MAX_CHARS}",
            )
        ]
    return markup_problems(page, key, value)


# A tag, a comment or a character reference in a title or description. Every page shows
# them as plain text, exactly as written (sitekit/build/escaping.py), which is not what the
# author meant.
MARKUP = re.compile(r"<[A-Za-z/!?][^>]*>?|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def markup_problems(page: Page, key: str, value: str) -> list[Problem]:
    found = MARKUP.search(value)
    if found is None:
        return []
    markup = found.group(0)[:40]
    if markup.startswith("&"):
        fix = f"write the character itself ({html.unescape(markup)!r})"
    else:
        fix = f"remove it: the {key} is plain text, shown exactly as written"
    return [problem(page, key, f"'{key}' contains HTML ({markup!r}); {fix}")]


def parse_iso_date(value) -> dt.date | None:
    """A date written as YYYY-MM-DD (YAML reads it as a date; quoted, it stays text)."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def validate_date(page: Page, key: str, today: dt.date) -> list[Problem]:
    value = page.meta[key]
    date = parse_iso_date(value)
    if date is None:
        return [
            problem(
                page,
                key,
                f"'{key}' must be an ISO date such as 2025-08-14 (year-month-day), not '{value}'",
            )
        ]
    if date > today:
        return [problem(page, key, f"'{key}' is {date}, which is in the future; fix the date")]
    return []


def validate_category(page: Page, categories: set[str]) -> list[Problem]:
    value = page.meta["category"]
    known = ", ".join(sorted(categories)) or "none"
    if value not in categories:
        return [
            problem(
                page,
                "category",
                f"unknown category '{value}'; known categories: {known} "
                f"(a category is a folder with an index.md page)",
            )
        ]
    if page.is_question and value != page.category:
        return [
            problem(
                page,
                "category",
                f"category '{value}' does not match the page's folder '{page.category}'; "
                "set it to the folder name or move the page",
            )
        ]
    return []


def item_line(page: Page, key: str, index: int) -> int:
    lines = page.item_lines.get(key, [])
    return lines[index] if index < len(lines) else page.line_of(key)


def validate_related(page: Page, questions: set[str]) -> list[Problem]:
    value = page.meta["related"]
    if not isinstance(value, list):
        return [
            problem(
                page,
                "related",
                "'related' must be a list of question paths such as "
                "[health-insurance/cal-cobra.md], or [] for none",
            )
        ]
    if over_limit(page, "related"):
        return too_long(page, "related")
    problems, seen = [], set()
    for index, target in enumerate(value):
        line = item_line(page, "related", index)
        if not isinstance(target, str) or target not in questions:
            problems.append(
                problem(
                    page,
                    None,
                    f"related page '{target}' does not exist; use the path of a question in "
                    f"docs/{page.lang}/, such as health-insurance/cal-cobra.md",
                    line,
                )
            )
        elif target == page.rel_path:
            problems.append(problem(page, None, "a page cannot be related to itself", line))
        elif target in seen:
            problems.append(problem(page, None, f"related page '{target}' is listed twice", line))
        else:
            seen.add(target)
    return problems


def validate_search_terms(page: Page) -> list[Problem]:
    value = page.meta["search_terms"]
    if not isinstance(value, list) or not value:
        return [
            problem(
                page,
                "search_terms",
                "'search_terms' must be a list of words or short phrases, such as "
                "[homepage, phone numbers]; remove the key for none",
            )
        ]
    if over_limit(page, "search_terms"):
        return too_long(page, "search_terms")
    problems = []
    for index, term in enumerate(value):
        line = item_line(page, "search_terms", index)
        if not isinstance(term, str) or not term.strip():
            problems.append(problem(page, None, "a search term must be non-empty text", line))
        elif len(term) > SEARCH_TERM_MAX_CHARS:
            problems.append(
                problem(
                    page,
                    None,
                    f"search term has {len(term)} characters; keep it to a few words "
                    f"(at most {SEARCH_TERM_MAX_CHARS})",
                    line,
                )
            )
    return problems


def validate_sources(page: Page) -> list[Problem]:
    value = page.meta["sources"]
    if not isinstance(value, list):
        return [problem(page, "sources", "'sources' must be a list of 'title' and 'url' pairs")]
    if over_limit(page, "sources"):
        return too_long(page, "sources")
    problems = []
    for index, source in enumerate(value):
        line = item_line(page, "sources", index)
        if not isinstance(source, dict) or set(source) != {"title", "url"}:
            problems.append(
                problem(page, None, "each source needs exactly a 'title' and a 'url'", line)
            )
            continue
        if not isinstance(source["title"], str) or not source["title"].strip():
            problems.append(problem(page, None, "a source's 'title' must be non-empty text", line))
        url = source["url"]
        if not isinstance(url, str) or not re.fullmatch(r"https://[^\s/]+\.[^\s/]+(/\S*)?", url):
            problems.append(
                problem(
                    page,
                    None,
                    f"source URL '{url}' must be a full https:// address, such as "
                    "https://www.dmhc.ca.gov/",
                    line,
                )
            )
    return problems


def translation_problems(docs_dir: Path, languages: list[str]) -> list[Problem]:
    """Every page exists in every language at the same path: no missing or orphan translation."""
    trees = {lang: set(list_pages(docs_dir, lang)) for lang in languages}
    everything = set().union(*trees.values()) if trees else set()
    problems = []
    for rel_path in sorted(everything):
        present = [lang for lang in languages if rel_path in trees[lang]]
        for lang in languages:
            if rel_path not in trees[lang]:
                problems.append(
                    Problem(
                        display_path(docs_dir, lang, rel_path),
                        None,
                        f"missing: this page exists in {', '.join(present)} but not in '{lang}'; "
                        f"translate {display_path(docs_dir, present[0], rel_path)} to this path",
                    )
                )
    return problems
