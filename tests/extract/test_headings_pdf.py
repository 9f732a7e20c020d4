"""Agenda and minute headings in small real PDFs set the way councils set them: bold or larger
headings, hanging numbers, numbered paragraphs inside items, several numbering conventions."""
from __future__ import annotations

from dataclasses import replace

from panel_papers.extract.agenda import agenda_entries
from panel_papers.extract.minutes import minute_blocks
from panel_papers.extract.pagelines import content_lines
from panel_papers.ingest.reader import open_pdf, read_document_pages
from support import write_pdf


def _lines(tmp_path, pages: list[str], name: str = "paper.pdf", words: bool = True):
    read = read_document_pages(open_pdf(write_pdf(tmp_path / name, pages, styled=True)))
    return content_lines(read if words else [replace(p, words=[]) for p in read])


def _minutes(tmp_path, pages, **kw):
    return [(b.number, b.title) for b in minute_blocks(_lines(tmp_path, pages, **kw))[1]]


def _agenda(tmp_path, pages, **kw):
    return [(e.number, e.title) for e in agenda_entries(_lines(tmp_path, pages, **kw))]


PARAGRAPHS = "\n".join(f"    {n}. The Panel discussed point {n} of the report at some length." for n in range(1, 7))

ITEM_REFERENCES = f"""# CORPORATE PANEL
MINUTES of the meeting held on 29 October 2024.

**Apologies and Substitutes**
(Item 1)
Apologies were received from Mr Smith.

**Minutes of the meeting held on 30 July 2024**
(Item 2)
RESOLVED that the minutes were a correct record.

**Participation Team update**
(Item 3)
{PARAGRAPHS}
    7. RESOLVED that the Panel note the update."""


def test_unnumbered_headings_take_the_item_number_under_them(tmp_path):
    assert _minutes(tmp_path, [ITEM_REFERENCES]) == [
        ("1", "Apologies and Substitutes"),
        ("2", "Minutes of the meeting held on 30 July 2024"),
        ("3", "Participation Team update"),
    ]


def test_numbered_paragraphs_lose_to_headings_only_by_layout(tmp_path):
    # The paragraphs number 1-7, a longer run than the three headings: text alone takes them for the items.
    text_only = _minutes(tmp_path, [ITEM_REFERENCES], words=False)
    assert [number for number, _ in text_only] == [str(n) for n in range(1, 8)]


HANGING = """# COUNTY COUNCIL
MINUTES of a meeting of the County Council held on Thursday, 13 March 2025.

**299.  Kent Minerals and Waste Local Plan 2024-39**
        (Item 8)
        1) The Cabinet Member moved the recommendations.
        2) Mr Brown seconded the motion.
        3) Members debated the plan.
        4) RESOLVED that the plan be adopted.

**300.  Review of Decision 24/00093 - Commissioned Family Hubs**
        (Item 9)
        1) Members considered the decision.
        2) RESOLVED that the Council makes comments.

**301.  Treasury Management - Mid-Year Update 2024-25 and a heading long enough**
        **to wrap onto a second line**
        (Item 10)
        1) RESOLVED that the report be noted."""


def test_hanging_numbers_decision_numbers_inside_titles_and_wrapped_bold_titles(tmp_path):
    assert _minutes(tmp_path, [HANGING]) == [
        ("299", "Kent Minerals and Waste Local Plan 2024-39"),
        ("300", "Review of Decision 24/00093 - Commissioned Family Hubs"),
        ("301", "Treasury Management - Mid-Year Update 2024-25 and a heading long enough to wrap onto a second line"),
    ]


DOTTED = """**MINUTES OF THE PARISH COUNCIL MEETING HELD ON 26th September 2024**

**09.24.01 Apologies**
              Apologies had been received from Cllr Smith
**09.24.02 Declarations of interest**
              There were no declarations of interest
**09.24.03 Planning** - The following planning documents had been received
              24/02303/F Stone Croft NO OBJECTION
**09.24.05 Finance**
**09.24.05.1 The bank mandate was amended**
**09.24.05.2 The accounts were approved**"""


def test_dotted_month_year_numbers_with_a_gap_and_decimal_sub_items(tmp_path):
    assert _minutes(tmp_path, [DOTTED]) == [
        ("09.24.01", "Apologies"),
        ("09.24.02", "Declarations of interest"),
        ("09.24.03", "Planning"),
        ("09.24.05", "Finance"),
    ]


RUN_IN = """**TOWN COUNCIL**
Minutes of a meeting of the above Council held on Monday 25th February 2019.

**2643. Police Report:** Attached. No Police presence.

**2644. Public Forum:** Mr Jones attended to obtain feedback from the open session.

**2645. Planning Permissions:** DM/2019/00022 - Listed Building Consent,
formation of new access door - approved.

**2646. Correspondence:** Letter from the county council.
1. Bonfire Night
2. Christmas Lights
3. Street Lights"""


def test_bold_run_in_headings_continuous_numbers(tmp_path):
    assert _minutes(tmp_path, [RUN_IN]) == [
        ("2643", "Police Report"),
        ("2644", "Public Forum"),
        ("2645", "Planning Permissions"),
        ("2646", "Correspondence"),
    ]


MISPRINT = """**Amenities Committee**
**52 Apologies for Absence**
        Cllrs Ives and Ward.
**53 Declarations of Interest**
        None.
**54 Minutes of the Previous Meeting**
        Resolved that the minutes be signed.
**6 Community Grant Applications**
        Committee considered the applications.
**56 Defibrillators**
        An update was given."""


