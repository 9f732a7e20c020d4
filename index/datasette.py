"""Datasette's view of the store: `metadata.json` beside papers.db, with a title and description
for each table and the column Datasette shows for a row another row refers to.

    datasette papers-data/papers.db -m papers-data/metadata.json

Search on pages, minute items, agenda items and resolutions (`?_search=`) needs no entry here:
Datasette finds their FTS5 tables by itself (index/schema.py FULL_TEXT).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import sqlite_utils

METADATA_NAME = "metadata.json"

TABLES = {
    "documents": ("Documents", "One row per PDF content (SHA-256): its kind, council, committee and date."),
    "paths": ("Paths", "Every file path seen, and the document its bytes are."),
    "pages": ("Pages", "Each page's text, where it came from (text layer or OCR) and why it was OCR'd."),
    "failures": ("Failures", "Files that could not be read, with the reason; retried on every ingest."),
    "meetings": ("Meetings", "Meetings the papers state: council, committee, date, time and venue."),
    "meeting_documents": ("Meeting documents", "Which documents state which meeting, and on which page."),
    "parts": ("Parts", "Runs of pages that are one paper inside a pack: agenda, minutes, a report, an appendix."),
    "agenda_items": ("Agenda items", "Items of a meeting's agenda, with the pages they point to."),
    "minute_items": ("Minute items", "Items of a meeting's minutes, with their text."),
    "attendance": ("Attendance", "Who was present, sent apologies or attended as an officer, by meeting."),
    "declarations": ("Declarations", "Declarations of interest, by meeting and item."),
    "resolutions": ("Resolutions", "What each minute item resolved, agreed or decided; motions with mover and result."),
    "recommendations": ("Recommendations", "Recommendations of reports, inspections, action plans and strategies."),
    "requests": ("Requests", "What a meeting asked someone to do or report back on, and by when."),
    "actions": ("Actions", "Rows of action logs and trackers, with owner, due date and status as printed."),
    "observations": ("Observations", "Indicator values read from tables: period, series, value, and the cell's "
                     "page, table, row and column."),
    "indicators": ("Indicators", "Indicator groups: the labels one measure is printed under, merged."),
    "breakdown_tables": ("Breakdown tables", "Tables that break a cohort down (age, gender, ethnicity, placement)."),
    "defined_terms": ("Defined terms", "Acronyms and the terms the papers define them as."),
    "mentions": ("Mentions", "People and organisations named on each page, with the role seen beside them."),
    "entities": ("Entities", "The people and organisations the mentions name."),
    "links": ("Links", "Follow-ups: a later record that answers, repeats or reports on an earlier one."),
    "followups": ("Follow-up status", "Each recommendation's, request's and action's status from its links."),
    "traced_documents": ("Traced documents", "The documents the follow-up links were last traced over."),
    "meta": ("Store metadata", "The schema version and other facts about the store."),
}
# The column Datasette prints for a row that another row's foreign key names.
LABELS = {"documents": "file", "meetings": "date", "minute_items": "title", "agenda_items": "title",
          "parts": "title", "indicators": "label", "entities": "name"}
HIDDEN = {"meta", "traced_documents"}


def metadata(db: sqlite_utils.Database, database: str) -> dict:
    tables = {}
    for table in db.table_names():
        if table not in TABLES:
            continue  # FTS5 shadow tables: Datasette hides them itself
        title, description = TABLES[table]
        tables[table] = {"title": title, "description": description}
        if table in LABELS:
            tables[table]["label_column"] = LABELS[table]
        if table in HIDDEN:
            tables[table]["hidden"] = True
    return {
        "title": "Panel Papers",
        "description": "Committee papers as records: meetings, items, decisions, follow-ups and indicator series.",
        "databases": {database: {"tables": tables}},
    }


def write_metadata(db: sqlite_utils.Database, db_path: Path) -> None:
    """Write metadata.json beside the database, whole or not at all."""
    target = db_path.parent / METADATA_NAME
    text = json.dumps(metadata(db, db_path.stem), indent=2) + "\n"
    if target.exists() and target.read_text() == text:
        return
    partial = target.with_suffix(".json.partial")
    partial.write_text(text)
    os.replace(partial, target)
