"""The real site, built once per test session with the project's own configuration."""

from __future__ import annotations

import pytest

from tests.sitebuild import ROOT, build


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
def site_url(site_dir):
    """The built site, served on 127.0.0.1 for the browser tests."""
    from sitekit.local_browser import serve

    with serve(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright, with the project's flags."""
    from playwright.sync_api import sync_playwright

    from sitekit.local_browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    tab = browser.new_page()
    yield tab
    tab.close()
