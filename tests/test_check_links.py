"""check_links on the real built site and on copies of it with planted defects."""

from __future__ import annotations

import contextlib
import http.server
import shutil
import threading
import time
from typing import ClassVar

import pytest

from scripts import check_links
from sitekit.check import built_site, external_links
from tests.sitebuild import ROOT, build, copy_project

IMR = "health-insurance/independent-medical-review/index.html"
FR_IMR = "fr/" + IMR


def run(capsys, site, *args) -> tuple[int, str]:
    with contextlib.chdir(ROOT):
        code = check_links.main([str(site), *args])
    return code, capsys.readouterr().out


@pytest.fixture
def site_copy(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    return copy


def edit(site, path, old, new):
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def at(site, path, written) -> str:
    """'site/path:line', the line where the page first has the text written."""
    text = (site / path).read_text(encoding="utf-8")
    assert written in text, f"{written!r} not in {path}"
    return f"{site}/{path}:{text.count(chr(10), 0, text.index(written)) + 1}"


def test_the_real_site_has_nothing_broken(capsys, site_dir):
    code, output = run(capsys, site_dir)
    assert code == 0, output
    assert output.strip().endswith("up to date, nothing broken")


def test_a_broken_link_is_reported(capsys, site_copy):
    edit(site_copy, "index.html", 'href="health-insurance/"', 'href="health-insurance/nope/"')
    code, output = run(capsys, site_copy)
    assert code == 1
    where = at(site_copy, "index.html", 'href="health-insurance/nope/"')
    assert (
        f"{where}: broken link 'health-insurance/nope/': "
        f"{site_copy}/health-insurance/nope/index.html does not exist"
    ) in output


def test_a_broken_anchor_is_reported_once_per_page(capsys, site_copy):
    edit(site_copy, FR_IMR, 'href="#step-2"', 'href="#step-22"')
    code, output = run(capsys, site_copy)
    assert code == 1
    where = at(site_copy, FR_IMR, 'href="#step-22"')
    message = f"{where}: broken anchor '#step-22': no id 'step-22' in {site_copy}/{FR_IMR}"
    assert output.count(message) == 1, output


def test_a_missing_asset_is_reported(capsys, site_copy):
    stylesheet = next((site_copy / "assets/stylesheets").glob("main.*.min.css"))
    stylesheet.unlink()
    code, output = run(capsys, site_copy)
    assert code == 1
    line = at(site_copy, IMR, f"stylesheets/{stylesheet.name}")
    assert f"{line}: broken link '../../assets/stylesheets/{stylesheet.name}'" in output


def test_a_link_into_the_other_language_is_reported(capsys, site_copy):
    edit(site_copy, FR_IMR, 'href="../"', 'href="../../../health-insurance/"')
    code, output = run(capsys, site_copy)
    assert code == 1
    where = at(site_copy, FR_IMR, 'href="../../../health-insurance/"')
    assert (
        f"{where}: link '../../../health-insurance/' leads from a page in 'fr' to a page in "
        "'en'; link to the page in 'fr' instead"
    ) in output


def test_the_language_switcher_and_alternates_are_allowed(capsys, site_dir):
    html = (site_dir / FR_IMR).read_text(encoding="utf-8")
    assert 'hreflang="en"' in html  # the switcher and the alternate cross languages
    assert run(capsys, site_dir)[0] == 0


def test_a_sitemap_entry_without_a_page_is_reported(capsys, site_copy):
    edit(
        site_copy,
        "sitemap.xml",
        "</urlset>",
        "<url><loc>https://calhealthhelp.example/gone/</loc></url></urlset>",
    )
    code, output = run(capsys, site_copy)
    assert code == 1
    assert f"{site_copy}/sitemap.xml: broken link 'https://calhealthhelp.example/gone/'" in output


def test_an_alternate_without_its_twin_is_reported(capsys, site_copy):
    (site_copy / FR_IMR).unlink()
    code, output = run(capsys, site_copy)
    assert code == 1
    twin = "../../fr/health-insurance/independent-medical-review/"
    where = at(site_copy, IMR, f'href="{twin}"')
    assert f"{where}: broken link '{twin}'" in output


def test_a_redirect_to_a_missing_page_is_reported(capsys, site_copy):
    redirect = site_copy / "old-page/index.html"
    redirect.parent.mkdir()
    redirect.write_text('<meta http-equiv="refresh" content="0; url=../nope/">')
    code, output = run(capsys, site_copy)
    assert code == 1
    assert f"{site_copy}/old-page/index.html:1: broken link '../nope/'" in output


PLANTED_LINKS = [  # (what a page holds, the problem reported at its line, or None)
    ('<a href="javascript:alert(1)">x</a>', "link 'javascript:alert(1)' uses 'javascript:'"),
    ("<a href=JaVaScRiPt:alert(2)>x</a>", "link 'JaVaScRiPt:alert(2)' uses 'javascript:'"),
    ('<a href="&#106;avascript:alert(3)">x</a>', "link 'javascript:alert(3)' uses 'javascript:'"),
    ('<iframe src="data:text/html,x"></iframe>', "link 'data:text/html,x' uses 'data:'"),
    ("<img src=missing.png>", "broken link 'missing.png'"),
    ("<!-- <a href=javascript:alert(4)> -->", None),
    ('<a href="tel:+18004664644">x</a> <a href="mailto:a@b.example">y</a>', None),
    ('<a href="&#106avascript:alert(5)">x</a>', "link 'javascript:alert(5)' uses 'javascript:'"),
    ("<textarea><a href=javascript:alert(6)></textarea>", None),
    ('<img\n  alt=""\n  src="missing-too.png">', "broken link 'missing-too.png'"),
]
AFTER_THE_PAGE = "<a href=javascript:alert(7)>x</a>"  # after </html>: a browser still shows it
SCHEMES = "; a page may only link to https:, mailto: and tel: addresses and to its own pages"


def test_unsafe_schemes_and_unquoted_attributes_are_reported_at_their_line(capsys, site_copy):
    planted = "\n".join(html for html, _ in PLANTED_LINKS)
    edit(site_copy, IMR, "</article>", planted + "\n</article>")
    edit(site_copy, IMR, "</html>", "</html>\n" + AFTER_THE_PAGE)
    code, output = run(capsys, site_copy)
    assert code == 1
    for html, problem in PLANTED_LINKS:
        if problem:  # a tag written over several lines: the line where it starts
            assert f"{at(site_copy, IMR, html)}: {problem}" in output, output
    assert f"{at(site_copy, IMR, AFTER_THE_PAGE)}: link 'javascript:alert(7)'" in output
    assert f"uses 'javascript:'{SCHEMES}" in output
    assert "alert(4)" not in output and "alert(6)" not in output
    assert "'tel:" not in output and "'mailto:" not in output
    assert len([line for line in output.splitlines() if line.startswith(str(site_copy))]) == 8


def test_a_page_the_parser_gives_up_on_is_reported(capsys, tmp_path):
    page = tmp_path / "site/index.html"
    page.parent.mkdir()
    page.write_text("<p>Deep:\n" + "<div>" * 2100 + '\n<a href="nope/">x</a>\n', "utf-8")
    code, output = run(capsys, page.parent)
    assert code == 1
    assert (
        f"{page}:2: the HTML parser stopped reading the page here (libxml2: Excessive depth "
        "in document: 2048"
    ) in output
    assert "links after this line are not checked; simplify the HTML there" in output


def test_a_link_written_in_a_page_is_reported_at_its_source_line(capsys, tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/health-insurance/cal-cobra.md"
    text = page.read_text(encoding="utf-8")
    lines = text.count("\n")
    page.write_text(
        text + '\n[Call us](javascript:alert(1))\n\n<img src=missing.png alt="">\n',
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    code, output = run(capsys, site, "--config", str(project / "mkdocs.yml"))
    source = f"{project}/docs/en/health-insurance/cal-cobra.md"
    assert code == 1
    assert f"{source}:{lines + 2}: link 'javascript:alert(1)' uses 'javascript:'" in output
    assert f"{source}:{lines + 4}: broken link 'missing.png': {site}/health-insurance/" in output


def test_an_external_link_must_be_well_formed_https(capsys, site_copy):
    edit(site_copy, IMR, 'href="https://www.cdss.ca.gov/', 'href="http://www.cdss.ca.gov/')
    edit(
        site_copy,
        FR_IMR,
        'href="https://www.cdss.ca.gov/hearing-requests"',
        'href="https://cdss/x"',
    )
    code, output = run(capsys, site_copy)
    assert code == 1
    assert (
        f"{at(site_copy, IMR, 'http://www.cdss.ca.gov/')}: external link "
        "'http://www.cdss.ca.gov/hearing-requests' is not https; use the https:// address"
    ) in output
    assert (
        f"{at(site_copy, FR_IMR, 'https://cdss/x')}: external link 'https://cdss/x' is not a "
        "well-formed address" in output
    )


def test_external_links_are_listed_once_per_page(capsys, site_dir):
    code, output = run(capsys, site_dir, "--list-external")
    lines = [
        line for line in output.splitlines() if line.startswith(f"{site_dir}/{IMR}: external ")
    ]
    assert code == 0
    assert len(lines) == len(set(lines)) > 0


class Answers(http.server.BaseHTTPRequestHandler):
    """A local server that answers like the web does: fine, moved, gone, broken, slow."""

    hits: ClassVar[list[str]] = []

    def answer(self):
        Answers.hits.append(self.path)
        if self.path == "/slow":
            time.sleep(1.0)
        status, headers = {
            "/ok": (200, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/temporary": (302, {"Location": "/ok"}),
            "/gone": (404, {}),
            "/error": (500, {}),
            "/slow": (200, {}),
        }.get(self.path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Answers.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_external_answers_are_classified_and_cached(server, tmp_path):
    urls = [
        f"{server}{path}" for path in ("/ok", "/moved", "/temporary", "/gone", "/error", "/slow")
    ]
    cache = tmp_path / "cache.json"
    options = dict(cache_file=cache, timeout=0.3, retries=1, per_host_interval=0.0, concurrency=4)
    answers = external_links.check_urls(urls, **options)
    problems = {url.removeprefix(server): answers[url].problem for url in urls}
    assert problems == {
        "/ok": None,
        "/moved": f"moved permanently (301) to {server}/ok; update the link",
        "/temporary": None,
        "/gone": "answered 404; fix or remove the link",
        "/error": "answered 500; fix or remove the link",
        "/slow": "no answer (timed out after 0.3 s)",
    }
    assert Answers.hits.count("/error") == 2  # retried once
    before = len(Answers.hits)
    again = external_links.check_urls(urls, **options)
    assert {url: a.problem for url, a in again.items()} == {
        url: a.problem for url, a in answers.items()
    }
    assert Answers.hits[before:] == [
        "/slow",
        "/slow",
    ]  # only the URL without an answer is asked again


def test_requests_to_one_host_are_spaced(server):
    urls = [f"{server}/ok?{n}" for n in range(4)]
    started = time.monotonic()
    external_links.check_urls(urls, cache_file=None, per_host_interval=0.1, concurrency=4)
    assert time.monotonic() - started >= 0.3


def test_the_external_mode_reports_broken_external_links_per_page(
    capsys, site_copy, server, tmp_path
):
    edit(site_copy, IMR, 'href="https://www.cdss.ca.gov/hearing-requests"', f'href="{server}/gone"')
    edit(
        site_copy,
        IMR,
        'href="https://www.dmhc.ca.gov/FileaComplaint.aspx"',
        f'href="{server}/moved"',
    )
    for page in site_copy.rglob("*.html"):  # only the local server is asked
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace('href="https://', 'href="https://localhost.invalid/'), encoding="utf-8"
        )
    code, output = run(
        capsys,
        site_copy,
        "--external",
        "--cache",
        str(tmp_path / "c.json"),
        "--timeout",
        "0.5",
        "--retries",
        "0",
        "--per-host-interval",
        "0",
    )
    assert code == 1
    assert (
        f"{at(site_copy, IMR, f'{server}/gone')}: external link '{server}/gone': answered 404; "
        "fix or remove the link" in output
    )
    assert (
        f"{at(site_copy, IMR, f'{server}/moved')}: external link '{server}/moved': moved "
        f"permanently (301) to {server}/ok" in output
    )


def test_attribute_values_are_decoded_as_browsers_decode_them(tmp_path):
    (tmp_path / "page.html").write_text(
        '<a href="https://x.gov/s?lawCode=HSC&amp;sectionNum=1&sectionNum=2&#38;">x</a>\n'
        '<a href="&#106avascript:x&notit;&notin;&#x6Aa&copy=1&amp">y</a>',
        encoding="utf-8",
    )
    links = built_site.read_html(tmp_path, "page.html").links
    assert [link.url for link in links] == [
        "https://x.gov/s?lawCode=HSC&sectionNum=1&sectionNum=2&",
        "javascript:x&notit;\u2209\u06aa&copy=1&",
    ]


def test_a_link_past_the_lines_libxml2_counts_has_no_line_rather_than_a_wrong_one(tmp_path):
    text = '<a href="first">\n<img\nsrc="second">' + "<p>\n" * 70_000 + '<a href="last">'
    (tmp_path / "page.html").write_text(text, encoding="utf-8")
    links = built_site.read_html(tmp_path, "page.html").links
    assert [(link.url, link.line) for link in links] == [("first", 1), ("second", 2), ("last", 0)]


def test_a_large_site_is_read_in_parallel_with_the_same_result(capsys, site_copy, monkeypatch):
    edit(site_copy, FR_IMR, 'href="#step-2"', 'href="#step-22"')
    serial = run(capsys, site_copy)
    monkeypatch.setattr(check_links, "PARALLEL_FROM", 1)
    assert run(capsys, site_copy) == serial and serial[0] == 1
