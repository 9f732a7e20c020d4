"""Tables drawn with lines or cell fills: the grid comes from the rules, the text from the words inside.

Lines that touch form one table; its columns are the distinct x of its vertical
rules, its rows the distinct y of its horizontal ones. A cell boundary that is
not drawn joins two cells into one spanning cell ("2015/16" over Q1..Q4,
"Comparator councils" over Low | High | Average).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .geometry import Box, PlacedWord, Rule
from .textlines import bounding, join_lines, text_lines

TOLERANCE = 1.5  # points: rules this close meet; positions this close are one
_MIN_GAP = 3.0  # points: bands or columns narrower than this are double rules, not cells


@dataclass
class RuledTable:
    box: Box
    cells: list[list[list[PlacedWord]]]  # [band][column] -> words whose top-left cell this is
    spans: list[list[tuple[int, int] | None]]  # [band][column] -> (last band, last column) of a cell it starts
    words: list[PlacedWord]


@dataclass(frozen=True)
class _Segments:
    """One table's rules as sorted tuples: vertical (x, top, bottom), horizontal (y, x0, x1)."""

    vertical: list[tuple[float, float, float]]
    horizontal: list[tuple[float, float, float]]

    @classmethod
    def of(cls, rules: list[Rule]) -> "_Segments":
        vertical = sorted((r.box.x0, r.box.top, r.box.bottom) for r in rules if not r.horizontal)
        horizontal = sorted((r.box.top, r.box.x0, r.box.x1) for r in rules if r.horizontal)
        return cls(vertical, horizontal)

    def drawn(self, vertical: bool, at: float, across: float) -> bool:
        """Whether a rule runs at `at` (x for vertical, y for horizontal) past the point `across`."""
        segments = self.vertical if vertical else self.horizontal
        slack = TOLERANCE + 1
        for position, start, end in segments[bisect_left(segments, (at - slack,)):]:
            if position > at + slack:
                return False
            if start - TOLERANCE <= across <= end + TOLERANCE:
                return True
        return False


def ruled_tables(words: list[PlacedWord], rules: list[Rule]) -> list[RuledTable]:
    tables = []
    for group in _touching(rules):
        segments = _Segments.of(group)
        xs = _positions([x for x, _, _ in segments.vertical])
        ys = _positions([y for y, _, _ in segments.horizontal])
        if len(xs) < 3 or len(ys) < 3:
            continue
        box = Box(xs[0], ys[0], xs[-1], ys[-1])
        inside = [w for w in words if _contains(box, w.box)]
        if inside:
            tables.append(_table(box, xs, ys, segments, inside))
    return tables


def _touching(rules: list[Rule]) -> list[list[Rule]]:
    """Rules that meet (within tolerance), as connected groups."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontal = sorted((r.box.top, r.box.x0 - TOLERANCE, r.box.x1 + TOLERANCE, i)
                        for i, r in enumerate(rules) if r.horizontal)
    for v, rule in enumerate(rules):
        if rule.horizontal:
            continue
        x, top, bottom = rule.box.x0, rule.box.top - TOLERANCE, rule.box.bottom + TOLERANCE
        for y, x0, x1, h in horizontal[bisect_left(horizontal, (top,)):]:
            if y > bottom:
                break
            if x0 <= x <= x1:
                parent[find(h)] = find(v)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def _positions(values: list[float]) -> list[float]:
    """Distinct positions: values closer than the minimum gap are one."""
    merged: list[float] = []
    for value in sorted(values):
        if merged and value - merged[-1] < _MIN_GAP:
            continue
        merged.append(value)
    return merged


def _contains(box: Box, word: Box) -> bool:
    return box.x0 - TOLERANCE <= word.centre <= box.x1 + TOLERANCE and box.top - TOLERANCE <= word.middle <= box.bottom + TOLERANCE


def _table(box: Box, xs: list[float], ys: list[float], rules: _Segments, words: list[PlacedWord]) -> RuledTable:
    bands, columns = len(ys) - 1, len(xs) - 1
    owner = {(b, c): (b, c) for b in range(bands) for c in range(columns)}

    def root(cell):
        while owner[cell] != cell:
            cell = owner[cell]
        return cell

    for b in range(bands):
        middle = (ys[b] + ys[b + 1]) / 2
        for c in range(columns - 1):
            if not rules.drawn(vertical=True, at=xs[c + 1], across=middle):
                owner[root((b, c + 1))] = root((b, c))
    for c in range(columns):
        centre = (xs[c] + xs[c + 1]) / 2
        for b in range(bands - 1):
            if not rules.drawn(vertical=False, at=ys[b + 1], across=centre):
                first, second = root((b, c)), root((b + 1, c))
                if first != second:
                    owner[max(first, second)] = min(first, second)
    cells = [[[] for _ in range(columns)] for _ in range(bands)]
    spans: list[list[tuple[int, int] | None]] = [[None] * columns for _ in range(bands)]
    for word in words:
        b, c = _index(ys, word.box.middle), _index(xs, word.box.centre)
        top_left = root((b, c))
        cells[top_left[0]][top_left[1]].append(word)
    for cell in owner:
        top_left = root(cell)
        last = spans[top_left[0]][top_left[1]] or top_left
        spans[top_left[0]][top_left[1]] = (max(last[0], cell[0]), max(last[1], cell[1]))
    return RuledTable(box, cells, spans, words)


def _index(edges: list[float], value: float) -> int:
    for i in range(len(edges) - 1):
        if value < edges[i + 1]:
            return i
    return len(edges) - 2


def cell_text(words: list[PlacedWord]) -> str:
    return join_lines(line.text for line in text_lines(words)) if words else ""


def table_box(words: list[PlacedWord]) -> Box:
    return bounding(w.box for w in words)
