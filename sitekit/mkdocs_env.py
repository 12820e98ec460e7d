"""Facts about the build in progress, read from the MkDocs configuration."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n sets the theme language per build."""
    return config.theme["language"]


def languages(config: MkDocsConfig) -> list[str]:
    """Every language the site is built in, the default language first."""
    i18n = config.plugins["i18n"].config
    built = [lang for lang in i18n.languages if lang.build]
    return [lang.locale for lang in sorted(built, key=lambda lang: not lang.default)]


def default_language(config: MkDocsConfig) -> str:
    return languages(config)[0]


def ui_strings(config: MkDocsConfig) -> dict:
    """The page's UI strings (extra.ui), set per language in mkdocs.yml."""
    return config.extra["ui"]
