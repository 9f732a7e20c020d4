"""Headings that carry no number: capitalised lines set flush left with white space around them.

Agendas of many boards and councils number nothing ("CALL TO ORDER", "ROLL CALL",
"PUBLIC COMMENT", "ADJOURNMENT"); the heading is marked by layout alone. A
candidate is a short line in capitals, not smaller than the body text, with white
space above it and, under it, white space, an indented line or another heading
(a notice's caption runs straight into its paragraph). The headings are the
largest family of candidates set alike: the same left edge, size and weight.
Lines without typography never qualify.
"""
from __future__ import annotations

from collections import defaultdict

from .itemnumbers import numbered_line
from .layout import body_style
from .pagelines import Line

_MAX_WORDS = 8
_MIN_FAMILY = 3


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _spaced(line: Line, size: float) -> bool:
    return line.gap >= 0.6 * size


def _candidate(lines: list[Line], index: int, size: float) -> bool:
    line = lines[index]
    text = line.text.strip()
    if not line.words or not _is_caps(text) or len(text.split()) > _MAX_WORDS or numbered_line(text):
        return False
    if line.size < size - 0.5 or not _spaced(line, size) or not text[:1].isalpha():
        return False
    after = next((lines[i] for i in range(index + 1, len(lines)) if not _wraps(lines[index], lines[i])), None)
    return after is None or after.page != line.page or _spaced(after, size) or after.x0 > line.x0 + size


def _wraps(heading: Line, line: Line) -> bool:
    """A capitalised title going on in the same type on the next line."""
    return (line.page == heading.page and _is_caps(line.text) and abs(line.x0 - heading.x0) < 2
            and line.size == heading.size and line.bold == heading.bold and line.gap < 0.6 * heading.size)


def caps_headings(lines: list[Line]) -> list[tuple[int, str]]:
    """(line index, title) of the unnumbered headings, in order; [] when no family of them stands out."""
    style = body_style([w for line in lines for w in line.words])
    if style is None:
        return []
    families: dict[tuple, list[int]] = defaultdict(list)
    for index in range(len(lines)):
        if _candidate(lines, index, style.size):
            line = lines[index]
            families[(round(line.x0 / 3), round(line.size), line.bold)].append(index)
    family = max(families.values(), key=len, default=[])
    if len(family) < _MIN_FAMILY:
        return []
    return [(index, _title(lines, index)) for index in family]


def _title(lines: list[Line], index: int) -> str:
    parts = [lines[index].text.strip()]
    for line in lines[index + 1 : index + 3]:
        if not _wraps(lines[index], line):
            break
        parts.append(line.text.strip())
    return " ".join(parts).rstrip(" :")


def heading_column(lines: list[Line], heading_indexes: list[int]) -> float | None:
    xs = [lines[i].x0 for i in heading_indexes if lines[i].words]
    return min(xs) if xs else None
