"""Agendas that number their top level with capital letters or Roman numerals, and what else North
American agendas print under their items (staff recommendations, "ITEM 1:" labels). Built from strings."""
from __future__ import annotations

from support import write_pdf

from panel_papers.extract.records import PageText
from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages


def pages(*texts: str) -> list[PageText]:
    return [PageText(number=i, text=t, width=612, height=792) for i, t in enumerate(texts, start=1)]


def items(*texts: str) -> list[tuple[str | None, str]]:
    s = extract_structure(pages(*texts), "agenda.pdf")
    return [(a.number, a.title) for a in s.agenda_items]


LETTERED = """CITY OF MAPLETON
Planning Commission Meeting Agenda
Wednesday, March 8, 2023
A. CALL MEETING TO ORDER
B. ROLL CALL
C. APPROVAL OF MINUTES
1. Regular Meeting of February 8, 2023
D. PUBLIC HEARINGS
1. Use Permit for 12 Oak Street
2. Parcel Map for 40 Elm Road
E. DIRECTOR'S ITEMS
F. ADJOURNMENT
To join by video:
1. Download the app before the meeting.
2. Join the meeting before it starts.
"""

ROMAN = """Regular Meeting of the Board of Trustees
Riverbend Community College District
Thursday, September 14, 2023
AGENDA
I. ROLL CALL
II. APPROVAL OF THE MINUTES
III. COMMITTEE REPORTS
A. FINANCE
1. Approval of the Audit Contract
2. Approval of the Insurance Renewal
B. FACILITIES
1. Roof Replacement at the North Campus
IV. PRESIDENT'S REPORT
V. ADJOURNMENT
"""


def test_capital_letters_number_the_top_level_when_the_numbers_start_over_under_them():
    assert items(LETTERED) == [
        ("A", "CALL MEETING TO ORDER"),
        ("B", "ROLL CALL"),
        ("C", "APPROVAL OF MINUTES"),
        ("D", "PUBLIC HEARINGS"),
        ("E", "DIRECTOR'S ITEMS"),
        ("F", "ADJOURNMENT"),
    ]


def test_roman_numerals_outrank_the_letters_and_numbers_inside_them():
    assert [n for n, _ in items(ROMAN)] == ["I", "II", "III", "IV", "V"]


def test_lettered_sub_items_under_a_numbered_agenda_stay_sub_items():
    agenda = """AGENDA
REGULAR MEETING OF THE ELMWOOD CITY COUNCIL
December 5, 2023
1. CALL TO ORDER
2. ROLL CALL
A. Jane Doe, Mayor
B. John Roe, Council Member
C. Ann Poe, Council Member
D. Max Moe, Council Member
3. CONSENT CALENDAR
4. PUBLIC HEARING
5. ADJOURNMENT
"""
    assert [n for n, _ in items(agenda)] == ["1", "2", "3", "4", "5"]


def test_staff_recommendations_and_minutes_items_do_not_start_minutes_inside_an_agenda():
    agenda = """AGENDA
A REGULAR MEETING OF THE ELMWOOD CITY COUNCIL
December 12, 2023
1. CALL MEETING TO ORDER
2. ROLL CALL
3. WARRANT REPORT
RECOMMENDATION: Approve.
"""
    second = """4. RECEIVE AND FILE ALL REPORTS, NOTICES AND
MINUTES LISTED ON THE AGENDA
RECOMMENDATION: It is recommended that the City Council receive and file them.
5. MINUTES: NOVEMBER 28, 2023 REGULAR MEETING
RECOMMENDATION: Approve.
6. ADJOURN MEETING
"""
    s = extract_structure(pages(agenda, second), "agenda.pdf")
    assert [p.kind for p in s.parts] == ["agenda"]
    assert [a.number for a in s.agenda_items] == ["1", "2", "3", "4", "5", "6"]
    assert s.minute_items == []


def test_capitalised_item_labels_are_not_part_of_the_number():
    agenda = """PLANNING COMMISSION AGENDA
October 5, 2023 at 9:00 A.M.
ITEM 1: WIRELESS FACILITY AT 12 OAK STREET
Staff: A Planner
ITEM 2: PARK LIGHTING UPGRADE
ITEM 3: GENERAL PLAN WORKSHOP
ADJOURNMENT
"""
    assert [n for n, _ in items(agenda)] == ["1", "2", "3"]


def test_an_item_title_may_open_with_a_year():
    agenda = """AGENDA
REGULAR MEETING OF THE ELMWOOD CITY COUNCIL
December 12, 2023
1. CALL MEETING TO ORDER
2. ROLL CALL
3. 2024 CITY MEETING SCHEDULE
4. 2023/24 BUDGET MONITORING
5. ADJOURNMENT
"""
    assert items(agenda)[2:4] == [("3", "2024 CITY MEETING SCHEDULE"), ("4", "2023/24 BUDGET MONITORING")]


def test_a_number_printed_again_in_an_enclosed_list_does_not_replace_the_agenda_item(tmp_path):
    agenda = "\n".join(["BOARD OF HEALTH", "AGENDA - April 24, 2019"] + [
        f"{n}. {t}" for n, t in enumerate(["Call to Order.", "Roll Call.", "Approval of the Minutes.",
                                          "Approval of Contracts.", "Motion to adjourn the meeting."], start=1)])
    enclosure = "\n".join(["Budget lines enclosed with item 4"] + [
        f"{n}. Budget line {t}" for n, t in enumerate("ABCDEF", start=1)])
    path = write_pdf(tmp_path / "agenda.pdf", [agenda, enclosure], styled=True)
    s = extract_structure(read_document_pages(open_pdf(path)), path.name)
    numbers = [a.number for a in s.agenda_items]
    assert len(numbers) == len(set(numbers))  # one item per number of one meeting: ids stay unique
    assert [(a.number, a.title) for a in s.agenda_items][:2] == [("1", "Call to Order."), ("2", "Roll Call.")]
