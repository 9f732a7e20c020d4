"""Measures stated in sentences: which figures are baselines, targets or comparators, and when."""
import pytest

from panel_papers.extract.measures import stated_values
from panel_papers.extract.periods import find_period

TIMESCALE = find_period("2030")


def read(sentence: str, own=("Ourtown",)) -> set[tuple]:
    return {(v.series, v.period.label if v.period else None, v.value) for v in stated_values(sentence, TIMESCALE, list(own))}


@pytest.mark.parametrize("sentence, expected", [
    ("Rough sleeping will have fallen from 4.2% in 2022/23 to below 3%.",
     {("baseline", "2022-23", 4.2), ("target", "2030", 3.0)}),
    ("By 2029/30, satisfaction will have risen from 61% in 2023 to at least 70%.",
     {("baseline", "2023", 61.0), ("target", "2029-30", 70.0)}),
    ("By 2027-29, healthy life expectancy will increase by 2.5 years for men and 2 years for women.",
     {("target", "2027-29", 2.5), ("target", "2027-29", 2.0)}),
    ("By March 2029, recycling will reach 65%, with 20% of waste reused.",
     {("target", "2029-03", 65.0), ("target", "2029-03", 20.0)}),
    ("Recycling will reach 65% by March 2029.", {("target", "2029-03", 65.0)}),
    ("Emissions will fall by 70% by 2035 to 2040 on the way to net zero by 2050.",
     {("target", "2035 to 2040", 70.0)}),
    ("Falls admissions will be similar to England (England currently 14 per 100,000).",
     {("england", None, 14.0)}),
    ("Uptake will have increased from 33.5% in Ourtown and 29.1% in Westshire in 2022.",
     {("baseline", "2022", 33.5), ("westshire", "2022", 29.1)}),
    ("Reablement success will reach at least 88% (2022/23: Ourtown 84.1%).",
     {("target", "2030", 88.0), ("baseline", "2022-23", 84.1)}),
    ("Obesity in Year 9 pupils aged 13 to 14, living 28 days in care, ages 5-16: will be reduced from 7%.",
     {("baseline", None, 7.0)}),
    ("Admissions will have fallen from 212.4 in 2021/22 to 190 per 100,000.",
     {("baseline", "2021-22", 212.4), ("target", "2030", 190.0)}),
])
def test_stated_values(sentence, expected):
    assert read(sentence) == expected


def test_a_sentence_without_measured_figures_states_nothing():
    assert read("Improve access to services for 5-16 year olds in 2 wards by 2030.") == set()
