"""Build hook: a page's text in its own language, in one pass over its HTML.

- Abbreviations are explained on hover. mkdocs-static-i18n shares
  `markdown_extensions` between languages, so a glossary given to the Markdown
  configuration would show English on French pages; each language has its own list
  instead (includes/abbreviations.<lang>.md, sitekit/abbreviations.py).
- The language's typography is applied (sitekit/typography.py). The page title and the
  table of contents are typeset too, since the theme renders them apart from the page
  content (heading, browser title, navigation).
"""

from __future__ import annotations

from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.exceptions import PluginError

from sitekit import mkdocs_env
from sitekit.abbreviations import abbreviation_marker, read_definitions
from sitekit.typography import transform_text, typeset_rules, typeset_text

_markers: dict[str, object] = {}


def definitions_file(config, lang: str) -> Path:
    return mkdocs_env.includes_folder(config) / f"abbreviations.{lang}.md"


def on_pre_build(config):
    lang = mkdocs_env.build_language(config)
    path = definitions_file(config, lang)
    if not path.is_file():
        original = definitions_file(config, mkdocs_env.default_language(config))
        raise PluginError(
            f"{path}: missing; every language needs its abbreviations file "
            f"(copy {original} and translate it)"
        )
    definitions, problems = read_definitions(path)
    if problems:
        raise PluginError("\n".join(str(problem) for problem in problems))
    _markers[lang] = abbreviation_marker(definitions)


def on_page_markdown(markdown, page, config, files):
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = typeset_text(page.meta["title"], mkdocs_env.build_language(config))
    return markdown


def typeset_toc(items, lang: str) -> None:
    """The table of contents is built from the Markdown, apart from the content."""
    for item in items:
        item.title = typeset_text(item.title, lang)
        typeset_toc(item.children, lang)


def on_page_content(html, page, config, files):
    lang = mkdocs_env.build_language(config)
    typeset_toc(page.toc, lang)
    typeset, mark = typeset_rules(lang), _markers[lang]
    # Typography first: the abbreviations' titles are attributes, which it must not touch.
    return transform_text(html, lambda text: mark(typeset(text)))
