"""The meeting body a paper is for, as the paper names it, without the authority."""
from __future__ import annotations

import pytest

from panel_papers.extract.committees import committee_from_collection, committee_name
from panel_papers.extract.council import council_name
from panel_papers.extract.records import PageText


def read(text: str):
    pages = [PageText(1, text, 595, 842)]
    found = committee_name(pages, council_name(pages))
    return (found.name, found.source) if found else None


@pytest.mark.parametrize(
    "text, expected",
    [
        # ModernGov: front sheet, cover report, printed minutes
        ("AGENDA\nCABINET\nTuesday, 4th March, 2025, at 10.00 am", ("Cabinet", "stated")),
        ("From: Leader of the Council\nTo: Cabinet, 30 January 2025\nSubject: Budget", ("Cabinet", "stated")),
        ("By: Scrutiny Officer\nTo: Cabinet - 4 March 2025\nSubject: Call-in", ("Cabinet", "stated")),
        ("NORTHSHIRE COUNTY COUNCIL\nCOUNTY COUNCIL\nMINUTES of a meeting of the County Council held in the Council Chamber",
         ("County Council", "stated")),
        ("CORPORATE PARENTING PANEL– 29 October 2024\nMINUTES of the meeting held in the Darent Room",
         ("Corporate Parenting Panel", "stated")),
        ("REPORT FOR: CABINET AND SCRUTINY COMMITTEE\nDate of Meeting: 5 March 2020", ("Cabinet and Scrutiny Committee", "stated")),
        # Parish and community councils
        ("ASHBY PARISH COUNCIL\nPUBLIC NOTICE\nA Meeting of Ashby Parish Council will be held in the Village Hall",
         ("Parish Council", "stated")),
        ("MINUTES OF THE ANNUAL MEETING OF WESTBURY PARISH COUNCIL\nHELD IN THE CHAPEL", ("Parish Council", "stated")),
        ("LLANFOO COMMUNITY COUNCIL\nYou are summoned to a meeting of the above Council\non Monday 25th February 2019",
         ("Community Council", "stated")),
        ("Royal Oakham Town Council Meeting 21 February 2017\nAgenda Item 166", ("Town Council", "stated")),
        ("Amenities, Leisure & Community Services Committee\nSummary Table",
         ("Amenities, Leisure & Community Services Committee", "stated")),
        # North America
        ("MINUTES\nTOWNSHIP OF OAKVALE\nA regular meeting of the Township of Oakvale Council was held on Tuesday, March 4, 2025",
         ("Council", "stated")),
        ("Township of Oakvale\nFinancial Indicators\nPresentation to Township Council\nMarch 3rd, 2026", ("Township Council", "stated")),
        ("Regular Meeting of the Board of Trustees\nRiverbend Community College District\nThursday, September 14, 2023",
         ("Board of Trustees", "stated")),
        ("AGENDA\nREGULAR MEETING\nPLANNING COMMISSION\nCALL TO ORDER\nA. MINUTES OF PREVIOUS PLANNING COMMISSION MEETING",
         ("Planning Commission", "stated")),
        # Only the letterhead: the body is the authority, which holds for an agenda or minutes only
        ("TINTERN COMMUNITY COUNCIL\nANNUAL GENERAL MEETING\nAGENDA", ("Community Council", "authority")),
        ("Westbury Parish Council\nAccounts to year ending March 2017\nINCOME", ("Parish Council", "authority")),
        ("Westbury Parish Council - 3rd\nSeptember 2019\nPresent\n19.09.01 Apologies", ("Parish Council", "authority")),
        ("Planning at the district is busy.\nThe committee votes against it.", None),
    ],
)
def test_committee_as_the_paper_names_it(text, expected):
    assert read(text) == expected


def test_collection_matches_distinctive_names_only():
    known = ["Amenities, Leisure & Community Services Committee", "Cabinet", "County Council", "Corporate Parenting Panel"]
    minutes = [PageText(1, "Amenities, Leisure and Community Services Minutes | Tuesday 13th March 2018\nPresent:", 595, 842)]
    assert committee_from_collection(minutes, known) == "Amenities, Leisure & Community Services Committee"
    # "County Council" inside an authority's name places nothing.
    appendix = [PageText(1, "Northshire County Council Priorities and Actions", 595, 842)]
    assert committee_from_collection(appendix, known) is None


def test_a_board_named_with_its_place_is_the_board():
    from panel_papers.extract.committees import committee_name
    from panel_papers.extract.records import PageText

    page = [PageText(1, "NORTHSHIRE COUNTY BOARD OF HEALTH\nAGENDA – April 24, 2019", 595, 842)]
    assert committee_name(page, "Northshire County Board of Health").name == "Board of Health"
    page = [PageText(1, "Harbour Special Service Area #4\nCommission Meeting Minutes\nPresent: A. Smith", 595, 842)]
    assert committee_name(page, "Harbour Special Service Area #4").name == "Commission"


def test_a_body_name_that_wraps_onto_a_short_line():
    from panel_papers.extract.committees import committee_name
    from panel_papers.extract.records import PageText

    text = "BOARD OF HARBOR AND PARKS\nCOMMISSIONERS\nDEPARTMENT OF HARBOR AND PARKS OF THE CITY OF LAKEVIEW\nREGULAR MEETING AGENDA"
    page = [PageText(1, text, 595, 842)]
    assert committee_name(page, "Department of Harbor and Parks of the City of Lakeview").name == "Board of Harbor and Parks Commissioners"
