"""Extraction extraction on papers written the way other councils write them (built from strings)."""
from __future__ import annotations

from panel_papers.extract.export import to_export
from panel_papers.extract.records import PageText
from panel_papers.extract.structure import extract_structure


def pages(*texts: str) -> list[PageText]:
    return [PageText(number=i, text=t, width=595.3, height=841.9) for i, t in enumerate(texts, start=1)]


PREFIXED_MINUTES = """PLANNING COMMITTEE
Minutes of the meeting held on Tuesday 3rd April 2019 at 10.00 am in the Council Chamber, Town Hall
Present: Councillor Alan Smith (Chair), Councillors Beth Jones, Carl Brown and Dina White
Officers: Fay Black (Head of Planning), Gus Grey (Democratic Services)
PC 18/45 Apologies for Absence
Apologies for absence were received from Councillor Ed Green.
PC 18/46 Declarations of Interest
Councillor Beth Jones declared a disclosable pecuniary interest in Minute PC 18/48 as she owns land nearby.
PC 18/47 Budget Monitoring Quarter 3
The Committee considered the report of the Director of Finance on spending to the end of December.
Members asked for a further report on the overspend to the June 2019 meeting.
AGREED:
(a) that the report be noted;
(b) that the virement of 50,000 pounds be approved; and
(c) that officers review the fees.
PC 18/48 Mill Lane Development
It was RESOLVED that planning permission be granted subject to conditions.
The meeting closed at 11.45 am.
Chair ..........................
"""


def test_minutes_with_committee_prefixed_numbers_and_agreed_decisions():
    s = extract_structure(pages(PREFIXED_MINUTES), "minutes.pdf")
    assert [(m.number, m.title) for m in s.minute_items] == [
        ("PC 18/45", "Apologies for Absence"),
        ("PC 18/46", "Declarations of Interest"),
        ("PC 18/47", "Budget Monitoring Quarter 3"),
        ("PC 18/48", "Mill Lane Development"),
    ]
    assert {m.meeting_date for m in s.minute_items} == {"2019-04-03"}
    budget = [r for r in s.resolutions if r.minute_number == "PC 18/47"]
    assert [(r.part, r.verb, r.text) for r in budget] == [
        ("a", "AGREED", "that the report be noted"),
        ("b", "AGREED", "that the virement of 50,000 pounds be approved"),
        ("c", "AGREED", "that officers review the fees."),
    ]
    assert budget[0].parent_text.startswith("(a) that the report be noted;")
    mill_lane = [r.text for r in s.resolutions if r.minute_number == "PC 18/48"]
    assert mill_lane == ["planning permission be granted subject to conditions."]


def test_minutes_meeting_attendance_and_declarations():
    s = extract_structure(pages(PREFIXED_MINUTES), "minutes.pdf")
    meeting = s.meetings[0]
    assert (meeting.id, meeting.time, meeting.venue) == ("meeting:-:planning-committee:2019-04-03", "10:00", "Council Chamber, Town Hall")
    roles = {(a.person, a.role, a.present) for a in s.attendance}
    assert ("Alan Smith", "chair", True) in roles
    assert ("Carl Brown", "member", True) in roles and ("Dina White", "member", True) in roles
    assert ("Ed Green", "apology", False) in roles
    assert any(a.role == "officer" and a.person.startswith("Fay Black") for a in s.attendance)
    [declaration] = s.declarations
    assert (declaration.member, declaration.item, declaration.nature) == (
        "Beth Jones", "PC 18/48", "disclosable pecuniary interest"
    )


def test_request_for_a_named_later_meeting():
    s = extract_structure(pages(PREFIXED_MINUTES), "minutes.pdf")
    [request] = s.requests
    assert request.minute_number == "PC 18/47"
    assert (request.who, request.due) == ("Members", "June 2019 meeting")
    assert request.minute_id == s.minute_items[2].id


YEAR_NUMBERED_MINUTES = """Licensing Committee
Minutes of the Licensing Committee held on 03/04/2019
* Denotes Member present
Chair: * Councillor Jo Bloggs
Councillors: * Sam Hill
Pat Lee
* Kim Ray
Minute 12/2023 – Licensing Policy Review
Resolved that the revised policy be recommended to Council for adoption.
Minute 13/2023 – Taxi Fares
RESOLVED – That (1) the fares table be approved; (2) the fares be reviewed annually.
Minute 14/2023 – Any Other Business
None.
"""


def test_year_numbered_minutes_numeric_date_and_asterisk_attendance():
    s = extract_structure(pages(YEAR_NUMBERED_MINUTES), "licensing.pdf")
    assert [m.number for m in s.minute_items] == ["12/2023", "13/2023", "14/2023"]
    assert s.minute_items[1].title == "Taxi Fares"
    assert s.meetings[0].date == "2019-04-03"
    present = {a.person: a.present for a in s.attendance}
    assert present == {"Jo Bloggs": True, "Sam Hill": True, "Pat Lee": False, "Kim Ray": True}
    fares = [(r.part, r.text) for r in s.resolutions if r.minute_number == "13/2023"]
    assert fares == [("1", "the fares table be approved"), ("2", "the fares be reviewed annually.")]
    assert [r.text for r in s.resolutions if r.minute_number == "12/2023"] == [
        "the revised policy be recommended to Council for adoption."
    ]


