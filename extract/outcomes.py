"""Decisions of minutes that mark none: the outcome is stated instead.

Small councils often write "Approval of minutes: Approved & signed as
correct", "... – all approved", "Councillors agreed to give £50", "No
objections, approval recommended", "Cllr A, proposed by Cllr B, seconded by
Cllr C". Read only where a document has no RESOLVED/AGREED wording and no
motions (extract/decisions.py decides), because elsewhere such sentences
report what happened rather than record a decision.
"""
from __future__ import annotations

import re

from .pagelines import Line
from .profiles.parish import PROPOSED
from .records import Resolution
from .resolution_records import records
from .statements import CLOSING, LABEL, RUN_IN_HEADING, paragraphs, statements

_WHO = r"(?:they|we|Councillors|Cllrs|Members|Council|Committee|councillors|members|(?:the|The)\s+(?:PC|Council|Committee|Panel|Board|meeting))"
AGREEMENT = re.compile(
    rf"(?:^|\b)(?:[Ii]t\s+was|(?:All\s+)?{_WHO}(?:\s+present)?|All(?:\s+\w+)?(?:\s+present)?)\s+(?:were\s+)?(?:(?:also|further|then|therefore)\s+)?(?:unanimously\s+|all\s+)?"
    rf"(?:agreed|in\s+agreement)(?:\s+(?:that|to)\s+(?P<what>.+?))?\.?$"
)
_EMPTY_OBJECT = re.compile(r"^(?:this|that|it|the|this\s+proposal|the\s+proposal|this\s+suggestion)\.?$", re.I)
# Outcomes stated without a subject.
OUTCOME = re.compile(
    r"(?:^(?:Approved|Confirmed|Agreed|Adopted|Accepted)\b|[-–]\s*(?:all\s+)?approved\.?$|^approved\.?$"
    r"|\b(?:was|were)\s+(?:\w+\s+(?:and\s+)?)?(?:approved|adopted|accepted|signed)(?!\s+(?:at|by|on|in|previously|last)\b)"
    r"|\bagreed\s+as\s+a\s+(?:true|correct)\s+record"
    r"|^(?:No\s+objections?|NO\s+OBJECTIONS?|Approval\s+recommended|Refusal\s+recommended)\b"
    r"|\bNO\s+OBJECTIONS?\s*$"
    r"|^(?![^.;:]*\b(?:be|been|being|for|awaiting)\s+(?:approved|adopted))[^.;:]{3,60}\s(?:approved|adopted)\.?$)"  # "2017/18 Financials approved"
)
# "APPROVED – Revised budget": the outcome labels what it decided.
OUTCOME_LABEL = re.compile(r"^(?:APPROVED|ADOPTED|AGREED)\s*[-–:]\s*(?P<what>\S.*)$")
# "o Minutes approved", "• APPROVED - ...": a bulleted outline's markers.
_BULLET = re.compile(r"^(?:[•▪●■◦\uf0b7\uf0a7]|o(?=\s))\s*")
_PREVIOUSLY = re.compile(r"\b(?:previously|already|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:approved|adopted)", re.I)
NOMINATED = re.compile(r"\b(?:nominated|proposed)\s+and\s+\S+(?:\s+\S+)?\s+seconded\s+that\s+(?P<what>.+)$")
# "... for payment proposed JH seconded HD": who moved it is not part of the decision.
_TRAILING_MOVERS = re.compile(
    r"[\s:,]+proposed\s+(?:by\s+)?\S+(?:\s+\S+)?,?\s+seconded\s+(?:by\s+)?\S+(?:\s+\S+)?\s*:?$"
)
# "... – A. Jones (motion), B. Smith (second)"
_MOTION_CREDITS = re.compile(r"\s*[-–]\s*[A-Z][\w.'’ -]{1,40}\(motion\),?\s*[A-Z][\w.'’ -]{1,40}\(second(?:ed)?\)\s*\.?$")
# A planning table row: the application reference, its site and proposal, the council's response in capitals.
APPLICATION = re.compile(r"^\s*(?:[A-Z]{1,3}/)?\d{2,4}/\d{3,5}(?:/[A-Z0-9_]+)?\b")
TABLE_RESPONSE = re.compile(r"\b(?:NO\s+OBJECTIONS?|OBJECTIONS?|SUPPORT(?:ED)?|NO\s+COMMENTS?)\s*$")
_ROW_LINES = 20


