"""Read a column (or row) header of an indicator table as a (series, period) pair.

Councils name their columns differently ("Statistical Neighbour Average
2020/21", "SN avg", "National", "England average 15/16", "<Council> target
2021/22", "<Council> actual Q2 2021-22"). The council's own name marks its
own figures (series "actual"); it is learned from the document, never listed
here.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .periods import MONTHS, Period, find_period

ACTUAL = "actual"
TARGET = "target"
STATISTICAL_NEIGHBOURS = "statistical_neighbours"
ENGLAND = "england"
LONDON = "london"
REGION = "region"
FLOOR = "floor"
BASELINE = "baseline"
PREVIOUS = "previous"
VARIANCE = "variance"
VARIANCE_PERCENT = "variance_percent"
COMPARATOR = "comparator"
SERIES = (ACTUAL, TARGET, STATISTICAL_NEIGHBOURS, ENGLAND, LONDON, REGION, FLOOR, BASELINE, PREVIOUS, VARIANCE,
          VARIANCE_PERCENT, COMPARATOR)

# Checked in order: "<Council> target" is a target, not the council's actual.
_SERIES_PATTERNS = [
    (TARGET, r"\btarget|\baim\b|\bgoal\b"),
    (FLOOR, r"\bfloor\b"),
    (BASELINE, r"\bbaseline\b"),
    (PREVIOUS, r"\bprevious\b|\bprior\s+year\b|\blast\s+year\b"),
    (VARIANCE_PERCENT, r"\bvariance\b.*%|%.*\bvariance\b"),
    (VARIANCE, r"\bvariance\b"),
    (STATISTICAL_NEIGHBOURS, r"\bstat(?:istical|s)?\.?\s*neighbou?rs?|\bSNs?\b|\bnearest\s+neighbou?r"),
    # A band of a comparator group: "Comparator councils - Low / High / Average".
    ("comparator_band", r"\bcomparators?\b.*\b(?:low|high|average|median|mean)(?:est)?\b"),
    (COMPARATOR, r"\bcomparators?\b"),
    (LONDON, r"\b(?:inner\s+|outer\s+)?london\b(?!\s+borough)"),
    (REGION, r"\bregion(?:al)?\b"),
    (ENGLAND, r"\bengland\b|\bnational(?:ly)?\b|\beng\b|\bENG\b"),
    (ACTUAL, r"\bactual\b|\boutturn\b|\bLA\b|\bcouncil\b|\bborough\b|\bperformance\b|\bresult\b|\blatest\b"
             r"|\bcurrent\b|\bthis\s+(?:year|quarter|month)\b"),
]
_SERIES_REGEX = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _SERIES_PATTERNS]
_PAREN_NOTE = re.compile(r"\(([^()]*[A-Za-z][^()]*)\)")

# Words that appear in headers but are not the name of a place or council.
_NOT_A_NAME = {
    "statistical", "statistics", "stat", "stats", "neighbour", "neighbours", "neighbor", "neighbors",
    "average", "avg", "av", "mean", "median", "england", "eng", "national", "london", "inner", "outer",
    "region", "regional", "target", "targets", "actual", "actuals", "outturn", "performance", "result",
    "q", "qtr", "quarter", "year", "years", "ytd", "sn", "la", "pi", "ref", "no", "description",
    "indicator", "indicators", "measure", "month", "months", "provisional", "final", "benchmark",
    "benchmarking", "comparator", "comparative", "data", "floor", "standard", "direction", "travel",
    "dot", "rag", "rating", "status", "latest", "snapshot", "total", "all", "value", "rate", "trend",
    "good", "better", "worse", "polarity", "notes", "note", "comments", "comment", "source", "period",
    "end", "ending", "as", "at", "of", "the", "and", "upon", "for", "in", "on", "to", "by",
    "council", "borough", "city", "county", "district", "metropolitan", "royal", "cla", "lac", "cin",
    "cp", "kpi", "kpis", "ofsted", "dfe", "uk", "gb", "nhs", "unit", "units", "target:", "tbc",
    "baseline", "previous", "prior", "last", "variance", "comparators", "low", "high", "lowest", "highest",
    "median", "municipality", "municipalities", "authority", "authorities", "councils", "areas", "group",
    "township", "town", "parish", "fiscal", "financial",
} | set(MONTHS)
_CONNECTORS = {"upon", "and", "on", "in", "under", "le", "the", "of"}
_NAME_RUN = re.compile(r"[A-Z][A-Za-z'’.-]+(?:\s+(?:upon|and|on|in|under|le|the|of)?\s*[A-Z][A-Za-z'’.-]+)*")
# Within one line only (spaces, not newlines), so a heading above "Council" is not taken.
_COUNCIL_IN_PROSE = re.compile(
    r"(?:London[ ]+Borough[ ]+of|Royal[ ]+Borough[ ]+of|City[ ]+of|County[ ]+of|Township[ ]+of|Town[ ]+of"
    r"|Municipality[ ]+of|Village[ ]+of|District[ ]+of)[ ]+"
    r"([A-Z][A-Za-z'’-]+(?:[ ]+(?:upon|and|on)?[ ]*[A-Z][A-Za-z'’-]+)*)"
    r"|([A-Z][A-Za-z'’-]+(?:[ ]+(?:upon|and|on)?[ ]*[A-Z][A-Za-z'’-]+)*)[ ]+"
    r"(?:Borough[ ]+|City[ ]+|County[ ]+|District[ ]+|Metropolitan[ ]+Borough[ ]+)?Council\b"
)


@dataclass(frozen=True)
class ColumnMeaning:
    series: str | None
    period: Period | None
    note: str | None = None  # e.g. "provisional" printed in the header


_BAND = re.compile(r"\b(low|high|average|median|mean)(?:est)?\b", re.IGNORECASE)


def series_of(text: str, council_names: Iterable[str] = ()) -> str | None:
    """Which series a header names; the council's own name means its actual figures."""
    for name, regex in _SERIES_REGEX:
        if regex.search(text or ""):
            if name == "comparator_band":
                band = _BAND.findall(text)[-1].lower()
                return f"{COMPARATOR}_{'average' if band == 'mean' else band}"
            return name
    if any(_mentions(text, name) for name in council_names):
        return ACTUAL
    return None


