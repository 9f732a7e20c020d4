"""Motions: "Moved by X / Seconded by Y / That ... / Carried" (North American minutes).

The decision is the motion text from its "That" (or "BE IT RESOLVED") up to the
result; mover, seconder and result are kept beside it. A motion that is not
carried decided nothing and is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

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
    """Every motion with its result; only carried (or agreed) motions hold records, and numbered
    ones that print no result (a resolution number is given to what was resolved)."""
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
        text = text[proposal.end() :] if proposal else _from_opening(text)
        mover, seconder = _movers(body[max(0, start - 3) : start + 1])
        outcome = " ".join(result.group("result").split())
        fields = {"mover": mover, "seconder": seconder, "result": outcome}
        carried = outcome.lower().startswith(("carried", "agreed"))
        found = records(text, "MOVED", body[start].page, minute_id, minute_number, **fields) if carried else []
        out.append(Motion(start, index, found, bool(proposal)))
    return sorted(out + _unresulted(body, out, minute_id, minute_number), key=lambda m: m.start)


def _from_opening(text: str) -> str:
    """The motion from its 'That' (or 'BE IT RESOLVED'), after any mover and seconder before it."""
    if MOTION_START.match(text):
        return text
    opening = _inline_start(text)
    return text[opening:] if opening is not None else text


# "Resolution No. 2024-84 Moved by ...", "R2025-042 J. Scott, S. Kirkey:": a motion with its number.
_NUMBERED_MOTION = re.compile(r"^(?:\S+\s+(?:No\.?|Number|#)\s*:?\s*)?[A-Z]{0,3}\d{2,4}[-/]\d{1,4}\b")
_UNRESULTED_LINES = 12  # a motion without a result ends with its sentence, well within this


def _unresulted(body: list[Line], motions_found: list[Motion], minute_id: str, minute_number: str | None) -> list[Motion]:
    """Numbered motions that print no result: each runs from its mover line to its first full stop."""
    taken = {i for m in motions_found for i in range(m.start, m.end + 1)}
    out = []
    for index, line in enumerate(body):
        if index in taken or not _opens_numbered_motion(line.text):
            continue
        end = _sentence_end(body, index, taken)
        start = index + 1 if MOVER_LINE.match(line.text) else index
        text = _from_opening("\n".join(l.text for l in body[start : end + 1]))
        mover, seconder = _movers(body[index : index + 1])
        found = records(text, "MOVED", line.page, minute_id, minute_number, mover=mover, seconder=seconder, result=None)
        out.append(Motion(index, end, found, False))
        taken.update(range(index, end + 1))
    return out


def _opens_numbered_motion(text: str) -> bool:
    return bool(_NUMBERED_MOTION.match(text) and (MOVED.search(text) or MOVER_LINE.match(text)))


def _sentence_end(body: list[Line], index: int, taken: set[int]) -> int:
    """The motion's last line: where its sentence ends, before the next motion or one already read."""
    end = index
    while end + 1 < len(body) and end + 1 not in taken and end - index < _UNRESULTED_LINES and not _sentence_ends(body[end].text):
        if _NUMBERED_MOTION.match(body[end + 1].text) or MOVED.search(body[end + 1].text):
            break
        end += 1
    return end


def _sentence_ends(text: str) -> bool:
    return text.rstrip().endswith((".", ".”", '."'))


# "Councillor A proposed the second Tuesday of every month. This proposal was seconded by
# Councillor B and agreed.": the proposal is the decision once the next sentence carries it.
SECONDED_PROPOSAL = re.compile(
    r"(?P<mover>\b[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’-]+){0,2})\s+proposed\s+(?:that\s+)?(?P<what>[^.;]{8,300}?)\.\s+"
    r"(?:This|The)\s+(?:proposal|motion)\s+was\s+seconded\s+by\s+(?P<seconder>[^.;]{2,60}?)\s+and\s+(?P<result>agreed|carried)\b"
)


def seconded_proposals(body: list[Line], minute_id: str, minute_number: str | None) -> list[Resolution]:
    """Proposals that a following sentence records as seconded and agreed (or carried)."""
    text = " ".join(line.text for line in body)
    ends = list(accumulate(len(line.text) + 1 for line in body))
    out: list[Resolution] = []
    for match in SECONDED_PROPOSAL.finditer(text):
        page = next(line.page for line, end in zip(body, ends) if end > match.start())
        fields = {"mover": match.group("mover"), "seconder": match.group("seconder"), "result": match.group("result").capitalize()}
        out.extend(records(match.group("what") + ".", "MOVED", page, minute_id, minute_number, **fields))
    return out


# "Moved by A, seconded by B, THAT ..." on one line: the motion starts at its "THAT"; after the
# seconder's name a lower-case "that" starts it too ("seconded by B that the agenda be adopted").
_INLINE_START = re.compile(r"(?<=[\s,:])(?:THAT|That|BE\s+IT\s+RESOLVED|Be\s+it\s+resolved)\b")
_AFTER_SECONDER = re.compile(r"\bseconded\s+by\b[^.;:\n]{1,60}?\s(?P<that>that)\b", re.I)


def _inline_start(text: str) -> int | None:
    """Where a motion moved on its mover's line starts, if it does."""
    starts = []
    if found := _INLINE_START.search(text):
        starts.append(found.start())
    if seconded := _AFTER_SECONDER.search(text):
        starts.append(seconded.start("that"))
    return min(starts, default=None)


def _motion_start(body: list[Line], boundary: int, result: int) -> int | None:
    """The motion's first line: its 'That' after its mover line, within this result's reach."""
    for index in range(result, boundary - 1, -1):
        text = body[index].text
        if MOTION_START.match(text) or PROPOSAL.search(text):
            return index
        if MOVER_LINE.match(text) or MOVED.search(text) or SECONDED.search(text):
            if _inline_start(text) is not None:
                return index
            if index < result:
                return index + 1
    return None


def _movers(lines: list[Line]) -> tuple[str | None, str | None]:
    text = "\n".join(line.text for line in lines)
    mover_line = next((m for m in map(MOVER_LINE.match, (l.text for l in lines)) if m), None)
    if mover_line:
        return mover_line.group("mover").strip(), mover_line.group("seconder").strip()
    proposed = PROPOSER.search(text)
    if proposed:
        return proposed.group("mover"), proposed.group("seconder")
    # the nearest mover and seconder above the motion, not those of the motion before it
    moved, seconded = _last(MOVED.finditer(text)), _last(SECONDED.finditer(text))
    return (moved.group("mover").strip() if moved else None, seconded.group("seconder").strip() if seconded else None)


def _last(matches) -> re.Match | None:
    found = None
    for found in matches:
        pass
    return found
