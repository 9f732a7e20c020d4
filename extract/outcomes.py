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
from .records import Resolution
from .statements import LABEL, RUN_IN_HEADING, paragraphs, statements

_WHO = r"(?:they|we|Councillors|Cllrs|Members|Council|Committee|councillors|members|(?:the|The)\s+(?:PC|Council|Committee|Panel|Board|meeting))"
AGREEMENT = re.compile(
    rf"(?:^|\b)(?:It\s+was|(?:All\s+)?{_WHO}(?:\s+present)?|All(?:\s+\w+)?(?:\s+present)?)\s+(?:were\s+)?(?:unanimously\s+|all\s+)?"
    rf"(?:agreed|in\s+agreement)(?:\s+(?:that|to)\s+(?P<what>.+?))?\.?$"
)
_EMPTY_OBJECT = re.compile(r"^(?:this|that|it|the|this\s+proposal|the\s+proposal|this\s+suggestion)\.?$", re.I)
# Outcomes stated without a subject.
OUTCOME = re.compile(
    r"(?:^(?:Approved|Confirmed|Agreed|Adopted|Accepted)\b|[-–]\s*(?:all\s+)?approved\.?$|^approved\.?$"
    r"|\b(?:was|were)\s+(?:\w+\s+)?(?:approved|adopted|accepted)(?!\s+(?:at|by|on|in|previously|last)\b)"
    r"|\bagreed\s+as\s+a\s+(?:true|correct)\s+record"
    r"|^(?:No\s+objections?|NO\s+OBJECTIONS?|Approval\s+recommended|Refusal\s+recommended)\b"
    r"|\bNO\s+OBJECTIONS?\s*$)"
)
_PREVIOUSLY = re.compile(r"\b(?:previously|already|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:approved|adopted)", re.I)
PROPOSED = re.compile(r"\b[Pp]roposed\s+by\b.{0,80}\b[Ss]econded\s+by\b")
NOMINATED = re.compile(r"\b(?:nominated|proposed)\s+and\s+\S+(?:\s+\S+)?\s+seconded\s+that\s+(?P<what>.+)$")
_APPLICATION = re.compile(r"(?:^|\s)(?=\d{2}/\d{4,5}/\S+\s)")


def outcomes(body: list[Line], minute_id: str, minute_number: str | None, width: float = 80) -> list[Resolution]:
    from .decisions import records

    units = _units(body, width)
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
    return out


def _units(body: list[Line], width: float) -> list[tuple[str, int, bool]]:
    """Statements; a labelled part ('(2) Finance - Cllr A. Proposed by ...') is one unit."""
    out = []
    for group in paragraphs(body, width):
        label = LABEL.match(group[0].text)
        if label and len(group) < 6:
            text = " ".join([group[0].text[label.end() :]] + [l.text for l in group[1:]])
            out.append((" ".join(text.split()), group[0].page, True))
        else:
            out.extend((text, page, False) for text, page in statements(group, width))
    return out


def _decision(sentence: str, following: str) -> str | None:
    sentence = RUN_IN_HEADING.sub("", sentence, count=1)
    agreement = AGREEMENT.search(sentence)
    if agreement and not re.search(r"\b(?:has|have|had)\s+agreed", sentence):
        what = agreement.group("what")
        return sentence if not what or _EMPTY_OBJECT.match(what) else what
    nominated = NOMINATED.search(sentence)
    if nominated:
        return nominated.group("what")
    if PROPOSED.search(sentence):
        return None if AGREEMENT.search(RUN_IN_HEADING.sub("", following)) else sentence
    if OUTCOME.search(sentence) and not _PREVIOUSLY.search(sentence):
        return _application_row(sentence).split(":")[0].strip() if "NO OBJECTION" in sentence.upper() else sentence.split(":")[0]
    return None


def _application_row(sentence: str) -> str:
    """A planning table row: from its application reference to the response."""
    starts = [m.start() for m in _APPLICATION.finditer(sentence)]
    return sentence[starts[-1] :].strip() if starts else sentence
