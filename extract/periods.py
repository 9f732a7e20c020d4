"""Normalise the period text of table headers and cells.

Canonical labels (see DESIGN.md): financial year "2016-17", quarter "2016-17 Q1"
(Q1 = April-June, UK local-government financial years start 1 April), month
"2016-04", and calendar or exam years kept as printed ("2015"). Every period
carries its first and last day so series can be placed on one time axis.

Other forms papers print:
- a quarter as its months ("Apr-Jun 2024", "October to December 2023") is that
  financial-year quarter, not its last month;
- twelve months to a month ("12 months to Dec 2023", "rolling year to March
  2024") is the year ending then: a financial year when it ends in March, else
  "12 months to 2023-12";
- year to date ("YTD Dec 2024", "2024/25 year to date December") is
  "2024-25 YTD 2024-12", from 1 April to the end of that month;
- a fiscal year named by one year ("FY2024", "2024 Fiscal Year") keeps that
  year's label: a paper that numbers its fiscal year by one year (North American
  municipalities) runs it with the calendar year unless it says otherwise.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

FINANCIAL_YEAR = "financial_year"
QUARTER = "quarter"
MONTH = "month"
YEAR = "year"
ROLLING_YEAR = "rolling_year"
YEAR_TO_DATE = "year_to_date"

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR_PAIR = re.compile(r"(?<![\d/.])((?:19|20)?\d\d)\s*[-/–]\s*((?:19|20)?\d\d)(?![\d/])")
_QUARTER = re.compile(r"\b(?:Q|Qtr\.?\s*|Quarter\s*)([1-4])\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH_NAMES})\.?[\s\-/']*((?:19|20)\d\d|\d\d)(?![\d/])", re.IGNORECASE
)
# A year followed by "-14" is a multi-year span ("2011-14"), not one year.
_CALENDAR_YEAR = re.compile(r"(?<![\d/.£$])((?:19|20)\d\d)(?![\d%])(?!\s*[-/–]\s*\d)")
_YEAR_ENDING_MARCH = re.compile(
    r"year\s+end(?:ing|ed)\s+(?:31(?:st)?\s+)?march\s+((?:19|20)\d\d)", re.IGNORECASE
)
_QUARTER_END_MONTHS = {3: 4, 6: 1, 9: 2, 12: 3}
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s*(?:-|–|to)\s*({_MONTH_NAMES})\.?[\s\-/']*((?:19|20)\d\d|\d\d)(?![\d/])", re.IGNORECASE
)
_ROLLING = re.compile(
    rf"\b(?:rolling\s+)?(?:(?:12|twelve)\s+months?|year)\s+(?:to|ending)\s+(?:end\s+(?:of\s+)?)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(({_MONTH_NAMES})\.?[\s\-/']*((?:19|20)\d\d|\d\d))(?![\d/])",
    re.IGNORECASE,
)
_YEAR_TO_DATE = re.compile(r"\b(?:YTD|year[\s-]+to[\s-]+date)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    label: str
    kind: str
    start: date
    end: date

    @property
    def financial_year_start(self) -> int:
        """The calendar year in which this period's financial year begins."""
        return self.start.year if self.start.month >= 4 else self.start.year - 1


def financial_year(start_year: int) -> Period:
    label = f"{start_year}-{(start_year + 1) % 100:02d}"
    return Period(label, FINANCIAL_YEAR, date(start_year, 4, 1), date(start_year + 1, 3, 31))


def quarter(fy_start_year: int, number: int) -> Period:
    first_month = 4 + 3 * (number - 1)
    year = fy_start_year + (first_month - 1) // 12
    first_month = (first_month - 1) % 12 + 1
    last_month = first_month + 2
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    label = f"{financial_year(fy_start_year).label} Q{number}"
    return Period(label, QUARTER, date(year, first_month, 1), end)


def month(year: int, number: int) -> Period:
    end = date(year, number, calendar.monthrange(year, number)[1])
    return Period(f"{year}-{number:02d}", MONTH, date(year, number, 1), end)


def calendar_year(year: int) -> Period:
    return Period(str(year), YEAR, date(year, 1, 1), date(year, 12, 31))


def quarter_ending(year: int, month_number: int) -> Period | None:
    """'Jun-14' read as the financial-year quarter that ends in June 2014."""
    number = _QUARTER_END_MONTHS.get(month_number)
    if number is None:
        return None
    fy_start = year if number < 4 else year - 1
    return quarter(fy_start, number)


def full_year(two_or_four_digits: str) -> int:
    """'16' -> 2016; papers of this kind are all from after 2000, but allow 19xx."""
    value = int(two_or_four_digits)
    if value >= 100:
        return value
    return 2000 + value if value < 70 else 1900 + value


def find_financial_year(text: str) -> Period | None:
    """'2016/17', '16/17', '2016-17', '2016-2017' or 'year ending March 2016'."""
    for match in _YEAR_PAIR.finditer(text):
        first, second = full_year(match.group(1)), full_year(match.group(2))
        if second == first + 1:
            return financial_year(first)
    ending = _YEAR_ENDING_MARCH.search(text)
    if ending:
        return financial_year(int(ending.group(1)) - 1)
    return None


