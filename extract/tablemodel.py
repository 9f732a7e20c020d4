"""The shapes tables take between reading and observations: rows with provenance, one logical table,
and the one way an observation is made from a cell."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Observation
from .values import CellValue, infer_unit

_FOOTNOTE_LINE = r"^\s*{marker}\s*(?P<text>\S.*)$"


@dataclass
class GridRow:
    """A data row with where it was printed, so joined tables keep provenance."""

    cells: list[str]
    page: int
    table: int
    row: int


@dataclass
class JoinedTable:
    """One logical table: a header and the data rows of one or more page grids."""

    header: list[list[str]]
    rows: list[GridRow]
    page: int
    table: int
    last_page: int
    bbox: tuple[float, float, float, float] | None = None
    caption: str = ""  # the title printed above the first grid

    @property
    def width(self) -> int:
        return len(self.header[0]) if self.header else len(self.rows[0].cells) if self.rows else 0


@dataclass
class Context:
    """What every reader of one document's tables needs to know."""

    document: str
    names: list[str]  # the document's own council, as its tables and prose name it
    page_texts: dict[int, str]


def make_observation(context, row, column, indicator, ref, series, period, cell: CellValue, raw, note, header,
                 part=0) -> Observation:
    return Observation(
        document=context.document,
        indicator=indicator,
        ref=ref or None,
        series=series,
        period=period.label if period else "",  # a comparator's figure may be undated
        period_start=period.start.isoformat() if period else "",
        period_end=period.end.isoformat() if period else "",
        value=cell.value,
        raw=raw,
        note=join_notes(footnote(cell.marker, context.page_texts.get(row.page, "")), cell.note, note),
        unit=infer_unit(indicator, header, cell),
        page=row.page,
        table=row.table,
        row=row.row,
        column=column,
        part=part,
    )


def footnote(marker: str | None, page_text: str) -> str | None:
    """'12.1*' -> the page's '* 2014/15 benchmarking figures' line (or the bare marker)."""
    if not marker:
        return None
    pattern = re.compile(_FOOTNOTE_LINE.format(marker=re.escape(marker)), re.MULTILINE)
    match = pattern.search(page_text)
    return f"{marker} {match.group('text').strip()}" if match else marker


def join_notes(*notes: str | None) -> str | None:
    kept = [n for n in notes if n]
    return "; ".join(dict.fromkeys(kept)) or None
