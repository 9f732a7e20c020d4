"""Tables aligned by white space: columns from where phrases of figure rows sit across lines.

A figure line is a printed line of two or more phrases, a later one a number
("Staff costs   2,100   2,450   350   16.67%"). Figure lines close together
make a table body; the x-extents of their phrases, merged across lines, are
the columns (numbers are right-aligned, labels left-aligned, so the extents of
one column overlap). Lines above the body whose phrases sit over those columns
are its header; a header phrase over several columns heads each of them.
Lines between figure lines continue the cells above when they follow at text
leading, else they are rows of their own (section headings).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import Box, Rule
from .textlines import Phrase, TextLine, bounding, join_lines, median, phrases
from .periods import is_bare_period
from .values import parse_cell

ROW_GAP = 2.5  # line heights: a wider gap ends the table body
HEADER_GAP = 1.6  # line heights: header lines sit this close above one another ...
FIRST_HEADER_GAP = 4.0  # ... and the lowest this close above the body (spreadsheets pad it)
HEADER_LINES = 4
CONTINUATION_GAP = 0.6  # line heights: a line this close below continues the row above
PROSE_WORDS = 12  # a phrase this long is a sentence, not a header cell
CAPTION_LINES = 2  # lines above the header kept as the table's caption (it may state the period)


@dataclass
class AlignedTable:
    box: Box
    header: list[str] | None
    rows: list[list[str]]
    caption: str = ""
    lines: list[TextLine] = field(default_factory=list)


@dataclass(eq=False)
class _Line:
    line: TextLine
    phrases: list[Phrase]
    figure: bool

    @property
    def box(self) -> Box:
        return self.line.box


def aligned_tables(lines: list[TextLine], verticals: list[Rule], horizontals: list[Rule]) -> list[AlignedTable]:
    cut = [_Line(line, ps, _is_figure_line(ps)) for line in lines for ps in [phrases(line, verticals)]]
    position = {id(line): i for i, line in enumerate(cut)}
    tables, used = [], 0  # lines before `used` belong to an earlier table
    for body in _bodies(cut):
        columns = _columns([l for l in body if l.figure])
        start = position[id(body[0])]
        if start > used and _label_of_first_row(cut[start - 1], body[0], columns):
            start -= 1
            body = [cut[start], *body]
        header = _header_lines(cut[max(used, start - HEADER_LINES):start], body[0], columns)
        above = start - len(header)
        caption = " ".join(l.line.text for l in cut[max(used, above - CAPTION_LINES):above])
        tables.append(_table(header, body, columns, horizontals, caption))
        used = position[id(body[-1])] + 1
    return tables


def _is_figure_line(line_phrases: list[Phrase]) -> bool:
    """Two or more phrases, a later one a figure; years heading columns ('2017 2018 2019') are not figures."""
    return len(line_phrases) >= 2 and any(
        parse_cell(p.text).value is not None and not is_bare_period(p.text) for p in line_phrases[1:]
    )


def _height(line: _Line) -> float:
    return median([w.box.height for w in line.line.words])


def _bodies(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of lines holding at least two figure lines, no gap wider than ROW_GAP line heights."""
    bodies, current, pending = [], [], []
    for line in lines:
        last = (pending or current)[-1] if (pending or current) else None
        if last is not None and line.box.top - last.box.bottom > ROW_GAP * _height(last):
            bodies.append(current)
            current, pending = [], []
        if line.figure:
            current.extend((pending if current else []) + [line])
            pending = []
        elif current:
            pending.append(line)
    bodies.append(current)
    return [body for body in bodies if sum(l.figure for l in body) >= 2]


def _columns(figure_lines: list[_Line]) -> list[tuple[float, float]]:
    """Column extents, left to right: numbers first, then text that does not run over a number column.

    Spreadsheets let a long label run on over an empty cell beside it (a note
    printed from the first column over the second); such text must not join
    two columns into one.
    """
    values = [p.box for line in figure_lines for p in line.phrases if _is_value(p)]
    columns = _merged((b.x0, b.x1) for b in values)
    texts = [p.box for line in figure_lines for p in line.phrases if not _is_value(p)]
    free = [b for b in texts if not _overlapping(columns, b)]
    return sorted(columns + _merged((b.x0, b.x1) for b in free))


