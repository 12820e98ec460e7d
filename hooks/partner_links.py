"""Build hook: the generated parts of the page for partners (partners.md).

Every question with its addresses in every language and its short links, the feeds,
and a ready-made HTML link, all from the pages, redirects.yml and site_url, so that
the page is never out of date. Each part replaces its marker in the page's Markdown
(`<!-- generated: NAME -->`).
"""

from __future__ import annotations

from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit import build_state, mkdocs_env
from sitekit.escaping import markdown_text
from sitekit.redirects import read_redirects
from sitekit.urls import absolute, language_prefix, page_path

PAGE = "partners.md"
SNIPPET_SHORT_LINK = "imr"


def link(url: str, lang: str) -> str:
    """A Markdown link to one of our pages in a given language (the checker allows it)."""
    return f"[{url}]({url}){{ hreflang={lang} }}"


def question_table(site_url, lang, languages, pages_by_lang, short_links, ui) -> str:
    names = ui["partner_languages"]
    header = f"| {ui['partner_question']} | " + " | ".join(names[other] for other in languages)
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


def feed_list(site_url, languages, ui) -> str:
    names = ui["partner_languages"]
    lines = []
    for other in languages:
        root = language_prefix(other, languages)
        atom = link(absolute(site_url, root + "feed.xml"), other)
        json_feed = link(absolute(site_url, root + "feed.json"), other)
        lines.append(f"- {names[other]} — Atom {atom} — JSON Feed {json_feed}")
    return "\n".join(lines)


def snippet(site_url, lang, languages, ui) -> str:
    url = absolute(site_url, language_prefix(lang, languages) + f"{SNIPPET_SHORT_LINK}/")
    return f'```html\n<a href="{url}" hreflang="{lang}">{ui["partner_snippet_label"]}</a>\n```'


def on_page_markdown(markdown, page, config, files):
    if page.file.norm_src_uri != PAGE:
        return markdown
    lang, languages = mkdocs_env.build_language(config), mkdocs_env.languages(config)
    ui = mkdocs_env.ui_strings(config)
    pages_by_lang = {other: build_state.current(other).pages for other in languages}
    redirects, _problems = read_redirects(Path(config.config_file_path).parent / "redirects.yml")
    short_links = [(redirect.source, redirect.target) for redirect in redirects]
    parts = {
        "question-urls": question_table(
            config.site_url, lang, languages, pages_by_lang, short_links, ui
        ),
        "feeds": feed_list(config.site_url, languages, ui),
        "link-snippet": snippet(config.site_url, lang, languages, ui),
    }
    for name, text in parts.items():
        markdown = markdown.replace(f"<!-- generated: {name} -->", text)
    return markdown
