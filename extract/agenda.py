"""Agenda items from an agenda front sheet: number, title, report-of line and stated pages."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbering import longest_sequence, starts_with_date
from .pagelines import Line

ITEM_LINE = re.compile(r"^(?P<number>\d{1,3}(?:[a-z]|\.\d{1,2})?)[.)]?\s+(?P<title>\S.*)$")
PAGE_REF = re.compile(r"\(\s*Pages?\s+(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*\)", re.I)
_OPEN_PAGE_REF = re.compile(r"\(\s*Pages?\b[^)]*$", re.I)
REPORT_OF = re.compile(r"^(?:Joint\s+)?Report\s+(?:of|by|from)\s*:?\s*(?:the\s+)?(.+)$", re.I)
# A second "2. Name" inside the line: a two-column list, not an agenda entry.
_TWO_COLUMN = re.compile(r"\s\d{1,2}\.\s+[A-Z]")
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


def _candidates(lines: list[Line]) -> list[int]:
    out = []
    for index, line in enumerate(lines):
        match = ITEM_LINE.match(line.text)
        if not match or _TWO_COLUMN.search(match.group("title")):
            continue
        title = match.group("title")
        if title[0].isupper() and not starts_with_date(title):
            out.append(index)
    return out


def _title_lines(lines: list[Line], start: int, stop: int) -> int:
    """How many lines after the numbered line still belong to the title."""
    first = ITEM_LINE.match(lines[start].text).group("title")
    text, used = first, 0
    for line in lines[start + 1 : stop]:
        still_open = _OPEN_PAGE_REF.search(text)
        if still_open or PAGE_REF.match(line.text) or re.match(r"^\(\s*Pages?\b", line.text, re.I):
            pass
        elif _is_caps(first) and _is_caps(line.text) and not PAGE_REF.search(text):
            pass  # capitalised titles wrap onto capitalised lines
        elif line.text[:1].islower() and not re.search(r"[.:;)]$", text) and not PAGE_REF.search(text):
            pass  # a sentence-case title continues in lower case
        else:
            break
        text += " " + line.text
        used += 1
    return used


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
    starts = longest_sequence(_candidates(lines), key=lambda i: ITEM_LINE.match(lines[i].text).group("number"))
    entries = []
    for position, start in enumerate(starts):
        stop = starts[position + 1] if position + 1 < len(starts) else len(lines)
        used = _title_lines(lines, start, stop)
        title_text = " ".join(
            [ITEM_LINE.match(lines[start].text).group("title")] + [l.text for l in lines[start + 1 : start + 1 + used]]
        )
        title, pages = _clean_title(title_text)
        body = lines[start + 1 + used : stop]
        entries.append(
            AgendaEntry(
                number=ITEM_LINE.match(lines[start].text).group("number"),
                title=title,
                report_of=_report_of(body),
                printed_pages=pages,
                page=lines[start].page,
            )
        )
    return entries


def _report_of(body: list[Line]) -> str | None:
    for line in body[:3]:
        match = REPORT_OF.match(line.text)
        if match:
            return match.group(1).strip()
    return None
