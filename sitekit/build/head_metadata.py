"""What a page tells search engines, link previews and partners in its <head>.

Absolute language alternates (with x-default), OpenGraph tags and JSON-LD: an FAQPage
for a question (the site's own answer to one question, with the page's whole text as
the answer; QAPage is for answers written by users), a WebPage otherwise, with its
language, its date, its breadcrumbs and the link to its translations.
"""

from __future__ import annotations

import json
import re

import lxml.html

from sitekit.build.breadcrumbs import name_of, trail
from sitekit.core.page_model import Page, parse_iso_date
from sitekit.core.urls import ATOM_FEED, JSON_FEED, absolute, language_prefix, page_path


def page_url(site_url: str, lang: str, languages: list[str], rel_path: str) -> str:
    return absolute(site_url, language_prefix(lang, languages) + page_path(rel_path))


def alternates(site_url, languages, rel_path, pages_by_lang) -> list[dict]:
    """hreflang -> absolute URL of the page in every language that has it, and x-default."""
    links = [
        {"hreflang": lang, "href": page_url(site_url, lang, languages, rel_path)}
        for lang in languages
        if rel_path in pages_by_lang.get(lang, {})
    ]
    default = page_url(site_url, languages[0], languages, rel_path)
    return [*links, {"hreflang": "x-default", "href": default}]


def breadcrumbs(site_url, lang, languages, page: Page, pages: dict, ui: dict) -> list[dict]:
    """Home, then the category, then the page, with their names in the language."""
    return [
        {
            "@type": "ListItem",
            "position": position,
            "name": name_of(rel, pages, ui),
            "item": page_url(site_url, lang, languages, rel),
        }
        for position, rel in enumerate(trail(page, pages), start=1)
    ]


# Left out of an answer's text: the reader's tools (they need JavaScript), code for
# partners to copy, the "¶" links of the headings and the help box (on every page).
NOT_ANSWER = (
    "//*[contains(concat(' ', @class, ' '), ' site-tool ')] | //pre"
    " | //a[@class='headerlink'] | //aside[@class='site-help']"
)


def answer_text(content_html: str) -> str:
    """The text of a page's content as a reader reads it, on one line."""
    if not content_html.strip():
        return ""
    root = lxml.html.fragment_fromstring(content_html, create_parent="div")
    for element in root.xpath(NOT_ANSWER):
        element.drop_tree()
    return " ".join(root.text_content().split())


def json_ld(
    site_url, lang, languages, page: Page, pages_by_lang, site_name, ui: dict, answer: str = ""
) -> dict:
    url = page_url(site_url, lang, languages, page.rel_path)
    meta = page.meta
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage" if page.is_question else "WebPage",
        "url": url,
        "name": meta["title"],
        "description": meta["description"],
        "inLanguage": lang,
        "isPartOf": {
            "@type": "WebSite",
            "name": site_name,
            "url": page_url(site_url, lang, languages, "index.md"),
        },
        "breadcrumb": {
            "@type": "BreadcrumbList",
            "itemListElement": breadcrumbs(
                site_url, lang, languages, page, pages_by_lang[lang], ui
            ),
        },
    }
    if "updated" in meta:
        data["dateModified"] = parse_iso_date(meta["updated"]).isoformat()
    if "reviewed" in meta:
        data["lastReviewed"] = parse_iso_date(meta["reviewed"]).isoformat()
    if page.is_question:
        data["mainEntity"] = [
            {
                "@type": "Question",
                "name": meta["title"],
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": answer or meta["description"],
                    "url": url,
                },
            }
        ]
    others = [
        {
            "@type": "WebPage",
            "url": page_url(site_url, other, languages, page.rel_path),
            "inLanguage": other,
        }
        for other in languages
        if other != lang and page.rel_path in pages_by_lang.get(other, {})
    ]
    if others:
        relation = "workTranslation" if lang == languages[0] else "translationOfWork"
        data[relation] = others if relation == "workTranslation" else others[0]
    return data


# One encoder for every page: json.dumps() with options builds a new one per call.
COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# Inside <script>, "</script" ends the element and "<!--" can make it run on over the
# rest of the page; JSON writes these characters as escapes, which read the same.
SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: dict) -> str:
    """JSON safe inside a <script> element, whatever text it holds."""
    return COMPACT_JSON.encode(data).translate(SCRIPT_UNSAFE)


def page_head(
    site_url: str, site_name: str, lang: str, model: Page, current, content_html: str = ""
) -> dict:
    """What overrides/partials/head-metadata.html writes in a page's <head>: absolute
    alternates, OpenGraph and JSON-LD (current: the SiteBuild; content_html: the page's
    rendered content, whose text is a question's answer)."""
    languages, pages_by_lang = current.languages, current.pages
    links = alternates(site_url, languages, model.rel_path, pages_by_lang)
    by_lang = {link["hreflang"]: link["href"] for link in links}
    locales = current.settings.og_locales
    return {
        "og_type": "article" if model.is_question else "website",
        "og_locale": locales[lang],
        "og_locale_alternates": [
            locales[other] for other in languages if other != lang and other in by_lang
        ],
        "json_ld": script_json(
            json_ld(
                site_url,
                lang,
                languages,
                model,
                pages_by_lang,
                site_name,
                current.ui(lang),
                answer_text(content_html) if model.is_question else "",
            )
        ),
        "feed_atom": current.prefix(lang) + ATOM_FEED,
        "feed_json": current.prefix(lang) + JSON_FEED,
    }


# The theme's hreflang links: <link rel="alternate" href="..." hreflang="...">.
HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def without_language_alternates(head: str) -> str:
    """The theme's <head> without its hreflang links (a template filter).

    The theme's script fetches a sitemap.xml beside every <link rel="alternate"> of a
    page, to keep the reader's place when the language changes: beside a page's
    translation there is none, so every page view asked for missing files, on the
    configured host (calhealthhelp.example on a preview). Each page's translations and
    x-default are given in the sitemaps instead (sitekit/build/sitemaps.py), which
    search engines read as they read hreflang links; the language switcher is not a
    <link> and stays. The feeds' links lead to a language's root, where its sitemap is.
    """
    return HREFLANG_LINK.sub("", head)
