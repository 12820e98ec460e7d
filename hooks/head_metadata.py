"""Build hook: absolute language alternates, OpenGraph tags and JSON-LD for every page.

The data is computed here (sitekit/head_metadata.py); overrides/partials/head-metadata.html
writes it in <head>. The theme's own hreflang links are made absolute by the
`absolute_alternates` filter (overrides/main.html); its language switcher stays
relative, so that it works wherever the site is served.
"""

from __future__ import annotations

import re

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.plugins import event_priority

from sitekit import build_state, head_metadata, mkdocs_env
from sitekit.urls import language_prefix


@event_priority(-10)  # after mkdocs-static-i18n (50) has pointed the switcher at this page
def on_page_context(context, page, config, nav):
    lang, languages = mkdocs_env.build_language(config), mkdocs_env.languages(config)
    rel_path = page.file.norm_src_uri
    pages_by_lang = {language: build_state.current(language).pages for language in languages}
    model = pages_by_lang[lang].get(rel_path)
    if model is None:
        return context
    site_url = config.site_url
    links = head_metadata.alternates(site_url, languages, rel_path, pages_by_lang)
    by_lang = {link["hreflang"]: link["href"] for link in links}
    locales = og_locales(config)
    context["head_metadata"] = {
        "alternates": by_lang,
        "x_default": by_lang["x-default"],
        "og_type": "article" if model.is_question else "website",
        "og_locale": locales[lang],
        "og_locale_alternates": [
            locales[other] for other in languages if other != lang and other in by_lang
        ],
        "json_ld": head_metadata.script_json(
            head_metadata.json_ld(site_url, lang, languages, model, pages_by_lang, config.site_name)
        ),
        "feed_atom": f"{language_prefix(lang, languages)}feed.xml",
        "feed_json": f"{language_prefix(lang, languages)}feed.json",
    }
    return context


def og_locales(config) -> dict[str, str]:
    """The OpenGraph locale of each language (og_locale in its extra, in mkdocs.yml)."""
    return {
        language.locale: (language.extra or {}).get("og_locale", language.locale)
        for language in config.plugins["i18n"].config.languages
    }


HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">')


def absolute_alternates(head: str, metadata) -> str:
    """The theme's <head> with its hreflang links pointing at absolute URLs."""
    if not metadata:
        return head

    def absolute(match: re.Match) -> str:
        href = metadata["alternates"].get(match.group(1))
        if href is None:
            return match.group(0)
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(1)}">'

    return HREFLANG_LINK.sub(absolute, head)


def on_env(env, config, files):
    env.filters["absolute_alternates"] = absolute_alternates
    return env
