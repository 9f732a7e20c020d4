"""Parse the text of one table cell into a number, keeping what was printed.

A cell that is not a number ("Not Published", "n/a", "-", blank) gets value
None but keeps its raw text, because "not published" and "zero" must stay
distinguishable for a reader of the series.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PERCENT = "percent"
RATE_PER_10000 = "rate per 10,000"
COUNT = "count"
DAYS = "days"

_NUMBER = r"[-−]?\d[\d,]*(?:\.\d+)?|[-−]?\.\d+"
_CURRENCY = r"[£$€]"
_CELL = re.compile(
    rf"^(?P<sign>[-−])?{_CURRENCY}?\s*(?P<number>{_NUMBER}|nil)\s*(?P<percent>%)?\s*(?P<marker>\*+|†+|#)?"
    r"\s*(?:\((?P<paren>[^()]*)\))?\s*$",
    re.IGNORECASE,
)
# Accounts print a negative amount in brackets: "(1,133)", "£(1,133)".
_BRACKETED = re.compile(rf"^{_CURRENCY}?\s*\(\s*{_CURRENCY}?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*\)$")
_QUARTER_TARGET = re.compile(rf"Q(?P<q>[1-4])\s*[-–:=]?\s*(?P<value>(?:{_NUMBER})\s*%?)", re.IGNORECASE)
_LABELLED_VALUE = re.compile(rf"(?P<value>(?:{_NUMBER})\s*%?)\s+(?P<label>[A-Za-z][\w'’]*)")
_DESCRIPTION_TARGET = re.compile(rf"\bTarget\s*[-–:=]\s*(?P<value>(?:{_NUMBER})\s*%?)", re.IGNORECASE)


@dataclass(frozen=True)
class CellValue:
    value: float | None
    raw: str
    note: str | None = None
    marker: str | None = None  # footnote marker such as "*", resolved to text by the caller
    percent: bool = False


def clean_cell(text: str | None) -> str:
    """Cell text on one line: multi-line cells joined with single spaces."""
    return " ".join((text or "").split())


def parse_number(text: str) -> float | None:
    if text.lower() == "nil":  # "$Nil": printed for zero
        return 0.0
    try:
        return float(text.replace(",", "").replace("−", "-"))
    except ValueError:
        return None


def parse_cell(text: str | None) -> CellValue:
    """'32.5', '95%', '12*', '10.25 (2013-14)', '$2,150', '(1,133)', '$Nil', 'Not Published', ''."""
    raw = clean_cell(text)
    bracketed = _BRACKETED.match(raw)
    if bracketed:
        return CellValue(-(parse_number(bracketed.group("number")) or 0.0), raw)
    match = _CELL.match(raw)
    if not match:
        return CellValue(None, raw)
    value = parse_number(match.group("number"))
    return CellValue(
        value=-value if match.group("sign") and value is not None else value,
        raw=raw,
        note=match.group("paren"),
        marker=match.group("marker"),
        percent=bool(match.group("percent")),
    )


def is_number_cell(text: str | None) -> bool:
    return parse_cell(text).value is not None


def split_quarterly_targets(text: str | None) -> list[tuple[int, str, CellValue]] | None:
    """'Q1 - 2.5% Q2 - 5% Q3 - 7.5% Q4 - 10%' -> [(1, 'Q1 - 2.5%', 2.5), ...].

    Only when the segments cover the whole cell, so prose that happens to
    mention a quarter is not mistaken for a set of targets.
    """
    raw = clean_cell(text)
    segments = list(_QUARTER_TARGET.finditer(raw))
    if len(segments) < 2 or "".join(m.group(0) for m in segments).replace(" ", "") != raw.replace(" ", ""):
        return None
    return [
        (int(m.group("q")), m.group(0).strip(), parse_cell(m.group("value")))
        for m in segments
    ]


def split_labelled_values(text: str | None) -> list[tuple[str, str, CellValue]] | None:
    """'72% IHA 93% RHA' -> [('IHA', '72%', 72.0), ('RHA', '93%', 93.0)].

    One cell reporting two measures side by side; each becomes its own
    observation named after its label. Requires the pairs to cover the cell.
    """
    raw = clean_cell(text)
    pairs = list(_LABELLED_VALUE.finditer(raw))
    if len(pairs) < 2 or " ".join(m.group(0) for m in pairs) != raw:
        return None
    return [(m.group("label"), m.group("value").strip(), parse_cell(m.group("value"))) for m in pairs]


def target_in_description(text: str | None) -> tuple[str, CellValue] | None:
    """'... (% with 2+ moves) Target - 11%' -> ('Target - 11%', 11.0)."""
    raw = clean_cell(text)
    match = _DESCRIPTION_TARGET.search(raw)
    if not match:
        return None
    return match.group(0).strip(), parse_cell(match.group("value"))


def infer_unit(indicator: str, header: str = "", cell: CellValue | None = None) -> str | None:
    """The unit a reader should attach to the value, from the cell or the words of the indicator."""
    words = f"{indicator} {header}".lower()
    if (cell is not None and cell.percent) or re.search(r"%|\bpercent|\bproportion", words):
        return PERCENT
    if re.search(r"per\s+10,?000", words):
        return RATE_PER_10000
    if re.search(r"\bdays\b", words):
        return DAYS
    if re.search(r"^\s*(number|no\.|total|count)\b", indicator.lower()):
        return COUNT
    return None
