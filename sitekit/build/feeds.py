"""Feeds of a language's questions, newest change first: Atom and JSON Feed 1.1.

Partners subscribe to learn when an answer changes: one entry per question (guides
included), dated by its `updated` front matter.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from sitekit.core.page_model import parse_iso_date
from sitekit.core.urls import ATOM_FEED, JSON_FEED, absolute, page_path

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def feed_entries(pages: dict, page_url) -> list[dict]:
    """The questions of a language, newest first: title, url, summary, date."""
    entries = [
        {
            "title": page.meta["title"],
            "url": page_url(page.rel_path),
            "summary": page.meta["description"],
            "updated": parse_iso_date(page.meta["updated"]),
        }
        for page in pages.values()
        if page.is_question
    ]
    return sorted(entries, key=lambda entry: (-entry["updated"].toordinal(), entry["title"]))


def timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom_feed(title: str, lang: str, home: str, feed_url: str, entries: list[dict]) -> str:
    updated = timestamp(max((entry["updated"] for entry in entries), default=dt.date(2000, 1, 1)))
    items = "".join(
        "  <entry>\n"
        f"    <id>{escape(entry['url'])}</id>\n"
        f"    <title>{escape(entry['title'])}</title>\n"
        f'    <link rel="alternate" type="text/html" href={quoteattr(entry["url"])}/>\n'
        f"    <updated>{timestamp(entry['updated'])}</updated>\n"
        f"    <summary>{escape(entry['summary'])}</summary>\n"
        "  </entry>\n"
        for entry in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"  <id>{escape(feed_url)}</id>\n"
        f"  <title>{escape(title)}</title>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_url)}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(home)}/>\n'
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{escape(title)}</name></author>\n"
        f"{items}</feed>\n"
    )


def json_feed(title: str, lang: str, home: str, feed_url: str, entries: list[dict]) -> str:
    feed = {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": home,
        "feed_url": feed_url,
        "language": lang,
        "items": [
            {
                "id": entry["url"],
                "url": entry["url"],
                "title": entry["title"],
                "summary": entry["summary"],
                "content_text": entry["summary"],
                "date_modified": timestamp(entry["updated"]),
                "language": lang,
            }
            for entry in entries
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def write_feeds(site_dir: Path, site_url: str, site_name: str, lang: str, current) -> None:
    """feed.xml and feed.json at the language's root (current: the SiteBuild)."""
    prefix = current.prefix(lang)

    def page_url(rel_path: str) -> str:
        return absolute(site_url, prefix + page_path(rel_path))

    entries = feed_entries(current.pages[lang], page_url)
    title = f"{site_name} — {current.ui(lang)['feed_title']}"
    home = absolute(site_url, prefix)
    folder = site_dir / prefix
    folder.mkdir(parents=True, exist_ok=True)
    for name, render in ((ATOM_FEED, atom_feed), (JSON_FEED, json_feed)):
        feed_url = absolute(site_url, prefix + name)
        (folder / name).write_text(render(title, lang, home, feed_url, entries), encoding="utf-8")
