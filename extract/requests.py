"""Requests: where minutes record members asking for something at a later meeting
(a report, a briefing, a table in future reports, an update at the next meeting)."""
from __future__ import annotations

import re

from .dates import parse_date
from .decisions import DECISION_MARKER, full_width
from .pagelines import Line
from .records import Request
from .statements import statements
from .profiles.parish import OFFICER

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_LATER = rf"(?:next|future|following|subsequent|forthcoming|a\s+later|an?\s+(?:future|later)|{_MONTH})"
_MEETING = r"(?:\w+\s+){0,2}(?:meeting|panel|committee|board|session|cabinet)s?"
# What is brought back: a report, information, an item of business.
_BACK = r"(?:vote|receive|bring|brought|bought|present|presented|submit|submitted|provide|provided|providing|given|discussed|considered|reviewed|taken|circulated|reported|report(?:ed)?\s+back)"
# Someone present undertaking to act and report: "offered to circulate", "undertook to report".
_UNDERTAKING_VERBS = (
    r"write|follow\s+up|circulate|provide|come\s+back|report|raise|bring|send|share|update|find\s+out|go\s+back|"
    r"look\s+into|investigate|contact|obtain|seek|request|ask|invite|prepare|arrange\s+for"
)
_TRY = r"(?:try|attempt)\s+(?:and|to)"
# A later meeting named by its date: "the Board meeting scheduled for February".
_SCHEDULED = r"(?:\w+\s+){0,2}meeting\s+(?:scheduled|planned|to\s+be\s+held)\s+(?:for|on|in)\b"
# The officer who takes a task in small councils' minutes: "Clerk to circulate ...".
_OFFICER = OFFICER
ASKING = [
    # "Members asked to be briefed on ...", "requested a report on ...", "asked that officers circulate ..."
    re.compile(r"(?<!had\s)(?<!has\s)(?<!have\s)\b(?:asked|requested)\s+(?:for\b(?!\s+(?:confirmation|clarification)\b)|that\b|to\s+(?:be|receive|see|have)\b|an?\b|the\b|officers\b|further\b|sight\b|regular\b)", re.I),
    # "asked if the Council could have copies ...": asking to be given something, not a question.
    re.compile(r"\basked\s+(?:if|whether)\s+(?:\w+\s+){1,3}(?:could|would|might|can)\s+(?:have|be\s+given|receive|see|get|be\s+(?:provided|sent|circulated|updated))\b", re.I),
    re.compile(r"\bit\s+would\s+be\s+(?:helpful|useful|beneficial)\s+(?:if|for|to)\b", re.I),
    re.compile(rf"\b{_BACK}\b[^.]*\b(?:at|to|for)\s+(?:its|the|a|this|an)\s+(?:{_LATER}\s+{_MEETING}\b|{_SCHEDULED})", re.I),
    # Business put off: "for future approval", "will be revisited when ...", "an agenda item for the next meeting".
    re.compile(r"\bfor\s+(?:future|later)\s+(?:approval|consideration|decision|discussion)\b", re.I),
    re.compile(r"\b(?:will|would|to|shall)\s+be\s+(?:revisited|reconsidered|re-?examined)\b", re.I),
    re.compile(rf"\b(?:agenda\s+item\s+(?:for|at)\s+(?:the|its|a)\s+{_LATER}\s+{_MEETING}|for\s+(?:the\s+)?next\s+agenda)\b", re.I),
    re.compile(r"\binvited\s+to\s+(?:present|provide|report|give)\b", re.I),
    re.compile(r"\b(?:report\s+back|(?:brought|bring|bought)\s+back|come\s+back\s+to\s+(?:the|this|a|its)\s+(?!\w+\s+date)\w+)\b", re.I),
    re.compile(r"\b(?:to\s+be|would\s+be|will\s+be)\s+circulated\b", re.I),
    re.compile(r"\bin\s+future\s+reports\b", re.I),
    # "has agreed to provide" reports an earlier agreement; the undertaking is made at the meeting.
    re.compile(rf"(?<!has\s)(?<!have\s)(?<!had\s)\b(?:offered|agreed|undertook|promised)\s+to\s+(?:{_TRY}\s+)?(?:{_UNDERTAKING_VERBS})\b", re.I),
    re.compile(rf"^{_OFFICER}\s+to\s+(?:request|ask|circulate|invite|report|bring|obtain|seek|provide)\b"),
    re.compile(rf"^{_OFFICER}\s+to\s+[^.]*\bat\s+the\s+{_LATER}\s+{_MEETING}", re.I),
    # "would be presented in 2025", "reconsider it in November 2026": business given a later date.
    re.compile(rf"\b(?:presented|reported|considered|reconsider(?:ed)?|review(?:ed)?|revisit(?:ed)?)\s+(?:\w+\s+){{0,2}}in\s+(?:{_MONTH}\s+)?\d{{4}}\b", re.I),
    re.compile(r"\b(?:should|will|would|to)\s+be\s+brought\s+forward\b", re.I),
    # An item put on the body's own later business.
    re.compile(r"\b(?:added|included|placed)\s+(?:to|in|on)\s+(?:the|its|a)\s+(?:\w+\s+)?(?:work\s+programme|forward\s+plan|agenda)\b", re.I),
]
_ANSWER = re.compile(rf"\b(?:offered|agreed|undertook|promised)\s+to\s+(?:{_TRY}\s+)?(?:{_UNDERTAKING_VERBS})\s+(?:this|that|these|it|them|the\s+same)\b", re.I)
_QUESTION = re.compile(r"\basked\s+(?:whether|about|if|how|what|why|when|where|which|who)\b", re.I)
WHO = re.compile(
    r"^(?P<who>Members|Councillors?\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?|Cllr\.?\s+[A-Z][\w’'\-]+|"
    r"The\s+(?:Panel|Committee|Sub-Committee|Board|Cabinet|Chair(?:man)?|Vice-Chair|Forum|Commission))\b",
)
_NEXT = re.compile(r"\b(?:next|following|subsequent|forthcoming)\s+(?:\w+\s+){0,2}(?:meeting|panel|committee|board|session|cabinet)s?", re.I)
_FUTURE = re.compile(r"\b(?:future|forthcoming|later|quarterly|subsequent)\b", re.I)
_ANNUAL = re.compile(r"\bannual(?:ly)?\b", re.I)
_NAMED_MEETING = re.compile(
    r"\b((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})"
    r"\s+(?:meeting|panel|committee|cabinet|board)\b",
    re.I,
)


