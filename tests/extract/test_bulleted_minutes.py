"""Minutes kept as a bulleted outline: bold outer bullets are the items, outcomes stated in bullets."""
from __future__ import annotations

from panel_papers.extract.dates import find_dates
from panel_papers.extract.decisions import register, resolutions
from panel_papers.extract.minutes import minute_blocks
from panel_papers.extract.pagelines import Line
from panel_papers.extract.records import Word


def _line(text: str, x0: float, bold: bool = False) -> Line:
    words = tuple(Word(w, 0, x0 + 6 * k, x0 + 6 * k + 5, 0, 11, 11.0, "Calibri", bold) for k, w in enumerate(text.split()))
    return Line(1, text, x0=x0, size=11.0, bold=bold, gap=3.0, words=words)


MINUTES = [
    _line("Harbour Special Service Area #4", 72),
    _line("Minutes from Monday, January 8, 2024", 72),
    _line("\uf0b7 Perfunctory Business", 90, bold=True),
    _line("o Commissioners Present: A. Jones, B. Smith", 126),
    _line("\uf0b7 Meeting called to order at 9:08am – A. Jones (motion), B. Smith (second)", 90),
    _line("\uf0b7 Minutes from 11/30/23 meeting approved – B. Smith (motion), A. Jones (second)", 90),
    _line("\uf0b7 New Business", 90, bold=True),
    _line("o APPROVED – Revised 2024 budget – A. Jones (motion), B. Smith (second)", 126),
    _line("o Lighting retrofits were discussed at length by the members", 126),
    _line("\uf0b7 Meeting adjourned at 11:25am", 90, bold=True),
]


def test_bold_outer_bullets_are_the_items():
    header, blocks = minute_blocks(MINUTES)
    assert [(b.number, b.title) for b in blocks] == [(None, "Perfunctory Business"), (None, "New Business")]
    assert [line.text for line in header] == ["Harbour Special Service Area #4", "Minutes from Monday, January 8, 2024"]


def test_outcomes_stated_in_bullets_without_their_movers():
    _, blocks = minute_blocks(MINUTES)
    found = [[r.text for r in resolutions(b.body, f"m:{k}", None, 80, register(b.body))] for k, b in enumerate(blocks)]
    assert found == [["Minutes from 11/30/23 meeting approved"], ["Revised 2024 budget"]]


def test_a_superscript_ordinal_read_as_a_quote_still_dates():
    assert find_dates('HELD ON THURSDAY, 11" DECEMBER, 2014, AT 10.30AM.') == [(8, "2014-12-11")]
