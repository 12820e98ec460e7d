"""Build hook: abbreviations explained on hover, in the page's own language.

mkdocs-static-i18n shares `markdown_extensions` between languages, so a glossary
included through the Markdown configuration would show English on French pages.
Each page instead gets the definitions of its own language appended
(includes/abbreviations.<lang>.md, in the `abbr` extension's `*[IMR]: ...` syntax).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit import mkdocs_env

INCLUDES = "includes"
_definitions: dict[str, str] = {}


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
    _definitions[lang] = path.read_text(encoding="utf-8")


def on_page_markdown(markdown, page, config, files):
    return f"{markdown}\n\n{_definitions[mkdocs_env.build_language(config)]}\n"
