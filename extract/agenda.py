"""Agenda items from an agenda front sheet: number, title, report-of line and stated pages."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import find_headings
from .pagelines import Line

PAGE_REF = re.compile(r"\(\s*Pages?\s+(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*\)", re.I)
_OPEN_PAGE_REF = re.compile(r"\(\s*Pages?\b[^)]*$", re.I)
REPORT_OF = re.compile(r"^(?:Joint\s+)?Report\s+(?:of|by|from)\s*:?\s*(?:the\s+)?(.+)$", re.I)
_FOOTNOTE_STAR = re.compile(r"\s*\*+\s*$")


@dataclass
class AgendaEntry:
    number: str
    title: str
    report_of: str | None
    printed_pages: tuple[int, int] | None
    page: int


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


def agenda_entries(lines: list[Line]) -> list[AgendaEntry]:
    """The numbered items of an agenda, in order."""
    headings = find_headings(lines, title_wraps)
    entries = []
    for position, heading in enumerate(headings):
        stop = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        title, pages = _clean_title(heading.title)
        entries.append(
            AgendaEntry(
                number=heading.number,
                title=title,
                report_of=_report_of(lines[heading.body_start : stop]),
                printed_pages=pages,
                page=heading.page,
            )
        )
    return entries


def _report_of(body: list[Line]) -> str | None:
    for line in body[:3]:
        match = REPORT_OF.match(line.text)
        if match:
            return match.group(1).strip()
    return None
