"""The checkers read mkdocs.yml as MkDocs does, without loading MkDocs' plugins."""

import pytest
from mkdocs.exceptions import ConfigurationError

from sitekit.check import site_config

CONFIG = """\
site_name: Test
site_url: !ENV [TEST_SITE_URL, "https://default.example/"]
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
        - locale: fr
        - locale: es
          build: false
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_env_tags_take_their_default_or_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path, "mkdocs.yml", CONFIG)
    monkeypatch.delenv("TEST_SITE_URL", raising=False)
    site, _ui = site_config.load(path)
    assert site.site_url == "https://default.example/"
    assert site.languages == ["en", "fr"] and site.docs_dir == tmp_path / "docs"
    monkeypatch.setenv("TEST_SITE_URL", "https://staging.example/")
    assert site_config.load(path)[0].site_url == "https://staging.example/"


def test_inherited_configuration_is_merged_as_mkdocs_does(tmp_path):
    write(tmp_path, "base.yml", CONFIG)
    path = write(tmp_path, "mkdocs.yml", "INHERIT: base.yml\nsite_url: https://child.example/\n")
    site, _ui = site_config.load(path)
    assert site.site_url == "https://child.example/" and site.languages == ["en", "fr"]


def test_broken_yaml_gets_mkdocs_own_message(tmp_path):
    path = write(tmp_path, "mkdocs.yml", "site_name: [unclosed\n")
    with pytest.raises(ConfigurationError, match="error parsing the configuration file"):
        site_config.load(path)
