"""How extract/'s structure dataclasses map to tables: one table per record type,
columns derived from the dataclass fields, plus the owning document."""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator

from ..extract.records import (
    Action, AgendaItem, Attendance, BreakdownTable, Declaration, DefinedTerm, Mention, MinuteItem, Observation, Part, Recommendation, Request,
    Resolution, Extraction,
)

# table -> (record type, Extraction attribute). Meetings are shared between
# documents, so they live in `meetings` with a `meeting_documents` link instead.
RECORD_TABLES: dict[str, tuple[type, str]] = {
    "parts": (Part, "parts"),
    "agenda_items": (AgendaItem, "agenda_items"),
    "minute_items": (MinuteItem, "minute_items"),
    "attendance": (Attendance, "attendance"),
    "declarations": (Declaration, "declarations"),
    "resolutions": (Resolution, "resolutions"),
    "recommendations": (Recommendation, "recommendations"),
    "requests": (Request, "requests"),
    "actions": (Action, "actions"),
    "observations": (Observation, "observations"),
    "breakdown_tables": (BreakdownTable, "breakdowns"),
    "defined_terms": (DefinedTerm, "defined_terms"),
    "mentions": (Mention, "mentions"),
}
# Records that name their document themselves; the column is document_id.
_DOCUMENT_FIELD = "document"


def columns_of(record_type: type) -> dict[str, type]:
    """SQLite columns for a record type: a (first, last) tuple field becomes two columns."""
    columns: dict[str, type] = {"id": str, "document_id": str}
    if record_type is Mention:
        columns["entity_id"] = str
    if record_type is Observation:
        columns["indicator_id"] = str  # the indicator group it belongs to, set by the collection pass
    for f in dataclasses.fields(record_type):
        if f.name == _DOCUMENT_FIELD:
            continue
        annotation = str(f.type)
        if annotation.startswith("tuple"):
            columns[f"{f.name}_from"] = int
            columns[f"{f.name}_to"] = int
        elif annotation.startswith(("int", "bool")):
            columns[f.name] = int
        elif annotation.startswith("float"):
            columns[f.name] = float
        else:
            columns[f.name] = str
    return columns


def row_of(record, document_id: str) -> dict:
    row = {"id": record.id, "document_id": document_id}
    if isinstance(record, Mention):
        row["entity_id"] = record.entity_id
    for name, is_pair in _field_plan(type(record)):
        value = getattr(record, name)
        if is_pair:
            row[f"{name}_from"], row[f"{name}_to"] = value if value else (None, None)
        else:
            row[name] = value
    return row


@functools.cache
def _field_plan(record_type: type) -> tuple[tuple[str, bool], ...]:
    """(field, is a (first, last) pair) of a record type's stored fields: rows are built for every record."""
    return tuple((f.name, str(f.type).startswith("tuple")) for f in dataclasses.fields(record_type)
                 if f.name != _DOCUMENT_FIELD)


def record_of(record_type: type, row: dict):
    """The inverse of row_of."""
    values = {}
    for f in dataclasses.fields(record_type):
        if f.name == _DOCUMENT_FIELD:
            values[f.name] = row["document_id"]
        elif str(f.type).startswith("tuple"):
            pair = (row[f"{f.name}_from"], row[f"{f.name}_to"])
            values[f.name] = pair if pair != (None, None) else None
        elif str(f.type).startswith("bool"):
            values[f.name] = bool(row[f.name])
        else:
            values[f.name] = row[f.name]
    return record_type(**values)


def extraction_rows(extraction: Extraction, document_id: str) -> Iterator[tuple[str, list[dict]]]:
    for table, (_, attribute) in RECORD_TABLES.items():
        yield table, [row_of(record, document_id) for record in getattr(extraction, attribute)]
