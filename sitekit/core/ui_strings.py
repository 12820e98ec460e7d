"""The UI strings of each language (extra.ui in mkdocs.yml), as the build and the
checkers both check them."""

from __future__ import annotations

from sitekit.core.reporting import Problem


def missing_ui_strings(
    config_file: str, ui: dict[str, dict], languages: list[str]
) -> list[Problem]:
    """Each UI string of the default language that another language lacks (the build
    and check_parity both stop on it)."""
    default, problems = languages[0], []
    for lang in languages[1:]:
        for key in sorted(set(ui.get(default, {})) - set(ui.get(lang, {}))):
            problems.append(
                Problem(config_file, None, f"UI string '{key}' has no '{lang}' version in extra.ui")
            )
    return problems
