"""The files static hosts read (sitekit/build/host_files.py), tested on the built site
served by a small host that applies them (sitekit/check/static_host.py): real 301s that
keep the reader's #anchor, a 404 page in each language, the security headers, and the
site working under its own Content-Security-Policy in chromium."""

from __future__ import annotations

import base64
import hashlib
import http.client
import re
import shutil
import urllib.parse

import pytest
import yaml

from sitekit.build import host_files
from sitekit.check import static_host
from sitekit.check.local_browser import serve
from tests.conftest import CSP
from tests.sitebuild import LANGUAGES, ROOT

PREFIX = {"en": "", "fr": "fr/"}
IMR_PAGE = "health-insurance/independent-medical-review/"


def short_links() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "redirects.yml").read_text(encoding="utf-8"))
    return {**data["short_links"], **(data["moved"] or {})}


def request(base: str, path: str, method: str = "GET") -> http.client.HTTPResponse:
    """One request, redirects not followed."""
    address = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request(method, "/" + path)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.fixture(scope="module")
def host(site_dir):
    with serve(site_dir, as_host=True) as base:
        yield base


# The files, as written


def test_an_inline_script_is_hashed_and_data_blocks_and_files_are_not():
    body = "__md_scope=1"
    expected = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    pages = [
        f"<script>{body}</script>",
        '<script type="application/json">{"a": 1}</script>',
        '<script type="application/ld+json">{}</script>',
        '<script src="x.js"></script>',
        f"<SCRIPT type='text/javascript'>{body}</SCRIPT>",
    ]
    assert host_files.inline_script_hashes(pages) == [f"'sha256-{expected}'"]


