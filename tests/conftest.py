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