def outcomes(body: list[Line], minute_id: str, minute_number: str | None, width: float = 80) -> list[Resolution]:
    rows, rest = _application_rows(body)
    units = _units(rest, width)
    labelled = [text for text, _, is_part in units if is_part]
    elections = sum(bool(PROPOSED.search(text)) for text in labelled)
    out: list[Resolution] = []
    for position, (text, page, is_part) in enumerate(units):
        if is_part and elections * 2 >= len(labelled):
            decision = text
        else:
            following = units[position + 1][0] if position + 1 < len(units) else ""
            decision = _decision(text, following)
        if decision:
            out.extend(records(decision, "AGREED", page, minute_id, minute_number))
    out.extend(r for text, page in rows for r in records(text, "AGREED", page, minute_id, minute_number))
    return out


def _application_rows(body: list[Line]) -> tuple[list[tuple[str, int]], list[Line]]:
    """Planning rows answered in a response column, and the lines that are not such rows."""
    rows, rest, index = [], [], 0
    while index < len(body):
        end = _row_end(body, index) if APPLICATION.match(body[index].text) else None
        if end is None:
            rest.append(body[index])
            index += 1
            continue
        rows.append((" ".join(" ".join(l.text for l in body[index : end + 1]).split()), body[index].page))
        index = end + 1
    return rows, rest


def _row_end(body: list[Line], start: int) -> int | None:
    """The line holding the row's response; None when another row or paragraph comes first.

    A response split over two lines ("... NO" / "OBJECTION") is joined.
    """
    for index in range(start, min(start + _ROW_LINES, len(body))):
        text = body[index].text.rstrip()
        joined = text + (" " + body[index + 1].text.strip() if index + 1 < len(body) else "")
        if TABLE_RESPONSE.search(text):
            return index
        if index + 1 < len(body) and TABLE_RESPONSE.match(body[index + 1].text.strip()) and TABLE_RESPONSE.search(joined):
            return index + 1
        if index > start and (APPLICATION.match(body[index].text) or LABEL.match(body[index].text)):
            return None
    return None


def _units(body: list[Line], width: float) -> list[tuple[str, int, bool]]:
    """Statements; a labelled part ('(2) Finance - Cllr A. Proposed by ...') is one unit."""
    out = []
    for group in (g for paragraph in paragraphs(body, width) for g in _bulleted(paragraph)):
        label = LABEL.match(group[0].text)
        if CLOSING.match(group[0].text):
            continue
        if label and len(group) < 6:
            text = " ".join([group[0].text[label.end() :]] + [l.text for l in group[1:]])
            out.append((" ".join(text.split()), group[0].page, True))
        else:
            out.extend((text, page, False) for text, page in statements(group, width))
    return out


def _bulleted(group: list[Line]) -> list[list[Line]]:
    """A paragraph of bullets is one statement per bullet."""
    out: list[list[Line]] = []
    for line in group:
        if not out or _BULLET.match(line.text):
            out.append([])
        out[-1].append(line)
    return out


def _decision(sentence: str, following: str) -> str | None:
    sentence = _MOTION_CREDITS.sub("", _BULLET.sub("", RUN_IN_HEADING.sub("", sentence, count=1)))
    labelled = OUTCOME_LABEL.match(sentence)
    if labelled:
        return labelled.group("what")
    agreement = AGREEMENT.search(sentence)
    if agreement and not re.search(r"\b(?:has|have|had)\s+agreed", sentence):
        what = agreement.group("what")
        return sentence if not what or _EMPTY_OBJECT.match(what) else what
    nominated = NOMINATED.search(sentence)
    if nominated:
        return nominated.group("what")
    if PROPOSED.search(sentence):
        if AGREEMENT.search(RUN_IN_HEADING.sub("", following)):
            return None  # the agreement that follows is the decision
        lead = re.search(r"\s[-–:]\s*(?=[Pp]roposed\s+by)", sentence)
        return sentence[lead.end() :] if lead else sentence
    if OUTCOME.search(sentence) and not _PREVIOUSLY.search(sentence):
        return _TRAILING_MOVERS.sub("", sentence.split(": ")[0])
    return None
