"""Dates as people type them for --since and --until: '2019', 'March 2019', '6 months ago'.

Each value names a period; --since takes its first day and --until its last,
so '--since 2019 --until 2019' is the whole of 2019.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .query import QueryError

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
_EXAMPLES = "e.g. 2019-04-03, 2019, 2019-06, March 2019, March, 2016/17, 6 months ago, last year"


def parse_since(text: str, today: date) -> str:
    """First day of the period `text` names, as an ISO date."""
    return _period(text, today, "--since")[0].isoformat()


def parse_until(text: str, today: date) -> str:
    """Last day of the period `text` names, as an ISO date."""
    return _period(text, today, "--until")[1].isoformat()


def period(text: str, today: date) -> tuple[date, date] | None:
    """First and last day of the period `text` names, or None when it names none."""
    try:
        return _period(text, today, "")
    except QueryError:
        return None


def _period(text: str, today: date, option: str) -> tuple[date, date]:
    value = " ".join(text.strip().lower().split())
    for reader in (_iso_day, _year, _year_month, _financial_year, _day_month_year, _month_year,
                   _month_only, _relative_day, _ago, _last_or_this):
        try:
            period = reader(value, today)
        except ValueError:  # a real shape with an impossible day: 2019-02-30
            period = None
        except OverflowError:  # '99999999 days ago'
            raise QueryError(f"{option} {text!r} is further back than any date") from None
        if period:
            return period
    raise QueryError(f"{option} {text!r} is not a date: use {_EXAMPLES}")


def _iso_day(value: str, today: date) -> tuple[date, date] | None:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    return _day(date(*map(int, match.groups()))) if match else None


def _year(value: str, today: date) -> tuple[date, date] | None:
    return _whole_year(int(value)) if re.fullmatch(r"\d{4}", value) else None


def _year_month(value: str, today: date) -> tuple[date, date] | None:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return _whole_month(int(match.group(1)), int(match.group(2)))


def _financial_year(value: str, today: date) -> tuple[date, date] | None:
    """'2016/17' (or '2016-17', when 17 is no month): 1 April 2016 to 31 March 2017, as papers report."""
    match = re.fullmatch(r"(?:fy\s*)?(\d{4})[/-](\d{2})", value)
    if not match:
        return None
    start = int(match.group(1))
    if int(match.group(2)) != (start + 1) % 100:
        return None
    return date(start, 4, 1), date(start + 1, 3, 31)


def _day_month_year(value: str, today: date) -> tuple[date, date] | None:
    """'3 April 2019', '3rd April 2019', 'April 3, 2019' and the UK numeric '03/04/2019'."""
    named = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})", value)
    if named and named.group(2) in _MONTHS:
        return _day(date(int(named.group(3)), _MONTHS[named.group(2)], int(named.group(1))))
    month_first = re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", value)  # "January 30, 2025"
    if month_first and month_first.group(1) in _MONTHS:
        return _day(date(int(month_first.group(3)), _MONTHS[month_first.group(1)], int(month_first.group(2))))
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if numeric:
        return _day(date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1))))
    return None


def _month_year(value: str, today: date) -> tuple[date, date] | None:
    match = re.fullmatch(r"([a-z]+),? (\d{4})", value)
    if not match or match.group(1) not in _MONTHS:
        return None
    return _whole_month(int(match.group(2)), _MONTHS[match.group(1)])


def _month_only(value: str, today: date) -> tuple[date, date] | None:
    """'March': the latest March that has begun, as in "since March"."""
    if value not in _MONTHS:
        return None
    month = _MONTHS[value]
    return _whole_month(today.year if month <= today.month else today.year - 1, month)


def _relative_day(value: str, today: date) -> tuple[date, date] | None:
    offsets = {"today": 0, "yesterday": 1}
    return _day(today - timedelta(days=offsets[value])) if value in offsets else None


def _ago(value: str, today: date) -> tuple[date, date] | None:
    """'2 years ago', 'six months ago', 'a week ago': that day."""
    match = re.fullmatch(r"(\d+|[a-z]+) (day|week|month|year)s? ago", value)
    if not match:
        return None
    amount = int(match.group(1)) if match.group(1).isdigit() else _NUMBER_WORDS.get(match.group(1))
    if amount is None:
        return None
    unit = match.group(2)
    if unit in ("day", "week"):
        return _day(today - timedelta(days=amount * (7 if unit == "week" else 1)))
    months_back = amount * (12 if unit == "year" else 1)
    return _day(_months_before(today, months_back))


def _last_or_this(value: str, today: date) -> tuple[date, date] | None:
    """'last year', 'this year', 'last month', 'this month': calendar periods."""
    match = re.fullmatch(r"(last|this) (year|month)", value)
    if not match:
        return None
    back = 1 if match.group(1) == "last" else 0
    if match.group(2) == "year":
        return _whole_year(today.year - back)
    first = _months_before(today.replace(day=1), back)
    return _whole_month(first.year, first.month)


def _months_before(day: date, months: int) -> date:
    """Same day of the month, `months` earlier; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _day(day: date) -> tuple[date, date]:
    return day, day


def _whole_year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _whole_month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
