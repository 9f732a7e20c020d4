"""Placed words grouped into printed lines, and lines cut into phrases at column gaps.

A phrase is a run of words close enough to be read together: the words of one
table cell on one line. Gaps wider than about an em, or a ruling line between
two words, separate phrases.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from .geometry import Box, PlacedWord, Rule

GAP_OF_HEIGHT = 0.55  # a word gap wider than this share of the line height separates phrases
_OVERLAP = 0.5  # words share a line when they overlap vertically by this share of the smaller height


@dataclass(eq=False)
class TextLine:
    words: list[PlacedWord]

    @cached_property
    def box(self) -> Box:
        return bounding(w.box for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(eq=False)
class Phrase(TextLine):
    """Words of a line that stand together: a gap wider than GAP_OF_HEIGHT separates phrases."""


def bounding(boxes: Iterable[Box]) -> Box:
    x0 = top = float("inf")
    x1 = bottom = float("-inf")
    for b in boxes:
        x0, top, x1, bottom = min(x0, b.x0), min(top, b.top), max(x1, b.x1), max(bottom, b.bottom)
    return Box(x0, top, x1, bottom)


def text_lines(words: list[PlacedWord]) -> list[TextLine]:
    """Words in reading order, grouped into lines by vertical overlap."""
    lines: list[TextLine] = []
    open_boxes: list[Box] = []
    for word in sorted(words, key=lambda w: (w.box.top, w.box.x0)):
        for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            if _same_line(open_boxes[index], word.box):
                lines[index].words.append(word)
                open_boxes[index] = bounding([open_boxes[index], word.box])
                break
        else:
            lines.append(TextLine([word]))
            open_boxes.append(word.box)
    for line, box in zip(lines, open_boxes):
        line.words.sort(key=lambda w: w.box.x0)
        line.box = box  # known already: fills the cached property
    return sorted(lines, key=lambda line: line.box.top)


def _same_line(line: Box, word: Box) -> bool:
    overlap = min(line.bottom, word.bottom) - max(line.top, word.top)
    return overlap >= _OVERLAP * min(line.height, word.height)


def phrases(line: TextLine, verticals: list[Rule] = ()) -> list[Phrase]:
    """The line cut at wide gaps and at vertical rules that cross it."""
    height = median([w.box.height for w in line.words])
    box = line.box
    crossing = [r.box.x0 for r in verticals if r.box.top - 1 <= box.middle <= r.box.bottom + 1]
    groups: list[list[PlacedWord]] = []
    for word in line.words:
        if groups and not _separated(groups[-1][-1].box, word.box, height, crossing):
            groups[-1].append(word)
        else:
            groups.append([word])
    return [Phrase(words) for words in groups]


def _separated(left: Box, right: Box, height: float, crossing: list[float]) -> bool:
    """A wide gap, or a vertical rule (at one of the x positions `crossing` the line) between the words."""
    if right.x0 - left.x1 > GAP_OF_HEIGHT * height:
        return True
    return any(left.centre < x < right.centre for x in crossing)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


_BROKEN_WORD = re.compile(r"[A-Za-z]-$")


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one cell as one string: 'fixed-' / 'term' is a compound broken by the cell width."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        glue = "" if _BROKEN_WORD.search(text) else " "
        text = f"{text}{glue}{line}" if text else line
    return text
