"""A list enclosed in an agenda item, set further right than the agenda's headings, is not items."""
from __future__ import annotations

from panel_papers.extract.agenda import _in_heading_column
from panel_papers.extract.pagelines import Line
from panel_papers.extract.records import Word


def _line(page: int, x0: float, text: str) -> Line:
    return Line(page, text, x0=x0, size=12.0, gap=12.0, words=(Word(text.split()[0], 0, x0, x0 + 20, 0, 12, 12.0, "Helvetica", False),))


def test_a_list_enclosed_in_an_item_is_no_item():
    lines = [_line(1, 75, "1. Call to Order."), _line(1, 75, "2. Consent agenda as attached."),
             _line(3, 93, "HB 2024-12: Contract for services"), _line(3, 93, "HB 2024-13: Contract for repairs"),
             _line(4, 71, "3. Motion to adjourn.")]
    starts = [(i, line.text.split()[0], line.text, i + 1) for i, line in enumerate(lines)]
    assert [s[0] for s in _in_heading_column(lines, starts)] == [0, 1, 4]
