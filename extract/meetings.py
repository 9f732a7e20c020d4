"""Meetings stated in a document: the agenda's meeting, the meeting a report is for,
and the meeting whose minutes are enclosed (a pack usually carries the last one's)."""
from __future__ import annotations

import re

from .dates import parse_date
from .metadata import committee_name
from .pagelines import Line
from .records import Meeting, PageText

_LABEL = r"^\s*{}\s*(?:[:\-–]\s*|\s+)(?P<value>.+)$"
DATE_LABEL = re.compile(_LABEL.format(r"(?:Date\s+of\s+(?:the\s+)?Meeting|Meeting\s+Date|Date)"), re.I)
TIME_LABEL = re.compile(_LABEL.format(r"(?:Time|Start\s+time)"), re.I)
VENUE_LABEL = re.compile(_LABEL.format(r"(?:Venue|Place|Location|Where)"), re.I)
# "... held on 3 April 2019 at 10.00 am in the Council Chamber, Town Hall"
HELD_AT = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?P<value>[A-Z][^.;]*?(?:Room|Hall|Centre|Chamber|House|Offices|Building)"
    r"(?:,\s*[A-Z][^,.;]*)?)"
)
HELD_ON = re.compile(r"\bheld\s+on\b", re.I)
CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|\b([01]?\d|2[0-3]):([0-5]\d)\b", re.I)
STARTED_AT = re.compile(r"\b(?:commenced|started|began|opened)\s+at\s+([^,;)]+)", re.I)


def parse_time(text: str) -> str | None:
    """'7.30 pm' -> '19:30'; '10am' -> '10:00'; '14:00' -> '14:00'."""
    match = CLOCK.search(text)
    if not match:
        return None
    if match.group(4):
        return f"{int(match.group(4)):02d}:{match.group(5)}"
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 12 or minute > 59:
        return None
    pm = match.group(3).lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return f"{hour:02d}:{minute:02d}"


def new_meeting(committee: str | None, date: str | None, document_id: str, **fields) -> Meeting:
    """A meeting as a document states it; undated, it is known only within that document."""
    return Meeting(committee=committee, date=date, undated_in=None if date else document_id, **fields)


def _labelled(lines: list[Line], pattern: re.Pattern) -> tuple[str, int] | None:
    for line in lines:
        match = pattern.match(line.text)
        if match:
            return match.group("value").strip(), line.page
    return None


def committee_in(lines: list[Line]) -> str | None:
    if not lines:
        return None
    return committee_name([PageText(number=lines[0].page, text="\n".join(l.text for l in lines))])


def heading_meeting(lines: list[Line], document_id: str, committee: str | None = None) -> Meeting | None:
    """The meeting named in a front sheet, report cover or minutes heading (its first lines)."""
    head = lines[:14]
    committee = committee_in(head) or committee
    date, page = None, head[0].page if head else None
    labelled = _labelled(head, DATE_LABEL)
    if labelled:
        date, page = parse_date(labelled[0]), labelled[1]
    if date is None:
        # Minutes put the date under the heading ("MINUTES / 28 MARCH 2017") or in "held on ...".
        for line in head[:8]:
            date = parse_date(line.text)
            if date:
                page = line.page
                break
    if date is None and committee is None:
        return None
    time_line = _labelled(head, TIME_LABEL)
    venue_line = _labelled(head, VENUE_LABEL)
    held = next((line.text for line in head if HELD_ON.search(line.text)), "")
    return new_meeting(
        committee,
        date,
        document_id,
        time=parse_time(time_line[0]) if time_line else parse_time(held),
        venue=venue_line[0] if venue_line else _held_at(held),
        page=page,
    )


def _held_at(text: str) -> str | None:
    match = HELD_AT.search(text)
    return match.group("value").strip() if match else None


def start_time(lines: list[Line]) -> str | None:
    """'The meeting, having commenced at 7.30 pm, closed at 8.56 pm' -> '19:30'."""
    for line in lines:
        match = STARTED_AT.search(line.text)
        if match and parse_time(match.group(1)):
            return parse_time(match.group(1))
    return None
