"""Decisions in the conventions councils write them in, from lines built here."""
from __future__ import annotations

from panel_papers.extract.decision_parts import split_parts
from panel_papers.extract.decisions import register, resolutions
from panel_papers.extract.pagelines import Line

WIDTH = 80.0


def lines(text: str, page: int = 1) -> list[Line]:
    return [Line(page, line.strip()) for line in text.strip().splitlines() if line.strip()]


def texts(text: str, style: str | None = None) -> list[str]:
    body = lines(text)
    return [r.text for r in resolutions(body, "m:1", "1", WIDTH, style or register(body))]


def test_capitalised_verbs_wherever_a_sentence_or_paragraph_starts():
    assert texts("The Committee AGREED: That the budget be approved.") == ["That the budget be approved."]
    assert texts("(4) RESOLVED that the report be noted.") == ["the report be noted."]
    assert texts("3. RESOLVED – to note the update.") == ["note the update."]
    assert texts("Members discussed the plan. It was RESOLVED to adopt the plan.") == ["adopt the plan."]
    assert texts("RESOLVED: That the fees rise.\nFURTHER RESOLVED: That the Clerk writes to the club.") == [
        "That the fees rise.",
        "That the Clerk writes to the club.",
    ]
    assert texts("In the light of the letters, the Council\nRESOLVED: To set the precept at £7,800.") == [
        "To set the precept at £7,800."
    ]


def test_a_decision_ends_at_its_paragraph_a_numbered_paragraph_or_a_heading():
    minutes = """1. RESOLVED that Mr A be duly elected Vice Chair of the Panel for the coming
year.
2. The Chair agreed to write to group leaders.
RESOLVED that the minutes of the last meeting be approved as a correct record.
295. Corporate Parenting Panel Minutes
RESOLVED that the work programme was noted.
Scorecard for Children in Care
(Item 8)"""
    assert texts(minutes) == [
        "Mr A be duly elected Vice Chair of the Panel for the coming year.",
        "the minutes of the last meeting be approved as a correct record.",
        "the work programme was noted.",
    ]


def test_lower_case_verbs_count_after_the_deciding_body_only_where_capitals_are_the_convention():
    formal = """RESOLVED that the report be noted.
It was agreed that children should be placed close to home.
The Chair agreed that the letter was helpful.
The Council agreed to set aside £500 for the fete."""
    assert texts(formal) == ["the report be noted.", "set aside £500 for the fete."]
    prose = """Committee resolved to note the apologies.
It was agreed that the centre would be prioritised.
The Committee resolves in accordance with its powers to incur the expenditure."""
    assert register(lines(prose)) == "prose"
    assert texts(prose) == [
        "note the apologies.",
        "the centre would be prioritised.",
        "in accordance with its powers to incur the expenditure.",
    ]


def test_numbered_parts_after_a_lead_in_each_a_record():
    text = """RESOLVED that Council:
(i) Notes the Inspector's Report;
(ii) Adopts the Local Plan; and
(iii) Delegates minor changes to the Director."""
    found = resolutions(lines(text), "m:1", "1", WIDTH)
    assert [(r.part, r.text) for r in found] == [
        ("i", "Notes the Inspector's Report"),
        ("ii", "Adopts the Local Plan"),
        ("iii", "Delegates minor changes to the Director."),
    ]
    assert {r.parent_text for r in found} == {"Council: " + " ".join(text.split()[3:])}


def test_a_list_restarts_after_a_new_lead_in_and_lead_ins_are_not_parts():
    text = """RESOLVED that:
This Council believes that:
a) Action is needed now.
b) Any ban must be robust.
And;
This Council agrees to call on the Cabinet Member to:
a) Write again to the government.
b) Encourage proper disposal."""
    assert texts(text) == [
        "Action is needed now.",
        "Any ban must be robust.",
        "Write again to the government.",
        "Encourage proper disposal.",
    ]


def test_reasons_inside_a_sentence_are_not_parts():
    text = "RESOLVED: That the Council objects, namely (i) the scale is too large; and (ii) the light would spill."
    assert texts(text) == ["That the Council objects, namely (i) the scale is too large; and (ii) the light would spill."]


def test_bullets_split_after_a_short_lead_in_but_not_after_a_sentence():
    assert split_parts("Council:\n• Agrees the terms; and\n• Delegates the changes.") == [
        (None, "Agrees the terms"),
        (None, "Delegates the changes."),
    ]
    listed = "That the following items should be brought forward to the next agenda:\n• Newsletter\n• Land at the Hall"
    assert split_parts(listed) == [(None, " ".join(listed.split()))]


