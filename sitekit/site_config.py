"""The parts of mkdocs.yml that the checkers need: languages, folders, address, UI strings.

mkdocs.yml holds YAML tags (!ENV), so it is read through MkDocs' own loader.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

from sitekit import mkdocs_env


@dataclass(frozen=True)
class SiteConfig:
    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    languages: list[str]  # the default language first

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def translations(self) -> list[str]:
        return self.languages[1:]


def load(config_file: Path | str = "mkdocs.yml") -> tuple[SiteConfig, dict[str, dict]]:
    """The site's configuration, and the UI strings (extra.ui) of each language."""
    config = load_config(config_file=str(config_file))
    languages = mkdocs_env.languages(config)
    ui = {
        lang.locale: dict((lang.extra or {}).get("ui", {}))
        for lang in config.plugins["i18n"].config.languages
        if lang.locale in languages
    }
    site = SiteConfig(
        config_file=Path(config_file),
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        site_url=config.site_url or "/",
        languages=languages,
    )
    return site, ui
