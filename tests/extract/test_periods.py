from datetime import date

import pytest

from panel_papers.extract.periods import as_quarter, find_period, is_bare_period, months_as_quarters


@pytest.mark.parametrize(
    "text, label",
    [
        ("2016/17", "2016-17"),
        ("16/17", "2016-17"),
        ("2016-17", "2016-17"),
        ("2016-2017", "2016-17"),
        ("Statistical Neighbour Average 2020/21", "2020-21"),
        ("year ending March 2016", "2015-16"),
        ("Q1 2021-22", "2021-22 Q1"),
        ("16/17 Q1", "2016-17 Q1"),
        ("Qtr 3 2019/20", "2019-20 Q3"),
        ("Quarter 4 19/20", "2019-20 Q4"),
        ("April 2016", "2016-04"),
        ("Apr-16", "2016-04"),
        ("Sept 2019", "2019-09"),
        ("2015", "2015"),
        ("Apr-Jun 2024", "2024-25 Q1"),
        ("October to December 2023", "2023-24 Q3"),
        ("Jan - Mar 25", "2024-25 Q4"),
        ("12 months to Dec 2023", "12 months to 2023-12"),
        ("Rolling year to March 2024", "2023-24"),
        ("YTD Dec 2024", "2024-25 YTD 2024-12"),
        ("Year to date (November 2024)", "2024-25 YTD 2024-11"),
        ("FY2024", "2024"),
        ("(2023 Fiscal Year)", "2023"),
    ],
)
def test_find_period_labels(text, label):
    assert find_period(text).label == label


def test_financial_year_and_quarter_dates():
    year = find_period("2016/17")
    assert (year.start, year.end) == (date(2016, 4, 1), date(2017, 3, 31))
    q4 = find_period("Q4 2016/17")
    assert (q4.start, q4.end) == (date(2017, 1, 1), date(2017, 3, 31))


def test_rolling_and_year_to_date_dates():
    rolling = find_period("12 months to Dec 2023")
    assert (rolling.start, rolling.end) == (date(2023, 1, 1), date(2023, 12, 31))
    ytd = find_period("YTD Dec 2024")
    assert (ytd.start, ytd.end) == (date(2024, 4, 1), date(2024, 12, 31))
    assert find_period("Apr-Dec 2024").label == "2024-12"  # nine months are no quarter


def test_quarter_without_year_uses_context():
    assert find_period("Q2", context=find_period("2015/16")).label == "2015-16 Q2"
    assert find_period("Q2") is None


def test_not_periods():
    assert find_period("31/03/2016") is None  # a date, not a financial year
    assert find_period("measured less than 20 months for 2011-14") is None  # a multi-year span
    assert find_period("Rate per 10,000") is None


def test_quarter_end_months_read_as_quarters_only_when_stepping_by_three():
    quarterly = [find_period(t) for t in ["Jun-14", "Sep-14", "Dec-14", "Mar 15", "Jun-15"]]
    monthly = [find_period(t) for t in ["Oct-16", "Nov-16", "Dec-16", "Jan-17"]]
    assert months_as_quarters(quarterly)
    assert not months_as_quarters(monthly)
    assert [as_quarter(p).label for p in quarterly] == ["2014-15 Q1", "2014-15 Q2", "2014-15 Q3", "2014-15 Q4", "2015-16 Q1"]


def test_bare_period_cells():
    assert is_bare_period("April 2016") and is_bare_period("Q1 2019/20") and is_bare_period("2015")
    assert not is_bare_period("14 June 2017") and not is_bare_period("Harrow 2018-19")