def _is_value(phrase: Phrase) -> bool:
    return parse_cell(phrase.text).value is not None


def _merged(spans) -> list[tuple[float, float]]:
    merged: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def _overlapping(columns: list[tuple[float, float]], box: Box) -> list[int]:
    return [i for i, (x0, x1) in enumerate(columns) if box.x0 < x1 and box.x1 > x0]


def _column_of(columns: list[tuple[float, float]], box: Box) -> int:
    """A body phrase belongs where it starts (text runs on to the right); else the nearest column."""
    for i, (x0, x1) in enumerate(columns):
        if x0 - 1 <= box.x0 <= x1:
            return i
    over = _overlapping(columns, box)
    if over:
        return over[0]
    return min(range(len(columns)), key=lambda i: min(abs(columns[i][0] - box.x1), abs(columns[i][1] - box.x0)))


def _label_of_first_row(above: _Line, first: _Line, columns) -> bool:
    """The first figures sit lower than their row's label: the line above holds the label."""
    first_column_empty = all(_column_of(columns, p.box) > 0 for p in first.phrases)
    close = first.box.top - above.box.bottom <= CONTINUATION_GAP * _height(above)
    return first_column_empty and close and _column_of(columns, above.phrases[0].box) == 0


def _header_lines(above: list[_Line], first: _Line, columns) -> list[_Line]:
    """Lines directly above the body, nearest first, while close and not prose."""
    chosen: list[_Line] = []
    below = first
    for line in reversed(above):
        gap = FIRST_HEADER_GAP if below is first else HEADER_GAP
        if below.box.top - line.box.bottom > gap * _height(line) or line.figure:
            break
        if any(len(p.words) >= PROSE_WORDS for p in line.phrases) or not _overlapping(columns, line.box):
            break
        chosen.append(line)
        below = line
    return list(reversed(chosen))


def _table(header_lines: list[_Line], body: list[_Line], columns, horizontals: list[Rule], caption: str) -> AlignedTable:
    width = len(columns)
    header = None
    if header_lines:
        parts: list[list[str]] = [[] for _ in range(width)]
        for line in header_lines:
            for phrase in line.phrases:
                for index in _overlapping(columns, phrase.box) or [_column_of(columns, phrase.box)]:
                    parts[index].append(phrase.text)
        header = [join_lines(p) for p in parts]
    rows: list[list[list[str]]] = []
    previous: _Line | None = None
    for line in body:
        cells = [(_column_of(columns, p.box), p) for p in line.phrases]
        if not (rows and _continues(previous, line, rows[-1], cells, horizontals)):
            rows.append([[] for _ in range(width)])
        for index, phrase in cells:
            rows[-1][index].append(phrase.text)
        previous = line
    lines = [l.line for l in header_lines + body]
    box = bounding(l.box for l in lines)
    return AlignedTable(box, header, [[join_lines(cell) for cell in row] for row in rows], caption, lines)


def _continues(previous: _Line, line: _Line, row: list[list[str]], cells, horizontals: list[Rule]) -> bool:
    """A line at text leading below the previous one, with no rule between, runs on its cells when it
    holds only text, or when it brings the figures of a row whose label is printed above them."""
    if line.figure and not _figures_of_label_above(row, cells):
        return False
    gap = line.box.top - previous.box.bottom
    if gap > CONTINUATION_GAP * _height(previous):
        return False
    return not any(
        previous.box.bottom - 1 <= rule.box.top <= line.box.top + 1 and rule.box.x0 < line.box.x1 and rule.box.x1 > line.box.x0
        for rule in horizontals
    )


def _figures_of_label_above(row: list[list[str]], cells) -> bool:
    has_label = bool(row[0])
    row_has_figures = any(parse_cell(text).value is not None for cell in row[1:] for text in cell)
    return has_label and not row_has_figures and all(index > 0 for index, _ in cells)