def test_paragraphs_after_a_bare_lead_in_are_parts():
    text = """5) RESOLVED that:
Members note all that is being done to deliver the Covenant in the county and
agree to its priorities.
Members continue to support the Covenant across the county.
302. Devolution Update"""
    assert texts(text) == [
        "Members note all that is being done to deliver the Covenant in the county and agree to its priorities.",
        "Members continue to support the Covenant across the county.",
    ]


def test_north_american_motions_keep_mover_seconder_and_result():
    text = """R2025-042 J. Smith, K. Brown:
That the minutes of the regular meeting held February 18, 2025, be adopted as published.
Carried.
R2025-043 L. Green, M. White:
THAT we accept the quote for the purchase of a mower. Carried.
Moved by: Councillor Ross
Seconded by: Councillor Hill
That Council approve the grant.
Defeated."""
    found = resolutions(lines(text), "m:1", None, WIDTH)
    assert [(r.text, r.mover, r.seconder, r.result, r.verb) for r in found] == [
        ("That the minutes of the regular meeting held February 18, 2025, be adopted as published.", "J. Smith", "K. Brown", "Carried", "MOVED"),
        ("THAT we accept the quote for the purchase of a mower.", "L. Green", "M. White", "Carried", "MOVED"),
    ]


def test_a_british_motion_agreed_without_a_resolved_line():
    text = """10) Mr Cole proposed, and Mr Dean seconded, that the Council record its thanks to the
retiring officers.
Agreed unanimously."""
    [found] = resolutions(lines(text), "m:1", "296", WIDTH, "formal")
    assert (found.text, found.mover, found.seconder) == (
        "the Council record its thanks to the retiring officers.", "Mr Cole", "Mr Dean"
    )


def test_a_proposal_followed_by_a_resolved_line_is_not_a_second_decision():
    text = """1. Mr Gough proposed, and Mr Brady seconded that Mr Cooke be elected to chair.
Agreed unanimously.
2. RESOLVED that Mr Cooke be elected to Chair the meeting."""
    assert texts(text, "formal") == ["Mr Cooke be elected to Chair the meeting."]


def test_minutes_that_state_outcomes_instead_of_marking_decisions():
    text = """2647. Approval of minutes of previous meeting: Approved & signed as correct.
2648. Financial Report: Community A/C £7,120.97. Spent to date £7,921.
2649. Accounts for payment:
Merlin Waste - £30 (Ch. No. 101151),
Clerk's Salary - £302.98 (Ch. No. 101152) – all approved.
2653. Village Fete: As funds had been set aside they agreed to set aside £500 for the fete.
2656. Correspondence: Air Ambulance – request for donation. Councillors agreed to give £50.
2657. Mine: Cllr A suggested it be re-sited on the wharf. All Cllrs agreed to this proposal.
2658. Other: The Fete Committee have agreed to put signs up."""
    body = lines(text)
    assert register(body) == "informal"
    assert texts(text) == [
        "Approved & signed as correct.",
        "Merlin Waste - £30 (Ch. No. 101151), Clerk's Salary - £302.98 (Ch. No. 101152) – all approved.",
        "set aside £500 for the fete",
        "give £50",
        "All Cllrs agreed to this proposal.",
    ]


def test_elections_proposed_and_seconded():
    text = """808. Election of Chairman: Cllr Ash, proposed by Cllr Birch, seconded by Cllr Elm.
810. Approve the Annual Return for the year – proposed by Cllr Oak, seconded by Cllr Yew.
2697. Insurance: 3 Year agreement proposed by Cllr Oak, seconded by Cllr Elm. All Councillors present unanimously agreed.
813. Representatives:-
a. Village Hall – Cllr Ash. Proposed by Cllr Oak, seconded by Cllr Elm.
(2) Finance – Cllr Birch. Proposed by Cllr Yew, seconded by Cllr Ash.
(3) Harbour Trust – no representative needed.
05.25.04 To elect a Chairman
HD nominated and JS seconded that Ann Lee be elected Chair for the year."""
    assert texts(text) == [
        "Cllr Ash, proposed by Cllr Birch, seconded by Cllr Elm.",
        "proposed by Cllr Oak, seconded by Cllr Yew.",
        "All Councillors present unanimously agreed.",
        "Village Hall – Cllr Ash. Proposed by Cllr Oak, seconded by Cllr Elm.",
        "Finance – Cllr Birch. Proposed by Cllr Yew, seconded by Cllr Ash.",
        "Harbour Trust – no representative needed.",
        "Ann Lee be elected Chair for the year.",
    ]


