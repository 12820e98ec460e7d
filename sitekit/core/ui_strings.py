"""The UI strings of each language (extra.ui in mkdocs.yml), as the build and the
checkers both check them."""

from __future__ import annotations

from sitekit.core.reporting import Problem

# Every UI string the build's code and the templates in overrides/ read; a test keeps
# this list in step with them (tests/test_languages.py).
UI_STRINGS = (
    "updated reviewed related sources disclaimer category_questions not_found_title "
    "not_found_text not_found_home search_help_text search_help_link redirect_text "
    "feed_title section_link print_page report_problem report_subject report_body "
    "partner_question partner_short_link partner_snippet_label help_title help_tty "
    "help_separator help_deadline breadcrumb_home breadcrumb_label footer_label footer_partners "
    "not_found_search not_found_links"
).split()


def missing_ui_strings(
    config_file: str, ui: dict[str, dict], languages: list[str], required=()
) -> list[Problem]:
    """Each UI string that a language lacks: one of `required` (the build passes
    UI_STRINGS), or one the default language has (the build and check_parity both stop
    on it)."""
    default, problems = languages[0], []
    for lang in languages:
        needed = set(required) | (set(ui.get(default, {})) if lang != default else set())
        for key in sorted(needed - set(ui.get(lang, {}))):
            problems.append(
                Problem(config_file, None, f"UI string '{key}' has no '{lang}' version in extra.ui")
            )
    return problems
