"""`papers export`: every document with its records, in the schema of extract/export.py.

Each later record type adds a section function to SECTIONS; the top-level
shape ({"schema", "kind", "documents": [...]}) never changes.
"""
from __future__ import annotations

from collections.abc import Callable

from ..extract.export import SCHEMA, to_export
from ..index.queries import document_observations, stored_structure
from ..index.store import Store

_DOCUMENT_FIELDS = (
    "file", "kind", "kind_confidence", "convention", "council", "committee", "meeting_date", "pages", "pages_without_text",
    "title", "producer", "creation_date", "size",
)

Section = Callable[[Store, dict], dict]


def _document_fields(store: Store, row: dict) -> dict:
    return {
        **{key: row[key] for key in _DOCUMENT_FIELDS},
        "sha256": row["id"],
        "paths": row["paths"],
        "image_only": row["pages"] > 0 and row["pages_without_text"] == row["pages"],
    }


def _structure(store: Store, row: dict) -> dict:
    exported = to_export(stored_structure(store, row))
    return {key: value for key, value in exported.items() if key not in _FROM_DOCUMENT}


_FROM_DOCUMENT = {"file", "kind", "kind_confidence", "convention", "council", "committee", "meeting_date", "pages", "observations"}


def _observations(store: Store, row: dict) -> dict:
    return {"observations": document_observations(store, row["id"])}


def _followups(store: Store, row: dict) -> dict:
    from .trace import document_followups

    return {"followups": document_followups(store, row["id"])}


SECTIONS: list[Section] = [_document_fields, _structure, _observations, _followups]


def export_store(store: Store) -> dict:
    documents = []
    for row in store.documents():
        doc: dict = {}
        for section in SECTIONS:
            doc.update(section(store, row))
        documents.append(doc)
    return {"schema": SCHEMA, "kind": "structure", "documents": documents}
