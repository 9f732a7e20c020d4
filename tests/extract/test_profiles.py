"""Convention profiles: each is detected by its own cues in a small real PDF, and the generic
reader is the fallback. Papers here are invented; no council's text."""
from __future__ import annotations

from panel_papers.extract.agenda import agenda_entries
from panel_papers.extract.pagelines import content_lines
from panel_papers.extract.profiles import GENERIC, detect_profile
from panel_papers.extract.profiles.moderngov import MODERNGOV
from panel_papers.extract.profiles.north_american import NORTH_AMERICAN
from panel_papers.extract.profiles.parish import PARISH
from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages
from support import write_pdf


def _pages(tmp_path, pages: list[str], styled: bool = True):
    return read_document_pages(open_pdf(write_pdf(tmp_path / "paper.pdf", pages, styled=styled)))


# --- North American: motions and an order of business under unnumbered capitalised headings ---

NA_AGENDA = """# AGENDA
# LAKEVIEW PLANNING BOARD
REGULAR MEETING - MARCH 4, 2024

IMPORTANT NOTICE
    Members of the public may attend in person.

**CALL TO ORDER**

**ROLL CALL**
    Board members: A. Jones, B. Smith, C. Brown

**PUBLIC COMMENT**
    Three minute speaking time limit for each speaker at the lectern.

**NEW BUSINESS**
    1. Site plan for the library annex
    2. Parking study for the harbour district

**ADJOURNMENT**

**CERTIFICATION**
    I certify that this agenda was posted on March 1, 2024.
"""


def test_north_american_agenda_reads_its_unnumbered_order_of_business(tmp_path):
    pages = _pages(tmp_path, [NA_AGENDA])
    assert detect_profile(pages) is NORTH_AMERICAN
    entries = agenda_entries(content_lines(pages), NORTH_AMERICAN)
    # Notices before the call to order and after the adjournment are no items; indented lists are sub-items.
    assert [(e.number, e.title) for e in entries] == [
        (None, "CALL TO ORDER"), (None, "ROLL CALL"), (None, "PUBLIC COMMENT"), (None, "NEW BUSINESS"), (None, "ADJOURNMENT"),
    ]


def test_the_generic_reader_takes_no_unnumbered_headings(tmp_path):
    pages = _pages(tmp_path, [NA_AGENDA])
    assert all(e.number for e in agenda_entries(content_lines(pages), GENERIC))


def test_motions_mark_north_american_minutes(tmp_path):
    minutes = """MINUTES OF THE REGULAR MEETING
1. Call to Order
The meeting was called to order at 7:00 p.m.
2. Approval of the Minutes
Moved by: A. Jones, Seconded by: B. Smith
That the minutes of February 5, 2024 be approved.
Carried
3. Adjournment"""
    pages = _pages(tmp_path, [minutes], styled=False)
    assert detect_profile(pages) is NORTH_AMERICAN
    structure = extract_structure(pages, "minutes.pdf")
    assert structure.meta.convention == "north_american"


# --- ModernGov: stamped reports in a pack ---

def test_moderngov_pack_by_its_stamps(tmp_path):
    cover = "Agenda Item 5\nPages 13 to 16\nBy: Cabinet Member\nTo: Cabinet, 4 March 2024\nSubject: Budget"
    agenda = "AGENDA\n1. Apologies\n2. Minutes of the last meeting (Pages 1 - 6)\n3. Budget report (Pages 13 - 16)"
    pages = _pages(tmp_path, [agenda, cover], styled=False)
    assert detect_profile(pages) is MODERNGOV


# --- Parish: the Clerk's actions and proposed/seconded outcomes ---

def test_parish_minutes_by_their_clerk_and_proposals(tmp_path):
    minutes = """Upton Parish Council
Minutes of the meeting held on 3 May 2024
Present: Cllrs Ash, Birch and Oak. Clerk: J Smith
1. Play area
Proposed by Cllr Ash, seconded by Cllr Birch: repairs to go ahead.
Clerk to order the new swing seats."""
    pages = _pages(tmp_path, [minutes], styled=False)
    assert detect_profile(pages) is PARISH


def test_a_paper_of_no_convention_is_read_by_the_generic_profile(tmp_path):
    pages = _pages(tmp_path, ["Annual report\nThe service grew over the year.\nCall to order is a phrase."], styled=False)
    assert detect_profile(pages) is GENERIC
    assert extract_structure(pages, "report.pdf").meta.convention == "generic"
