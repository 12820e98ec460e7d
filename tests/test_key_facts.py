"""The key facts of each page, locked: both languages state every one of them, each
as what it is.

The values come from ../shared/content/fact-sheet.md (official sources). A change to
one of them must be a deliberate change to this list, made with its source.

A fact is (kind, value), as sitekit/check/facts.py reads it. A TTY number is ("tty", ...):
it must stand under a TTY label (its table column's header, or "TTY", "TDD", "ATS"
just before it) wherever the page gives it, and a phone number never may. So a phone
and a TTY number swapped, even in both languages, fail here.
"""

from __future__ import annotations

import shutil

import pytest

from sitekit.check import facts
from sitekit.core import page_model
from tests.sitebuild import LANGUAGES, ROOT

DMHC = {("phone", "888-466-2219"), ("tty", "877-688-9891")}
CDI = {("phone", "800-927-4357"), ("tty", "800-482-4833")}
COVERED_CALIFORNIA = {("phone", "800-300-1506"), ("tty", "888-889-4500")}
STATE_HEARING = {("phone", "800-743-8525"), ("phone", "800-952-5253"), ("tty", "800-952-8349")}
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
        ("duration", "90 days"),
        ("duration", "5 days"),
        ("phone", "888-804-3536"),
    },
    "guides/dmhc-independent-medical-review.md": DMHC
    | STATE_HEARING
    | {
        ("phone", "916-255-5241"),
        ("phone", "888-804-3536"),  # Health Consumer Alliance
        ("duration", "6 months"),
        ("duration", "120 days"),
        ("duration", "90 days"),  # a county's decision
        ("duration", "60 days"),  # the Medi-Cal plan appeal
        ("duration", "45 days"),  # the DMHC's minimum for an IMR
        ("duration", "5 days"),  # "5 business days" to authorize the care
    },
    "guides/cdi-independent-medical-review.md": CDI
    | {
        ("duration", "6 months"),
        ("duration", "30 days"),
        ("duration", "3 days"),
        ("number", "10169"),
        ("number", "10169.5"),
        ("number", "10145.3"),
    },
    "guides/imr-application.md": DMHC
    | CDI
    | {
        ("duration", "6 months"),
        ("duration", "30 days"),
        ("duration", "5 days"),
        ("phone", "888-804-3536"),
    },
    "guides/which-regulator.md": DMHC
    | CDI
    | STATE_HEARING
    | {
        ("phone", "800-434-0222"),
        ("number", "1368.02"),
        ("duration", "60 days"),
        ("duration", "90 days"),
        ("duration", "120 days"),
        ("duration", "6 months"),
    },
    "health-insurance/covered-california-open-enrollment.md": COVERED_CALIFORNIA,
    "health-insurance/special-enrollment-period.md": COVERED_CALIFORNIA
    | {("duration", "60 days"), ("phone", "888-217-9310")},
    "health-insurance/medi-cal-eligibility.md": STATE_HEARING - {("phone", "800-743-8525")}
    | {
        ("percent", "138%"),
        ("money", "$130000"),  # the asset limit, from 2026-01-01
        ("money", "$65000"),
        ("date", "2026-01-01"),
        ("date", "2026-10-01"),
        ("date", "2027-07-01"),  # premiums begin
        ("date", "2023-04-01"),  # the 120 days for renewal hearings
        ("duration", "90 days"),
        ("duration", "120 days"),
    },
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
    "contacts.md": DMHC
    | CDI
    | COVERED_CALIFORNIA
    | STATE_HEARING
    | {("phone", "800-434-0222"), ("duration", "60 days"), ("duration", "120 days")},
    "glossary.md": {("duration", "60 days")},
    # The questions of issue 18 (each checked against its sources on 2026-12-07).
    "health-insurance/file-a-grievance.md": DMHC
    | CDI
    | {
        ("duration", "30 days"),  # the plan's answer
        ("duration", "3 days"),  # when health is in serious danger
        ("duration", "6 months"),  # to apply for an IMR
        ("duration", "60 days"),  # a Medi-Cal plan appeal
        ("duration", "120 days"),  # a State Hearing after the plan's answer
    },
    "health-insurance/urgent-review.md": DMHC
    | CDI
    | {("duration", "3 days"), ("duration", "7 days"), ("duration", "24 hours")},
    "health-insurance/surprise-bill.md": DMHC
    | CDI
    | {
        ("phone", "800-985-3059"),  # No Surprises Help Desk
        ("date", "2017-07-01"),  # AB 72
        ("duration", "30 days"),
        ("number", "1371.9"),
    },
    "health-insurance/plan-missed-deadline.md": DMHC
    | CDI
    | STATE_HEARING
    | {
        ("duration", "30 days"),
        ("duration", "72 hours"),  # a drug request, deemed granted after
        ("duration", "24 hours"),
        ("duration", "60 days"),  # Medicare Advantage, a payment
        ("duration", "120 days"),
        ("duration", "6 months"),
    },
    "health-insurance/prescription-drug-denied.md": DMHC
    | CDI
    | {("duration", "72 hours"), ("duration", "24 hours"), ("duration", "6 months")},
    "health-insurance/emergency-room-bill.md": DMHC
    | CDI
    | {("duration", "30 days"), ("duration", "6 months")},
    "health-insurance/medi-cal-state-hearing.md": STATE_HEARING
    | {
        ("duration", "90 days"),  # a county's decision
        ("duration", "60 days"),  # the plan appeal
        ("duration", "120 days"),  # after the Notice of Appeal Resolution
        ("duration", "30 days"),  # no answer from the plan
        ("phone", "916-651-2789"),  # the hearing fax
    },
    "health-insurance/mental-health-denied.md": DMHC
    | CDI
    | {("date", "2021-01-01"), ("duration", "6 months"), ("duration", "30 days")},
    # The questions of issue 21 (each checked against its sources on 2026-12-07).
    "health-insurance/free-interpreter.md": DMHC
    | CDI
    | COVERED_CALIFORNIA
    | {
        ("phone", "888-804-3536"),  # Health Consumer Alliance
        ("duration", "24 hours"),  # hospital interpreters, 24 hours a day
        ("duration", "30 days"),  # a DMHC plan's answer
        ("duration", "6 months"),  # to apply for an IMR
        ("duration", "60 days"),  # a Medi-Cal plan appeal
    },
    "health-insurance/continuity-of-care.md": DMHC
    | CDI
    | {
        ("phone", "888-804-3536"),
        ("duration", "12 months"),  # a serious chronic condition, a child under 3
        ("duration", "180 days"),  # a surgery scheduled after the doctor leaves
        ("duration", "3 years"),
        ("duration", "30 days"),  # a DMHC plan's answer
        ("number", "1373.96"),
    },
    "health-insurance/appointment-wait-times.md": DMHC
    | CDI
    | {
        ("phone", "888-804-3536"),
        ("duration", "48 hours"),  # urgent care, no prior authorization
        ("duration", "96 hours"),  # urgent care with prior authorization
        ("duration", "10 days"),  # primary care, 10 business days
        ("duration", "15 days"),  # a specialist, 15 business days
        ("duration", "24 hours"),  # the advice line
    },
    "health-insurance/medical-records.md": DMHC
    | CDI
    | {
        ("phone", "888-804-3536"),
        ("duration", "5 days"),  # to see your records, 5 working days
        ("duration", "15 days"),  # to get copies
        ("duration", "3 days"),  # the plan sends its file to the reviewers
        ("duration", "24 hours"),  # the same, when urgent
        ("duration", "6 months"),  # to apply for an IMR
        ("number", "123110"),
        ("number", "1374.31"),
        ("number", "10169.1"),
    },
    "health-insurance/medi-cal-plan-not-helping.md": DMHC
    | {
        ("phone", "888-452-8609"),  # the Office of the Ombudsman
        ("time", "08:00"),
        ("time", "17:00"),  # its hours, Monday to Friday
        ("phone", "800-430-4263"),  # Health Care Options
        ("tty", "800-430-7077"),
        ("phone", "800-541-5555"),  # Medi-Cal Telephone Service Center
        ("tty", "916-635-6491"),
        ("phone", "800-322-6384"),  # Medi-Cal Dental
        ("tty", "800-735-2922"),
        ("phone", "888-804-3536"),  # Health Consumer Alliance
        ("phone", "800-743-8525"),  # State Hearings Division
        ("tty", "800-952-8349"),
        ("duration", "60 days"),  # the plan appeal
        ("duration", "120 days"),  # a State Hearing after the plan's answer
        ("duration", "30 days"),  # no answer from the plan
    },
    "health-insurance/self-funded-employer-plan.md": DMHC
    | {
        ("duration", "180 days"),  # the appeal to the plan
        ("duration", "4 months"),  # external review, the federal rule
        ("duration", "60 days"),  # external review, HealthCare.gov
        ("duration", "45 days"),  # the reviewer's decision
        ("duration", "72 hours"),  # the same, when urgent
        ("duration", "30 days"),  # EBSA's written answer
    },
    "health-insurance/medicare-appeal.md": {
        ("phone", "800-434-0222"),  # HICAP
        ("duration", "60 days"),  # to ask the plan to look again
        ("duration", "72 hours"),  # a fast decision
        ("duration", "30 days"),  # care not received yet
        ("duration", "7 days"),  # a Part B drug
        ("duration", "120 days"),  # Original Medicare, after the summary notice
        ("duration", "3 months"),  # the summary notice comes every 3 months
    },
    "health-insurance/dental-vision-plan.md": DMHC
    | CDI
    | {
        ("phone", "888-804-3536"),
        ("phone", "800-322-6384"),  # Medi-Cal Dental
        ("tty", "800-735-2922"),
        ("duration", "30 days"),  # the plan's answer to a grievance
        ("duration", "6 months"),  # to go to the DMHC or the CDI
        ("number", "1374.30"),
        ("number", "10169"),
    },
}

