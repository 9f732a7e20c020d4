"""Comparator tables printed one place a row: "Authority | Dwellings | Residents".

Each column is an indicator, each row a place: the document's own council is
the series "actual", a row naming a comparator group ("England", "Statistical
neighbours") is that series, and any other place is a named comparator (its
name in snake_case). The period is stated in the header or, failing that, in
the table's caption ("Key indicators (2023 fiscal year)").
"""
from __future__ import annotations

import re

from .headers import ACTUAL, series_of
from .periods import find_period, is_bare_period
from .records import Observation
from .sentence_tables import column_headers
from .tablemodel import Context, JoinedTable, make_observation
from .values import parse_cell

# Words naming the places a column lists; not "area" or "region", which head service areas too.
_PLACE_HEADER = re.compile(
    r"^(?:(?:local\s+)?authorit(?:y|ies)|municipalit(?:y|ies)|councils?|comparators?|boroughs?|districts?|"
    r"countr(?:y|ies)|towns?|townships?|parish(?:es)?)$",
    re.IGNORECASE,
)


def place_row_observations(table: JoinedTable, context: Context, label_column: int) -> list[Observation] | None:
    heads = column_headers(table)
    if not heads or not _PLACE_HEADER.match(heads[label_column].strip()):
        return None
    if any(is_bare_period(h) for h in heads[label_column + 1:]):
        return None  # columns are periods: an indicator table of places, read elsewhere
    period = find_period(" ".join(heads)) or find_period(table.caption)
    if period is None:
        return []
    observations = []
    for row in table.rows:
        label = row.cells[label_column]
        if not label:
            continue
        series = place_series(label, context.names)
        for index in range(label_column + 1, table.width):
            if heads[index]:
                cell = parse_cell(row.cells[index])
                observations.append(make_observation(context, row, index, heads[index], None, series, period, cell,
                                                     cell.raw, None, heads[index]))
    return observations


def place_series(label: str, own_names: list[str]) -> str:
    if any(re.search(rf"\b{re.escape(name)}\b", label, re.IGNORECASE) for name in own_names if name):
        return ACTUAL
    return series_of(label) or re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
