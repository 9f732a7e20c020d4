"""The SQLite schema. Bump SCHEMA_VERSION whenever a table changes shape:
a store built by another version is rebuilt, never mixed."""
from __future__ import annotations

import sqlite_utils

from .followups import create_tables as create_followup_tables
from .records import RECORD_TABLES, columns_of

SCHEMA_VERSION = 10

# Tables whose rows belong to one document, deleted before their document
# (children before the records they refer to).
DOCUMENT_CHILDREN = [*reversed(RECORD_TABLES), "meeting_documents", "pages"]
# Columns that hold another record's id, and the table that id lives in.
REFERENCES = {"meeting_id": "meetings", "minute_id": "minute_items", "part_id": "parts",
              "indicator_id": "indicators", "entity_id": "entities"}


def create_schema(db: sqlite_utils.Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["documents"].create(
        {
            "id": str,  # SHA-256 of the file's bytes
            "file": str,  # base name of the first path seen
            "kind": str,
            "kind_confidence": float,
            "convention": str,  # the convention profile the paper was read with
            "council": str,
            "committee": str,
            "meeting_date": str,
            "pages": int,
            "pages_without_text": int,
            "title": str,
            "producer": str,
            "creation_date": str,
            "size": int,
            "indexed": int,  # 1 once its pages are committed to the search index
            "ingested_at": str,
        },
        pk="id",
        not_null={"file", "pages", "indexed"},
        if_not_exists=True,
    )
    db["paths"].create(
        {"path": str, "document_id": str, "size": int, "mtime_ns": int, "seen_at": str},
        pk="path",
        foreign_keys=[("document_id", "documents", "id")],
        if_not_exists=True,
    )
    db["pages"].create(
        {"document_id": str, "number": int, "text": str, "has_text_layer": int, "width": float, "height": float,
         # why the page was OCR'd (no_text, no_unicode, garbled, always; null: its text layer reads),
         # where its text came from (pdf, ocr, awaiting_ocr), and the OCR'd words (ingest/ocr.py to_json)
         "ocr_reason": str, "text_source": str, "ocr_error": str, "ocr_confidence": float, "ocr_words": str},
        pk=("document_id", "number"),
        foreign_keys=[("document_id", "documents", "id")],
        if_not_exists=True,
    )
    db["failures"].create(
        {"path": str, "reason": str, "size": int, "mtime_ns": int, "failed_at": str},
        pk="path",
        if_not_exists=True,
    )
    db["meetings"].create(
        {"id": str, "council": str, "committee": str, "name": str, "date": str, "time": str, "venue": str,
         "undated_in": str},
        pk="id",
        if_not_exists=True,
    )
    db["meeting_documents"].create(
        {"meeting_id": str, "document_id": str, "page": int},
        pk=("meeting_id", "document_id"),
        foreign_keys=[("meeting_id", "meetings", "id"), ("document_id", "documents", "id")],
        if_not_exists=True,
    )
    db["indicators"].create(
        {"id": str, "label": str, "aliases": str, "unit": str}, pk="id", if_not_exists=True
    )
    # The people and organisations mentions name, one row per entity id (kind and name slug).
    db["entities"].create({"id": str, "kind": str, "name": str}, pk="id", if_not_exists=True)
    for table, (record_type, _) in RECORD_TABLES.items():
        columns = columns_of(record_type)
        references = [(c, REFERENCES[c], "id") for c in columns if c in REFERENCES]
        db[table].create(
            columns,
            pk="id",
            foreign_keys=[("document_id", "documents", "id"), *references],
            if_not_exists=True,
        )
        db[table].create_index(["document_id"], if_not_exists=True)
    db["observations"].create_index(["indicator_id", "period", "series"], if_not_exists=True)
    db["mentions"].create_index(["entity_id"], if_not_exists=True)
    db["paths"].create_index(["document_id"], if_not_exists=True)
    db["meeting_documents"].create_index(["document_id"], if_not_exists=True)
    db["documents"].create_index(["meeting_date"], if_not_exists=True)
    db["documents"].create_index(["indexed"], if_not_exists=True)
    create_followup_tables(db)
    _full_text_tables(db)
    db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


# SQLite's own full-text tables beside Whoosh, so Datasette (`datasette papers.db`) offers search on
# them as it finds them (`?_search=guardianship`): pages, minute items, agenda items and decisions.
FULL_TEXT = {"pages": ["text"], "minute_items": ["title", "text"], "agenda_items": ["title", "report_of"],
             "resolutions": ["text"]}


def _full_text_tables(db: sqlite_utils.Database) -> None:
    """External-content FTS5 tables kept in step by triggers; a store made before them is filled once."""
    for table, columns in FULL_TEXT.items():
        if f"{table}_fts" in db.table_names() or not all(c in db[table].columns_dict for c in columns):
            continue
        db[table].enable_fts(columns, fts_version="FTS5", create_triggers=True, tokenize="porter")
        db[table].populate_fts(columns)


def stored_version(db: sqlite_utils.Database) -> int | None:
    if "meta" not in db.table_names():
        return None if not db.table_names() else 0
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def dangling_references(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """(table, column, missing id) for every stored reference to a record that is not there."""
    found = []
    for table, rowid, _, key in db.execute("PRAGMA foreign_key_check").fetchall():
        column = next(row[3] for row in db.execute(f"PRAGMA foreign_key_list([{table}])") if row[0] == key)
        value = db.execute(f"select [{column}] from [{table}] where rowid = ?", [rowid]).fetchone()[0]
        found.append((table, column, value))
    found += [
        ("mentions", "item_id", row[0])
        for row in db.execute(
            "select item_id from mentions where item_id is not null "
            "and item_id not in (select id from minute_items union select id from parts)"
        )
    ]
    return found
