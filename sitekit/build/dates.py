"""Dates written the way each language writes them: "August 14, 2025", "14 août 2025"."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date


@functools.lru_cache(maxsize=4096)  # pages share few dates; babel is slow to format one
def long_date(date: dt.date, lang: str) -> str:
    return format_date(date, format="long", locale=lang)