def test_the_policy_lists_every_inline_script_of_the_built_pages_and_nothing_else(site_dir):
    pages = [path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")]
    hashes = host_files.inline_script_hashes(pages)
    headers = dict(static_host.read_host_rules(site_dir).headers)["/*"]
    policy = headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'self'; script-src 'self' ")
    assert re.findall(r"'sha256-[^']+'", policy) == hashes
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # no other host
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "Referrer-Policy" in headers and "Permissions-Policy" in headers


def test_no_page_has_an_inline_event_handler_or_a_script_of_ours(site_dir):
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", text), path
        assert "location.replace" not in text, path


def test_redirects_cover_every_short_link_in_every_language(site_dir):
    rules = static_host.read_host_rules(site_dir).redirects
    forced = {(rule.source, rule.target) for rule in rules if rule.force and rule.status == 301}
    plain = {(rule.source, rule.target) for rule in rules if not rule.force and rule.status == 301}
    for lang in LANGUAGES:
        for source, target in short_links().items():
            page = "/" + PREFIX[lang] + target.removesuffix(".md") + "/"
            for path in (f"/{PREFIX[lang]}{source}/", f"/{PREFIX[lang]}{source}"):
                assert (path, page) in forced and (path, page) in plain, path
    assert static_host.Rule("/fr/*", "/fr/404.html", 404, False) in rules


def test_the_nginx_include_has_the_same_redirects_headers_and_404_pages(site_dir):
    text = (site_dir / host_files.NGINX_FILE).read_text(encoding="utf-8")
    for lang in LANGUAGES:
        for source, target in short_links().items():
            page = "/" + PREFIX[lang] + target.removesuffix(".md") + "/"
            assert f"location = /{PREFIX[lang]}{source}/ {{ return 301 {page}$is_args$args; }}" in (
                text
            )
    assert "error_page 404 /404.html;" in text
    assert "location /fr/ {\n    error_page 404 /fr/404.html;" in text
    policy = dict(static_host.read_host_rules(site_dir).headers)["/*"]["Content-Security-Policy"]
    # Every location with its own headers repeats the policy (nginx drops the server's).
    blocks = text.count("{\n")
    assert text.count(f'add_header Content-Security-Policy "{policy}" always;') == blocks + 1
    assert text.count("{") == text.count("}")


def test_a_line_the_host_cannot_read_is_reported_with_its_number():
    with pytest.raises(static_host.HostFileError, match=r"_redirects:2: "):
        static_host.read_redirects("/a /b 301\n/c /d 418\n")
    with pytest.raises(static_host.HostFileError, match=r"_headers:1: "):
        static_host.read_headers("  X-Orphan: 1\n")


def test_the_files_follow_the_site_address_path():
    redirects = host_files.host_redirects("/help/", ["", "fr/"], [("imr/", IMR_PAGE)])
    text = host_files.netlify_redirects(redirects, "/help/", ["", "fr/"])
    assert f"/help/fr/imr/ /help/fr/{IMR_PAGE} 301!" in text
    assert "/help/fr/* /help/fr/404.html 404" in text


# As a host serves them


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_short_link_is_a_real_301_to_the_page_of_its_language(host, lang):
    for path in (f"{PREFIX[lang]}imr/", f"{PREFIX[lang]}imr"):
        response = request(host, path)
        assert response.status == 301, path
        assert response.getheader("Location") == f"/{PREFIX[lang]}{IMR_PAGE}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_gets_the_404_page_of_its_language(host, lang):
    response = request(host, f"{PREFIX[lang]}no-such-page/")
    assert response.status == 404
    assert f'<html lang="{lang}"'.encode() in response.body
    assert response.getheader("Content-Security-Policy")


def test_every_response_has_the_headers_and_hashed_files_a_long_cache(host, site_dir):
    page = request(host, IMR_PAGE)
    assert page.status == 200
    assert page.getheader("Content-Security-Policy").startswith("default-src 'self'")
    assert page.getheader("X-Content-Type-Options") == "nosniff"
    assert "immutable" not in (page.getheader("Cache-Control") or "")
    hashed = host_files.hashed_files(site_dir)
    assert any(name.endswith(".min.js") for name in hashed)
    for name in hashed:
        assert request(host, name, "HEAD").getheader("Cache-Control") == host_files.LONG_CACHE
    assert "immutable" not in (
        request(host, "search/manifest.json").getheader("Cache-Control") or ""
    )


# In chromium, under the site's policy (the page fixture fails on any blocked script)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_short_link_keeps_the_anchor_through_the_301(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}imr/#step-4")
    page.wait_for_url(f"**/{PREFIX[lang]}{IMR_PAGE}#step-4")
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.fixture(scope="module")
def site_without_redirect_rules(local_site, tmp_path_factory):
    """The site on a host that applies its headers but not its redirects: the HTML
    redirect pages answer."""
    copy = tmp_path_factory.mktemp("no-redirects") / "site"
    shutil.copytree(local_site[0], copy)
    (copy / host_files.REDIRECTS_FILE).unlink()
    with serve(copy, as_host=True) as base:
        yield base


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_redirect_page_keeps_the_anchor_under_the_policy(page, site_without_redirect_rules, lang):
    base = site_without_redirect_rules
    response = request(base, f"{PREFIX[lang]}imr/")
    assert response.status == 200 and response.getheader("Content-Security-Policy")
    page.goto(f"{base}{PREFIX[lang]}imr/#step-4")
    page.wait_for_url(f"**/{PREFIX[lang]}{IMR_PAGE}#step-4")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_print_button_prints_under_the_policy(page, site_url, lang):
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(f"{site_url}{PREFIX[lang]}{IMR_PAGE}")
    button = page.locator(".page-actions button")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") is True


def test_the_print_button_is_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + IMR_PAGE)
    assert tab.locator(".page-actions button").count() == 1
    assert not tab.locator(".page-actions button").is_visible()
    context.close()


def test_a_planted_inline_script_is_caught(browser, local_site, tmp_path):
    """The check every browser test relies on (tests/conftest.py, page) sees a script the
    policy blocks."""
    copy = tmp_path / "site"
    shutil.copytree(local_site[0], copy)
    about = copy / "about" / "index.html"
    about.write_text(
        about.read_text(encoding="utf-8").replace("</body>", "<script>window.x=1</script></body>"),
        encoding="utf-8",
    )
    tab = browser.new_page()
    blocked = []
    tab.on("console", lambda message: blocked.append(message.text) if CSP in message.text else None)
    with serve(copy, as_host=True) as base:
        tab.goto(base + "about/")
        tab.wait_for_load_state("networkidle")
    tab.close()
    assert len(blocked) == 1 and "inline script" in blocked[0]