def test_planning_rows_answered_in_a_response_column():
    text = """09.24.17 Planning
24/01761/F St Josephs High Street
Bicester OX27 7LA
New Air Source Heat Pump NO
OBJECTION
24/01975/TCA Street Record Foxhill Lane 5 Day Notice - To be removed
The following accounts were approved for payment: NO proposed JH seconded"""
    assert texts(text) == [
        "The following accounts were approved for payment",
        "24/01761/F St Josephs High Street Bicester OX27 7LA New Air Source Heat Pump NO OBJECTION",
    ]


def test_reports_of_past_approvals_are_not_decisions():
    text = """12. Play area: The original application was for £3,290 and £600 had been approved by the Committee.
Funding had previously been approved for the works."""
    assert texts(text) == []


def test_more_ways_of_marking_a_decision():
    formal = """RESOLVED UNANIMOUSLY that the grant be paid.
Members discussed the road. It was resolved that the Clerk writes to the highway authority.
Agreed: the report be noted.
Decision: approve the revised scheme of delegation."""
    assert texts(formal) == [
        "the grant be paid.",
        "the Clerk writes to the highway authority.",
        "the report be noted.",
        "approve the revised scheme of delegation.",
    ]


def test_motions_moved_inline_and_resolutions_inside_them():
    text = """Moved by Councillor Ross, seconded by Councillor Hill, THAT Council approve the budget.
CARRIED
Resolution No. 2024-189
Moved by: Councillor Ross
Seconded by: Councillor Hill
BE IT RESOLVED THAT Council accept the tender as presented.
CARRIED UNANIMOUSLY"""
    found = resolutions(lines(text), "m:1", None, WIDTH, register(lines(text)))
    assert [(r.text, r.mover, r.seconder, r.result) for r in found] == [
        ("THAT Council approve the budget.", "Councillor Ross", "Councillor Hill", "CARRIED"),
        ("BE IT RESOLVED THAT Council accept the tender as presented.", "Councillor Ross", "Councillor Hill", "CARRIED UNANIMOUSLY"),
    ]


def test_a_decision_run_into_its_heading_is_read_with_the_body():
    from panel_papers.extract.decisions import with_run_in

    body = lines("Next line of the item.")
    assert [l.text for l in with_run_in("Approval of minutes: Approved & signed as correct.", 1, body)] == [
        "Approved & signed as correct.",
        "Next line of the item.",
    ]
    assert with_run_in("Approval of minutes", 1, body) == body
    already = lines("Approved & signed as correct.")
    assert with_run_in("Approval of minutes: Approved & signed as correct.", 1, already) == already


def test_parish_minutes_through_the_whole_extractor():
    from panel_papers.extract.records import PageText
    from panel_papers.extract.structure import extract_structure

    text = """GREEN VALLEY COMMUNITY COUNCIL
Minutes of a meeting of the above Council held in the Village Hall on Monday 25th February 2019 at 7.00pm.
Present: Cllrs Ash (in the chair), Birch, Elm and the Clerk.
2645. Apologies for absence: Cllr Oak.
2646. Declarations of interest: None.
2647. Approval of minutes of previous meeting: Approved & signed as correct.
2648. Correspondence: Air Ambulance – request for donation. Councillors agreed to give £50.
2649. Any Other Business: Clerk to circulate a copy of the policy for discussion at the March meeting.
Meeting closed at 8.15pm."""
    s = extract_structure([PageText(1, text, 595.3, 841.9)], "minutes.pdf", kind="minutes")
    assert [r.text for r in s.resolutions] == ["Approved & signed as correct.", "give £50"]
    assert [(r.text, r.due) for r in s.requests] == [
        ("Clerk to circulate a copy of the policy for discussion at the March meeting.", "March meeting")
    ]


def test_a_decision_recorded_after_its_proposer_and_seconder():
    text = "It was proposed by Cllr Ash, seconded by Cllr Elm and unanimously RESOLVED that the grant be paid."
    assert texts(text) == ["the grant be paid."]
    assert texts("Proposed by Cllr Ash, seconded by Cllr Elm and RESOLVED:- That the hall be hired.") == ["That the hall be hired."]


