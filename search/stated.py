"""When an undated paper says when it is from: the month, or the year, it states.

Service updates and slide decks often give no meeting date but print "February
2022" under their title or in their file name. Answers show that period as the
paper states it (no day is invented) and sort it among the dated meetings.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..index.queries import undated_documents

_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES["sept"] = 9
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?[\s,_-]+((?:19|20)\d\d)\b",
                         re.IGNORECASE)
# A day before the month makes a full date: a date the metadata chose not to use, not a stated month.
_DAY_BEFORE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?[\s_-]*$", re.IGNORECASE)
_LONE_YEAR = re.compile(r"(?:19|20)\d\d")
HEAD_LINES = 6  # a paper states its period near the top of its first page


@dataclass(frozen=True)
class StatedPeriod:
    label: str  # "February 2022" or "2022"
    start: date
    end: date

    @property
    def date_key(self) -> int:
        """yyyymmdd of its first day: how it sorts among meeting dates."""
        return int(self.start.strftime("%Y%m%d"))

    def overlaps(self, since: str | None, until: str | None) -> bool:
        return (not since or self.end.isoformat() >= since) and (not until or self.start.isoformat() <= until)


def stated_period(title: str | None, file: str | None, head: str | None) -> StatedPeriod | None:
    """The month a paper's title, file name or first lines state, else a year alone on a first line."""
    for text in (title, (file or "").rsplit(".", 1)[0], *_head_lines(head)):
        found = _month_year(text or "")
        if found:
            return found
    for line in _head_lines(head):
        if _LONE_YEAR.fullmatch(line):
            year = int(line)
            return StatedPeriod(line, date(year, 1, 1), date(year, 12, 31))
    return None


def stated_periods(store) -> dict[str, StatedPeriod]:
    """By document id, the stated period of every undated document that states one."""
    found = {}
    for doc in undated_documents(store):
        period = stated_period(doc["title"], doc["file"], doc["head"])
        if period:
            found[doc["id"]] = period
    return found


def _head_lines(head: str | None) -> list[str]:
    return [line.strip() for line in (head or "").splitlines() if line.strip()][:HEAD_LINES]


def _month_year(text: str) -> StatedPeriod | None:
    for match in _MONTH_YEAR.finditer(text):
        if _DAY_BEFORE.search(text[: match.start()]):
            continue
        month, year = _MONTH_NAMES[match.group(1).lower()], int(match.group(2))
        last = calendar.monthrange(year, month)[1]
        return StatedPeriod(f"{calendar.month_name[month]} {year}", date(year, month, 1), date(year, month, last))
    return None
