"""The parts of mkdocs.yml that the checkers need: languages, folders, address, UI strings.

mkdocs.yml holds YAML tags (!ENV). The checkers read it with libyaml and the same !ENV
constructor as MkDocs, and fall back to MkDocs' own loader for anything more (another
tag, INHERIT): importing MkDocs' loader and parsing in pure Python would take a fifth of
a small site's check.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import yaml
from yaml_env_tag import construct_env_tag

from sitekit.core import mkdocs_env


class EnvLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML with MkDocs' !ENV tag (from pyyaml-env-tag, as in MkDocs)."""


EnvLoader.add_constructor("!ENV", construct_env_tag)


def read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=EnvLoader) or {}
        if "INHERIT" not in data:
            return data
    except yaml.YAMLError:
        pass  # a tag only MkDocs knows, or an error MkDocs' loader words for the user
    from mkdocs.utils.yaml import yaml_load

    with path.open(encoding="utf-8") as source:
        return yaml_load(source) or {}


class SiteConfig(NamedTuple):
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

    Read without loading the plugins and theme the checkers do not need: that would
    double their start-up time.
    """
    path = Path(config_file)
    if not path.is_file():
        raise SystemExit(
            f"{path}: not found in {Path.cwd()}; run the checker from the repository folder, "
            "or pass --config path/to/mkdocs.yml"
        )
    raw = read_yaml(path)
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