def find_quarter_number(text: str) -> int | None:
    match = _QUARTER.search(text)
    return int(match.group(1)) if match else None


def find_month(text: str) -> Period | None:
    match = _MONTH_YEAR.search(text)
    if not match:
        return None
    return month(full_year(match.group(2)), MONTHS[match.group(1).lower()])


def find_calendar_year(text: str) -> Period | None:
    match = _CALENDAR_YEAR.search(text)
    return calendar_year(int(match.group(1))) if match else None


def month_range_quarter(text: str) -> Period | None:
    """'Apr-Jun 2024' -> 2024-25 Q1: three months ending in a quarter's last month."""
    match = _MONTH_RANGE.search(text)
    if not match:
        return None
    first, last = MONTHS[match.group(1).lower()], MONTHS[match.group(2).lower()]
    if (last - first) % 12 != 2:
        return None
    return quarter_ending(full_year(match.group(3)), last)


def rolling_year(text: str) -> Period | None:
    """'12 months to Dec 2023' -> the twelve months ending then."""
    match = _ROLLING.search(text)
    if not match:
        return None
    end = month(full_year(match.group(3)), MONTHS[match.group(2).lower()])
    if end.start.month == 3:
        return financial_year(end.start.year - 1)
    start_year, start_month = (end.start.year, end.start.month + 1) if end.start.month < 12 else (end.start.year + 1, 1)
    return Period(f"12 months to {end.label}", ROLLING_YEAR, date(start_year - 1, start_month, 1), end.end)


def year_to_date(text: str) -> Period | None:
    """'YTD Dec 2024' -> 2024-25 YTD 2024-12: from the start of the financial year to the end of that month."""
    if not _YEAR_TO_DATE.search(text):
        return None
    found = find_month(text)
    if found is None:
        return None
    fy = financial_year(found.financial_year_start)
    return Period(f"{fy.label} YTD {found.label}", YEAR_TO_DATE, fy.start, found.end)


def find_period(text: str, context: Period | None = None) -> Period | None:
    """The most specific period the text names.

    `context` is a period stated elsewhere (a spanning header cell "2015/16"
    above "Q1"), used when the text names a quarter but no year.
    """
    special = rolling_year(text) or year_to_date(text) or month_range_quarter(text)
    if special is not None:
        return special
    fy = find_financial_year(text)
    number = find_quarter_number(text)
    if number is not None:
        base = fy or context
        if base is not None:
            return quarter(base.financial_year_start, number)
        return None
    if fy is not None:
        return fy
    found_month = find_month(text)
    if found_month is not None:
        return found_month
    return find_calendar_year(text)


_BARE_PERIOD = re.compile(
    rf"^\s*(?:(?:{_MONTH_NAMES})\.?[\s\-/']*(?:(?:19|20)\d\d|\d\d)"
    rf"|(?:{_MONTH_NAMES})\.?\s*(?:-|–|to)\s*(?:{_MONTH_NAMES})\.?[\s\-/']*(?:(?:19|20)\d\d|\d\d)"
    r"|(?:(?:19|20)?\d\d\s*[-/–]\s*(?:19|20)?\d\d)"
    r"|(?:(?:19|20)\d\d)"
    r"|(?:Q|Qtr\.?\s*|Quarter\s*)[1-4](?:\s+(?:19|20)?\d\d\s*[-/–]\s*(?:19|20)?\d\d)?"
    r"|(?:(?:19|20)?\d\d\s*[-/–]\s*(?:19|20)?\d\d\s+(?:Q|Qtr\.?\s*|Quarter\s*)[1-4])"
    r")\s*$",
    re.IGNORECASE,
)


def is_bare_period(text: str) -> bool:
    """True when the whole cell is a period ('Apr-16', '2015/16 Q1', '2014'), not a date or prose."""
    return bool(_BARE_PERIOD.match(text or ""))


def months_as_quarters(periods: list[Period | None]) -> bool:
    """Decide whether a run of month columns really means quarters.

    Quarterly tables label their columns with the quarter-end month (Jun-14,
    Sep-14, Dec-14, Mar-15): every month is a quarter end and each step is
    three months. Monthly tables step by one month.
    """
    months = [p for p in periods if p is not None and p.kind == MONTH]
    if len(months) < 2:
        return False
    if any(p.start.month not in _QUARTER_END_MONTHS for p in months):
        return False
    steps = [
        (b.start.year - a.start.year) * 12 + b.start.month - a.start.month
        for a, b in zip(months, months[1:])
    ]
    return all(step == 3 for step in steps)


def as_quarter(period: Period) -> Period:
    """A month period re-read as the quarter ending in it (see months_as_quarters)."""
    if period.kind != MONTH:
        return period
    return quarter_ending(period.start.year, period.start.month) or period


def latest_financial_year(periods: list[Period | None]) -> Period | None:
    """The latest financial year that any of the periods falls in."""
    starts = [p.financial_year_start for p in periods if p is not None and p.kind != YEAR]
    return financial_year(max(starts)) if starts else None
