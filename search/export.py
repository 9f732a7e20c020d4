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
    sources = store.page_sources(row["id"])
    return {
        **{key: row[key] for key in _DOCUMENT_FIELDS},
        "sha256": row["id"],
        "paths": row["paths"],
        # no readable text on any page (none in the PDF, none read by OCR yet)
        "image_only": row["pages"] > 0 and row["pages_without_text"] == row["pages"],
        "ocr_pages": [n for n, source in sources.items() if source == "ocr"],
        "awaiting_ocr_pages": [n for n, source in sources.items() if source == "awaiting_ocr"],
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
        _mark_ocr(doc, set(doc["ocr_pages"]))
        documents.append(doc)
    return {"schema": SCHEMA, "kind": "structure", "documents": documents}


def _mark_ocr(doc: dict, ocr_pages: set[int]) -> None:
    """Provenance: every record printed on a page whose text was read by OCR says so ("ocr": true)."""
    if not ocr_pages:
        return
    for value in doc.values():
        for record in value if isinstance(value, list) else []:
            if isinstance(record, dict) and record.get("page") in ocr_pages:
                record["ocr"] = True
