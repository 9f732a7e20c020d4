"""Parts of small real PDFs: with item stamps, and with only the agenda's page references."""
from __future__ import annotations

import pytest

from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages
from support import write_pdf

FRONT = """Scrutiny Committee
AGENDA
DATE: Tuesday 3rd April 2019
1. Apologies
2. Budget Report (Pages 2 - 4)
Report of the Director of Finance"""
COVER = """REPORT TO: Scrutiny Committee
Date of Meeting: 3 April 2019
Subject: Budget Report
Recommendations: That the report be noted.
Background Papers: None"""


def _pack(tmp_path, stamped: bool):
    stamp = "Agenda Item 2\nPages 2 to 4\n" if stamped else ""
    texts = [FRONT, f"Page 2\n{stamp}{COVER}", "Page 3\nAppendix A\nBudget tables by service", "Page 4\nThis page is intentionally left blank"]
    path = write_pdf(tmp_path / f"pack-{stamped}.pdf", texts)
    return extract_structure(read_document_pages(open_pdf(path)), path.name, kind="agenda_pack")


@pytest.mark.parametrize("stamped", [True, False])
def test_pack_parts_from_stamps_or_agenda_references(tmp_path, stamped):
    s = _pack(tmp_path, stamped)
    assert [(p.kind, p.first_page, p.last_page, p.agenda_item) for p in s.parts] == [
        ("agenda", 1, 1, None),
        ("report", 2, 2, "2"),
        ("appendix", 3, 3, "2"),
    ]
    assert [(a.number, a.title, a.pages, a.report_of) for a in s.agenda_items] == [
        ("1", "Apologies", None, None),
        ("2", "Budget Report", (2, 4), "Director of Finance"),
    ]
    assert [m.id for m in s.meetings] == ["meeting:-:scrutiny-committee:2019-04-03"]
    assert [(r.text, r.page, r.source) for r in s.recommendations] == [("That the report be noted.", 2, "Budget Report")]
