"""Typography of lines: where a line sits, how large and heavy its type is, the white space above it.

A page's words carry the index of their text line, so each text line gets its
words without matching text. What counts as emphasis is relative to the body
text of the same document: bold where the body is not, heavier stems than the
body's font, or larger type.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from .records import PageText, Word

if TYPE_CHECKING:
    from .pagelines import Line


@dataclass(frozen=True)
class LineBox:
    words: tuple[Word, ...]
    x0: float
    top: float
    bottom: float
    size: float
    bold: bool
    gap: float  # white space above, points (to the page's top edge for its first line)


def line_boxes(page: PageText) -> dict[int, LineBox]:
    """Text line index -> its geometry and type, for the lines that have words."""
    grouped: dict[int, list[Word]] = {}
    for word in page.words:
        grouped.setdefault(word.line, []).append(word)
    shapes = {index: _shape(words) for index, words in grouped.items()}
    bottoms = sorted((shape[2], shape[1]) for shape in shapes.values())  # (bottom, top)
    return {
        index: LineBox(tuple(grouped[index]), x0, top, bottom, size, bold, _gap_above(top, bottom, bottoms))
        for index, (x0, top, bottom, size, bold) in shapes.items()
    }


def _shape(words: list[Word]) -> tuple[float, float, float, float, bool]:
    """(x0, top, bottom, median size, mostly bold) in one pass: this runs for every line."""
    x0 = top = float("inf")
    bottom = float("-inf")
    chars = bold_chars = 0
    for w in words:
        x0, top, bottom = min(x0, w.x0), min(top, w.top), max(bottom, w.bottom)
        chars += len(w.text)
        bold_chars += len(w.text) if w.bold else 0
    sizes = sorted(w.size for w in words)
    return x0, top, bottom, sizes[len(sizes) // 2], bold_chars * 2 > chars


def _gap_above(top: float, bottom: float, bottoms: list[tuple[float, float]]) -> float:
    """Distance to the nearest line that ends above this one (text order on a page is not reading order)."""
    position = bisect_right(bottoms, (top + 1.0, float("inf")))
    for b, t in reversed(bottoms[:position]):
        if t < top - 1.0:
            return max(0.0, top - b)
    return top  # the first line of the page: white space up to the edge


@dataclass(frozen=True)
class BodyStyle:
    """The type most characters of a document are set in."""

    size: float
    bold: bool
    weight: int
    font: str

    def emphasised(self, word: Word) -> bool:
        if word.bold and not self.bold:
            return True
        # Fonts without a style in their name: a heavier stem than the body's marks bold.
        heavier = self.weight > 0 and word.weight > self.weight * 1.04 and word.font != self.font
        return heavier or word.size > self.size * 1.1


def body_style(words: list[Word]) -> BodyStyle | None:
    if not words:
        return None
    counts: Counter = Counter()
    for w in words:
        counts[(round(w.size), w.bold, w.weight, w.font)] += len(w.text)
    (size, bold, weight, font), _ = counts.most_common(1)[0]
    sizes = [w.size for w in words if round(w.size) == size and w.font == font]
    return BodyStyle(median(sizes), bold, weight, font)


def same_block(above: Line, below: Line) -> bool:
    """No white space between two lines of one page: a heading or paragraph wrapping."""
    return above.page == below.page and below.gap < 0.5 * max(below.size, 1.0) and bool(above.words)


def words_from(line: Line, offset: int) -> tuple[list[Word], int]:
    """The printed words from a text offset on, and where the offset falls in the first of them
    ('11.Closed': a title glued to its number); ([], 0) when words and text do not align."""
    tokens = line.text.split()
    if len(tokens) != len(line.words):
        return [], 0
    position = 0
    for k, token in enumerate(tokens):
        start = line.text.index(token, position)
        position = start + len(token)
        if position > offset:
            return list(line.words[k:]), max(0, offset - start)
    return [], 0
