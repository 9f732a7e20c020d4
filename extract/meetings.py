"""Meetings stated in a document: the agenda's meeting, the meeting a report is for,
the meeting whose minutes are enclosed (a pack usually carries the last one's), and
each meeting of a file that holds several (an annual meeting, then an ordinary one)."""
from __future__ import annotations

import re

from .dates import parse_date
from .committees import committee_name
from .kinds import AGENDA_HEADING, MINUTES_TENSE
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


def committee_in(lines: list[Line], council: str | None = None) -> str | None:
    if not lines:
        return None
    found = committee_name([PageText(number=lines[0].page, text="\n".join(l.text for l in lines))], council)
    return found.name if found else None


# "ANNUAL GENERAL MEETING", "Minutes of the Extraordinary Meeting of ..."; an ordinary meeting has no occasion.
OCCASION = re.compile(
    r"\b(?P<name>annual\s+(?:general\s+|parish\s+|town\s+)?meeting|extraordinary\s+(?:general\s+)?meeting|"
    r"special\s+meeting|emergency\s+meeting)\b",
    re.I,
)


def occasion(lines: list[Line]) -> str | None:
    for line in lines:
        match = OCCASION.search(line.text)
        if match:
            return " ".join(w.capitalize() for w in match.group("name").split())
    return None


def heading_meeting(
    lines: list[Line], document_id: str, committee: str | None = None, council: str | None = None
) -> Meeting | None:
    """The meeting named in a front sheet, report cover or minutes heading (its first lines)."""
    head = lines[:14]
    committee = committee_in(head, council) or committee
    date, page, date_text = None, head[0].page if head else None, ""
    labelled = _labelled(head, DATE_LABEL)
    if labelled:
        date, page = parse_date(labelled[0]), labelled[1]
    if date is None:
        # Minutes put the date under the heading ("MINUTES / 28 MARCH 2017") or in "held on ...".
        for line in head[:8]:
            date = parse_date(line.text)
            if date:
                page, date_text = line.page, line.text
                break
    if date is None and committee is None:
        return None
    time_line = _labelled(head, TIME_LABEL)
    venue_line = _labelled(head, VENUE_LABEL)
    held = next((line.text for line in head if HELD_ON.search(line.text)), "")
    name = occasion(head[:8])
    return new_meeting(
        committee,
        date,
        document_id,
        # "Monday 20th May 2019 at 6.30pm": the time often shares the date's line.
        time=parse_time(time_line[0]) if time_line else parse_time(held) or parse_time(date_text),
        venue=venue_line[0] if venue_line else _held_at(held),
        page=page,
        council=council,
        name=name,
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


# "You are summoned to a meeting of the above Council", "Minutes of a meeting of ... held on"
MEETING_STATEMENT = re.compile(
    r"\b(?:summoned|summons|notice\s+(?:is\s+hereby\s+given\s+)?(?:of|that)|minutes\s+of\s+(?:a|an|the)\b|"
    r"meeting\s+of\s+(?:the\s+)?\S+.*\b(?:held|will\s+be|to\s+be)\b)",
    re.I,
)
_OPENS_WITHIN = 5
_HEAD_ROOM = 6


def _opens_meeting(lines: list[Line], index: int) -> bool:
    """A statement of a meeting followed at once by its agenda or its attendance."""
    text = lines[index].text
    # "7 To receive the minutes of the last meeting held on ..." is an item, not a meeting's opening.
    if text[:1].isdigit() or not MEETING_STATEMENT.search(text):
        return False
    after = lines[index + 1 : index + 1 + _OPENS_WITHIN]
    return any(AGENDA_HEADING.match(l.text) or MINUTES_TENSE.match(l.text) for l in after)


def _segment_start(lines: list[Line], index: int) -> int:
    """Back over the headings above the statement on its page ("GLENDALE COMMUNITY COUNCIL / ANNUAL ...")."""
    start = index
    while start > 0 and index - start < 3 and lines[start - 1].page == lines[index].page:
        previous = lines[start - 1].text
        if len(previous.split()) > 12 or previous.rstrip().endswith((".", ",", ";")):
            break
        start -= 1
    return start


def meeting_segments(lines: list[Line]) -> list[list[Line]]:
    """The lines of each meeting in a run of agenda or minutes lines, in order.

    A file may hold an annual meeting and the ordinary meeting after it; each
    opens with its own statement ("You are summoned to ...", "Minutes of a
    meeting ... held on ...") followed by "AGENDA" or "Present:". The first
    lines are the document's own heading, so a statement there opens no new segment.
    """
    starts = [0]
    for index in range(_HEAD_ROOM, len(lines)):
        if _opens_meeting(lines, index):
            start = _segment_start(lines, index)
            if start > starts[-1] + _HEAD_ROOM:
                starts.append(start)
    return [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
