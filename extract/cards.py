"""KPI cards: one framed box per measure, with a title, labelled values and perhaps a RAG word.

    % of care leavers in education, employment or training      GREEN
    Latest: 56%        Target: 60%        Previous: 52%
    Q3 2024/25

A card becomes a one-row grid (title | one column per labelled value) whose
header names each value's series and the card's period, so the indicator-table
reader treats it like any scorecard row. A figure alone on its line is the
card's latest value. The period comes from the card, else from the caption
above it; the RAG word is kept as a note of every value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .geometry import Box, PlacedWord
from .periods import find_period, is_bare_period
from .textlines import TextLine, join_lines, text_lines
from .values import parse_cell

_LABEL = (
    r"latest|actual|current|this\s+(?:year|quarter|month)|target|previous|last\s+(?:year|quarter|month)|"
    r"prior\s+year|baseline|floor|(?:england|national|regional|region|london|statistical\s+neighbours?|"
    r"stat\s+neighbours?)(?:\s+average)?"
)
_VALUE = r"[-−]?[£$€]?\d[\d,]*(?:\.\d+)?[ \t]*%?"
LABELLED_VALUE = re.compile(rf"\b(?P<label>{_LABEL})\b[ \t]*[:=\-–]?[ \t]*(?P<value>{_VALUE})(?![\w/])", re.IGNORECASE)
_RAG = re.compile(r"^(?:red|amber|green)$", re.IGNORECASE)


@dataclass
class Card:
    box: Box
    title: str
    values: list[tuple[str, str]]  # (label as printed, value as printed)
    period: str  # as printed on the card, or ""
    rag: str | None
    lines: list[TextLine]

    def grid_rows(self) -> list[list[str]]:
        note = f" (RAG {self.rag})" if self.rag else ""
        header = [""] + [" ".join(filter(None, [label, self.period])) + note for label, _ in self.values]
        return [header, [self.title] + [value for _, value in self.values]]


def cards(words: list[PlacedWord], areas: list[Box]) -> list[Card]:
    """Cards framed by the page's rectangles; a box holding other cards is a panel, not a card."""
    found = [card for area in areas if (card := _card(area, text_lines(_inside(words, area))))]
    return [c for c in found if not any(o is not c and _contains(c.box, o.box) for o in found)]


def _inside(words: list[PlacedWord], area: Box) -> list[PlacedWord]:
    return [w for w in words if area.x0 <= w.box.centre <= area.x1 and area.top <= w.box.middle <= area.bottom]


def _contains(outer: Box, inner: Box) -> bool:
    return outer.x0 <= inner.x0 and inner.x1 <= outer.x1 and outer.top <= inner.top and inner.bottom <= outer.bottom


def _card(area: Box, lines: list[TextLine]) -> Card | None:
    if len(lines) < 2:
        return None
    values, title, period, rag = [], [], "", None
    for line in lines:
        text = line.text.strip()
        labelled = [(m.group("label"), m.group("value").strip()) for m in LABELLED_VALUE.finditer(text)]
        rest = LABELLED_VALUE.sub(" ", text).strip()
        if labelled:
            values.extend(labelled)
        elif parse_cell(text).value is not None:
            values.append(("Latest", text))
            continue
        words = rest.split()
        if words and _RAG.match(words[-1]):
            rag, words = words[-1].title(), words[:-1]
        rest = " ".join(words)
        if rest and is_bare_period(rest):
            period = period or rest
        elif rest and not labelled and not values:
            title.append(rest)
    if not values or not title or len({label.lower() for label, _ in values}) < len(values):
        return None
    if not period:
        period = next((l.text for l in lines if find_period(l.text) and l.text not in title), "")
    return Card(area, join_lines(title), values, period, rag, lines)
