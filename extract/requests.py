"""Requests: where minutes record members asking for something at a later meeting
(a report, a briefing, a table in future reports, an update at the next meeting)."""
from __future__ import annotations

import re

from .dates import parse_date
from .decisions import DECISION_MARKER
from .pagelines import Line, Passage, sentences
from .records import Request

_LATER = r"(?:next|future|following|subsequent|forthcoming|a\s+later|an?\s+(?:future|later))"
_MEETING = r"(?:\w+\s+){0,2}(?:meeting|panel|committee|board|session|cabinet)s?"
ASKING = [
    # "Members asked to be briefed on ...", "requested a report on ...", "asked that officers circulate ..."
    re.compile(r"\b(?:asked|requested|request(?:ing)?)\s+(?:for\b|that\b|to\s+(?:be|receive|see|have)\b|an?\b|the\b|officers\b|further\b|sight\b)", re.I),
    re.compile(r"\bit\s+would\s+be\s+(?:helpful|useful|beneficial)\s+(?:if|for|to)\b", re.I),
    re.compile(rf"\b(?:receive|bring|brought|present|presented|submit|submitted|provide|providing|discussed|considered|report(?:ed)?\s+back)\b[^.]*\b(?:at|to)\s+(?:its|the|a|this|their|an)\s+{_LATER}\s+{_MEETING}\b", re.I),
    re.compile(r"\binvited\s+to\s+(?:present|attend|provide|report|give)\b", re.I),
    re.compile(r"\b(?:report|come|brought|bring)\s+back\b", re.I),
    re.compile(r"\b(?:to\s+be|would\s+be|will\s+be)\s+circulated\b", re.I),
    re.compile(r"\bin\s+future\s+reports\b", re.I),
]
_QUESTION = re.compile(r"\basked\s+(?:whether|about|if|how|what|why|when|where|which|who)\b", re.I)
WHO = re.compile(
    r"^(?P<who>Members|Councillors?\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?|Cllr\.?\s+[A-Z][\w’'\-]+|"
    r"The\s+(?:Panel|Committee|Sub-Committee|Board|Cabinet|Chair(?:man)?|Vice-Chair|Forum|Commission))\b",
)
_NEXT = re.compile(rf"\b{_LATER.replace('future|', '')}\s+{_MEETING}", re.I)
_FUTURE = re.compile(r"\b(?:future|forthcoming|later|quarterly|subsequent)\b", re.I)
_ANNUAL = re.compile(r"\bannual(?:ly)?\b", re.I)
_NAMED_MEETING = re.compile(
    r"\b((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})"
    r"\s+(?:meeting|panel|committee|cabinet|board)\b",
    re.I,
)


def is_request(sentence: str) -> bool:
    if _QUESTION.search(sentence) and not any(p.search(_QUESTION.sub("", sentence)) for p in ASKING):
        return False
    return any(pattern.search(sentence) for pattern in ASKING)


def due(sentence: str) -> str | None:
    """When the thing asked for is due: an ISO date, 'next meeting', 'future' or 'annual'."""
    date = parse_date(sentence)
    if date:
        return date
    named = _NAMED_MEETING.search(sentence)
    if named:
        return f"{named.group(1)} meeting"
    if _NEXT.search(sentence):
        return "next meeting"
    if _FUTURE.search(sentence):
        return "future"
    if _ANNUAL.search(sentence):
        return "annual"
    return None


def requests(body: list[Line], minute_id: str | None, minute_number: str | None) -> list[Request]:
    out = []
    for sentence, page in sentences(Passage.of(body)):
        marker = DECISION_MARKER.match(sentence)
        text = sentence[marker.end() :].strip() if marker else sentence
        if not is_request(text):
            continue
        who = WHO.match(text)
        out.append(
            Request(
                minute_id=minute_id,
                minute_number=minute_number,
                text=text,
                who=who.group("who") if who else None,
                what=text[who.end() :].strip() if who else text,
                due=due(text),
                page=page,
            )
        )
    return out
