"""Read tables from PDF pages with pdfplumber.

Ruled tables (drawn cell borders) are read first; they are what scorecards
use and their cells are exact. Only when a page has no ruled table is the
whitespace-aligned (text) strategy tried, and its result is kept only when
it looks like a grid of figures, because on prose pages that strategy turns
every paragraph into a "table".
pdfplumber is slow (~50 ms a page) so callers pass only the pages that
extract.tables.page_may_hold_table selects.
"""
from __future__ import annotations

from collections.abc import Iterable
import re
from pathlib import Path

import pdfplumber

from ..extract.records import TableGrid
from ..extract.tables import looks_like_figures_grid

RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
WHITESPACE = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "min_words_vertical": 3,
    "min_words_horizontal": 2,
    "text_x_tolerance": 2,
}


def read_tables(path: Path, pages: Iterable[int] | None = None, whitespace_fallback: bool = True) -> list[TableGrid]:
    """Tables of the given 1-based pages (all pages when None), in page order."""
    grids: list[TableGrid] = []
    with pdfplumber.open(str(path)) as pdf:
        wanted = sorted(set(pages)) if pages is not None else range(1, len(pdf.pages) + 1)
        for number in wanted:
            if not 1 <= number <= len(pdf.pages):
                continue
            page = pdf.pages[number - 1]
            try:
                grids.extend(read_page_tables(page, number, whitespace_fallback))
            finally:
                page.close()  # drops the page's cached objects: memory stays flat on long packs
    return grids


def read_page_tables(page, number: int, whitespace_fallback: bool = True) -> list[TableGrid]:
    grids = _grids(page, number, RULED)
    if grids or not whitespace_fallback:
        return grids
    return [g for g in _grids(page, number, WHITESPACE) if looks_like_figures_grid(g.rows)]


def _grids(page, number: int, settings: dict) -> list[TableGrid]:
    grids = []
    for index, table in enumerate(page.find_tables(settings)):
        rows = [[_join_lines(cell) for cell in row] for row in table.extract()]
        if len(rows) >= 2 and max(map(len, rows)) >= 2:
            grids.append(TableGrid(page=number, index=index, bbox=tuple(table.bbox), rows=rows))
    return grids


def _join_lines(cell: str | None) -> str | None:
    """Multi-line cells become one line: 'Barnet\\n2018-19' -> 'Barnet 2018-19'.

    A line ending in a word-hyphen ('fixed-' / 'term') is a compound broken by
    the cell width, so it is joined without a space; '19 -' / '21' keeps it.
    """
    if cell is None:
        return None
    lines = [line.strip() for line in cell.splitlines() if line.strip()]
    text = ""
    for line in lines:
        glue = "" if re.search(r"[A-Za-z]-$", text) else " "
        text = f"{text}{glue}{line}" if text else line
    return text
