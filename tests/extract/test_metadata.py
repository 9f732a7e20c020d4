import pytest

from panel_papers.extract.dates import parse_date
from panel_papers.extract.metadata import document_meta
from panel_papers.extract.records import PageText
from panel_papers.extract.structure import extract_structure
from panel_papers.extract.text import join_hyphenated


def page(text, n=1, landscape=False):
    return PageText(n, text, *((842, 595) if landscape else (595, 842)))


@pytest.mark.parametrize(
    "text, iso",
    [
        ("DATE: Wednesday 14 June 2017", "2017-06-14"),
        ("MINUTES 28 MARCH 2017", "2017-03-28"),
        ("Tuesday 3rd April 2019", "2019-04-03"),
        ("Thursday, 21st of November 2019", "2019-11-21"),
        ("03/04/2019", "2019-04-03"),
        ("2017-06-14_agenda.pdf", "2017-06-14"),
        ("pack 14th-Jun-2017 panel", "2017-06-14"),
        ("Sept 5, 2018", "2018-09-05"),
        ("31/02/2019", None),
        ("February 2022", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_report_cover_block():
    s = extract_structure(
        [page("REPORT FOR: CABINET AND SCRUTINY COMMITTEE\nDate of Meeting: 5 March 2020\n"
              "Subject: Budget\nRecommendations: That the report be noted.")],
        "item7.pdf",
    )
    assert (s.meta.kind, s.meta.committee, s.meta.meeting_date) == ("report", "Cabinet and Scrutiny Committee", "2020-03-05")


def test_minutes_heading_with_date():
    s = extract_structure([page("HEALTH AND WELLBEING BOARD\nMINUTES\nTuesday 3rd April 2019\nPresent: ...")], "m.pdf")
    assert (s.meta.kind, s.meta.committee, s.meta.meeting_date) == ("minutes", "Health and Wellbeing Board", "2019-04-03")


def test_agenda_pack_needs_enclosures():
    front = page("Planning Committee\nAGENDA\nDATE: Monday 2 March 2020\n1. Minutes (Pages 3 - 8)")
    report = page("Agenda Item 1\nPages 3 to 8\nMINUTES", 2)
    assert extract_structure([front, report], "pack.pdf").meta.kind == "agenda_pack"
    alone = extract_structure([front], "agenda.pdf").meta
    assert (alone.kind, alone.meeting_date) == ("agenda", "2020-03-02")


def test_unknown_stays_unknown():
    meta = document_meta([page("The Panel received a presentation.\nMinutes:\nMembers asked ...")])
    assert meta.committee is None and meta.meeting_date is None and meta.council is None


def test_no_date_from_the_file_name():
    assert extract_structure([page("Some update")], "2017-06-14_update.pdf").meta.meeting_date is None


def test_a_listing_under_a_letterhead_is_for_no_meeting():
    listing = page("Royal Example Town Council\nPayments Made 2017/18\n31/03/2017 133 Supplier Ltd 1,100\n"
                   "12/04/2017 158 Printer Ltd 23,166")
    meta = extract_structure([listing], "payments.pdf").meta
    assert (meta.kind, meta.council, meta.committee, meta.meeting_date) == ("other", "Royal Example Town Council", None, None)


def test_landscape_deck_with_a_title_slide_is_a_presentation():
    deck = [page("Service update\nFebruary 2022", landscape=True)] + [page("Performance\n• item", 2, True)] * 2
    meta = extract_structure(deck, "deck.pdf").meta
    assert meta.kind == "presentation" and meta.meeting_date is None


def test_landscape_tables_with_a_title_page_are_a_report():
    pages = [page("CAPITAL BUDGET 2024-2034\nFORECAST", landscape=True),
             page("YEAR PROJECT ESTIMATE\n2025 Replace vehicle $45,000\n2026 Paint hall $7,500", 2, True)]
    assert extract_structure(pages, "forecast.pdf").meta.kind == "report"


def test_scan_without_text_falls_back_to_its_shape_and_then_its_name():
    scan = extract_structure([PageText(1, "", 595, 842, False)], "Minutes - item.pdf").meta
    assert (scan.kind, scan.meeting_date) == ("minutes", None) and scan.kind_confidence < 0.5
    slides = extract_structure([PageText(1, "", 960, 540, False)], "scan.pdf").meta
    assert slides.kind == "presentation"


def test_hyphen_joined_only_with_evidence():
    pages = [page("the assess-\nments were late\nnon-pecuniary interest\nShah-\nLevy and non-\npecuniary\nassessments")]
    [joined] = join_hyphenated(pages)
    assert "the assessments\n were late" in joined.text
    assert "non-pecuniary\n" in joined.text
    assert "Shah-\nLevy" in joined.text  # no evidence either way: left alone


def test_a_summons_dated_the_day_it_was_sent_names_the_meeting_date_after_to_be_held():
    summons = """24th February, 2021.
To: Each Member of the Upton Area Committee
You are requested to attend a Meeting of the Upton Area Committee to be held at
the Town Hall on Wednesday, 3rd March, 2021 at 7.00 p.m. The business to be transacted
is listed below.
AGENDA
1. To adopt the Minutes of the Meeting held on 3rd February, 2021.
2. Any Other Business"""
    s = extract_structure([page(summons)], "a.pdf")
    assert (s.meta.kind, s.meta.meeting_date) == ("agenda", "2021-03-03")
