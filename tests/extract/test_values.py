import pytest

from panel_papers.extract.values import (
    COUNT,
    DAYS,
    PERCENT,
    RATE_PER_10000,
    infer_unit,
    parse_cell,
    split_labelled_values,
    split_quarterly_targets,
    target_in_description,
)


@pytest.mark.parametrize(
    "text, value, note, marker",
    [
        ("32.5", 32.5, None, None),
        ("95%", 95.0, None, None),
        ("12*", 12.0, None, "*"),
        ("10.25\n(2013-14)", 10.25, "2013-14", None),
        ("17.9 (provisional)", 17.9, "provisional", None),
        ("1,234", 1234.0, None, None),
        ("0.00", 0.0, None, None),
    ],
)
def test_numbers(text, value, note, marker):
    cell = parse_cell(text)
    assert (cell.value, cell.note, cell.marker) == (value, note, marker)


@pytest.mark.parametrize("text", ["Not Published", "n/a", "-", "", None, "supressed - low nos", "end of term only"])
def test_non_numbers_keep_raw(text):
    cell = parse_cell(text)
    assert cell.value is None and cell.raw == " ".join((text or "").split())


def test_quarterly_targets_split_one_per_quarter():
    parts = split_quarterly_targets("Q1 - 2.5% Q2 - 5% Q3 -\n7.5% Q4 - 10%")
    assert [(q, raw, v.value) for q, raw, v in parts] == [
        (1, "Q1 - 2.5%", 2.5), (2, "Q2 - 5%", 5.0), (3, "Q3 - 7.5%", 7.5), (4, "Q4 - 10%", 10.0)
    ]
    assert split_quarterly_targets("Q1 figures are late") is None


def test_labelled_values_split():
    assert [(l, r) for l, r, _ in split_labelled_values("72% IHA 93% RHA")] == [("IHA", "72%"), ("RHA", "93%")]
    assert split_labelled_values("72%") is None


def test_target_inside_description():
    raw, value = target_in_description("CLA placement stability: number of moves (% with 2+ moves) Target - 11%")
    assert raw == "Target - 11%" and value.value == 11.0
    assert target_in_description("% of CLA with 3 or more placements") is None


def test_units():
    assert infer_unit("% of care leavers in EET") == PERCENT
    assert infer_unit("Rate of CLA per 10,000 children") == RATE_PER_10000
    assert infer_unit("Average time (days) between entering care and adoption") == DAYS
    assert infer_unit("Number of children reported missing") == COUNT
