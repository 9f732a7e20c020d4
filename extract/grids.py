"""Every table of a page's layout as a TableGrid: ruled grids first, then KPI cards, then tables
aligned by white space.

Both readers keep words whole (a cell never gets half a word) and resolve the
header into one row whose cells name everything printed above each column, so
a spanning "Comparator councils" over "Low" reads "Comparator councils
Low".
"""
from __future__ import annotations

from dataclasses import dataclass

from .aligned_tables import aligned_tables
from .cards import cards
from .geometry import Box, PageLayout
from .periods import is_bare_period
from .records import TableGrid
from .ruled_tables import RuledTable, cell_text, ruled_tables
from .textlines import text_lines
from .values import parse_cell

MAX_HEADER_BANDS = 3
HEADER_CELL_WORDS = 8
_CAPTION_LINES = 2
_CAPTION_GAP = 3.0  # line heights above a ruled table that still belong to its caption


@dataclass
class _Found:
    box: Box
    rows: list[list[str | None]]
    header_rows: int
    caption: str


def page_grids(layout: PageLayout) -> list[TableGrid]:
    ruled = ruled_tables(layout.words, layout.rules)
    taken = {id(w) for table in ruled for w in table.words}
    rest = [w for w in layout.words if id(w) not in taken]
    lines = text_lines(rest)
    found = _ruled_grids(ruled, lines)
    framed = cards(rest, [a for a in layout.areas if not any(_inside(t.box, a) for t in ruled)])
    found += [_Found(card.box, card.grid_rows(), 1, _caption_above(lines, card.box)) for card in framed]
    if framed:
        carded = {id(w) for card in framed for line in card.lines for w in line.words}
        lines = text_lines([w for w in rest if id(w) not in carded])
    loose = [r for r in layout.rules if not any(_inside(t.box, r.box) for t in ruled)]
    found += _aligned_grids(lines, loose)
    found.sort(key=lambda f: (f.box.top, f.box.x0))
    return [
        TableGrid(layout.number, index, (f.box.x0, f.box.top, f.box.x1, f.box.bottom), f.rows, f.header_rows, f.caption)
        for index, f in enumerate(found)
    ]


def _ruled_grids(ruled: list[RuledTable], lines) -> list[_Found]:
    found = []
    for table in ruled:
        rows, header_rows = _ruled_rows(table)
        if len(rows) >= 2:
            found.append(_Found(table.box, rows, header_rows, _caption_above(lines, table.box)))
    return found


def _aligned_grids(lines, rules) -> list[_Found]:
    verticals = [r for r in rules if not r.horizontal]
    horizontals = [r for r in rules if r.horizontal]
    return [
        _Found(t.box, ([t.header] if t.header else []) + t.rows, 1 if t.header else 0, t.caption)
        for t in aligned_tables(lines, verticals, horizontals)
    ]


def _inside(outer: Box, inner: Box, slack: float = 2.0) -> bool:
    return (outer.x0 - slack <= inner.x0 and inner.x1 <= outer.x1 + slack
            and outer.top - slack <= inner.top and inner.bottom <= outer.bottom + slack)


def _ruled_rows(table: RuledTable) -> tuple[list[list[str | None]], int]:
    texts = [[cell_text(words) for words in band] for band in table.cells]
    keep_bands = [b for b, band in enumerate(texts) if any(band)]
    keep_columns = [c for c in range(len(texts[0])) if any(texts[b][c] for b in keep_bands)]
    texts = [[texts[b][c] for c in keep_columns] for b in keep_bands]
    spans = [[_span(table.spans[b][c], keep_bands, keep_columns) for c in keep_columns] for b in keep_bands]
    count = _header_bands(texts, spans)
    body = [[text if spans[b][c] else None for c, text in enumerate(band)] for b, band in enumerate(texts)][count:]
    if not count:
        return body, 0
    return [_header_row(texts[:count], spans[:count])] + body, 1


def _span(span: tuple[int, int] | None, bands: list[int], columns: list[int]) -> tuple[int, int] | None:
    """A cell's last band and column, renumbered after empty bands and columns are dropped."""
    if span is None:
        return None
    last_band = max((i for i, b in enumerate(bands) if b <= span[0]), default=0)
    last_column = max((i for i, c in enumerate(columns) if c <= span[1]), default=0)
    return last_band, last_column


def _is_data_band(band: list[str]) -> bool:
    return any(parse_cell(c).value is not None and not is_bare_period(c) for c in band[1:] if c)


def _header_bands(texts: list[list[str]], spans) -> int:
    """Band 0 heads the table unless it holds figures; a band below without figures heads it too when
    the band above spans columns or leaves its row label blank (a year over its quarters)."""
    if not texts or _is_data_band(texts[0]) or len(texts) < 2:
        return 0
    count = 1
    while count < min(MAX_HEADER_BANDS, len(texts) - 1) and _may_head(texts[count]):
        above = spans[count - 1]
        spanning = any(s is not None and s[1] > c for c, s in enumerate(above))
        if not (spanning or not texts[count][0]):
            break
        count += 1
    return count


def _may_head(band: list[str]) -> bool:
    """No figures and only short cells: a row of the text it continues is no heading ('Q1', 'Low' are)."""
    return not _is_data_band(band) and all(len(cell.split()) <= HEADER_CELL_WORDS for cell in band if cell)


def _header_row(texts: list[list[str]], spans) -> list[str]:
    """Each column's header: every header cell over it, top to bottom.

    In a band above the last, a blank value cell belongs to the heading on its left
    ("2015/16" printed in the first of four ruled quarter cells).
    """
    width = len(texts[0])
    parts: list[list[str]] = [[] for _ in range(width)]
    for b, band in enumerate(texts):
        heads = [text if spans[b][c] is not None else None for c, text in enumerate(band)]
        for c, text in enumerate(heads):
            span = spans[b][c]
            if span is None or not text:
                continue
            for column in range(c, min(span[1], width - 1) + 1):
                parts[column].append(text)
        if b < len(texts) - 1:
            _fill_rightwards(heads, parts)
    return [" ".join(p) for p in parts]


def _fill_rightwards(heads: list[str | None], parts: list[list[str]]) -> None:
    carried = None
    for c in range(1, len(heads)):
        if heads[c]:
            carried = heads[c]
        elif heads[c] == "" and carried and c >= 2:
            parts[c].append(carried)


def _caption_above(lines, box: Box) -> str:
    above = [l for l in lines if l.box.bottom <= box.top + 1 and l.box.x1 > box.x0 and l.box.x0 < box.x1]
    chosen, limit = [], box.top
    for line in reversed(above):
        if limit - line.box.bottom > _CAPTION_GAP * line.box.height or len(chosen) == _CAPTION_LINES:
            break
        chosen.append(line.text)
        limit = line.box.top
    return " ".join(reversed(chosen))