def _mentions(text: str, name: str) -> bool:
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", text or "", re.IGNORECASE) is not None


def header_note(text: str) -> str | None:
    """A parenthesised word in a header that qualifies every value below it: '(provisional)'."""
    match = _PAREN_NOTE.search(text or "")
    if not match or find_period(match.group(1)):
        return None
    return match.group(1).strip()


def interpret_header(
    text: str, council_names: Iterable[str] = (), context: Period | None = None
) -> ColumnMeaning:
    """'Statistical Neighbour Average 2020/21' -> (statistical_neighbours, 2020-21)."""
    return ColumnMeaning(
        series=series_of(text, council_names),
        period=find_period(text or "", context),
        note=header_note(text),
    )


def is_pure_series_header(text: str, council_names: Iterable[str] = ()) -> bool:
    """True when a header says only which series it is ('England average', 'SN avg 2019/20').

    Used to tell a comparator column apart from a column named after an
    indicator that merely contains a series word ("Target for RHA's 100%").
    """
    if series_of(text, council_names) is None:
        return False
    leftover = text or ""
    for name in council_names:
        leftover = re.sub(rf"\b{re.escape(name)}\b", " ", leftover, flags=re.IGNORECASE)
    words = re.findall(r"[A-Za-z]+", leftover)
    return all(word.lower() in _NOT_A_NAME for word in words)


def candidate_names(text: str) -> list[str]:
    """Runs of capitalised words in a header that are not series, period or table words.

    'Tower Hamlets Target 2019/20' -> ['Tower Hamlets']; 'Kingston upon Thames 2019' keeps its connector.
    """
    names = []
    for run in _NAME_RUN.findall(text or ""):
        current: list[str] = []
        for word in [w.strip(".-'’") for w in run.split()] + ["TARGET"]:  # sentinel flushes the last run
            if not word:
                continue
            is_name = word.lower() not in _NOT_A_NAME and word[0].isupper()
            is_connector = word in _CONNECTORS and bool(current)
            if is_name or is_connector:
                current.append(word)
                continue
            while current and current[-1] in _CONNECTORS:
                current.pop()
            if current and len("".join(current)) > 2:
                names.append(" ".join(current))
            current = []
    return names


def learn_council_names(header_cells: Iterable[str], page_texts: Iterable[str] = ()) -> list[str]:
    """The document's own council name(s), most likely first.

    Headers that carry a period or a series word ("Barnet 2018-19", "Barnet
    target") name the council repeatedly; comparator words are excluded. When
    the tables do not say, prose such as "London Borough of X" / "X Council" is
    used. Case is folded, since tables print "BARNET" and "Barnet".
    """
    counts: Counter[str] = Counter()
    for cell in header_cells:
        if find_period(cell or "") is None and series_of(cell or "") is None:
            continue
        for name in candidate_names(cell):
            counts[name.title()] += 1
    names = [name for name, count in counts.most_common() if count >= 2]
    if names:
        return names[:1]
    prose: Counter[str] = Counter()
    for text in page_texts:
        for match in _COUNCIL_IN_PROSE.finditer(text or ""):
            name = (match.group(1) or match.group(2) or "").strip()
            if name and name.lower() not in _NOT_A_NAME:
                prose[name.title()] += 1
    return [name for name, _ in prose.most_common(1)]
