"""Several meetings in one file: each is its own record, and its items carry it."""
from __future__ import annotations

from panel_papers.extract.export import to_export
from panel_papers.extract.meetings import new_meeting
from panel_papers.extract.records import PageText
from panel_papers.extract.structure import extract_structure

AGM_AND_ORDINARY_MINUTES = [
    """LLANFOO COMMUNITY COUNCIL
ANNUAL GENERAL MEETING
Minutes of the Annual General Meeting of the above Council held in the Village Hall on
Monday 20th May 2019 at 6.30pm.
Present: Cllrs Hayward (in the chair), Hoskins, Richards and the Clerk.
15. Apologies for absence: Cllr Shewell.
16. Election of Chairman for 2019/20: Cllr Shewell, proposed by Cllr Hayward.
17. Election of Vice-Chairman for 2019/20: Cllr Hayward, proposed by Cllr Evans.
18. Appointment of Internal Auditor: Proposed by Cllr Evans, seconded by Cllr Hoskins.
Meeting closed at 18.51.
""",
    """LLANFOO COMMUNITY COUNCIL
Minutes of a meeting of the above Council held on Monday 20th May 2019 at 7.00pm in
the Village Hall.
Present: Cllr Hayward in the chair, Cllrs Hoskins, Richards and the Clerk.
91. Police Report: No report.
92. Apologies for absence: Cllr Shewell.
93. Declarations of interest: None.
94. Approval of minutes of previous meeting: Approved and signed as correct.
95. Financial Report: balances were noted.
""",
]


def pages(texts):
    return [PageText(n, t, 595, 842) for n, t in enumerate(texts, start=1)]


def test_annual_and_ordinary_meeting_minutes_are_two_meetings():
    s = extract_structure(pages(AGM_AND_ORDINARY_MINUTES), "minutes.pdf", document_id="d")
    assert s.meta.kind == "minutes"
    annual, ordinary = s.meetings
    assert (annual.name, annual.date, annual.time) == ("Annual General Meeting", "2019-05-20", "18:30")
    assert (ordinary.name, ordinary.date, ordinary.time) == (None, "2019-05-20", "19:00")
    assert annual.id != ordinary.id and annual.council == ordinary.council == "Llanfoo Community Council"
    by_meeting = {m.id: [i.number for i in s.minute_items if i.meeting_id == m.id] for m in s.meetings}
    assert by_meeting == {annual.id: ["15", "16", "17", "18"], ordinary.id: ["91", "92", "93", "94", "95"]}
    exported = to_export(s)
    assert {i["meeting"] for i in exported["minute_items"]} == {"Annual General Meeting", None}


def test_annual_and_ordinary_agendas_give_items_their_meeting():
    agm = """LLANFOO COMMUNITY COUNCIL
ANNUAL GENERAL MEETING
To the Chairman and Members of the Council
You are summoned to attend the annual meeting
of the above Council to be held on
Monday 20th May 2019 at 6.30pm
AGENDA
1. Apologies for absence
2. Election of Chairman
3. Election of Vice-Chairman
"""
    ordinary = """LLANFOO COMMUNITY COUNCIL
To members of the Public and all Members of the Council
You are summoned to a meeting of the above Council
on Monday 20th May 2019 at 7.00pm
AGENDA
1. Police Report
2. Apologies for absence
3. Correspondence
4. Date of next meeting
"""
    s = extract_structure(pages([agm, ordinary]), "agenda.pdf", document_id="d")
    assert s.meta.kind == "agenda"
    assert [(m.name, m.time) for m in s.meetings] == [("Annual General Meeting", "18:30"), (None, "19:00")]
    first, second = (m.id for m in s.meetings)
    assert [(a.number, a.meeting_id) for a in s.agenda_items] == [
        ("1", first), ("2", first), ("3", first), ("1", second), ("2", second), ("3", second), ("4", second)]
    assert {a.meeting_date for a in s.agenda_items} == {"2019-05-20"}
    assert len({a.id for a in s.agenda_items}) == 7


def test_previous_minutes_inside_a_pack_keep_their_own_meeting():
    front = "Planning Committee\nAGENDA\nDATE: Monday 2 March 2020\n1. Apologies\n2. Minutes (Pages 2 - 2)\n3. Budget"
    minutes = ("Agenda Item 2\nPages 2 to 2\nPLANNING COMMITTEE\nMINUTES\nMonday 3 February 2020\nPresent: Cllr A\n"
               "12. Apologies\nNone were received.\n13. Budget\nRESOLVED: That the budget be noted.")
    s = extract_structure(pages([front, minutes]), "pack.pdf", document_id="d")
    assert s.meta.kind == "agenda_pack" and s.meta.meeting_date == "2020-03-02"
    assert sorted(m.date for m in s.meetings) == ["2020-02-03", "2020-03-02"]
    assert {i.meeting_date for i in s.minute_items} == {"2020-02-03"}
    assert {a.meeting_date for a in s.agenda_items} == {"2020-03-02"}


def test_new_meeting_tells_councils_and_occasions_apart():
    one = new_meeting("Parish Council", "2025-05-20", "d", council="Ashby Parish Council").id
    two = new_meeting("Parish Council", "2025-05-20", "d", council="Westbury Parish Council").id
    annual = new_meeting("Parish Council", "2025-05-20", "d", council="Ashby Parish Council", name="Annual Meeting").id
    assert len({one, two, annual}) == 3
    assert new_meeting("Planning Committee", "2017-06-14", "d").id == "meeting:-:planning-committee:2017-06-14"
