"""What reports recommend and what members ask for, in several councils' wording (lines built here)."""
from __future__ import annotations

from panel_papers.extract.pagelines import Line
from panel_papers.extract.recommendations import report_recommendations
from panel_papers.extract.requests import requests


def lines(text: str) -> list[Line]:
    out, page = [], 1
    for line in text.strip().splitlines():
        if line.strip() == "<page>":
            page += 1
        elif line.strip():
            out.append(Line(page, line.strip()))
    return out


def recommended(text: str) -> list[tuple]:
    return [(r.number, r.text, r.page) for r in report_recommendations(lines(text), None, "Report")]


def asked(text: str) -> list[tuple]:
    return [(r.text, r.due) for r in requests(lines(text), "m:1", "1", 80.0)]


BOXED_SUMMARY_AND_SECTION = """Summary: the report sets out the forecast position for the year and the actions being taken.
Recommendation(s):
Cabinet is asked to:
a) NOTE the forecast revenue overspend and the actions
being taken to mitigate it
b) AGREE the capital budget changes.
1. Introduction
1.1 The report being presented sets out the revenue and capital forecast position for the year.
4. Recommendation(s)
Cabinet is asked to:
a) NOTE the forecast revenue overspend.
<page>
b) AGREE the capital budget changes.
5. Contact details"""


def test_a_lettered_list_after_a_lead_in_is_kept_once_as_first_stated():
    assert recommended(BOXED_SUMMARY_AND_SECTION) == [
        ("a", "NOTE the forecast revenue overspend and the actions being taken to mitigate it", 1),
        ("b", "AGREE the capital budget changes.", 1),
    ]


def test_each_item_is_its_first_sentence_and_an_ask_between_items_is_its_own():
    text = """1. Purpose of Report
To advise Council of the proposed arrangements for the summer events programme in the park this year.
2. Recommendations
Council is recommended to approve: -
a) That the orchestra be commissioned to perform an open-air concert in the park.
The concert programme would be drawn from the orchestra's varied repertoire so that there is
something for everyone who comes along on the evening of the concert in the park.
Council is recommended to approve events to be funded from the approved budget.
<page>
b) That the Clerk be delegated to apply for permission to use the park.
3. Background
The arts champions change every three years with the aim of ensuring wider access to the arts.
Council is recommended to approve the recommendations set out in section 2 of this report."""
    assert recommended(text) == [
        ("a", "That the orchestra be commissioned to perform an open-air concert in the park.", 1),
        (None, "approve events to be funded from the approved budget.", 1),
        ("b", "That the Clerk be delegated to apply for permission to use the park.", 2),
    ]


def test_a_labelled_paragraph_loses_its_lead_words():
    text = """Recommendation:
The Cabinet is asked to consider the comments of the Scrutiny Committee and
confirm, amend or rescind the decision.
Attached documents
a) Decision Report
b) Record of Decision"""
    assert recommended(text) == [
        (None, "consider the comments of the Scrutiny Committee and confirm, amend or rescind the decision.", 1)
    ]


def test_it_is_recommended_that_stands_alone():
    text = """The plan has been consulted on widely and the responses are summarised in Appendix A of this report.
It is recommended that the Committee approves the plan for adoption."""
    assert recommended(text) == [(None, "the Committee approves the plan for adoption.", 1)]


def test_undertakings_and_business_for_a_later_meeting_are_requests():
    text = """Ms Reed offered to circulate links to the website that detailed the care offered.
The Chairman advised that tributes would be taken at a future meeting.
Clerk to circulate a copy of the policy to Cllrs for discussion at the June meeting.
Cllr Ash asked if the Council could have copies of the plans when available.
She undertook to report any further developments on this matter in due course.
The Council agreed to confirm the policy and reconsider it in November 2026."""
    assert asked(text) == [
        ("Ms Reed offered to circulate links to the website that detailed the care offered.", None),
        ("The Chairman advised that tributes would be taken at a future meeting.", "future"),
        ("Clerk to circulate a copy of the policy to Cllrs for discussion at the June meeting.", "June meeting"),
        ("Cllr Ash asked if the Council could have copies of the plans when available.", None),
        ("She undertook to report any further developments on this matter in due course.", None),
        ("confirm the policy and reconsider it in November 2026.", "November 2026"),  # read after the decision verb
    ]


def test_questions_invitations_and_reports_of_others_are_not_requests():
    text = """Cllr Ash asked whether recycling rates had improved.
A Member asked for confirmation of which school was used.
Panel members were invited to attend the Children in Care Council meetings.
The site is very wet so the contractor will need to come back at a later date.
Cllr Elm said the town council had asked for the signs to be changed.
Air Ambulance – request for donation.
The committee have met and come back with a list of questions for their next meeting."""
    assert asked(text) == []


def test_an_answer_to_a_request_is_not_a_second_request():
    text = """Members asked that the quarterly reports include a table of trends.
Ms Hedley agreed to provide this information in her reports."""
    assert [t for t, _ in asked(text)] == ["Members asked that the quarterly reports include a table of trends."]


def test_a_request_never_runs_across_a_heading():
    text = """09.24.10 Trees
The document will be reviewed by councillors and reported at the next meeting
09.24.11 Treework required outside village hall"""
    assert asked(text) == [("The document will be reviewed by councillors and reported at the next meeting", "next meeting")]


def test_more_ways_of_asking_for_later_business():
    text = """It was agreed that an update would be provided at the next meeting.
Members asked that the matter be added to the work programme."""
    assert [d for _, d in asked(text)] == ["next meeting", None]


def test_business_put_off_to_a_later_meeting_or_decision():
    text = """A new unit to be researched for purchase within the approved budget for future approval.
The budget will be revisited again when the service agreement is finalized.
Members are expected to vote at the Board meeting scheduled for February.
This will be an agenda item for the next meeting.
Cllr Elm agreed to try and obtain a date for completion of the works.
The agency has agreed to provide additional subsidy to the owner."""
    assert [t.split()[1] for t, _ in asked(text)] == ["new", "budget", "are", "will", "Elm"]


def test_capitalised_recommended_and_agenda_housekeeping():
    assert recommended("It is RECOMMENDED that the Board approves the plan.") == [(None, "the Board approves the plan.", 1)]


def test_two_different_lists_are_both_kept():
    text = """Recommendations:
Cabinet is asked to:
a) APPROVE the capital programme for the next three years.
b) NOTE the risks to delivery.
The Council is asked to:
a) ADOPT the revised treasury strategy and its prudential indicators.
b) DELEGATE changes to the Section 151 Officer."""
    assert [n for n, _, _ in recommended(text)] == ["a", "b", "a", "b"]


def test_a_request_the_decision_restates_is_kept_once_as_decided():
    text = """The Panel would receive a report at its next meeting on the findings.
RESOLVED: That the oral report be noted and that the Panel receive a full report at its next meeting on 14 June 2017."""
    assert [t for t, _ in asked(text)] == [
        "the oral report be noted and that the Panel receive a full report at its next meeting on 14 June 2017."
    ]
