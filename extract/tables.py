"""Cheap, pure tests on text that decide where table reading is worth its cost.

Reading tables with pdfplumber costs tens of milliseconds a page; most pages
of a committee pack are prose. A page can hold an indicator table only if
several of its lines carry runs of figures, which plain text shows at ~1 ms.
"""
from __future__ import annotations

import re

_FIGURE = re.compile(r"(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?%?\*?(?![\w.])")
_FIGURE_LINE_MIN = 3  # figures on one line that make it look like a table row
_FIGURE_LINES_MIN = 2  # such lines a page needs
_DENSE_FIGURES_MIN = 20  # or: this many figures on the page ...
_DENSE_SHARE_PERCENT = 20  # ... making up this share of its words


def figures_in(line: str) -> int:
    return len(_FIGURE.findall(line))


def is_figure_line(line: str) -> bool:
    """Three or more figures making up at least half the line's words, like a table row."""
    figures = figures_in(line)
    return figures >= _FIGURE_LINE_MIN and figures * 2 >= len(line.split())


def page_may_hold_table(page_text: str) -> bool:
    """True when at least two lines look like rows of figures.

    Indicator rows print a value per column, so figures dominate the line;
    prose with a few numbers, postcodes, phone numbers and dates does not.
    """
    text = page_text or ""
    figure_lines = 0
    for line in text.splitlines():
        if is_figure_line(line):
            figure_lines += 1
            if figure_lines >= _FIGURE_LINES_MIN:
                return True
    return _dense_in_figures(text)


def _dense_in_figures(text: str) -> bool:
    """Some PDFs put every cell on its own text line; then the page as a whole is figure-dense."""
    figures = figures_in(text)
    return figures >= _DENSE_FIGURES_MIN and figures * 100 >= len(text.split()) * _DENSE_SHARE_PERCENT


def looks_like_figures_grid(rows: list[list[str | None]]) -> bool:
    """A whitespace-aligned 'table' worth keeping: several rows whose cells are mostly figures.

    The text strategy also aligns ordinary paragraphs into columns; those
    have few numeric cells, so they are dropped here.
    """
    numeric_rows = 0
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        numbers = [c for c in cells if _FIGURE.fullmatch(c)]
        if len(numbers) >= 2 and len(numbers) * 2 >= len(cells):
            numeric_rows += 1
    return numeric_rows >= 2
