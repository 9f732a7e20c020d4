"""`papers check`: is the store sound, do SQLite and the search index agree, and repair what can be.

SQLite is the record: the search index is derived from it, so an index that is
damaged or disagrees is rebuilt from SQLite without reading any PDF. A damaged
database cannot be repaired here; the report says so and what to do.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .fulltext import IndexDamaged
from .store import Store


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)  # found, whether repaired or not
    repaired: list[str] = field(default_factory=list)
    unrepaired: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.unrepaired


def check_store(store: Store, repair: bool = True) -> CheckReport:
    report = CheckReport()
    if not _database_sound(store, report):
        return report
    dangling = store.dangling_references()
    if dangling:
        report.problems.append(f"{len(dangling)} stored references point at missing records (first: {dangling[0]})")
        report.unrepaired.append("references to missing records: run `papers rebuild` to extract every paper again")
    _index_agrees(store, report, repair)
    return report


def _database_sound(store: Store, report: CheckReport) -> bool:
    if not store.exists():
        report.unrepaired.append(f"no store at {store.home}: run `papers ingest PATH` first")
        return False
    try:
        result = [row[0] for row in store.db.execute("PRAGMA quick_check").fetchall()]
        store.db.execute("select count(*) from documents").fetchone()
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        report.problems.append(f"{store.db_path} is damaged: {'; '.join(result[:3])}")
        report.unrepaired.append(
            f"{store.db_path} cannot be repaired here: restore it from a backup, or move it away and "
            "run `papers ingest` on the papers again"
        )
        return False
    return True


def _index_agrees(store: Store, report: CheckReport, repair: bool) -> None:
    try:
        indexed = store.fulltext.indexed_doc_ids()
        broken = None if store.fulltext.exists() else "missing"
    except IndexDamaged:
        indexed, broken = set(), "unreadable"
    stored = {row[0] for row in store.db.execute("select id from documents")}
    missing, extra = stored - indexed, indexed - stored
    if broken:
        report.problems.append(f"the search index at {store.fulltext.directory} is {broken}")
    if missing or extra:
        report.problems.append(
            f"the search index lacks {len(missing)} stored documents and holds {len(extra)} that are not stored"
        )
    if not (broken or missing or extra):
        return
    if not repair:
        report.unrepaired.append("the search index disagrees with the database: run `papers check` to rebuild it")
        return
    reindexed = reindex(store)
    report.repaired.append(f"search index rebuilt from the database ({reindexed} documents, no PDF read)")


def reindex(store: Store) -> int:
    """The whole search index again, from SQLite."""
    store.fulltext.create()
    store.db.execute("update documents set indexed = 0")
    return store.recover()