AGENDA_WITHOUT_PAGES = """Planning Committee
Date: Wednesday 14 June 2017
Time: 6.30pm
Venue: Council Chamber, Town Hall
AGENDA
1. Apologies for absence
To receive apologies.
2. Declarations of interest
3. Minutes of the previous meeting held on 6 March 2017
To approve the minutes.
4. Application 19/0123/FUL - Land at Mill Lane, a long title that wraps
onto a second line
Report of the Head of Planning
5. Any other business
"""


def test_agenda_without_page_references():
    s = extract_structure(pages(AGENDA_WITHOUT_PAGES), "agenda.pdf")
    assert s.meta.kind == "agenda"
    items = [(a.number, a.title, a.pages) for a in s.agenda_items]
    assert items == [
        ("1", "Apologies for absence", None),
        ("2", "Declarations of interest", None),
        ("3", "Minutes of the previous meeting held on 6 March 2017", None),
        ("4", "Application 19/0123/FUL - Land at Mill Lane, a long title that wraps onto a second line", None),
        ("5", "Any other business", None),
    ]
    assert s.agenda_items[3].report_of == "Head of Planning"
    meeting = s.meetings[0]
    assert (meeting.date, meeting.time, meeting.venue) == ("2017-06-14", "18:30", "Council Chamber, Town Hall")
    assert s.agenda_items[0].id == "agenda_item:agenda-pdf:meeting:-:planning-committee:2017-06-14:1"


LETTERED_REPORT = """REPORT TO: Planning Committee
Date of Meeting: Tuesday 3rd April 2019
Subject: Local Plan Review
Report of: Head of Planning
Recommendations:
That the Committee:
(a) notes the progress on the Local Plan review;
(b) approves the consultation draft for publication; and
(c) delegates minor amendments to the Head of Planning.
Reason for Recommendations: The plan must be kept up to date.
1. Background
The Local Plan was adopted in 2012.
"""


def test_report_with_lettered_recommendations():
    s = extract_structure(pages(LETTERED_REPORT), "report.pdf")
    assert s.meta.kind == "report" and s.meta.meeting_date == "2019-04-03"
    assert [(r.number, r.text, r.kind) for r in s.recommendations] == [
        ("a", "notes the progress on the Local Plan review", "report"),
        ("b", "approves the consultation draft for publication", "report"),
        ("c", "delegates minor amendments to the Head of Planning.", "report"),
    ]
    assert s.recommendations[0].source == "Local Plan Review"
    export = to_export(s)
    assert [r["number"] for r in export["recommendations"]] == ["a", "b", "c"]


INSPECTION = """Inspection of children's services
Recommendations
1. Improve the timeliness of assessments so that children receive help
quickly.
2. Strengthen management oversight of casework.
What the inspectors found
3. Leaders know their services well.
"""


def test_numbered_inspection_recommendations_stop_at_the_next_heading():
    s = extract_structure(pages(INSPECTION), "inspection.pdf", kind="report")
    assert [(r.number, r.text) for r in s.recommendations] == [
        ("1", "Improve the timeliness of assessments so that children receive help quickly."),
        ("2", "Strengthen management oversight of casework."),
    ]


def test_strategy_pledges_are_commitments_not_formal_recommendations():
    text = """Our Strategy 2020 to 2023
To achieve this we will:
1. Keep you safe. This means we check on you often.
2. Help you learn. This means good schools.
Our priorities
"""
    s = extract_structure(pages(text), "Our Strategy.pdf", kind="strategy")
    assert [(r.kind, r.number, r.text) for r in s.recommendations] == [
        ("strategy", "1", "Keep you safe."),
        ("strategy", "2", "Help you learn."),
    ]
    export = to_export(s)
    assert export["recommendations"] == [] and len(export["commitments"]) == 2


def test_questions_are_not_requests_but_asks_for_later_reports_are():
    text = """Scrutiny Committee
MINUTES
5 May 2021
7. Waste Services
Councillor Ann Lee asked whether recycling rates had improved. Officers said they had.
Members requested that a briefing note on fly-tipping be circulated.
The Committee asked that an update be brought to its next meeting.
RESOLVED: That the report be noted.
"""
    s = extract_structure(pages(text), "scrutiny.pdf")
    assert [(r.text, r.due) for r in s.requests] == [
        ("Members requested that a briefing note on fly-tipping be circulated.", None),
        ("The Committee asked that an update be brought to its next meeting.", "next meeting"),
    ]
    assert [r.who for r in s.requests] == ["Members", "The Committee"]