_MONTH_MEETING = re.compile(rf"\b(?:the|its)\s+({_MONTH})\s+(?:meeting|panel|committee|cabinet|board)\b")
_IN_PERIOD = re.compile(rf"\bin\s+((?:{_MONTH}\s+)?(?:19|20)\d\d)\b")


def is_request(sentence: str) -> bool:
    if ASKING[1].search(sentence):
        return True
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
    month = _MONTH_MEETING.search(sentence)
    if month:
        return f"{month.group(1)} meeting"
    later = _IN_PERIOD.search(sentence)
    if later:
        return later.group(1)
    if _NEXT.search(sentence):
        return "next meeting"
    if _FUTURE.search(sentence):
        return "future"
    if _ANNUAL.search(sentence):
        return "annual"
    return None


def requests(body: list[Line], minute_id: str | None, minute_number: str | None, width: float | None = None) -> list[Request]:
    found: list[tuple[Request, bool]] = []
    previous_asked = False
    for sentence, page in statements(body, width or full_width(body)):
        marker = DECISION_MARKER.match(sentence)
        text = sentence[marker.end() :].strip() if marker else sentence
        asked = is_request(text)
        # "Ms A agreed to provide this information": the answer to the request just made.
        answer = previous_asked and _ANSWER.search(text)
        previous_asked = asked
        if asked and not answer:
            found.append((_request(text, page, minute_id, minute_number), bool(marker)))
    return _once(found)


def _once(found: list[tuple[Request, bool]]) -> list[Request]:
    """A request the item's decision restates ("... receive a report at its next meeting",
    then "RESOLVED: ... that the Panel receive a full report at its next meeting") is kept as decided."""
    decided = {_when(request) for request, by_decision in found if by_decision} - {None}
    return [request for request, by_decision in found if by_decision or _when(request) not in decided]


def _when(request: Request) -> str | None:
    """The meeting a request is for, whether written 'its next meeting' or with that meeting's date."""
    return "next meeting" if _NEXT.search(request.text) else request.due


def _request(text: str, page: int, minute_id: str | None, minute_number: str | None) -> Request:
    who = WHO.match(text)
    return Request(
        minute_id=minute_id,
        minute_number=minute_number,
        text=text,
        who=who.group("who") if who else None,
        what=text[who.end() :].strip() if who else text,
        due=due(text),
        page=page,
    )
