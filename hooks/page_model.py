"""Build hook: validate the front matter of every page, in every language, before any output.

All languages are checked at the start of the first (default-language) build, so a
defect in a French page stops the build before the English pages are written. Each
defect is one line, `path:line: what is wrong and how to fix it`.

The page model is then the build's only reading of the pages: MkDocs gets each page's
text and front matter from it instead of reading the file and parsing its YAML again.

`mkdocs build` publishes: every page must be ready (no placeholder, answer, sources),
and the questions marked `draft: true` are left out, as if they did not exist.
`mkdocs serve` is a preview: it shows the drafts and the pages being written too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit import build_state, mkdocs_env, page_model

_publishing = True  # False under `mkdocs serve`
_drafts: dict[str, set[str]] = {}  # language -> the drafts left out of this build


def on_startup(command, dirty):
    global _publishing
    _publishing = command != "serve"


def validate_site(docs_dir: Path, languages: list[str], today: dt.date, publishing: bool):
    """Read and validate every language; return (pages by language, problems)."""
    problems = page_model.translation_problems(docs_dir, languages)
    pages_by_lang, found = page_model.load_site(docs_dir, languages, today, publishing)
    return pages_by_lang, problems + found


def on_pre_build(config):
    if mkdocs_env.build_language(config) != mkdocs_env.default_language(config):
        return
    languages, publishing = mkdocs_env.languages(config), _publishing
    pages_by_lang, problems = validate_site(
        Path(config.docs_dir), languages, dt.date.today(), publishing
    )
    if config.theme.custom_dir:  # its assets are published too
        problems += page_model.foreign_files(Path(config.theme.custom_dir))
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"{len(problems)} problem(s) in the pages:\n{lines}")
    _drafts.clear()
    for lang, pages in pages_by_lang.items():
        _drafts[lang] = {path for path, page in pages.items() if page.is_draft and publishing}
        for path in _drafts[lang]:
            del pages[path]
    build_state.reset(pages_by_lang, _drafts)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has picked this language's files
def on_files(files, config):
    lang = mkdocs_env.build_language(config)
    build_state.attach_files(lang, files)
    pages = build_state.current(lang).pages
    for file in files.documentation_pages():
        if file.norm_src_uri in _drafts.get(lang, ()):
            files.remove(file)
            continue
        model = pages.get(file.norm_src_uri)
        if model is not None:
            # The body alone: MkDocs then finds no front matter to parse. It starts
            # with a blank line so that no "Word: text" first line is taken for
            # MultiMarkdown metadata.
            file.content_string = "\n" + model.body
    return files


@event_priority(100)  # before any other hook or plugin reads the front matter
def on_page_markdown(markdown, page, config, files):
    model = build_state.current(mkdocs_env.build_language(config)).pages.get(page.file.norm_src_uri)
    if model is not None:
        page.meta = dict(model.meta)  # a copy: hooks change a page's title in its meta
    return markdown