def test_section_headings_are_not_items_and_closing_notes_are_not_text():
    text = """Corporate Parenting Panel
MINUTES
1 February 2018
10. Minutes
RESOLVED: That the minutes be signed.
RECOMMENDED ITEMS
11. Budget
RECOMMENDED: That Council approve the budget.
(Note: The meeting, having commenced at 7.30 pm, closed at 8.00 pm).
(Signed) COUNCILLOR A SMITH
"""
    s = extract_structure(pages(text), "m.pdf")
    assert [m.number for m in s.minute_items] == ["10", "11"]
    assert "RECOMMENDED ITEMS" not in s.minute_items[0].text
    assert "Signed" not in s.minute_items[1].text
    assert s.meetings[0].time == "19:30"
    assert [(r.minute_number, r.verb, r.text) for r in s.resolutions] == [
        ("10", "RESOLVED", "That the minutes be signed."),
        ("11", "RECOMMENDED", "That Council approve the budget."),
    ]



NUMBERED_MOTIONS_IN_ITEMS = """Minutes of the Board of Directors Meeting
March 12, 2024
Present: Ann Lee, Bob Kay, Cy Dunn
1. Call to order
Resolution No. 2024-11 Moved by Ann, seconded by Bob that the meeting was called to order at 9:30 am. Carried
2. Approval of the Agenda
Resolution No. 2024-12 Moved by Bob, seconded by Cy that the agenda be adopted as presented.
3. Business arising
The budget was discussed.
Resolution No. 2024-13 Moved by Cy, seconded by Ann that the board approves the budget as presented.
Resolution No. 2024-14 Moved by Ann, seconded by Cy that the board approves the repairs. Carried
4. Adjournment - Resolution No. 2024-15 Moved by Bob, seconded by Ann that the
meeting be adjourned. Carried
Board Secretary:
Resolution No. 2024-16 Moved by Bob, seconded by Ann that the form be approved. Carried
"""

MOTION_NUMBER_MINUTES = """MINUTES
Cemetery Committee
February 10, 2024
The committee met on Monday, February 10, 2024.
MOTION NUMBER C2024-01
Moved by: Ann Lee Seconded by: Bob Kay
That we appoint Ann Lee Chairperson for 2024. Carried.
The Committee reviewed a report on the fence.
MOTION NUMBER C2024-02
Moved by: Bob Kay Seconded by: Ann Lee
That we approve the quote for a new fence. Carried.
"""


def test_numbered_motions_inside_numbered_items_are_their_resolutions():
    s = extract_structure(pages(NUMBERED_MOTIONS_IN_ITEMS), "minutes.pdf")
    assert [(m.number, m.title) for m in s.minute_items] == [
        ("1", "Call to order"), ("2", "Approval of the Agenda"), ("3", "Business arising"), ("4", "Adjournment")]
    assert [(r.minute_number, r.text) for r in s.resolutions] == [
        ("1", "that the meeting was called to order at 9:30 am."),
        ("2", "that the agenda be adopted as presented."),
        ("3", "that the board approves the budget as presented."),
        ("3", "that the board approves the repairs."),
        ("4", "that the meeting be adjourned."),
    ]


def test_a_motion_number_on_its_own_line_heads_the_motion():
    s = extract_structure(pages(MOTION_NUMBER_MINUTES), "minutes.pdf")
    assert [(m.number, m.title) for m in s.minute_items] == [("C2024-01", ""), ("C2024-02", "")]
    assert [(r.minute_number, r.text, r.mover) for r in s.resolutions] == [
        ("C2024-01", "That we appoint Ann Lee Chairperson for 2024.", "Ann Lee"),
        ("C2024-02", "That we approve the quote for a new fence.", "Bob Kay"),
    ]


OPENING_LABELS = """RIVERTON PARISH COUNCIL
Minutes of the meeting held on 4th March 2014 at 7.30pm in the Village Hall
Present: Cllr A Moss (Chairman), Cllrs Reed and Ms Lane
In Attendance: District Cllr Fern
Apologies for Absence: Cllr Mrs Birch
Declarations of Interest: There were none
Committee Reports:
Councillor Reed: Footpaths Group.
14/021: Minutes of the Last Meeting
The minutes were agreed as a true record and signed by the chairman.
14/022: Playing Field
Quotations for the fence were received.
"""


def test_labelled_opening_business_before_the_numbered_items_is_minuted():
    s = extract_structure(pages(OPENING_LABELS), "minutes.pdf")
    assert [(m.number, m.title) for m in s.minute_items] == [
        (None, "Apologies for Absence"), (None, "Declarations of Interest"), (None, "Committee Reports"),
        ("14/021", "Minutes of the Last Meeting"), ("14/022", "Playing Field")]
    assert s.minute_items[1].text == "There were none"
