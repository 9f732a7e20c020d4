"""Where things are printed on a page: words with boxes and ruling lines, in display coordinates.

ingest/ reads these from PDFium (ingest/layout_reader.py); extract/ finds tables in them (extract/grids.py).
Coordinates are points from the top-left corner of the page as it is displayed
(a /Rotate already applied), so y grows downwards like reading order.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class PlacedWord:
    text: str
    box: Box


@dataclass(frozen=True)
class Rule:
    """A ruling segment: a drawn line or one edge of a drawn rectangle. Horizontal when top == bottom."""

    box: Box

    @property
    def horizontal(self) -> bool:
        return self.box.height <= self.box.width


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    words: list[PlacedWord] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    areas: list[Box] = field(default_factory=list)  # drawn rectangles big enough to hold text (cards, boxes)
