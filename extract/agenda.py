"""Agenda items from an agenda front sheet: number, title, report-of line and stated pages."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .caps_headings import caps_headings
from .headings import find_headings
from .pagelines import Line
from .profiles import GENERIC, Profile

PAGE_REF = re.compile(r"\(\s*Pages?\s+(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*\)", re.I)
_OPEN_PAGE_REF = re.compile(r"\(\s*Pages?\b[^)]*$", re.I)
REPORT_OF = re.compile(r"^(?:Joint\s+)?Report\s+(?:of|by|from)\s*:?\s*(?:the\s+)?(.+)$", re.I)
_FOOTNOTE_STAR = re.compile(r"\s*\*+\s*$")


@dataclass
class AgendaEntry:
    number: str | None  # None for a heading marked by layout alone ("CALL TO ORDER")
    title: str
    report_of: str | None
    printed_pages: tuple[int, int] | None
    page: int
    x0: float = 0.0  # left edge of its heading line (0 without typography)
    size: float = 0.0


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def title_wraps(title: str, line: str) -> bool:
    """Whether an agenda title printed so far goes on in the next line."""
    if _OPEN_PAGE_REF.search(title) or PAGE_REF.match(line) or re.match(r"^\(\s*Pages?\b", line, re.I):
        return True
    if PAGE_REF.search(title):
        return False
    if _is_caps(title) and _is_caps(line):
        return True  # capitalised titles wrap onto capitalised lines
    return line[:1].islower() and not re.search(r"[.:;)]$", title)  # a sentence-case title continues


def _clean_title(text: str) -> tuple[str, tuple[int, int] | None]:
    ref = PAGE_REF.search(text)
    pages = None
    if ref:
        first = int(ref.group(1))
        pages = (first, int(ref.group(2) or first))
        text = text[: ref.start()] + text[ref.end() :]
    text = _FOOTNOTE_STAR.sub("", " ".join(text.split()))
    return text.strip(" -–"), pages


def agenda_entries(lines: list[Line], profile: Profile = GENERIC) -> list[AgendaEntry]:
    """The items of an agenda, in order: its numbered headings, and where the profile has an order
    of business, the unnumbered headings that run it."""
    starts = _in_heading_column(lines, [(h.index, h.number, h.title, h.body_start) for h in find_headings(lines, title_wraps)])
    if profile.opening_items or profile.closing_items:
        starts = _order_of_business(lines, starts, profile)
    entries = []
    for position, (index, number, raw_title, body_start) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        title, pages = _clean_title(raw_title)
        line = lines[index]
        entries.append(AgendaEntry(number, title, _report_of(lines[body_start:stop]), pages, line.page, line.x0, line.size))
    return entries


def _in_heading_column(lines: list[Line], starts: list[tuple]) -> list[tuple]:
    """Headings set further right than the agenda's first by more than a type size are a list enclosed
    in an item ("CRC 2019-48: ..." under "11. Consent agenda as attached"), not items of the agenda."""
    if not starts or not lines[starts[0][0]].words:
        return starts
    first = lines[starts[0][0]]
    return [s for s in starts if not lines[s[0]].words or lines[s[0]].x0 <= first.x0 + first.size]


def _order_of_business(lines: list[Line], numbered: list[tuple], profile: Profile) -> list[tuple]:
    """Unnumbered headings from the first opening item ("CALL TO ORDER") to the last closing one
    ("ADJOURNMENT"), with the numbered headings set in their column; numbered lines indented under
    them are their sub-items. Without an opening or closing item the unnumbered family is not an agenda's."""
    found = caps_headings(lines)
    opening = [i for i, title in found if profile.opening_items and profile.opening_items.search(title)]
    closing = [i for i, title in found if profile.closing_items and profile.closing_items.search(title)]
    if not (opening or closing):
        return numbered
    first, last = (opening or [0])[0], (closing or [len(lines)])[-1]
    column, size = min(lines[i].x0 for i, _ in found), lines[found[0][0]].size
    starts = {i: (i, None, title, i + 1 + title.count(" ") * 0) for i, title in found if first <= i <= last}
    for start in numbered:
        if first <= start[0] <= last and lines[start[0]].x0 <= column + size:
            starts[start[0]] = start
    return [starts[i] for i in sorted(starts)]


def _report_of(body: list[Line]) -> str | None:
    for line in body[:3]:
        match = REPORT_OF.match(line.text)
        if match:
            return match.group(1).strip()
    return None
