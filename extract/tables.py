"""Cheap, pure tests on text that decide where table reading is worth its cost.

Reading a page's words and rules costs a few milliseconds; most pages of a
committee pack are prose. A page can hold an indicator table only if several of
its lines carry runs of figures, it heads a table of measures, or it prints
labelled values (KPI cards): plain text shows that at well under 1 ms.
"""
from __future__ import annotations

import re

from .cards import LABELLED_VALUE

# A figure, not a telephone number's group ("01632 960123": a leading zero and more digits).
_FIGURE = re.compile(r"(?<![\w.-])(?!0\d\d)[-−]?\d[\d,]*(?:\.\d+)?%?\*?(?![\w.])")
_FIGURE_LINE_MIN = 3  # figures on one line that make it look like a table row
_FIGURE_LINES_MIN = 2  # such lines a page needs
_DENSE_FIGURES_MIN = 20  # or: this many figures on the page ...
_DENSE_SHARE_PERCENT = 20  # ... making up this share of its words


def figures_in(line: str) -> int:
    return len(_FIGURE.findall(line))


def is_figure_line(line: str) -> bool:
    """A table row: three or more figures making up half the line's words, or a label followed by a
    run of figures ("Total long-term debt per household $671 $Nil $6,963 $1,218")."""
    figures = figures_in(line)
    if figures >= _FIGURE_LINE_MIN and figures * 2 >= len(line.split()):
        return True
    run = _trailing_figures(line)
    return run >= _FIGURE_LINE_MIN or (run >= 2 and run * 2 >= len(line.split()))


def _trailing_figures(line: str) -> int:
    run = 0
    for word in reversed(line.split()):
        if not _FIGURE.fullmatch(word.lstrip("£$€")) and word.lower().lstrip("£$€") != "nil":
            break
        run += 1
    return run


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
    return _dense_in_figures(text) or _measures_table(text) or _labelled_figures(text) >= _LABELLED_MIN


# A table of measures stated in sentences: its header line starts with the indicator column
# ("Outcome indicators | Timescale | Progress") and the page states figures.
_MEASURE_COLUMN = re.compile(r"^(?:\S+\s+){0,3}?(?:indicators?|measures?|kpis?)\b", re.IGNORECASE)
_MEASURE_COMPANION = re.compile(r"\b(?:timescales?|target|baseline|progress|status|rag|trend|actual)\b", re.IGNORECASE)
_STATED_FIGURE = re.compile(r"\d(?:\.\d+)?\s*%|\d\.\d")
_STATED_MIN = 2


_LABELLED_MIN = 3  # KPI cards print values one to a line: "Target: 60%"


_LABELLED_IN_LOWER_CASE = re.compile(LABELLED_VALUE.pattern)  # case folded once: twice as fast


def _labelled_figures(text: str) -> int:
    return len(_LABELLED_IN_LOWER_CASE.findall(text.lower()))


def _measures_table(text: str) -> bool:
    headed = any(_MEASURE_COLUMN.search(line) and _MEASURE_COMPANION.search(line) for line in text.splitlines())
    return headed and len(_STATED_FIGURE.findall(text)) >= _STATED_MIN


def _dense_in_figures(text: str) -> bool:
    """Some PDFs put every cell on its own text line; then the page as a whole is figure-dense."""
    figures = figures_in(text)
    return figures >= _DENSE_FIGURES_MIN and figures * 100 >= len(text.split()) * _DENSE_SHARE_PERCENT

