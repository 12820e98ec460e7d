"""The real site, built once per test session with the project's own configuration."""

from __future__ import annotations

import pytest

from tests.sitebuild import ROOT, build


def pytest_collection_modifyitems(items):
    """A test that opens chromium is marked `browser` (make test-fast leaves those out)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir, result.stdout + result.stderr


@pytest.fixture(scope="session")
def site_dir(site_build):
    return site_build[0]


@pytest.fixture(scope="session")
def local_site(tmp_path_factory):
    """The site built for the address it is served at on 127.0.0.1, so that its absolute
    links (alternates, canonical URLs) stay on this machine in the browser tests. It is
    served as a static host serves it, with its _headers (the Content-Security-Policy)
    and _redirects: every browser test runs under the site's policy."""
    from sitekit.check.local_browser import free_port, serve

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("local-site")
    result = build(ROOT, site_dir, site_url=base)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site_dir, port, as_host=True) as served:
        assert served == base
        yield site_dir, base


@pytest.fixture(scope="session")
def site_url(local_site):
    return local_site[1]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright, with the project's flags."""
    from playwright.sync_api import sync_playwright

    from sitekit.check.local_browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A tab; the test fails if the site's Content-Security-Policy blocked anything in it
    (chromium says so on the console), whatever the test did."""
    tab = browser.new_page()
    blocked = []
    tab.on("console", lambda message: blocked.append(message.text) if CSP in message.text else None)
    yield tab
    tab.close()
    assert blocked == [], blocked


CSP = "Content Security Policy"