def test_a_misprinted_number_set_like_its_neighbours_fills_the_gap(tmp_path):
    assert [n for n, _ in _minutes(tmp_path, [MISPRINT])] == ["52", "53", "54", "6", "56"]


RESOLUTIONS = """**MINUTES**
TOWNSHIP COUNCIL
A regular meeting of the Council was held on Tuesday, March 4, 2025.

**R2025-042 J. Scott, S. Kirkey:**
That the minutes of the regular Council Meeting held February 18, 2025, be adopted.
**Carried.**

**R2025-043 S. Foote, L. Chalapenko:**
That we adopt the 2024 Audited Financial Statements as presented. **Carried.**

**R2025-044 S. Kirkey, J. Scott:**
That the meeting be adjourned. **Carried.**"""


def test_numbered_resolutions_with_mover_and_seconder_have_no_title(tmp_path):
    assert _minutes(tmp_path, [RESOLUTIONS]) == [("R2025-042", ""), ("R2025-043", ""), ("R2025-044", "")]


SLASHED = """**PARISH COUNCIL MINUTES**
**14/037 Apologies for absence**
    1. Cllr Smith sent apologies.
**14/038 Minutes of the last meeting**
    1. Approved.
    2. Signed by the Chair.
**14/039 Matters arising**
    1. None."""


def test_slashed_numbers(tmp_path):
    assert _minutes(tmp_path, [SLASHED]) == [
        ("14/037", "Apologies for absence"),
        ("14/038", "Minutes of the last meeting"),
        ("14/039", "Matters arising"),
    ]


TWO_MEETINGS = [
    """ANNUAL GENERAL MEETING
AGENDA
805. Apologies for absence
806. Confirmation of minutes of 2018 AGM
807. Chairman's Report
808. Election of Sub-Committee Representatives:-
      (1) Village Hall
      (2) Finance""",
    """ORDINARY MEETING
AGENDA
2691. Police Report
2692. Public Forum
2693. Apologies for absence
2694. Correspondence""",
]


def test_two_agendas_in_one_file_keep_both_number_series(tmp_path):
    assert [n for n, _ in _agenda(tmp_path, TWO_MEETINGS)] == ["805", "806", "807", "808", "2691", "2692", "2693", "2694"]


PUBLIC_NOTICE = """PUBLIC NOTICE
A Meeting of the Parish Council will be held on Tuesday 4 November 2025 at 8.00 pm.
AGENDA
   1. To receive apologies for absence
   2. To receive a report from the Chairman about a meeting concerning the school
      building in the village
   3. To consider the following planning applications:
      1. R/54/42G - Householder planning permission for a first floor extension
      2. R/54/26A - Householder planning permission for single storey extensions
   4. Item 4 of business (Pages 3 - 4)
   5. To consider items for the next agenda."""


def test_plain_agenda_with_a_numbered_sub_list_and_hanging_wrapped_titles(tmp_path):
    assert _agenda(tmp_path, [PUBLIC_NOTICE]) == [
        ("1", "To receive apologies for absence"),
        ("2", "To receive a report from the Chairman about a meeting concerning the school building in the village"),
        ("3", "To consider the following planning applications"),
        ("4", "Item 4 of business"),
        ("5", "To consider items for the next agenda."),
    ]


DESCRIPTORS = """**Parish Council - Meeting of the Parish Council 26th March 2026**
Agenda & Summons to Councillors
**1 To receive apologies for absence**
**2 Declarations of Interest** - to receive any declarations of interest from Councillors
      relating to items on the agenda.
**3 To receive the minutes of the last meeting** held on 26th February 2026
**4 Correspondence**
      To discuss correspondence received
**5 Planning**
      To discuss any new planning applications"""


def test_bold_titles_leave_out_plain_descriptors(tmp_path):
    assert _agenda(tmp_path, [DESCRIPTORS]) == [
        ("1", "To receive apologies for absence"),
        ("2", "Declarations of Interest"),
        ("3", "To receive the minutes of the last meeting held on 26th February 2026"),
        ("4", "Correspondence"),
        ("5", "Planning"),
    ]


RUNNING_HEADS = [
    """MINUTES of the Cabinet held on 4 March 2025
1. Apologies
None were received.""",
    """2 Cabinet Minutes, 4 March 2025
2. Budget Monitoring
The Cabinet noted the report.""",
    """3 Cabinet Minutes, 4 March 2025
3. Schools
The Cabinet agreed the plan.""",
    """4 Cabinet Minutes, 4 March 2025
Further discussion followed.""",
]


def test_numbered_running_heads_are_not_items(tmp_path):
    expected = [("1", "Apologies"), ("2", "Budget Monitoring"), ("3", "Schools")]
    assert _minutes(tmp_path, RUNNING_HEADS, words=False) == expected
    assert _minutes(tmp_path, RUNNING_HEADS) == expected


BOLD_LIST = """**Minutes of the Parish Council meeting held on 4 November 2025**

**1. Apologies**
There were no apologies.

**2. Clerk's Report**
The Clerk reported on the following matters:
**1. Bonfire Night**
**2. Christmas Lights**
**3. Street Lights**

**3. Precept**
RESOLVED: To set the Precept at 7,800 pounds."""


def test_a_bold_numbered_list_inside_an_item_is_not_another_meeting(tmp_path):
    assert _minutes(tmp_path, [BOLD_LIST]) == [("1", "Apologies"), ("2", "Clerk's Report"), ("3", "Precept")]