# Guidance the content review of 2026-11 corrected (../shared/content/review-2026-11.md,
# finding numbers in the comments), locked in the words of each language: each phrase
# must stand in the page, with any line breaks, and the wrong guidance must not come back.
KEY_PHRASES = {
    "guides/cdi-independent-medical-review.md": {  # 1: apply with the insurer's application
        "en": ["IMR application that your insurer must send with its denial letter"],
        "fr": ["formulaire de demande d'IMR que votre assureur doit joindre à sa lettre de refus"],
    },
    "health-insurance/independent-medical-review.md": {
        "en": [
            # 3: the 120 days are a Medi-Cal managed care plan's, after its NAR
            "In a Medi-Cal managed care plan, last day to ask for a State Hearing (120 days "
            "after the Notice of Appeal Resolution)",
            "A DMHC plan must authorize the care within **5 business days**",  # 7
            "the practice of medicine",  # 4: specialized plans
        ],
        "fr": [
            "Pour un régime de soins gérés de Medi-Cal, le dernier jour pour demander une audience "
            "devant l'État (State Hearing), 120 jours après l'avis de décision sur recours "
            "(Notice of Appeal Resolution)",
            "doit autoriser les soins dans les **5 jours ouvrables**",
            "la pratique de la médecine",
        ],
    },
    "health-insurance/covered-california-open-enrollment.md": {  # 15: the first premium
        "en": ["starting the month after you make your first payment", "Pay your first bill"],
        "fr": ["à partir du mois qui suit votre premier paiement", "payez votre première facture"],
    },
    "health-insurance/special-enrollment-period.md": {  # 16 and 17
        "en": [
            "counts only if you can now get at least one new Covered California plan",
            "lost coverage after leaving active duty, reserve duty or the California",
            "you can apply before it ends",
        ],
        "fr": [
            "compte seulement si vous avez maintenant accès à au moins un nouveau régime de "
            "Covered California",
            "vous avez perdu votre couverture",
            "vous pouvez faire la demande avant qu'elle prenne fin",
        ],
    },
    "guides/which-regulator.md": {  # 2 and 9
        "en": ["A private employer's plan"],
        "fr": ["Pour le régime d'un employeur privé"],
    },
    "glossary.md": {  # 8 and 12
        "en": [
            "ask for an *appeal* of the plan's notice of action",
            "It also covers Covered California decisions on who can get coverage",
        ],
        "fr": [
            "demandez un *recours* (appeal) contre l'avis de décision initiale (notice of action)",
            "Elle porte aussi sur les décisions de Covered California sur votre droit à une "
            "couverture",
        ],
    },
    "contacts.md": {  # 24: a free interpreter
        "en": ["You have the right to a free interpreter"],
        "fr": ["Demandez un interprète gratuit en français"],
    },
}
WRONG_GUIDANCE = {
    "en": [
        "call the CDI Consumer Hotline to apply",  # 1
        "If you have Medi-Cal, last day to ask for a State Hearing",  # 3
        "reserved for Medi-Cal",  # 12
    ],
    "fr": [
        "réservée aux bénéficiaires de Medi-Cal",  # 12
        "Si le DMHC autorise votre régime",  # 13
        "statut d'immigration satisfaisant",  # Part 2
    ],
}


