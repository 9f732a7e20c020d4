"""Tables whose rows state each measure as a sentence, the figures inside the text.

"Outcome indicators | Timescale | Progress" with rows such as
"Rough sleeping will have fallen from 4.2% in 2022/23 to below 3%." | 2030:
the row names the indicator (the whole sentence, as printed) and states its
baseline and target; the timescale column dates a target the sentence leaves
undated (extract/measures.py reads the sentence).
"""
from __future__ import annotations

import re

from .measures import stated_values
from .periods import find_period
from .records import Observation
from .tablemodel import Context, JoinedTable, make_observation
from .values import CellValue

_MEASURE_HEADER = re.compile(r"\b(?:indicators?|measures?|kpis?)\b", re.IGNORECASE)
_TIMESCALE_HEADER = re.compile(
    r"\b(?:timescales?|time\s*frame|target\s+date|by\s+when|deadline|due(?:\s+date)?|when)\b", re.IGNORECASE
)


def column_headers(table: JoinedTable) -> list[str]:
    return [" ".join(row[c] for row in table.header if c < len(row) and row[c]) for c in range(table.width)]


def sentence_observations(table: JoinedTable, context: Context, label_column: int, ref_column: int | None) -> list[Observation]:
    heads = column_headers(table)
    if not heads or not _MEASURE_HEADER.search(heads[label_column]):
        return []
    timescale = next((i for i, h in enumerate(heads) if i > label_column and _TIMESCALE_HEADER.search(h)), None)
    observations = []
    for row in table.rows:
        sentence = row.cells[label_column]
        if not sentence:
            continue
        due = find_period(row.cells[timescale]) if timescale is not None else None
        ref = row.cells[ref_column] if ref_column is not None else None
        for part, stated in enumerate(stated_values(sentence, due, context.names), start=1):
            cell = CellValue(stated.value, stated.raw, percent="%" in stated.raw)
            observations.append(make_observation(context, row, label_column, sentence, ref, stated.series,
                                                 stated.period, cell, stated.raw, None, heads[label_column], part))
    return observations
