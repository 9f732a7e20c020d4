"""Motions: "Moved by X / Seconded by Y / That ... / Carried" (North American minutes).

The decision is the motion text from its "That" (or "BE IT RESOLVED") up to the
result; mover, seconder and result are kept beside it. A motion that is not
carried decided nothing and is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .pagelines import Line
from .profiles.north_american import MOTION_START, MOVED, MOVER_LINE, RESULT, SECONDED
from .records import Resolution
from .resolution_records import records

PROPOSER = re.compile(r"(?:^|\)\s)(?P<mover>[A-Z][\w.'’ ]{1,40}?)\s+proposed,?\s+and\s+(?P<seconder>[A-Z][\w.'’ ]{1,40}?)\s+seconded")
# "Mr A proposed, and Mr B seconded, that ..." (British minutes of a motion put without amendment).
PROPOSAL = re.compile(r"\bproposed,?\s+and\s+.{1,60}?\s+seconded,?\s+(?:the\s+motion\s+)?that\s+(?=\S)")


@dataclass
class Motion:
    start: int  # first and last line of the motion in the body
    end: int
    records: list[Resolution]
    proposal: bool  # "Mr A proposed, and Mr B seconded, that ..." rather than a moved resolution


def motions(body: list[Line], minute_id: str, minute_number: str | None) -> list[Motion]:
    """Every motion with its result; only carried (or agreed) motions hold records."""
    out: list[Motion] = []
    boundary = 0
    for index, line in enumerate(body):
        result = RESULT.search(line.text)
        if not result:
            continue
        start = _motion_start(body, boundary, index)
        boundary = index + 1
        if start is None:
            continue
        text = "\n".join([l.text for l in body[start:index]] + [line.text[: result.start()]])
        proposal = PROPOSAL.search(text)
        opening = proposal or (None if MOTION_START.match(text) else _INLINE_START.search(text))
        text = text[opening.end() if proposal else opening.start() :] if opening else text
        mover, seconder = _movers(body[max(0, start - 3) : start + 1])
        outcome = " ".join(result.group("result").split())
        fields = {"mover": mover, "seconder": seconder, "result": outcome}
        carried = outcome.lower().startswith(("carried", "agreed"))
        found = records(text, "MOVED", body[start].page, minute_id, minute_number, **fields) if carried else []
        out.append(Motion(start, index, found, bool(proposal)))
    return out


# "Councillor A proposed the second Tuesday of every month. This proposal was seconded by
# Councillor B and agreed.": the proposal is the decision once the next sentence carries it.
SECONDED_PROPOSAL = re.compile(
    r"(?P<mover>\b[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’-]+){0,2})\s+proposed\s+(?:that\s+)?(?P<what>[^.;]{8,300}?)\.\s+"
    r"(?:This|The)\s+(?:proposal|motion)\s+was\s+seconded\s+by\s+(?P<seconder>[^.;]{2,60}?)\s+and\s+(?P<result>agreed|carried)\b"
)


def seconded_proposals(body: list[Line], minute_id: str, minute_number: str | None) -> list[Resolution]:
    """Proposals that a following sentence records as seconded and agreed (or carried)."""
    text = " ".join(line.text for line in body)
    ends = [sum(len(line.text) + 1 for line in body[: k + 1]) for k in range(len(body))]
    out: list[Resolution] = []
    for match in SECONDED_PROPOSAL.finditer(text):
        page = next(line.page for line, end in zip(body, ends) if end > match.start())
        fields = {"mover": match.group("mover"), "seconder": match.group("seconder"), "result": match.group("result").capitalize()}
        out.extend(records(match.group("what") + ".", "MOVED", page, minute_id, minute_number, **fields))
    return out


# "Moved by A, seconded by B, THAT ..." on one line: the motion starts at its "THAT".
_INLINE_START = re.compile(r"(?<=[\s,:])(?:THAT|That|BE\s+IT\s+RESOLVED|Be\s+it\s+resolved)\b")


def _motion_start(body: list[Line], boundary: int, result: int) -> int | None:
    """The motion's first line: its 'That' after its mover line, within this result's reach."""
    for index in range(result, boundary - 1, -1):
        text = body[index].text
        if MOTION_START.match(text) or PROPOSAL.search(text):
            return index
        if index < result and (MOVER_LINE.match(text) or MOVED.search(text) or SECONDED.search(text)):
            return index if _INLINE_START.search(text) else index + 1
    return None


def _movers(lines: list[Line]) -> tuple[str | None, str | None]:
    text = "\n".join(line.text for line in lines)
    mover_line = next((m for m in map(MOVER_LINE.match, (l.text for l in lines)) if m), None)
    if mover_line:
        return mover_line.group("mover").strip(), mover_line.group("seconder").strip()
    proposed = PROPOSER.search(text)
    if proposed:
        return proposed.group("mover"), proposed.group("seconder")
    moved, seconded = MOVED.search(text), SECONDED.search(text)
    return (moved.group("mover").strip() if moved else None, seconded.group("seconder").strip() if seconded else None)
