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


def test_a_numbering_that_starts_over_in_its_column_is_a_second_session(tmp_path):
    from panel_papers.extract.structure import extract_structure
    from panel_papers.ingest.reader import open_pdf, read_document_pages
    from support import write_pdf

    agenda = """# AGENDA
A REGULAR MEETING OF THE LAKEVIEW CITY COUNCIL
December 12, 2022
CLOSED SESSION
1. CALL MEETING TO ORDER
2. ROLL CALL
3. ADJOURN TO CLOSED SESSION
"""
    regular = """REGULAR MEETING
1. CALL MEETING TO ORDER
2. ROLL CALL
3. FLAG SALUTE
4. PUBLIC COMMENTS
"""
    enclosure = """Budget resolution attached to item 4
        1. Establish budgets
        2. Budget revisions
"""
    pages = read_document_pages(open_pdf(write_pdf(tmp_path / "a.pdf", [agenda, regular, enclosure], styled=True)))
    items = extract_structure(pages, "a.pdf").agenda_items
    assert [(i.number, i.title, i.sequence) for i in items] == [
        ("1", "CALL MEETING TO ORDER", None), ("2", "ROLL CALL", None), ("3", "ADJOURN TO CLOSED SESSION", None),
        ("1", "CALL MEETING TO ORDER", 2), ("2", "ROLL CALL", 2), ("3", "FLAG SALUTE", 2), ("4", "PUBLIC COMMENTS", 2),
    ]
    assert len({i.id for i in items}) == len(items)
