"""The generated parts of the page for partners (partners.md).

Every question with its addresses in every language and its short links, the feeds,
and a ready-made HTML link, all from the pages, redirects.yml and site_url, so that
the page is never out of date. Each part replaces its marker in the page's Markdown
(`<!-- generated: NAME -->`). Language names come from Babel's data, in the page's
language, so a new language needs no table of names.
"""

from __future__ import annotations

from babel import Locale

from sitekit.build.escaping import markdown_text
from sitekit.core.urls import ATOM_FEED, JSON_FEED, absolute, language_prefix, page_path

PAGE = "partners.md"
SNIPPET_SHORT_LINK = "imr"


def language_name(lang: str, in_lang: str) -> str:
    """The name of a language in another, as a table heading: "Anglais", "French"."""
    name = Locale.parse(lang).get_display_name(in_lang)
    return name[:1].upper() + name[1:]


def link(url: str, lang: str) -> str:
    """A Markdown link to one of our pages in a given language (the checker allows it)."""
    return f"[{url}]({url}){{ hreflang={lang} }}"


def question_table(site_url, lang, languages, pages_by_lang, short_links, ui) -> str:
    names = [language_name(other, lang) for other in languages]
    header = f"| {ui['partner_question']} | " + " | ".join(names)
    header += f" | {ui['partner_short_link']} |"
    rows = [header, "|" + " --- |" * (len(languages) + 2)]
    questions = sorted(
        (page for page in pages_by_lang[lang].values() if page.is_question),
        key=lambda page: page.rel_path,
    )
    for page in questions:
        cells = [markdown_text(page.meta["title"])]
        for other in languages:
            url = absolute(site_url, language_prefix(other, languages) + page_path(page.rel_path))
            cells.append(link(url, other))
        shorts = [source for source, target in short_links if target == page.rel_path]
        cells.append(
            "<br>".join(
                link(absolute(site_url, language_prefix(other, languages) + short), other)
                for short in shorts
                for other in languages
            )
        )
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)


def feed_list(site_url, lang, languages) -> str:
    lines = []
    for other in languages:
        root = language_prefix(other, languages)
        atom = link(absolute(site_url, root + ATOM_FEED), other)
        json_feed = link(absolute(site_url, root + JSON_FEED), other)
        lines.append(f"- {language_name(other, lang)} — Atom {atom} — JSON Feed {json_feed}")
    return "\n".join(lines)


def snippet(site_url, lang, languages, ui) -> str:
    url = absolute(site_url, language_prefix(lang, languages) + f"{SNIPPET_SHORT_LINK}/")
    return f'```html\n<a href="{url}" hreflang="{lang}">{ui["partner_snippet_label"]}</a>\n```'


def filled(markdown: str, site_url: str, lang: str, current) -> str:
    """The partners page's Markdown with its generated parts (current: the SiteBuild)."""
    languages, ui = current.languages, current.ui(lang)
    short_links = [(redirect.source, redirect.target) for redirect in current.redirects]
    parts = {
        "question-urls": question_table(site_url, lang, languages, current.pages, short_links, ui),
        "feeds": feed_list(site_url, lang, languages),
        "link-snippet": snippet(site_url, lang, languages, ui),
    }
    for name, text in parts.items():
        markdown = markdown.replace(f"<!-- generated: {name} -->", text)
    return markdown
