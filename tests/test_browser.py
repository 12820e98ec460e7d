"""The site as readers meet it, in Debian's chromium: accessible (axe-core, WCAG 2.1 A
and AA), private (no request leaves 127.0.0.1), usable by keyboard and on a phone, in
the right language, printable; and the reader's tools work in both languages."""

from __future__ import annotations

import urllib.parse

import pytest

from sitekit.build.phone_links import PHONE as PHONE_NUMBER
from tests.accessibility import axe_violations
from tests.sitebuild import LANGUAGES, ROOT, language_of, output_path, source_pages

ARTIFACTS = ROOT / "test-artifacts"
PAGES = [output_path(lang, rel) for lang, pages in source_pages().items() for rel in pages]
IMR = "health-insurance/independent-medical-review.md"
PHONE = {"width": 375, "height": 812}
PREFIX = {"en": "", "fr": "fr/"}


def url_of(site_url, path):
    return site_url + path.removesuffix("index.html")


@pytest.mark.parametrize("path", [*PAGES, "404.html", "fr/404.html"])
def test_page_is_accessible_private_and_fits_a_phone(page, site_url, path):
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(site_url) else None
        ),
    )
    page.goto(url_of(site_url, path))
    assert axe_violations(page) == []
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, path))
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"
    # Tables are cards on a phone: no cell is cut off or hidden in a scrolled box.
    cut = page.evaluate(
        """() => [...document.querySelectorAll('article table td')]
            .filter(cell => cell.getBoundingClientRect().right > innerWidth + 0.5
                || cell.scrollWidth > cell.clientWidth + 1)
            .map(cell => cell.textContent.trim().slice(0, 40))"""
    )
    assert cut == [], f"{path}: cells cut off at 375px: {cut}"
    # Every phone number on screen can be tapped (fax numbers stay text) and is on one line.
    numbers = page.evaluate(
        r"""(pattern) => {
            const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
            const found = [];
            const number = new RegExp(pattern);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                if (!number.test(node.data) || node.parentElement.closest('code')) continue;
                const holder = node.parentElement.closest('.site-tel');
                found.push({
                    text: node.data.trim(),
                    // a link to call, or a fax number kept as text (tests/test_phone_links.py)
                    linked: !!holder && (holder.tagName === 'SPAN' || holder.href.startsWith('tel:')),
                    lines: holder ? holder.getClientRects().length : 0,
                });
            }
            return found;
        }""",
        PHONE_NUMBER.pattern,
    )
    # (0 lines: in a step of the chooser not shown now)
    assert all(item["linked"] and item["lines"] <= 1 for item in numbers), (path, numbers)
    assert axe_violations(page) == []
    assert outside == []


@pytest.mark.parametrize(
    "path", [output_path(lang, rel) for lang in LANGUAGES for rel in ("index.md", IMR)]
)
def test_a_page_view_requests_no_missing_file_and_no_other_host(page, site_dir, path):
    """With the default configuration (site_url on calhealthhelp.example), served here:
    the theme fetches a sitemap.xml beside every <link rel="alternate">, so such a link
    must lead to a folder that has one, on this host."""
    from sitekit.check.local_browser import serve

    with serve(site_dir) as base:
        outside, missing = [], []
        page.on(
            "request",
            lambda request: (
                outside.append(request.url) if not request.url.startswith(base) else None
            ),
        )
        page.on(
            "response",
            lambda response: missing.append(response.url) if response.status >= 400 else None,
        )
        page.goto(url_of(base, path))
        page.wait_for_load_state("networkidle")
        assert outside == [], outside
        assert missing == [], missing


@pytest.mark.parametrize("path", PAGES)
def test_the_language_switcher_lands_on_the_same_page(page, site_url, path):
    lang = language_of(path)
    other = "en" if lang == "fr" else "fr"
    page.goto(url_of(site_url, path))
    href = page.locator(f"a.md-select__link[hreflang={other}]").evaluate("link => link.href")
    twin = path.removeprefix("fr/") if lang == "fr" else "fr/" + path
    assert urllib.parse.urlsplit(href).path == "/" + twin.removesuffix("index.html")
    page.goto(href)
    assert page.evaluate("document.documentElement.lang") == other


def test_screenshots_of_the_imr_question(page, site_url):
    """Saved for people to look at: phone and desktop, both languages."""
    ARTIFACTS.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        for name, size in (("phone", PHONE), ("desktop", {"width": 1280, "height": 900})):
            page.set_viewport_size(size)
            page.goto(url_of(site_url, output_path(lang, IMR)))
            shot = ARTIFACTS / f"imr-{lang}-{name}.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            page.locator("#contacts").scroll_into_view_if_needed()
            shot = ARTIFACTS / f"imr-contacts-{lang}-{name}.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000


