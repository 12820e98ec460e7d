"""The key facts of each page, locked: both languages state every one of them.

The values come from ../shared/content/fact-sheet.md (official sources). A change to
one of them must be a deliberate change to this list, made with its source.
"""

from __future__ import annotations

import pytest

from sitekit import facts, page_model
from tests.sitebuild import LANGUAGES, ROOT

DMHC = {("phone", "888-466-2219"), ("phone", "877-688-9891")}
CDI = {("phone", "800-927-4357"), ("phone", "800-482-4833")}
COVERED_CALIFORNIA = {("phone", "800-300-1506"), ("phone", "888-889-4500")}
STATE_HEARING = {("phone", "800-743-8525"), ("phone", "800-952-5253"), ("phone", "800-952-8349")}
KEY_FACTS = {
    "health-insurance/independent-medical-review.md": DMHC
    | CDI
    | {
        ("phone", "916-255-5241"),
        ("duration", "6 months"),
        ("duration", "30 days"),
        ("duration", "3 days"),
        ("duration", "7 days"),
        ("duration", "120 days"),
    },
    "guides/dmhc-independent-medical-review.md": DMHC
    | STATE_HEARING
    | {("phone", "916-255-5241"), ("duration", "6 months"), ("duration", "120 days")},
    "guides/cdi-independent-medical-review.md": CDI
    | {
        ("duration", "6 months"),
        ("duration", "30 days"),
        ("duration", "3 days"),
        ("number", "10169"),
        ("number", "10169.5"),
        ("number", "10145.3"),
    },
    "guides/imr-application.md": DMHC | CDI | {("duration", "6 months"), ("duration", "30 days")},
    "guides/which-regulator.md": DMHC | CDI | {("phone", "800-434-0222"), ("number", "1368.02")},
    "health-insurance/covered-california-open-enrollment.md": COVERED_CALIFORNIA,
    "health-insurance/special-enrollment-period.md": COVERED_CALIFORNIA | {("duration", "60 days")},
    "health-insurance/medi-cal-eligibility.md": {("percent", "138%")},
    "health-insurance/cal-cobra.md": {
        ("duration", "36 months"),
        ("duration", "18 months"),
        ("duration", "60 days"),
        ("percent", "110%"),
        ("percent", "150%"),
        ("number", "1366.20"),
        ("number", "1366.29"),
    },
    "health-insurance/add-a-newborn.md": {("duration", "60 days"), ("number", "10119")},
    "contacts.md": DMHC | CDI | COVERED_CALIFORNIA | STATE_HEARING | {("phone", "800-434-0222")},
}


def stated_facts(lang: str, rel_path: str) -> set[tuple[str, str]]:
    page = page_model.read_page(ROOT / "docs", lang, rel_path)
    return set(facts.comparable(facts.extract(page.body, lang, page.body_line), True))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rel_path", sorted(KEY_FACTS))
def test_every_key_fact_is_stated(rel_path, lang):
    missing = KEY_FACTS[rel_path] - stated_facts(lang, rel_path)
    assert missing == set(), f"docs/{lang}/{rel_path} no longer states {sorted(missing)}"
