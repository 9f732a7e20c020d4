"""Resolutions: the decision text of each minute item, one record per numbered part.

Councils word decisions differently ("RESOLVED:", "RESOLVED –", "Resolved that",
"It was RESOLVED that", "AGREED:", "DECISION:"); prose such as "the Panel agreed
that ..." is not a formal decision, so lower-case verbs count only at the start
of a line followed by "that".
"""
from __future__ import annotations

import re
from statistics import quantiles

from .pagelines import Line
from .records import Resolution

DECISION_MARKER = re.compile(
    r"^(?:It\s+was\s+)?(?P<verb>RESOLVED|AGREED|DECISION|DECIDED|RECOMMENDED)\b(?:\s*\((?:unanimously|by\s+\w+)\))?"
    r"\s*(?:[:–—\-]\s*|\s+(?=(?:that|That|THAT|to|To)\b))"
    r"|^(?:It\s+was\s+)?(?P<word>Resolved|resolved|Agreed|agreed)\s*(?:[:–—\-]\s*|\s+(?=(?:that|That)\b))"
)
# "(1)", "(a)", "(ii)" or "1." / "a)" opening a part of a decision.
PART_MARKER = re.compile(r"(?:(?<=^)|(?<=[\s;:]))(?:\((?P<p>\d{1,2}|[a-z]|[ivx]{1,4})\)|(?P<d>\d{1,2}|[a-z])[.)])\s+")
_PART_START = re.compile(r"^(?:\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:\d{1,2}|[a-z])[.)])\s")
_SEQUENCES = ["123456789", "abcdefghijklmnop", ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]]


def full_width(lines: list[Line]) -> float:
    lengths = [len(line.text) for line in lines]
    if len(lengths) < 4:
        return max(lengths, default=80)
    return quantiles(lengths, n=10)[-1]


def _decision_extent(lines: list[Line], start: int, width: float) -> int:
    """Index after the decision's last line: the end of its paragraph.

    Paragraph ends are not marked in PDF text, but the last line of a
    paragraph ends with a full stop well short of the right margin.
    """
    index = start
    while index < len(lines):
        text = lines[index].text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if index > start and DECISION_MARKER.match(text):
            return index
        short = len(text) < 0.8 * width
        if text.endswith(".") and short and not _PART_START.match(following):
            return index + 1
        index += 1
    return index


def split_numbered_parts(text: str) -> list[tuple[str | None, str]]:
    """'That (1) A; (2) B.' -> [('1', 'A'), ('2', 'B.')]; undivided text -> [(None, text)]."""
    markers = list(PART_MARKER.finditer(text))
    for sequence in _SEQUENCES:
        chosen, expected = [], 0
        for marker in markers:
            label = marker.group("p") or marker.group("d")
            if expected < len(sequence) and label == sequence[expected]:
                chosen.append(marker)
                expected += 1
        if len(chosen) >= 2:
            return [
                (m.group("p") or m.group("d"), _tidy_part(text[m.end() : chosen[i + 1].start() if i + 1 < len(chosen) else len(text)]))
                for i, m in enumerate(chosen)
            ]
    return [(None, text.strip())]


def _tidy_part(text: str) -> str:
    return re.sub(r"(?:\s*;\s*(?:and|or)?|\s+(?:and|or))\s*$", "", text.strip()).strip()


def resolutions(
    body: list[Line], minute_id: str, minute_number: str | None, width: float | None = None
) -> list[Resolution]:
    """Every decision in one minute item's text."""
    width = width or full_width(body)
    out: list[Resolution] = []
    index = 0
    while index < len(body):
        marker = DECISION_MARKER.match(body[index].text)
        if not marker:
            index += 1
            continue
        end = _decision_extent(body, index, width)
        first = body[index].text[marker.end() :]
        parent = " ".join([first] + [line.text for line in body[index + 1 : end]]).strip()
        verb = (marker.group("verb") or marker.group("word")).upper()
        out.extend(_records(parent, verb, body[index].page, minute_id, minute_number))
        index = max(end, index + 1)
    return out


def _records(parent: str, verb: str, page: int, minute_id: str, minute_number: str | None) -> list[Resolution]:
    parts = split_numbered_parts(parent)
    return [
        Resolution(
            minute_id=minute_id,
            minute_number=minute_number,
            part=part,
            text=text,
            parent_text=parent,
            verb=verb,
            page=page,
        )
        for part, text in parts
        if text
    ]
