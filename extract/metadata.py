"""Document metadata read from the paper itself: council, committee and meeting date.

Never from the file name: a downloaded file is named by whoever saved it.
Unknown values stay None: a wrong meeting date is worse than none, because
later stages link documents to meetings by it. The kind is concluded by
extract_structure from the parts and items it finds (extract/kinds.py).
"""
from __future__ import annotations

import re

from .committees import committee_name
from .council import council_name, legal_name
from .dates import find_dates, parse_date
from .records import DocumentMeta, PageText

_DATE_LABEL = re.compile(
    r"^\s*(?:Date\s+of\s+(?:the\s+)?Meeting|Meeting\s+Date|Date)\s*[:\-]?\s*(.+)$", re.I | re.M
)
_HEAD_LINES = 12
# "You are requested to attend a meeting ... to be held at the Hall on Monday, 3rd March": a summons
# dated the day it was sent names its meeting's date after "to be held" / "will be held".
_TO_BE_HELD = re.compile(r"(?<!next meeting )\b(?:to\s+be|will\s+be)\s+held\b", re.I)
_HELD_REACH = 200


def document_meta(pages: list[PageText], meeting_paper: bool = False) -> DocumentMeta:
    """meeting_paper: the paper holds an agenda or minutes, so a bare letterhead names the meeting body too."""
    text_pages = [p for p in pages if p.text.strip()]
    if not text_pages:
        return DocumentMeta()
    council = council_name(text_pages)
    committee = committee_name(text_pages, council)
    if committee and committee.source == "authority" and not meeting_paper:
        committee = None  # accounts or a listing under the authority's letterhead are for no meeting
    return DocumentMeta(
        council=legal_name(council, text_pages),
        committee=committee.name if committee else None,
        meeting_date=meeting_date(text_pages, meeting_paper or committee is not None),
    )


def _head(page: PageText, lines: int = _HEAD_LINES) -> str:
    return "\n".join(page.text.strip().splitlines()[:lines])


def meeting_date(pages: list[PageText], names_a_meeting: bool) -> str | None:
    """The date of the meeting the document is for, when its heading states one.

    names_a_meeting: the heading names the meeting or the body it is for; only
    then is a bare date near the top the meeting's (a listing's first row is not).
    """
    head = "\n".join(_head(p, 30) for p in pages[:2])
    for label in _DATE_LABEL.finditer(head):
        found = parse_date(label.group(1))
        if found:
            return found
    if names_a_meeting:
        # "LICENSING PANEL MINUTES 28 MARCH 2017", "To: Cabinet, 30 January 2025": a full date near the heading.
        first = _head(pages[0])
        held = _TO_BE_HELD.search(first)
        dates = [iso for _, iso in find_dates(first[held.end() : held.end() + _HELD_REACH])] if held else []
        dates = dates or [iso for _, iso in find_dates(first)]
        if dates:
            return dates[0]
    return None
