"""Measures stated in a sentence: baselines, targets and comparators with their periods.

"Rough sleeping will have fallen from 4.2% in 2022/23 to below 3%." holds a
baseline (4.2, 2022-23) and a target (3, the row's timescale). The rules:
- a figure in a "from ..." clause is a baseline, its period the "in <year>" that
  follows it there; a further figure there "in <Place>" is that place's figure;
- "(2022/23: Ourtown 61.5%)" is a baseline of that year;
- a figure right after a comparator's name ("England currently 14 per 100,000")
  is that comparator's, undated;
- any other figure is a target, due by the nearest "by <date>" after it in the
  sentence, else the sentence's opening "By <date>", else the row's timescale;
  a change ("increase by 2.5 years") is a target of that size.
Figures count when they are measured quantities: a percentage, a decimal, a
rate "per 100,000", a number of years or percentage points. Numbers that define
the measure (ages, "Year 9", "28 days", ranges such as 5-16, dates) do not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .headers import ENGLAND, REGION, series_of
from .periods import Period, find_period

BASELINE = "baseline"
TARGET = "target"

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"(?P<qualifier>(?:at\s+least|no\s+more\s+than|below|above|under|over|more\s+than|less\s+than)\s+)?"
    rf"(?<![\d.,/-])(?P<number>{_NUMBER})(?![\d/]|[.,]\d|\s*[-–]\s*\d)"
    r"(?P<unit>\s*%|\s+per\s+(?:cent\b|\d{1,3}(?:,\d{3})*)|\s+percentage\s+points?\b|\s+years?\b(?!\s+olds?))?",
    re.IGNORECASE,
)
# Words before a number that make it part of what is measured: "aged 75", "Year 9", "for 3 years".
_DEFINING_BEFORE = re.compile(r"(?:\baged?|\bages|\bYear|\bfor|\bover|\bunder|\bthan)\s*$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\bto\b|;|\.(?:\s|$)|,\s+(?:and|with|which)\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"^\s*in\s+((?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)", re.IGNORECASE)
_IN_PLACE = re.compile(r"^\s*in\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*)")
_DATED_BASELINE = re.compile(r"\(\s*((?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)\s*:\s*[^()]*$")
_BY_DATE = re.compile(
    r"\bby\s+((?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4}|\s+to\s+(?:19|20)\d\d)?)",
    re.IGNORECASE,
)
_COMPARATOR_BEFORE = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*(?:currently|average|is|at|:)?\s*\(?\s*$")


@dataclass(frozen=True)
class StatedValue:
    series: str
    period: Period | None
    value: float
    raw: str


def stated_values(sentence: str, timescale: Period | None = None, own_names: list[str] = ()) -> list[StatedValue]:
    """Every measured figure of one sentence with its series and period (see module docstring)."""
    found = []
    opening = _opening_deadline(sentence)
    from_clauses = _from_clauses(sentence)
    for match in _FIGURE.finditer(sentence):
        if not _is_measured(sentence, match):
            continue
        value = float(match.group("number").replace(",", ""))
        raw = match.group(0).strip()
        series, period = _series_and_period(sentence, match, from_clauses, own_names)
        if series == TARGET:
            period = _deadline_after(sentence, match.end()) or opening or timescale
        found.append(StatedValue(series, period, value, raw))
    return found


def _is_measured(sentence: str, match: re.Match) -> bool:
    number, unit = match.group("number"), (match.group("unit") or "").strip().lower()
    before = sentence[: match.start("number")]
    if re.search(r"\bper\s*$", before, re.IGNORECASE):  # the 100,000 of "per 100,000"
        return False
    if not unit:  # a bare number is a measure only as a decimal ("212.4"), never an age, a count or a year
        return "." in number and not _DEFINING_BEFORE.search(before)
    if unit.startswith("year"):
        return not _DEFINING_BEFORE.search(before)
    return True


def _from_clauses(sentence: str) -> list[tuple[int, int]]:
    clauses = []
    for match in _FROM.finditer(sentence):
        end = _CLAUSE_END.search(sentence, match.end())
        clauses.append((match.end(), end.start() if end else len(sentence)))
    return clauses


def _series_and_period(sentence: str, match: re.Match, from_clauses, own_names) -> tuple[str, Period | None]:
    start, end = match.start("number"), match.end()
    for clause_start, clause_end in from_clauses:
        if clause_start <= start < clause_end:
            return _baseline(sentence, end, clause_end, own_names, first=_first_in(sentence, clause_start, start))
    dated = _DATED_BASELINE.search(sentence[:start])
    if dated:
        return BASELINE, find_period(dated.group(1))
    comparator = _comparator_before(sentence[:start])
    if comparator:
        return comparator, None
    return TARGET, None


def _first_in(sentence: str, clause_start: int, start: int) -> bool:
    return not any(_is_measured(sentence, m) for m in _FIGURE.finditer(sentence, clause_start, start))


def _baseline(sentence: str, end: int, clause_end: int, own_names, first: bool) -> tuple[str, Period | None]:
    """A figure in a 'from' clause: the baseline, or a named place's figure beside it."""
    rest = sentence[end:clause_end]
    series = BASELINE
    place = _IN_PLACE.match(rest)
    if place and not _IN_YEAR.match(rest):
        name = place.group(1)
        own = any(name.lower() == n.lower() for n in own_names)
        if not own and not first:
            series = _snake(name)
        rest = rest[place.end():]
    year = re.search(r"\bin\s+((?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)", rest, re.IGNORECASE)
    return series, find_period(year.group(1)) if year else None


def _comparator_before(before: str) -> str | None:
    match = _COMPARATOR_BEFORE.search(before)
    if not match:
        return None
    series = series_of(match.group(1))
    return series if series in (ENGLAND, REGION) or (series or "").startswith("statistical") else None


def _opening_deadline(sentence: str) -> Period | None:
    match = re.match(r"\s*By\s+", sentence)
    return _deadline_after(sentence, 0) if match else None


def _deadline_after(sentence: str, offset: int) -> Period | None:
    """The first 'by <date>' after `offset`, unless a clause ends before it (it then dates another figure)."""
    match = _BY_DATE.search(sentence, offset)
    if match is None or (offset and _CLAUSE_END.search(sentence, offset, match.start())):
        return None
    return deadline_period(match.group(1))


def deadline_period(text: str) -> Period | None:
    """'2030/31' -> 2030-31, 'March 2029' -> 2029-03, '2027-29' and '2035 to 2040' kept as printed."""
    span = re.fullmatch(r"((?:19|20)\d\d)\s*(?:-|/|to)\s*((?:19|20)?\d\d)", text.strip())
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        last = last if last >= 100 else first // 100 * 100 + last
        if last != first + 1:
            return Period(" ".join(text.split()), "span", date(first, 1, 1), date(last, 12, 31))
    return find_period(text)


def _snake(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
