"""Facts about the build in progress, read from the MkDocs configuration."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the checkers use built_languages without loading MkDocs' config
    from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n sets the theme language per build."""
    return config.theme["language"]


def built_languages(entries) -> list[str]:
    """The locales of the (locale, default, build) entries that are built, default first."""
    built = [(locale, default) for locale, default, build in entries if build]
    return [locale for locale, default in sorted(built, key=lambda entry: not entry[1])]


def languages(config: MkDocsConfig) -> list[str]:
    """Every language the site is built in, the default language first."""
    entries = config.plugins["i18n"].config.languages
    return built_languages((lang.locale, lang.default, lang.build) for lang in entries)


def default_language(config: MkDocsConfig) -> str:
    return languages(config)[0]