def key_fact_problems(docs_dir, lang: str, rel_path: str) -> list[str]:
    """Each key fact of a page that it does not state, or also states as another kind."""
    page = page_model.read_page(docs_dir, lang, rel_path)
    stated = facts.extract(page.body, lang, page.body_line)
    kinds = {fact.key for fact in stated}
    problems = []
    for kind, value in sorted(KEY_FACTS[rel_path]):
        if (kind, value) not in kinds:
            problems.append(f"{page.source}: no longer states {kind} '{value}'")
        problems += [
            f"{page.source}:{fact.line}: {kind} '{value}' is given as {fact.kind} here"
            for fact in stated
            if fact.value == value and fact.kind != kind
        ]
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rel_path", sorted(KEY_FACTS))
def test_every_key_fact_is_stated(rel_path, lang):
    assert key_fact_problems(ROOT / "docs", lang, rel_path) == []


def page_text(lang: str, rel_path: str) -> str:
    """A page as written, with its line breaks as single spaces."""
    return " ".join((ROOT / "docs" / lang / rel_path).read_text(encoding="utf-8").split())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rel_path", sorted(KEY_PHRASES))
def test_the_corrected_guidance_is_stated(rel_path, lang):
    text = page_text(lang, rel_path)
    missing = [phrase for phrase in KEY_PHRASES[rel_path][lang] if phrase not in text]
    assert missing == [], f"docs/{lang}/{rel_path} no longer says {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_wrong_guidance_never_comes_back(lang):
    pages = sorted((ROOT / "docs" / lang).rglob("*.md"))
    found = [
        (path.relative_to(ROOT).as_posix(), wrong)
        for path in pages
        for wrong in WRONG_GUIDANCE[lang]
        if wrong.lower() in " ".join(path.read_text(encoding="utf-8").split()).lower()
    ]
    assert found == []


def swap(text: str, first: str, second: str) -> str:
    return text.replace(first, "\0").replace(second, first).replace("\0", second)


@pytest.mark.parametrize(
    "rel_path", ["contacts.md", "health-insurance/independent-medical-review.md"]
)
def test_a_phone_and_a_tty_number_swapped_in_both_languages_fail(tmp_path, rel_path):
    # The translations agree with each other, so only the key facts can see it.
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for lang in LANGUAGES:
        page = docs / lang / rel_path
        text = page.read_text(encoding="utf-8")
        assert "1-800-927-4357" in text and "1-800-482-4833" in text
        page.write_text(swap(text, "1-800-927-4357", "1-800-482-4833"), encoding="utf-8")
        problems = key_fact_problems(docs, lang, rel_path)
        assert any("tty '800-482-4833' is given as phone here" in p for p in problems), problems
        assert any("phone '800-927-4357' is given as tty here" in p for p in problems), problems
