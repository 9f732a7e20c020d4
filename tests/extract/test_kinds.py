"""No gate: every paper is read for agenda, minutes and report parts, and its kind is concluded
from what was found. Front sheets and minutes of several conventions, as real PDFs and as text."""
from __future__ import annotations

import pytest
from support import write_pdf

from panel_papers.extract.kinds import opening_kind
from panel_papers.extract.records import PageText
from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages

PUBLIC_NOTICE = """ASHBY PARISH COUNCIL
The Old School, Ashby, AB1 2CD
Tel: 01234 567890
PUBLIC NOTICE
A Meeting of Ashby Parish Council will be held in the Village Hall, Ashby,
on Tuesday 4 November 2025 at 8.00 pm.
Members of the public are invited to address the Council at the start of the meeting.
AGENDA
1. To receive apologies for absence
2. To receive declarations of interest
3. To confirm the minutes of the meeting held on Tuesday 7 October 2025
4. To consider planning applications
5. To approve payments
"""

SUMMONS_WITHOUT_THE_WORD = """LLANFOO TOWN COUNCIL
SUMMONS
You are hereby summoned to attend a meeting of the Town Council to be held
at the Town Hall on Monday 3 March 2025 at 7.00 pm for the business below.
1. Apologies for absence
2. Declarations of interest
3. Minutes of the previous meeting
4. Finance report
5. Correspondence
"""

NORTH_AMERICAN_MINUTES = """TOWN OF MAPLEFORD
A regular meeting of the Town of Mapleford Council was held on Tuesday, March 4, 2025, at 6:30 p.m.
Present: Mayor Ann Lee and Councillors Bo Chen, Cy Diaz and Di Evans.
R2025-042 B. Chen, C. Diaz:
That the minutes of the regular Council Meeting held February 18, 2025, be adopted as published.
Carried.
R2025-043 D. Evans, B. Chen:
That we adopt the 2024 Audited Financial Statements as presented.
Carried.
"""

COVER_REPORT = """From: Cabinet Member for Finance
To: Cabinet, 30 January 2025
Subject: Budget Monitoring
Classification: Unrestricted
Recommendation(s):
Cabinet is asked to NOTE the forecast.
1. Introduction
1.1 This report sets out the forecast position for the year and the actions taken.
Contact: jo.smith@northshire.gov.uk
"""


def pdf_pages(tmp_path, text: str) -> list[PageText]:
    return read_document_pages(open_pdf(write_pdf(tmp_path / "paper.pdf", [text])))


def test_public_notice_front_sheet_with_agenda_lower_down(tmp_path):
    s = extract_structure(pdf_pages(tmp_path, PUBLIC_NOTICE), "notice.pdf")
    meta = s.meta
    assert (meta.kind, meta.council, meta.committee, meta.meeting_date) == (
        "agenda", "Ashby Parish Council", "Parish Council", "2025-11-04")
    assert [a.number for a in s.agenda_items] == ["1", "2", "3", "4", "5"]
    assert {a.meeting_date for a in s.agenda_items} == {"2025-11-04"}


def test_summons_without_the_word_agenda(tmp_path):
    s = extract_structure(pdf_pages(tmp_path, SUMMONS_WITHOUT_THE_WORD), "s.pdf")
    assert (s.meta.kind, s.meta.council, s.meta.committee, s.meta.meeting_date) == (
        "agenda", "Llanfoo Town Council", "Town Council", "2025-03-03")
    assert len(s.agenda_items) == 5


def test_minutes_without_the_word_minutes(tmp_path):
    s = extract_structure(pdf_pages(tmp_path, NORTH_AMERICAN_MINUTES), "m.pdf")
    assert (s.meta.kind, s.meta.council, s.meta.committee, s.meta.meeting_date) == (
        "minutes", "Town of Mapleford", "Council", "2025-03-04")
    [meeting] = s.meetings
    assert meeting.council == "Town of Mapleford" and meeting.id == "meeting:town-of-mapleford:council:2025-03-04"


