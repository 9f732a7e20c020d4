"""Dates as committee papers write them, normalised to ISO 8601."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"),
            ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"),
            ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
            ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+"
# "Wednesday 14 June 2017", "3rd April 2019", "14th-Jun-2017", "28 MARCH 2017"; '11" DECEMBER' where a
# scan's text layer read the superscript ordinal as a quote.
WORDY_DATE = re.compile(
    rf"\b(?:{_WEEKDAY})?(\d{{1,2}})(?:st|nd|rd|th|[\"”’'])?[\s\-]+(?:of\s+)?({_MONTH})\.?,?[\s\-]+(\d{{4}})\b",
    re.IGNORECASE,
)
# "June 14, 2017"
US_DATE = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})\b", re.IGNORECASE)
# "03/04/2019", "3.4.19": UK papers write day first.
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
# "2017-06-14", "03-Apr-2019" style names in file names
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """All dates in text as (offset, ISO date), in order of appearance."""
    found: list[tuple[int, str]] = []
    for m in WORDY_DATE.finditer(text):
        found.append((m.start(), _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1]))))
    for m in US_DATE.finditer(text):
        found.append((m.start(), _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2]))))
    for m in NUMERIC_DATE.finditer(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        found.append((m.start(), _iso(year, int(m[2]), int(m[1]))))
    for m in ISO_DATE.finditer(text):
        found.append((m.start(), _iso(int(m[1]), int(m[2]), int(m[3]))))
    return sorted((pos, iso) for pos, iso in found if iso)


def parse_date(text: str) -> str | None:
    """The first date in text, as an ISO string, or None."""
    dates = find_dates(text)
    return dates[0][1] if dates else None
