"""Item numbers at the start of heading lines, in the styles papers print them, and when one follows another."""
from __future__ import annotations

import pytest

from panel_papers.extract.itemnumbers import item_reference, numbered_line


@pytest.mark.parametrize(
    "line, number, title",
    [
        ("2643. Police Report", "2643", "Police Report"),
        ("09.24.01 Apologies", "09.24.01", "Apologies"),
        ("03.26 08 Highways/Footpaths", "03.26 08", "Highways/Footpaths"),
        ("14/037 Apologies for absence", "14/037", "Apologies for absence"),
        ("PC 18/45 Apologies for Absence", "PC 18/45", "Apologies for Absence"),
        ("ABC/21/14 Budget", "ABC/21/14", "Budget"),
        ("R2025-037 J. Scott, S. Kirkey:", "R2025-037", "J. Scott, S. Kirkey:"),
        ("Item 1  Apologies", "1", "Apologies"),
        ("Minute No. 12 - Budget", "12", "Budget"),
        ("Resolution No. 2025-045 Moved by Councillor Smith", "2025-045", "Moved by Councillor Smith"),
        ("MOTION NUMBER C2025-01", "C2025-01", ""),
        ("Resolution No. 2024-189", "2024-189", ""),
        ("11.Closed Session: That this part of our meeting", "11", "Closed Session: That this part of our meeting"),
        ("300. Review of Decision 24/00093 - Family Hubs", "300", "Review of Decision 24/00093 - Family Hubs"),
    ],
)
def test_numbering_styles(line, number, title):
    found = numbered_line(line)
    assert (found.number.text, found.title) == (number, title)


@pytest.mark.parametrize("line", ["14 June 2017 Budget", "02/05/2017 Payment to BT", "10.00 am Start", "2 x willows by the pond", "2.5 million pounds", "A Meeting of"])
def test_lines_that_are_not_headings(line):
    assert numbered_line(line) is None


@pytest.mark.parametrize(
    "previous, current, step",
    [
        ("2643. Item", "2644. Item", 1),
        ("09.24.04 Item", "09.24.07 Item", 3),
        ("12/2023 Item", "13/2023 Item", 1),
        ("R2025-042 Item", "R2025-043 Item", 1),
        ("12 Item", "12 Item", 0),
        ("09.24.05 Item", "09.24.05.1 Item", None),
        ("813. Item", "2691. Item", None),
        ("PC 18/45 Item", "CAB 18/46 Item", None),
        ("1.2 Item", "2.1 Item", None),
    ],
)
def test_a_number_follows_when_one_part_rises_a_little(previous, current, step):
    assert numbered_line(current).number.step_from(numbered_line(previous).number) == step


def test_item_reference_lines():
    assert item_reference("(Item 12)") == "12"
    assert item_reference("(Item 12) Budget") is None