def test_cover_report_names_its_meeting_and_takes_its_council_from_the_collection(tmp_path):
    pages = pdf_pages(tmp_path, COVER_REPORT)
    alone = extract_structure(pages, "r.pdf")
    assert (alone.meta.kind, alone.meta.council, alone.meta.committee, alone.meta.meeting_date) == (
        "report", None, "Cabinet", "2025-01-30")
    placed = extract_structure(pages, "r.pdf", known_councils=["Northshire County Council", "Township of Oakvale"])
    assert placed.meta.council == "Northshire County Council"
    assert {m.council for m in placed.meetings} == {"Northshire County Council"}


@pytest.mark.parametrize(
    "head, kind",
    [
        (["AGENDA", "CABINET", "Tuesday, 4th March, 2025"], "agenda"),
        (["Westbury Parish Council - Meeting of the Parish Council", "Agenda & Summons to Councillors"], "agenda"),
        (["*** AGENDA ***", "Tuesday, March 4, 2025"], "agenda"),
        (["MINUTES", "TOWNSHIP OF OAKVALE"], "minutes"),
        (["Amenities Minutes | Tuesday 13th March 2018", "Present:"], "minutes"),
        (["Minutes of a meeting of the above Council held on Monday 25th February 2019 at 7.00pm in the Hall."], "minutes"),
        (["By: Officer", "To: Cabinet - 4 March 2025", "Subject: Call-in", "Summary: ..."], "report"),
        (["Cherwell District Council - March 2026", "Planning", "Planning is busy."], None),
        # The agenda of a meeting lists the minutes of the last one: still an agenda.
        (["AGENDA", "1. Apologies", "2. To confirm the minutes of the last meeting"], "agenda"),
        # A summons that never prints "Agenda" as a heading; its items note earlier minutes "held on" a date.
        (["To: Each Member of the District", "You are requested to attend a Meeting of the District to be held at",
          "the Hall on 3rd March, 2021 at 7.00 p.m. The business to be transacted is set out below.",
          "1. (a) To note the Minutes of the Area Committee Meeting held on 4th January, 2021.",
          "(b) To adopt the Minutes of the Meeting held on 1st February, 2021."], "agenda"),
    ],
)
def test_opening_kind(head, kind):
    assert opening_kind(head) == kind


def test_kind_is_a_conclusion_with_a_confidence():
    pack = [PageText(1, "Planning Committee\nAGENDA\nDATE: Monday 2 March 2020\n1. Apologies\n2. Minutes (Pages 2 - 2)\n3. Budget", 595, 842),
            PageText(2, "Agenda Item 2\nPages 2 to 2\nMINUTES\nPlanning Committee\nPresent: Cllr A", 595, 842)]
    meta = extract_structure(pack, "p.pdf").meta
    assert meta.kind == "agenda_pack" and meta.kind_confidence >= 0.9


US_CITY_AGENDA = """CITY OF SPRINGDALE
CITY COUNCIL
REGULAR MEETING AGENDA
Tuesday, March 4, 2025 6:00 PM
1. Call to Order
2. Roll Call
3. Approval of the Minutes of February 18, 2025
4. Public Comment
5. Adjournment
"""

SCOTTISH_MINUTES = """THE CITY OF GLENMOOR COUNCIL
Minutes
Planning Committee
10.00am, Wednesday 5 March 2025
Present: Councillor Gordon (Convener), Councillors Hyslop and Munro.
1. Deputations
There were no deputations.
2. Minutes
Decision: To approve the minutes of 5 February 2025.
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (US_CITY_AGENDA, ("agenda", "City of Springdale", "City Council", "2025-03-04")),
        (SCOTTISH_MINUTES, ("minutes", "City of Glenmoor Council", "Planning Committee", "2025-03-05")),
    ],
)
def test_other_conventions(text, expected):
    meta = extract_structure([PageText(1, text, 612, 792)], "x.pdf").meta
    assert (meta.kind, meta.council, meta.committee, meta.meeting_date) == expected
