"""What a paper is, read from its own cues: an agenda, minutes, a report, a deck, a listing.

Nothing here gates extraction. parts.py asks which kind a run of pages opens
as; structure.py concludes the document's kind from the parts and the items
actually found in them (conclude_kind), with a confidence.

Cues are the conventions of the genre, whatever the house style: an agenda
says it is one ("AGENDA", "Agenda & Summons") and speaks of a meeting to come
("You are summoned", "will be held", "Public Notice"); minutes say so and
speak of a meeting held ("was held", "Present:", "RESOLVED"); a report has a
cover block ("To:", "Subject:", "Recommendations") or reads as prose.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .records import PageText

_HEAD = 20
# A short heading line that says "agenda": "AGENDA", "*** AGENDA ***", "Agenda & Summons to Councillors".
# Capitalised: "agenda, in accordance with ..." is a wrapped sentence, not a heading.
AGENDA_HEADING = re.compile(
    r"^\W*(?:(?:[Ss]ummons|SUMMONS|[Nn]otice|NOTICE)\s+(?:and|AND|&)\s+)?(?:AGENDA|Agenda)\b(?!\s+(?:[Ii]tem|ITEM|[Nn]o\b|[Rr]ef))"
)
# "REGULAR MEETING AGENDA", "Council Agenda": a short heading that ends in the word.
AGENDA_TITLE = re.compile(r"^[A-Z][\w&,' -]{0,60}\b(?:AGENDA|Agenda)\W*$")
_ABOUT_AGENDA = re.compile(r"\b(?:the|on|of|to|this)\s+agenda\b", re.I)
# A front sheet headed "SUMMONS" or "PUBLIC NOTICE" may print the word agenda lower down, or nowhere.
NOTICE_HEADING = re.compile(r"^\W*(?:summons|public\s+notice|notice\s+of\s+(?:the\s+)?(?:\w+\s+)?meeting)\b", re.I)
AGENDA_TENSE = re.compile(
    r"\b(?:you\s+are\s+(?:hereby\s+)?summoned|summons\b|public\s+notice|notice\s+is\s+(?:hereby\s+)?given|"
    r"(?:will|to)\s+be\s+held\b|invited\s+to\s+attend|requested\s+to\s+attend|business\s+to\s+be\s+transacted)",
    re.I,
)
# "MINUTES", "Minutes of a meeting of ...", "Minutes:", "Amenities ... Minutes | Tuesday 13th March 2018"
MINUTES_WORD = re.compile(r"\bMinutes\b|\bMINUTES\b")
MINUTES_OF_MEETING = re.compile(r"^\W*minutes\s+of\s+(?:a|an|the)\b.*\b(?:meeting|held)\b", re.I)
# Not a minutes heading: the approval of earlier minutes, an agenda's numbered or lettered item
# ("7. Minutes", "K. Minutes"), an item title speaking of the agenda ("... AND MINUTES LISTED ON THE AGENDA").
NOT_MINUTES_HEADING = re.compile(
    r"\b(?:the|of|confirm|approve|approval|receive|previous|last)\s+minutes\b|^\W*\d|^[A-Z][.)]\s|\bagenda\b", re.I
)
MINUTES_TENSE = re.compile(
    r"\b(?:was|were)\s+held\b|\bheld\s+on\b.*\d|^(?:present|in\s+attendance|attendees|members\s+present)\b\s*:?|"
    r"\b(?:apologies|apology)\s+(?:were|was|had\s+been)\s+received\b",
    re.I,
)
# "To note the Minutes of ... held on 1st May": an agenda item on earlier minutes, not minutes being written.
_EARLIER_MINUTES = re.compile(r"\b(?:note|adopt|approve|confirm|receive|sign)\s+(?:the\s+)?(?:draft\s+)?minutes\b", re.I)
DECISION = re.compile(r"\bRESOLVED\b|\bAGREED\b|\bCarried\b|\bit\s+was\s+(?:resolved|agreed)\b|\bresolved\s+to\b")
COVER_LABEL = re.compile(
    r"^(?:REPORT\s+(?:FOR|TO)|Report\s+(?:to|of|by|author)|Date\s+of\s+Meeting|Meeting|Subject|To|From|By|"
    r"Purpose(?:\s+of\s+(?:the\s+)?report)?|Summary|Recommendations?|Classification|Wards?\s+affected|"
    r"Responsible\s+Officer|Portfolio\s+Holder|Key\s+decision|Exempt)\s*:",
    re.I,
)
REPORT_WORDS = re.compile(r"\bPurpose\s+of\s+(?:the\s+)?Report\b|\bRecommendations?\b|^Agenda\s+Item\s+\d", re.I | re.M)
PRESENTATION_CUE = re.compile(r"\bpresent(?:ation|ed\s+by)\b|\bslides?\b|\bupdate\b", re.I)
PRESENTER = re.compile(r"^(?:(?:Assistant|Deputy|Corporate|Executive|Strategic|Interim)\s+)?(?:Head|Director|Manager|Lead)\s+(?:of|for)\b")
STRATEGY_TITLE = re.compile(r"\b(?:Strategy|Strategic\s+Plan)\b", re.I)
_MAX_HEADING_WORDS = 14


def _heading_like(line: str) -> bool:
    return len(line.split()) <= _MAX_HEADING_WORDS


def _agenda_heading(line: str) -> bool:
    if not _heading_like(line):
        return False
    if AGENDA_HEADING.match(line) or NOTICE_HEADING.match(line):
        return True
    return bool(AGENDA_TITLE.match(line)) and len(line.split()) <= 8 and not _ABOUT_AGENDA.search(line)


def agenda_score(head: Sequence[str]) -> float:
    """How strongly the opening lines read as an agenda: a heading says so, the tense is the future."""
    heading = any(_agenda_heading(line) for line in head)
    tense = sum(bool(AGENDA_TENSE.search(line)) for line in head)
    return 2.0 * heading + min(tense, 2) * 0.75


def _minutes_heading(line: str) -> bool:
    if MINUTES_OF_MEETING.match(line):
        return True
    return bool(MINUTES_WORD.search(line)) and _heading_like(line) and not NOT_MINUTES_HEADING.search(line)


def minutes_score(head: Sequence[str]) -> float:
    """How strongly the opening lines read as minutes: a heading says so, the meeting was held."""
    heading = any(_minutes_heading(line) for line in head)
    tense = sum(bool(MINUTES_TENSE.search(line)) and not _EARLIER_MINUTES.search(line) for line in head)
    return 2.0 * heading + min(tense, 2) * 0.75


def report_score(head: Sequence[str]) -> float:
    labels = sum(bool(COVER_LABEL.match(line)) for line in head)
    return min(labels, 4) * 0.75 + 0.5 * any(REPORT_WORDS.search(line) for line in head[:12])


def opening_kind(head: Sequence[str]) -> str | None:
    """'agenda', 'minutes' or 'report' when the opening lines of a paper say which, else None."""
    head = list(head)[:_HEAD]
    scores = {"agenda": agenda_score(head), "minutes": minutes_score(head), "report": report_score(head)}
    kind, best = max(scores.items(), key=lambda pair: pair[1])
    if best < 1.5 or list(scores.values()).count(best) > 1:
        return _first_heading(head) if best >= 1.5 else None
    return kind


def _first_heading(head: Sequence[str]) -> str | None:
    """A tie: the heading printed first decides ("MINUTES ... items on the agenda")."""
    for line in head:
        if _agenda_heading(line):
            return "agenda"
        if _minutes_heading(line):
            return "minutes"
    return None


# --- the document as a whole -------------------------------------------------


def _prose_line(line: str) -> bool:
    words = line.split()
    if len(words) < 6:
        return False
    lower = sum(bool(re.fullmatch(r"[a-z][a-z'’,.;:()\-]*", w)) for w in words)
    digits = sum(any(c.isdigit() for c in w) for w in words)
    return lower >= 0.5 * len(words) and digits <= 0.2 * len(words)


def prose_share(pages: Sequence[PageText]) -> float:
    """Share of the words that stand in sentences rather than in table rows or headings."""
    lines = [line for p in pages for line in p.text.splitlines() if line.strip()]
    words = sum(len(line.split()) for line in lines)
    return sum(len(line.split()) for line in lines if _prose_line(line)) / words if words else 0.0


def _cover(page: PageText) -> list[str] | None:
    """The lines of a title page (a slide or cover with a few words on it), else None."""
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    return lines if 0 < sum(len(line.split()) for line in lines) <= 40 else None


def shape_kind(pages: Sequence[PageText]) -> tuple[str, float]:
    """A paper that opens as no agenda, minutes or report: what its layout and wording make it."""
    text_pages = [p for p in pages if p.text.strip()]
    if not text_pages:
        return "other", 0.0
    head = [line.strip() for line in text_pages[0].text.splitlines() if line.strip()][:_HEAD]
    landscape = sum(p.landscape for p in pages) > len(pages) / 2
    cover = _cover(text_pages[0]) if len(text_pages) > 1 else None
    if landscape and cover:
        # A deck says it is presented, or names its presenter; a landscape document with a title page is a report.
        if any(PRESENTATION_CUE.search(line) or PRESENTER.match(line) for line in cover):
            return "presentation", 0.8
        return "report", 0.6
    if report_score(head) >= 1.5:
        return "report", 0.8
    if any(STRATEGY_TITLE.search(line) for line in head[:4]):
        return "strategy", 0.6
    prose = prose_share(text_pages)
    if prose >= 0.5:
        return "report", 0.5
    return "other", 0.6 if prose < 0.3 else 0.4


_NAMED_KIND = [(kind, re.compile(rf"\b{word}", re.I)) for kind, word in (
    ("agenda_pack", r"agenda\s+(?:reports\s+)?pack"), ("minutes", "minutes"), ("agenda", "agenda"),
    ("presentation", "presentation"), ("strategy", "strategy"), ("report", "report"),
)]


def textless_kind(pages: Sequence[PageText], file_name: str) -> tuple[str, float]:
    """A scan without a text layer: its shape (slides are landscape), else, as a last and weak
    resort, the word its file name uses. Nothing else is read from a file name."""
    if pages and sum(p.landscape for p in pages) > len(pages) / 2:
        return "presentation", 0.3
    named = next((kind for kind, word in _NAMED_KIND if word.search(file_name)), None)
    return (named, 0.1) if named else ("other", 0.0)


def conclude_kind(
    part_kinds: Sequence[str], agenda_items: int, minute_items: int, decisions: int, pages: Sequence[PageText],
    file_name: str = "",
) -> tuple[str, float]:
    """The document's kind, from the parts found in it and what they held, with a confidence in [0, 1].

    An agenda with papers after it is a pack; a front sheet alone is an agenda.
    """
    if not any(p.text.strip() for p in pages):
        return textless_kind(pages, file_name)
    # The agenda opens the paper, or follows a pack's cover page.
    agenda = next((i for i, k in enumerate(part_kinds[:2]) if k == "agenda"), None)
    if agenda is not None:
        enclosures = [k for k in part_kinds[agenda + 1 :] if k != "agenda"]
        kind = "agenda_pack" if enclosures else "agenda"
        return kind, 0.9 if agenda_items >= 3 else 0.6
    if "minutes" in part_kinds[:1] or (part_kinds and part_kinds.count("minutes") > len(part_kinds) / 2):
        return "minutes", 0.9 if minute_items >= 2 or decisions else 0.6
    return shape_kind(pages)
