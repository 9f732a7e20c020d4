"""Decisions printed as a table: a grants or applications table whose column
"Recommendation" or "Decision" holds the committee's answer to each row.

Each row is one decision, named by its first cell ("Friends of the Park:
Approved. Meets the criteria."). The cells come from the table reader (ingest/),
since flattened page text interleaves the columns. Decision words inside such a
cell ("Committee resolved to fund ...") belong to the row, not to the item.
"""
from __future__ import annotations

import re

from .records import MinuteItem, Resolution, TableGrid

DECISION_COLUMN = re.compile(r"^(?:Recommendations?|Decisions?|Resolutions?|(?:Committee|Council)\s+decision)$", re.I)


def may_hold_decision_table(page_text: str) -> bool:
    """A line that is only a decision column's name: worth reading the page's tables."""
    return any(DECISION_COLUMN.match(line.strip()) for line in page_text.splitlines())


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())


def table_rows(grid: TableGrid) -> list[tuple[str | None, str]]:
    """(first cell, decision cell) for every row under a header naming a decision column.

    A row without a first cell continues the row before it (a table broken over pages).
    """
    for position, row in enumerate(grid.rows):
        column = next((i for i, cell in enumerate(row) if DECISION_COLUMN.match(_cell(cell))), None)
        if column is None or column == 0:
            continue
        cells = [(_cell(r[0]), _cell(r[column] if column < len(r) else None)) for r in grid.rows[position + 1 :]]
        return [(name or None, decision) for name, decision in cells if decision]
    return []


def decision_rows(grids: list[TableGrid]) -> list[tuple[int, str]]:
    """(page, '<first cell>: <decision cell>') of every decision table row, continuations joined."""
    out: list[list] = []
    for grid in sorted(grids, key=lambda g: (g.page, g.index)):
        for name, decision in table_rows(grid):
            if name is None and out:
                out[-1][1] += " " + decision
            elif name:
                out.append([grid.page, f"{name}: {decision}"])
    return [(page, text) for page, text in out]


def table_decisions(grids: list[TableGrid], items: list[MinuteItem], found: list[Resolution]) -> list[Resolution]:
    """The resolutions of a document with its decision tables' rows added to their minute items.

    A decision read from the text that lies inside a row is dropped: the row holds it.
    """
    rows = decision_rows(grids)
    if not rows or not items:
        return found
    kept = [r for r in found if not any(_normal(r.text) in _normal(text) for _, text in rows)]
    for page, text in rows:
        item = _item_holding(items, text.split(": ")[0], page)
        kept.append(
            Resolution(
                minute_id=item.id,
                minute_number=item.number,
                part=None,
                text=text,
                parent_text=text,
                verb="DECIDED",
                page=page,
            )
        )
    return kept


def _item_holding(items: list[MinuteItem], name: str, page: int) -> MinuteItem:
    """The item whose text holds the row (several items can share the table's last page),
    else the item whose heading comes last at or before the page."""
    on_page = [item for item in items if item.page <= page <= item.last_page]
    holding = [item for item in on_page if _normal(name) in _normal(item.text)]
    if holding:
        return holding[0]
    before = [item for item in items if item.page <= page]
    return max(before, key=lambda item: item.page) if before else items[0]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())