def test_keyboard_skip_link_focus_search_and_navigation(page, site_url):
    page.goto(url_of(site_url, output_path("en", IMR)))
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " return [e.className, e.textContent.trim(), r.width > 0 && r.height > 0,"
        " getComputedStyle(e).outlineStyle]; }"
    )
    assert "md-skip" in skip[0].split() and skip[1] == "Skip to content" and skip[2], skip
    assert skip[3] != "none", "the skip link has no visible focus"
    reached, outlines = set(), set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return [e.tagName, e.className, e.getAttribute('href'), getComputedStyle(e).outlineStyle]; }"
        )
        reached.add((focused[0], focused[1]))
        if focused[0] == "A" and "md-nav__link" in (focused[1] or ""):
            outlines.add(focused[3])
    assert any(tag == "INPUT" and "md-search__input" in cls for tag, cls in reached) or any(
        tag == "LABEL" and "md-search" in (cls or "") for tag, cls in reached
    ), reached
    assert any("md-nav__link" in (cls or "") for _, cls in reached), reached
    assert outlines and "none" not in outlines


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Print this page"), ("fr", "Imprimer cette page")]
)
def test_a_question_prints_without_navigation_with_its_address_dates_and_sources(
    page, site_url, lang, label
):
    address = url_of(site_url, output_path(lang, IMR))
    page.goto(address)
    assert page.locator(".page-actions button").inner_text() == label
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer', '.page-actions']
            .map(selector => document.querySelector(selector))
            .filter(element => element && getComputedStyle(element).display !== 'none')
            .map(element => element.className)"""
    )
    assert hidden == []
    assert page.locator(".print-only").inner_text() == address
    assert page.locator(".page-dates").is_visible() and page.locator(".page-sources").is_visible()


@pytest.mark.parametrize(
    ("lang", "label", "subject"),
    [
        ("en", "Report a problem with this page", "Problem with the page:"),
        ("fr", "Signaler un problème sur cette page", "Problème sur la page\u00a0:"),
    ],
)
def test_report_a_problem_writes_an_email_with_the_page_title_and_address(
    page, site_url, lang, label, subject
):
    address = url_of(site_url, output_path(lang, IMR))
    page.goto(address)
    link = page.locator(".page-actions a")
    assert link.inner_text() == label
    mailto = urllib.parse.urlsplit(link.get_attribute("href"))
    fields = urllib.parse.parse_qs(mailto.query)
    assert mailto.scheme == "mailto" and mailto.path == "corrections@calhealthhelp.example"
    title = page.evaluate("document.querySelector('h1').textContent.trim()")
    assert fields["subject"] == [f"{subject} {title}"]
    assert fields["body"][0].endswith(address)


# The deadline calculator


DATE_CASES = [
    ((2026, 1, 15), 6, (2026, 7, 15)),
    ((2025, 8, 31), 6, (2026, 2, 28)),  # a month end: the end of February
    ((2023, 8, 31), 6, (2024, 2, 29)),  # a leap year
    ((2025, 12, 31), 6, (2026, 6, 30)),
    ((2026, 3, 31), 6, (2026, 9, 30)),
    ((2025, 9, 15), 6, (2026, 3, 15)),  # across the year
]


def test_the_calculator_adds_months_as_the_deadline_counts_them(page, site_url):
    page.goto(url_of(site_url, output_path("en", IMR)))
    for (year, month, day), months, expected in DATE_CASES:
        result = page.evaluate(
            "([date, months]) => siteDeadlines.addMonths(date, months)",
            [{"year": year, "month": month, "day": day}, months],
        )
        assert (result["year"], result["month"], result["day"]) == expected
    assert page.evaluate("siteDeadlines.addDays({year: 2026, month: 1, day: 15}, 120)") == {
        "year": 2026,
        "month": 5,
        "day": 15,
    }
    assert page.evaluate("siteDeadlines.addDays({year: 2024, month: 2, day: 1}, 120)") == {
        "year": 2024,
        "month": 5,
        "day": 31,
    }
    assert page.evaluate("siteDeadlines.parseIsoDate('2025-02-29')") is None
    assert page.evaluate("siteDeadlines.parseIsoDate('14/08/2025')") is None


# The State Hearing line is only for a Medi-Cal managed care plan's decision, counted from
# the Notice of Appeal Resolution (cdss.ca.gov/hearing-requests): the whole line is
# checked, so a line offered to "anyone with Medi-Cal" fails.
IMR_LINE = {
    "en": "Last day to apply for an IMR: {}.",
    "fr": "Dernier jour pour demander un IMR\u00a0: {}.",
}
HEARING_LINE = {
    "en": "In a Medi-Cal managed care plan, last day to ask for a State Hearing"
    " (120 days after the Notice of Appeal Resolution): {}.",
    "fr": "Pour un régime de soins gérés de Medi-Cal, le dernier jour pour demander une"
    " audience devant l'État (State Hearing), 120 jours après l'avis de décision sur recours"
    " (Notice of Appeal Resolution), est le {}.",
}
TYPED = {"en": "01/15/2026", "fr": "15/01/2026"}  # the page's own order
LONG = {
    "en": ("July 15, 2026", "May 15, 2026"),
    "fr": ("15 juillet 2026", "15 mai 2026"),
}


def calculator(page, site_url, lang, rel, today):
    """The page's calculator, with the browser's clock set to today (ISO)."""
    page.clock.set_fixed_time(f"{today}T12:00:00")
    page.goto(url_of(site_url, output_path(lang, rel)))
    tool = page.locator(".site-deadline")
    assert tool.is_visible()
    return tool


def result(tool) -> list[tuple[str, str]]:
    return [
        (line.inner_text(), line.get_attribute("class") or "")
        for line in tool.locator("[data-result] p").all()
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rel", [IMR, "guides/dmhc-independent-medical-review.md"])
def test_the_calculator_gives_the_last_days_in_the_page_language(page, site_url, lang, rel):
    tool = calculator(page, site_url, lang, rel, "2026-02-01")
    page.fill("#decision-date", TYPED[lang])
    imr, hearing = LONG[lang]
    assert result(tool) == [
        (IMR_LINE[lang].format(imr), "site-deadline__deadline"),
        (HEARING_LINE[lang].format(hearing), ""),
    ]
    deadline = tool.locator(".site-deadline__deadline")
    assert float(deadline.evaluate("e => parseFloat(getComputedStyle(e).fontWeight)")) >= 700


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_deadline_already_past_is_said_with_what_to_do(page, site_url, lang):
    tool = calculator(page, site_url, lang, IMR, "2026-12-07")
    page.fill("#decision-date", TYPED[lang])
    lines = result(tool)
    assert lines[0][1] == "site-deadline__deadline"
    text, kind = lines[1]
    assert kind == "site-deadline__past"
    # A late application is hedged: no official DMHC page promises it will be accepted.
    assert ("has passed" in text and "apply anyway" in text and "explain why" in text) or (
        "est passée" in text and "faites-la quand même" in text and "expliquez pourquoi" in text
    ), text
    assert lines[2][0].endswith(("This day has passed.", "Cette date est passée."))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_date_in_the_future_or_unreadable_is_refused_with_a_sentence(page, site_url, lang):
    tool = calculator(page, site_url, lang, IMR, "2026-12-07")
    page.fill("#decision-date", {"en": "12/08/2026", "fr": "08/12/2026"}[lang])
    [(text, kind)] = result(tool)
    assert kind == "site-deadline__warning"
    assert "in the future" in text or "pas encore arrivée" in text, text
    for wrong in ("31/02/2026", "13/45/2026", "2026", "15/01/26"):
        page.fill("#decision-date", wrong)
        [(text, kind)] = result(tool)
        assert kind == "site-deadline__warning", wrong
        assert {"en": "month/day/year", "fr": "jour/mois/année"}[lang] in text
    page.fill("#decision-date", "")
    assert result(tool) == []


@pytest.mark.parametrize(
    ("lang", "typed", "deadline"),
    [
        ("en", "08/31/2023", "February 29, 2024"),
        ("fr", "31/08/2023", "29 février 2024"),
    ],
)
def test_the_calendar_fills_the_date_in_the_page_format_leap_year_included(
    page, site_url, lang, typed, deadline
):
    tool = calculator(page, site_url, lang, IMR, "2024-01-10")
    page.fill("#decision-date-picker", "2023-08-31")
    page.dispatch_event("#decision-date-picker", "change")
    assert page.input_value("#decision-date") == typed
    assert result(tool)[0][0] == IMR_LINE[lang].format(deadline)
    assert page.get_attribute("#decision-date-picker", "max") == "2024-01-10"


def test_the_first_of_the_month_is_1er_in_french(page, site_url):
    tool = calculator(page, site_url, "fr", IMR, "2026-07-01")
    page.fill("#decision-date", "1/6/2026")
    assert result(tool)[0][0] == IMR_LINE["fr"].format("1er décembre 2026")
    assert (
        page.evaluate("siteDeadlines.longDate({year: 2026, month: 12, day: 11}, 'fr')")
        == "11 décembre 2026"
    )


def test_the_help_box_leads_to_the_calculator(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(url_of(site_url, output_path("en", IMR)))
    page.click(".site-help a[href='#deadline-calculator']")
    assert page.evaluate("location.hash") == "#deadline-calculator"
    top = page.evaluate(
        "document.getElementById('deadline-calculator').getBoundingClientRect().top"
    )
    assert 0 <= top < PHONE["height"] / 2


def test_without_javascript_the_rule_is_written_and_the_tool_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url_of(site_url, output_path("en", IMR)))
    assert not page.locator(".site-deadline").is_visible()
    assert "within 6 months" in page.locator("#step-5 ~ p").first.inner_text()
    page.goto(url_of(site_url, output_path("en", "guides/which-regulator.md")))
    assert not page.locator(".site-chooser").is_visible()
    assert page.locator("#medicare").is_visible()
    context.close()


# The regulator chooser


CHOOSER_PATHS = [
    # Medicare only: Medicare's own appeals.
    (["result-medicare"], "#medicare"),
    # Medi-Cal only.
    (["medi-cal-plan", "result-medi-cal-plan"], "#medi-cal-managed-care"),
    (["medi-cal-plan", "result-medi-cal"], "#medi-cal-fee-for-service"),
    # Medicare and Medi-Cal: care Medi-Cal covers keeps the Medi-Cal routes (IMR, State Hearing).
    (["dual-service", "medi-cal-plan", "result-medi-cal-plan"], "#medi-cal-managed-care"),
    (["dual-service", "medi-cal-plan", "result-medi-cal"], "#medi-cal-fee-for-service"),
    (["dual-service", "result-medicare"], "#medicare"),
    (["dual-service", "result-dual-unsure"], "#medicare-and-medi-cal"),
    # Neither.
    (["employer", "result-employer"], "#self-funded"),
    (["employer", "plan-type", "result-dmhc"], "../dmhc-independent-medical-review/"),
    (["employer", "plan-type", "result-cdi"], "../cdi-independent-medical-review/"),
    (["employer", "plan-type", "result-unsure"], "#contacts"),
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("answers", "link"), CHOOSER_PATHS)
def test_the_regulator_chooser_leads_to_the_right_place(page, site_url, lang, answers, link):
    page.goto(url_of(site_url, output_path(lang, "guides/which-regulator.md")))
    tool = page.locator(".site-chooser")
    for answer in answers:
        tool.locator(f"[data-step]:visible button[data-next='{answer}']").click()
    result = tool.locator(f"[data-step='{answers[-1]}']")
    assert result.is_visible() and tool.locator("[data-step]:visible").count() == 1
    assert result.locator("p").first.locator("a").last.get_attribute("href") == link
    if link.startswith("#"):
        assert page.locator(link).count() == 1, f"{link} is not a heading of the page"
    # Who to call, with a number to tap, for every result the site has a number for.
    calls = result.locator("[data-help-line] a.site-tel")
    assert calls.count() >= (0 if answers[-1] == "result-employer" else 1)
    back_text = result.locator("button[data-site-back]").text_content()
    assert back_text == {"en": "Back", "fr": "Retour"}[lang]
    # Back goes one step back, as many times as the reader went forward.
    for previous in reversed(["start", *answers[:-1]]):
        tool.locator("[data-step]:visible button[data-site-back]").click()
        assert tool.locator(f"[data-step='{previous}']").is_visible(), previous
    assert tool.locator("[data-step='start'] button[data-site-back]").count() == 0
    for answer in answers:
        tool.locator(f"[data-step]:visible button[data-next='{answer}']").click()
    result.locator("button:not([data-next]):not([data-site-back])").click()
    assert tool.locator("[data-step='start']").is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_regulator_chooser_does_not_send_everyone_with_medicare_to_medicare(
    page, site_url, lang
):
    """Someone with both Medicare and Medi-Cal is asked which program covers the refused care."""
    page.goto(url_of(site_url, output_path(lang, "guides/which-regulator.md")))
    start = page.locator(".site-chooser [data-step='start']")
    targets = start.locator("button").evaluate_all("(bs) => bs.map((b) => b.dataset.next)")
    assert targets == ["medi-cal-plan", "result-medicare", "dual-service", "employer"]
    start.locator("button[data-next='dual-service']").click()
    dual = page.locator(".site-chooser [data-step='dual-service']")
    assert dual.is_visible()
    assert dual.locator("button[data-next='medi-cal-plan']").is_visible()
