"""The authority a paper names itself by, in the places papers of any convention print it."""
from __future__ import annotations

import pytest

from panel_papers.extract.council import body_of, council_from_collection, council_name, place_of
from panel_papers.extract.records import PageText


def pages(*texts: str) -> list[PageText]:
    return [PageText(n, t, 595, 842) for n, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    "text, council",
    [
        ("KENT COUNTY COUNCIL\nCOUNTY COUNCIL\nMINUTES of a meeting of the County Council held on 9 January 2025", "Kent County Council"),
        ("The Corporation of the Township of Nipissing\n45 Beatty Street\n*** AGENDA ***", "Township of Nipissing"),
        ("MINUTES\nTOWNSHIP OF NIPISSING\nTuesday, March 4, 2025", "Township of Nipissing"),
        ("Ashby Parish Council – Annual Meeting of the Parish Council\n20th May 2025 at 7.30pm", "Ashby Parish Council"),
        ("STOKE-ON-TRENT CITY COUNCIL\nNotice of Meeting", "Stoke-on-Trent City Council"),
        ("Explanation of variances\nName of smaller authority: Little Ashby Parish Council\n2023/24 2024/25", "Little Ashby Parish Council"),
        ("The City of Edinburgh Council\nPlanning Committee\n10.00am, Wednesday 5 March 2025", "City of Edinburgh Council"),
        ("Improving Wellbeing ~ Northshire County\nCouncil Priorities\nDRAFT", None),  # a title, not a letterhead
        ("• Children in Care Council Consultation\n• Performance update", None),  # a body in a list
        ("Ask for: Jane Little\nCouncil Chamber, County Hall", None),  # a room, not an authority
        # Irish municipal districts: the heading runs on past the name ("... HELD IN ...").
        ("MINUTES OF PROCEEDINGS AT MEETING OF\nTHE MUNICIPAL DISTRICT OF UPTON-RIVERSIDE HELD IN THE\nCIVIC OFFICES, ON TUESDAY 10TH JUNE, 2014",
         "Municipal District of Upton-Riverside"),
        ("MINUTES OF THE MEETING OF ASHBY PARISH COUNCIL HELD ON 3 MAY 2024", "Ashby Parish Council"),
    ],
)
def test_letterhead_and_heading(text, council):
    assert council_name(pages(text)) == council


def test_a_name_in_running_prose_is_another_body():
    text = "Minutes | Tuesday 13th March 2018\nPresent: Cllrs Ives and Ward\nThe Chairman advised that Birmingham City Council is responsible for this service."
    assert council_name(pages(text)) is None


def test_running_header_on_several_pages():
    body = "Financial Analysis\nThe Township has maintained a strong position over the period."
    assert council_name(pages("Financial Indicators", "Township of Oakvale | Audit Report\n" + body,
                              "Township of Oakvale | Audit Report\n" + body)) == "Township of Oakvale"


def test_signature_of_minutes():
    last = "The meeting closed at 9pm.\nSigned ............ Chair, Westbury Parish Council\nDate ........"
    assert council_name(pages("MINUTES OF THE MEETING\nPresent: Cllr A", last)) == "Westbury Parish Council"


def test_spelling_taken_from_the_running_text():
    text = "BURTON-CUM-WALDEN PARISH COUNCIL\nA Meeting of Burton-cum-Walden Parish Council will be held"
    assert council_name(pages(text)) == "Burton-cum-Walden Parish Council"


def test_collection_places_a_paper_by_the_place_it_mentions():
    known = ["Kent County Council", "Township of Nipissing", "Royal Sutton Coldfield Town Council"]
    report = pages("To: Cabinet, 30 January 2025\nSubject: Budget\nContact: jo.smith@kent.gov.uk")
    assert council_from_collection(report, known) == "Kent County Council"
    minutes = pages("Present: Cllrs Hodivala\nThe events would run from Sutton Coldfield library.")
    assert council_from_collection(minutes, known) == "Royal Sutton Coldfield Town Council"
    assert council_from_collection(pages("Nothing here names a place."), known) is None


@pytest.mark.parametrize(
    "council, body, place",
    [
        ("Kent County Council", "County Council", "Kent"),
        ("Tintern Community Council", "Community Council", "Tintern"),
        ("Royal Sutton Coldfield Town Council", "Town Council", "Sutton Coldfield"),
        ("Township of Nipissing", "Council", "Nipissing"),
        ("Harrow Council", "Council", "Harrow"),
    ],
)
def test_body_and_place(council, body, place):
    assert (body_of(council), place_of(council)) == (body, place)


def test_a_name_wrapped_after_its_first_word_is_taken_whole():
    heading = "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL\nDISTRICT OF UPTON-RIVERSIDE HELD IN THE\nLIBRARY, UPTON"
    assert council_name(pages(heading)) == "Municipal District of Upton-Riverside"


@pytest.mark.parametrize(
    "text, council",
    [
        # Bodies that are no council head their papers with their own name.
        ("NORTHSHIRE COUNTY BOARD OF HEALTH\nAGENDA – April 24, 2019\n1. Call to Order.", "Northshire County Board of Health"),
        ("Regular Meeting of the Board of Trustees\nUpton Community College District\nThursday, May 2, 2019", "Upton Community College District"),
        ("Harbour Special Service Area #4\nCommission Meeting Minutes", "Harbour Special Service Area #4"),
        ("BOARD OF HARBOR COMMISSIONERS\nDEPARTMENT OF HARBOR AND PARKS OF THE CITY OF LAKEVIEW\nREGULAR MEETING AGENDA",
         "Department of Harbor and Parks of the City of Lakeview"),
        # A municipality named only on its first page, in the notices under the heading.
        ("PLANNING COMMISSION AGENDA\nSeptember 22, 2022\nThe rules apply to all boards and committees of the City of Lakeview.",
         "City of Lakeview"),
    ],
)
def test_bodies_that_are_not_councils(text, council):
    assert council_name(pages(text)) == council


def test_a_city_council_belongs_to_the_city_it_governs():
    from panel_papers.extract.metadata import document_meta

    text = "AGENDA\nLAKEVIEW CITY COUNCIL\nSPECIAL MEETING\nNovember 2, 2022\nCall to order\nCity of Lakeview"
    meta = document_meta(pages(text), meeting_paper=True)
    assert (meta.council, meta.committee) == ("City of Lakeview", "City Council")
    # Without the "City of" form printed, the heading's name stands.
    assert document_meta(pages("AGENDA\nLAKEVIEW CITY COUNCIL\nNovember 2, 2022"), True).council == "Lakeview City Council"