def test_a_body_that_resolved_decides_mid_sentence_and_an_adverb_may_follow_it_was():
    prose = """The plans for the barn were shown, after discussion the Councillors resolved to support the plans.
Fees for the hall are £40 Councillors resolved to pay
The auditor's letter was read. It was therefore resolved to keep the current policy.
Members discussed whether the Council resolved anything last year."""
    assert register(lines(prose)) == "prose"
    assert texts(prose) == ["support the plans.", "pay", "keep the current policy."]


def test_it_was_agreed_after_a_proposal_and_seconder_decides_mid_sentence():
    prose = """Committee resolved to note the apologies.
On the proposal of Councillor Ash, seconded by Councillor Birch it was agreed to hold a special meeting.
Concern was raised about the bridge and it was agreed that the engineer would attend."""
    assert texts(prose) == [
        "note the apologies.",
        "hold a special meeting.",
        "the engineer would attend.",
    ]


def test_a_stated_outcome_after_a_proposer_and_seconder_in_lower_case():
    text = """4. Notices of Motion: Members discussed the footpath.
On the proposal of Cllr Ash, seconded by Cllr Birch it was agreed to hold a special meeting in January."""
    body = lines(text)
    assert register(body) == "informal"
    assert texts(text) == ["hold a special meeting in January"]


def test_a_short_line_without_a_full_stop_ends_a_decision_before_a_new_sentence():
    prose = """The insurance renewal was discussed at length by the members present tonight,
Councillors resolved to accept the fixed price quote
Clerk's wages £450 Councillors resolved to pay
A donation has been received from a local firm for the summer fete and was welcomed."""
    assert texts(prose) == ["accept the fixed price quote", "pay"]


def test_it_was_also_agreed_states_an_outcome():
    text = """3. Schedule of Meetings: The dates were discussed.
It was also agreed that the clerk would write to the bus company."""
    assert register(lines(text)) == "informal"
    assert texts(text) == ["the clerk would write to the bus company"]


def test_prose_agreements_that_run_straight_into_their_clause():
    minutes = """The minutes of the last meeting had been circulated. All agreed this was a true record and
were signed and approved.
The Councillors resolved this was acceptable.
Bus donation requested, agreed to pay £ 65.00"""
    assert texts(minutes, "prose") == [
        "this was a true record and were signed and approved.",
        "this was acceptable.",
        "pay £ 65.00",
    ]
    # A view reported with a preposition after the verb decides nothing.
    assert texts("Members agreed with the points raised by residents.", "prose") == []


def test_the_same_words_decided_twice_in_one_item_stay_two_records():
    minutes = """Register of Assets Councillors resolved to sign
Financial Regulations Councillors resolved to sign
Code of Conduct Councillors resolved to sign"""
    found = resolutions(lines(minutes), "m:1", "1", WIDTH, "prose")
    assert [r.text for r in found] == ["sign", "sign", "sign"]
    assert len({r.id for r in found}) == 3
    # The first keeps the id it had before repeats were numbered; ids are the same on a second reading.
    assert found[0].repeat is None and [r.id for r in found] == [r.id for r in resolutions(lines(minutes), "m:1", "1", WIDTH, "prose")]


def test_a_proposal_that_the_next_sentence_records_as_seconded_and_agreed():
    minutes = """Councillor Ash proposed the second Tuesday of every month at 10am for the
holding of the District Meeting. This proposal was seconded by Councillor Birch and agreed.
It was agreed that the next meeting would be held in Upton."""
    found = resolutions(lines(minutes), "m:1", "1", WIDTH, register(lines(minutes)))
    proposal = next(r for r in found if r.verb == "MOVED")
    assert proposal.text == "the second Tuesday of every month at 10am for the holding of the District Meeting."
    assert (proposal.mover, proposal.seconder, proposal.result) == ("Councillor Ash", "Councillor Birch", "Agreed")
    assert any(r.text.startswith("the next meeting would be held in Upton") for r in found)


def test_numbered_motions_that_follow_the_seconder_or_print_no_result():
    text = """Resolution No. 2023-14 Moved by Ann, seconded by Bob Lee that the board approves a wage increase
for the following positions: caretaker and cleaner.
Resolution No. 2023-15 Moved by Bob Lee, seconded by Ann that the agenda be adopted
as presented. Carried
Moved by Ann, seconded by Bob Lee that the item be deferred."""
    found = resolutions(lines(text), "m:1", "6", WIDTH, register(lines(text)))
    assert [(r.text, r.seconder, r.result) for r in found] == [
        ("that the board approves a wage increase for the following positions: caretaker and cleaner.", "Bob Lee", None),
        ("that the agenda be adopted as presented.", "Ann", "Carried"),
    ]
