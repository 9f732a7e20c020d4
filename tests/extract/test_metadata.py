import pytest

from panel_papers.extract.dates import parse_date
from panel_papers.extract.metadata import document_meta
from panel_papers.extract.records import PageText
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
    meta = document_meta(
        [page("REPORT FOR: CABINET AND SCRUTINY COMMITTEE\nDate of Meeting: 5 March 2020\n"
              "Subject: Budget\nRecommendations: That the report be noted.")],
        "item7.pdf",
    )
    assert (meta.kind, meta.committee, meta.meeting_date) == ("report", "Cabinet and Scrutiny Committee", "2020-03-05")


def test_minutes_heading_with_date():
    meta = document_meta([page("HEALTH AND WELLBEING BOARD\nMINUTES\nTuesday 3rd April 2019\nPresent: ...")], "m.pdf")
    assert (meta.kind, meta.committee, meta.meeting_date) == ("minutes", "Health and Wellbeing Board", "2019-04-03")


def test_agenda_pack_needs_item_stamps():
    front = page("Planning Committee\nAGENDA\nDATE: Monday 2 March 2020\n1. Minutes (Pages 3 - 8)")
    report = page("Agenda Item 1\nPages 3 to 8\nMINUTES", 2)
    assert document_meta([front, report], "pack.pdf").kind == "agenda_pack"
    assert document_meta([front], "agenda.pdf").kind == "agenda"
    assert document_meta([front], "agenda.pdf").meeting_date == "2020-03-02"


def test_unknown_stays_unknown():
    meta = document_meta([page("The Panel received a presentation.\nMinutes:\nMembers asked ...")], "notes.pdf")
    assert meta.committee is None and meta.meeting_date is None


def test_file_name_date_is_the_fallback():
    assert document_meta([page("Some update")], "2017-06-14_update.pdf").meeting_date == "2017-06-14"


def test_landscape_pages_are_a_presentation():
    meta = document_meta([page("Service update\nFebruary 2022", landscape=True)] * 3, "deck.pdf")
    assert meta.kind == "presentation" and meta.meeting_date is None


def test_image_only_document_uses_its_name():
    assert document_meta([PageText(1, "", 595, 842, False)], "Minutes - item.pdf").kind == "minutes"


def test_hyphen_joined_only_with_evidence():
    pages = [page("the assess-\nments were late\nnon-pecuniary interest\nShah-\nLevy and non-\npecuniary\nassessments")]
    [joined] = join_hyphenated(pages)
    assert "the assessments\n were late" in joined.text
    assert "non-pecuniary\n" in joined.text
    assert "Shah-\nLevy" in joined.text  # no evidence either way: left alone
