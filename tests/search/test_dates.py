from datetime import date

import pytest

from panel_papers.search.dates import parse_since, parse_until
from panel_papers.search.query import QueryError

TODAY = date(2024, 3, 31)


@pytest.mark.parametrize(
    "text, since, until",
    [
        ("2019-04-03", "2019-04-03", "2019-04-03"),
        ("2019", "2019-01-01", "2019-12-31"),
        ("2019-06", "2019-06-01", "2019-06-30"),
        ("2020-02", "2020-02-01", "2020-02-29"),
        ("March 2019", "2019-03-01", "2019-03-31"),
        ("sept 2019", "2019-09-01", "2019-09-30"),
        ("14 June 2017", "2017-06-14", "2017-06-14"),
        ("3rd April 2019", "2019-04-03", "2019-04-03"),
        ("03/04/2019", "2019-04-03", "2019-04-03"),  # UK order: day first
        ("2016/17", "2016-04-01", "2017-03-31"),  # financial year, as scorecards report
        ("2016-17", "2016-04-01", "2017-03-31"),
        ("  Last   Year ", "2023-01-01", "2023-12-31"),
        ("this year", "2024-01-01", "2024-12-31"),
        ("last month", "2024-02-01", "2024-02-29"),
        ("yesterday", "2024-03-30", "2024-03-30"),
        ("today", "2024-03-31", "2024-03-31"),
    ],
)
def test_periods_give_first_day_to_since_and_last_day_to_until(text, since, until):
    assert parse_since(text, TODAY) == since
    assert parse_until(text, TODAY) == until


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2 years ago", "2022-03-31"),
        ("6 months ago", "2023-09-30"),
        ("1 month ago", "2024-02-29"),  # 31 March less a month: the last day of February
        ("six months ago", "2023-09-30"),
        ("a week ago", "2024-03-24"),
        ("10 days ago", "2024-03-21"),
    ],
)
def test_ago_is_a_single_day(text, expected):
    assert parse_since(text, TODAY) == expected == parse_until(text, TODAY)


def test_year_month_is_a_month_when_the_number_is_a_month():
    # "2019-12" reads as December 2019; the financial year needs "2019/20".
    assert parse_since("2019-12", TODAY) == "2019-12-01"
    assert parse_until("2019/20", TODAY) == "2020-03-31"


@pytest.mark.parametrize("text", ["soon", "", "2019-02-30", "13/13/2019", "Marchy 2019", "2016/18",
                                  "many years ago", "2019-13-01", "next year"])
def test_other_values_raise_a_one_line_error_naming_them(text):
    with pytest.raises(QueryError) as error:
        parse_since(text, TODAY)
    message = str(error.value)
    assert repr(text) in message and "--since" in message and "\n" not in message
    with pytest.raises(QueryError, match="--until"):
        parse_until(text, TODAY)
