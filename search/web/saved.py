"""Saved searches: the one thing the web page writes, in a database of its own beside the store.

The store stays read-only to the server; a rebuild of the store keeps them.
What is new is what the search answers now that it did not answer when the
officer last looked (by meeting, item and page), so an ingest of new papers
shows up, and a rebuild that finds the same results shows nothing new.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

FILE = "saved-searches.db"
FILTERS = ("council", "committee", "kind", "since", "until")
WINDOW = 50  # the results compared between visits


def _connect(home: Path) -> sqlite3.Connection:
    db = sqlite3.connect(home / FILE)
    db.row_factory = sqlite3.Row
    db.execute("""create table if not exists saved_searches (
        id integer primary key, query text not null, filters text not null, created_at text not null,
        visited_at text, seen text not null default '[]')""")
    return db


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def kept_filters(filters: dict[str, str | None]) -> dict[str, str]:
    return {k: filters[k] for k in FILTERS if filters.get(k)}


def save(home: Path, query: str, filters: dict[str, str | None]) -> int:
    kept = kept_filters(filters)
    with _connect(home) as db:
        row = db.execute("select id from saved_searches where query = ? and filters = ?",
                         [query, json.dumps(kept, sort_keys=True)]).fetchone()
        if row:
            return row["id"]
        return db.execute("insert into saved_searches (query, filters, created_at) values (?, ?, ?)",
                          [query, json.dumps(kept, sort_keys=True), _now()]).lastrowid


def saved(home: Path) -> list[dict]:
    if not (home / FILE).exists():
        return []
    with _connect(home) as db:
        return [_row(r) for r in db.execute("select * from saved_searches order by id")]


def delete(home: Path, saved_id: int) -> None:
    with _connect(home) as db:
        db.execute("delete from saved_searches where id = ?", [saved_id])


def _row(row: sqlite3.Row) -> dict:
    return {"id": row["id"], "query": row["query"], "filters": json.loads(row["filters"]),
            "created_at": row["created_at"], "visited_at": row["visited_at"], "seen": set(json.loads(row["seen"]))}


def hit_key(hit) -> str:
    return f"{hit.meeting_id or hit.document_id}|{hit.record}|{hit.item or hit.title}|{hit.document_id}:{hit.page}"


def results(store, query: str, filters: dict) -> list:
    """What the search answers now; a query or filter that cannot be read raises QueryError, before any write."""
    from ..glossary import store_glossary
    from ..pages import search_pages

    return search_pages(store, query, limit=WINDOW, glossary=store_glossary(store), **filters).hits


def run(store, search: dict, mark_seen: bool = True) -> tuple[list, set[str]]:
    """The saved search's results now, and the keys of those new since the last visit (then marked seen)."""
    hits = results(store, search["query"], search["filters"])
    keys = {hit_key(h) for h in hits}
    new = keys - search["seen"] if search["visited_at"] else set()  # the first visit is the baseline
    if mark_seen:
        mark(store.home, search["id"], keys | search["seen"])
    return hits, new


def mark(home: Path, saved_id: int, keys: set[str]) -> None:
    with _connect(home) as db:
        db.execute("update saved_searches set seen = ?, visited_at = ? where id = ?",
                   [json.dumps(sorted(keys)), _now(), saved_id])
