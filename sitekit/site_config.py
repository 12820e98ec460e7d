"""The parts of mkdocs.yml that the checkers need: languages, folders, address, UI strings.

mkdocs.yml holds YAML tags (!ENV), so it is read with MkDocs' own YAML loader.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

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
    """The site's configuration, and the UI strings (extra.ui) of each language.

    Read with MkDocs' own YAML loader (it knows !ENV), without loading the plugins and
    theme the checkers do not need: that would double their start-up time.
    """
    path = Path(config_file)
    with path.open(encoding="utf-8") as source:
        raw = yaml_load(source) or {}
    i18n = next(
        (
            entry["i18n"]
            for entry in raw.get("plugins", [])
            if isinstance(entry, dict) and "i18n" in entry
        ),
        {},
    )
    entries = i18n.get("languages", [])
    languages = mkdocs_env.built_languages(
        (entry["locale"], entry.get("default", False), entry.get("build", True))
        for entry in entries
    )
    ui = {
        entry["locale"]: dict((entry.get("extra") or {}).get("ui", {}))
        for entry in entries
        if entry["locale"] in languages
    }
    folder = path.resolve().parent
    site = SiteConfig(
        config_file=path,
        docs_dir=folder / raw.get("docs_dir", "docs"),
        site_dir=folder / raw.get("site_dir", "site"),
        site_url=raw.get("site_url") or "/",
        languages=languages,
    )
    return site, ui
