"""Build hook: abbreviations explained on hover, in the page's own language.

mkdocs-static-i18n shares `markdown_extensions` between languages, so a glossary given
to the Markdown configuration would show English on French pages. Each language has
its own list instead (includes/abbreviations.<lang>.md), marked up in the page's HTML
(sitekit/abbreviations.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit import mkdocs_env
from sitekit.abbreviations import abbreviation_pattern, mark_abbreviations, read_definitions

INCLUDES = "includes"
_lists: dict[str, tuple] = {}


def definitions_file(config, lang: str) -> Path:
    return Path(config.config_file_path).parent / INCLUDES / f"abbreviations.{lang}.md"


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
    _lists[lang] = (definitions, abbreviation_pattern(definitions))


def on_page_content(html, page, config, files):
    definitions, pattern = _lists[mkdocs_env.build_language(config)]
    return mark_abbreviations(html, definitions, pattern)
