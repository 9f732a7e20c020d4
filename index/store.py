"""The store: one data directory holding the SQLite database and the search index.

Every write goes through Store. A document lands in SQLite first with
indexed=0, then in the search index, then is marked indexed=1. recover()
finishes or undoes whatever a killed run left between those steps, so the two
never disagree for long and nothing is duplicated.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from urllib.parse import quote
from dataclasses import asdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import jsonify_if_needed

from ..extract.records import ParsedDocument, Extraction
from .records import RECORD_TABLES, extraction_rows
from .fulltext import INDEX_VERSION, FullTextIndex, IndexDamaged, IndexedRecord
from .search_records import records_for_index
from .home import DB_NAME, LOCK_NAME, WHOOSH_DIR
from .lock import writer_lock
from .swap import rebuild_home, swap_in
from .datasette import write_metadata
from .schema import DOCUMENT_CHILDREN, SCHEMA_VERSION, create_schema, dangling_references, stored_version


class StoreVersionError(Exception):
    pass


class StoreDamaged(Exception):
    pass


class NoStore(StoreVersionError):
    """Nothing has been ingested at this data directory."""


@dataclass
class KnownPath:
    path: str
    document_id: str | None
    size: int
    mtime_ns: int


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, home: Path, read_only: bool = False):
        """read_only: open the database with mode=ro whatever the folder allows (a server's readers)."""
        self.home = home
        self._force_read_only = read_only
        self.db_path = home / DB_NAME
        self.lock_path = home / LOCK_NAME
        self.fulltext = FullTextIndex(home / WHOOSH_DIR)
        self._db: sqlite_utils.Database | None = None

    # -- opening ---------------------------------------------------------------
    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = _connect(self.db_path, self._force_read_only)
        return self._db

    def exists(self) -> bool:
        return self.db_path.exists()

    @property
    def read_only(self) -> bool:
        return self._force_read_only or _read_only(self.db_path)

    def version(self) -> int | None:
        return stored_version(self.db) if self.exists() else None

    def check_readable(self) -> None:
        """Readers refuse a store of another schema rather than misread it."""
        if not self.exists():
            raise NoStore(f"no store at {self.home}: run `papers ingest PATH` first")
        found = self.version()
        if found != SCHEMA_VERSION:
            raise StoreVersionError(
                f"the store at {self.home} has schema version {found}, this papers uses "
                f"{SCHEMA_VERSION}: run `papers rebuild` to rebuild it"
            )
        if self.fulltext.version() != INDEX_VERSION:
            raise StoreVersionError(
                f"the search index at {self.fulltext.directory} is missing or of another version: "
                "run `papers rebuild` to rebuild it"
            )

    def needs_rebuild(self) -> bool:
        """A store of another schema version is rebuilt (beside it), never mixed."""
        return self.version() not in (None, SCHEMA_VERSION)

    def open_for_writing(self, say=lambda text: None) -> None:
        """Create the store, or bring its search index to this version."""
        self.home.mkdir(parents=True, exist_ok=True)
        create_schema(self.db)
        write_metadata(self.db, self.db_path)
        old_index = self.fulltext.version() if self.fulltext.exists() else None
        try:
            self.fulltext.indexed_doc_ids()
        except IndexDamaged as exc:
            say(f"{exc}; rebuilding it from the database")
            self.fulltext.create()
            self.db.execute("update documents set indexed = 0")
        if self.fulltext.ensure():
            # A new or other-version index: every document must be indexed again.
            stale = self.db.execute("update documents set indexed = 0").rowcount
            if stale:
                say(f"search index version {old_index} differs from {INDEX_VERSION}: re-indexing {stale} documents")

    def known_paths(self) -> dict[str, str]:
        """path -> document id of every stored path, whatever the schema version.

        Raises StoreDamaged when the database cannot be read: a rebuild must then change nothing.
        """
        if not self.exists():
            return {}
        try:
            return dict(self.db.execute("select path, document_id from paths").fetchall())
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(
                f"{self.db_path} cannot be read ({exc}); nothing was changed: restore it from a backup, "
                "or move it away and run `papers ingest` on the papers again"
            ) from None

    def adopt(self, old_db: Path, doc_ids: list[str]) -> None:
        """Copy documents and all their records from another store of this schema version."""
        if not doc_ids:
            return
        marks = ",".join("?" * len(doc_ids))
        owned = {"documents": "id"}
        self.db.execute("attach database ? as old", [str(old_db)])
        try:
            with self.db.atomic():
                for table in ["documents", "paths", "pages", *_REFERENCED, "meeting_documents", *RECORD_TABLES]:
                    where = f"[{owned.get(table, 'document_id')}] in ({marks})"
                    if table in _REFERENCED:
                        child, column = _REFERENCED[table]
                        where = f"id in (select [{column}] from old.[{child}] where document_id in ({marks}))"
                    self.db.execute(f"insert or ignore into [{table}] select * from old.[{table}] where {where}", doc_ids)
                self.db.execute(f"update documents set indexed = 0 where id in ({marks})", doc_ids)
        finally:
            self.db.execute("detach database old")

    # -- a rebuild beside this store (ingest/pipeline.py) --------------------------
    def rebuild_target(self) -> "Store":
        """An empty store beside this one, swapped in when complete (index/swap.py)."""
        fresh = Store(rebuild_home(self.home))
        shutil.rmtree(fresh.home, ignore_errors=True)
        return fresh

    def swap_in_rebuilt(self) -> None:
        self.close()
        swap_in(self.home)

    def keep_old_copy(self, version) -> str:
        """A copy of this store's database of another schema version, kept where it is said."""
        kept = self.home / f"papers.schema-{version}.db"
        self.close()
        shutil.copyfile(self.db_path, kept)
        return str(kept)

    def writer_lock(self, wait: bool = True, on_wait=None):
        """The one writer's lock (index/lock.py): a file lock in the data directory."""
        return writer_lock(self.lock_path, wait=wait, on_wait=on_wait)

    def close(self) -> None:
        self.fulltext.close()
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- ingest bookkeeping ----------------------------------------------------
    def known_path(self, path: str) -> KnownPath | None:
        row = self.db.execute(
            "select path, document_id, size, mtime_ns from paths where path = ?", [path]
        ).fetchone()
        if row:
            return KnownPath(*row)
        row = self.db.execute("select path, size, mtime_ns from failures where path = ?", [path]).fetchone()
        return KnownPath(row[0], None, row[1], row[2]) if row else None

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("select 1 from documents where id = ?", [doc_id]).fetchone() is not None

    def add_path(self, path: str, doc_id: str, size: int, mtime_ns: int) -> list[str]:
        """Point a path at an already stored document; returns documents left without a path."""
        with self.db.atomic():
            previous = self._point_path(path, doc_id, size, mtime_ns)
            return self._drop_orphans(previous)

    def save_document(self, doc: ParsedDocument) -> list[str]:
        """Store a parsed document (indexed=0); returns ids of documents it replaced."""
        with self.db.atomic():
            if self.has_document(doc.id):  # a new paper has nothing to replace: skip the table scans
                self._delete_records(doc.id)
            # upsert, not delete and insert: the document's paths refer to its row
            self.db["documents"].upsert(
                {**doc.meta, "id": doc.id, "size": doc.size, "indexed": 0, "ingested_at": _now()},
                pk="id",
            )
            _insert_rows(self.db, "pages", [{**page, "document_id": doc.id} for page in doc.pages])
            if doc.extraction is not None:
                self._save_extraction(doc.id, doc.extraction)
            previous = self._point_path(doc.path, doc.id, doc.size, doc.mtime_ns)
            return self._drop_orphans(previous)

    def _save_extraction(self, doc_id: str, extraction: Extraction) -> None:
        """A document's records, written with it in one transaction: they replace the old ones whole."""
        for meeting in extraction.meetings:
            self._merge_meeting({"id": meeting.id, **{k: v for k, v in asdict(meeting).items() if k != "page"}})
            self.db["meeting_documents"].upsert(
                {"meeting_id": meeting.id, "document_id": doc_id, "page": meeting.page},
                pk=("meeting_id", "document_id"),
            )
        for table, rows in extraction_rows(extraction, doc_id):
            if table == "mentions":
                self._add_entities(rows)
            _insert_rows(self.db, table, rows, replace=True)

    def _add_entities(self, mentions: list[dict]) -> None:
        """The entities the mentions refer to; of a name's spellings (case, punctuation) the least is kept,
        so the order papers are saved in never changes it."""
        self.db.conn.executemany(
            "insert into entities (id, kind, name) values (?, ?, ?) "
            "on conflict(id) do update set name = min(entities.name, excluded.name)",
            [(m["entity_id"], m["kind"], m["name"]) for m in mentions],
        )

    def _merge_meeting(self, row: dict) -> None:
        """A meeting several papers state: what one states fills what the others left empty,
        so the order papers are saved in never changes the meeting."""
        self.db["meetings"].insert(row, pk="id", ignore=True)
        fields = [k for k, v in row.items() if k != "id" and v is not None]
        if fields:
            assignments = ", ".join(f"[{k}] = coalesce([{k}], ?)" for k in fields)
            self.db.execute(f"update meetings set {assignments} where id = ?", [row[k] for k in fields] + [row["id"]])

    def _point_path(self, path: str, doc_id: str, size: int, mtime_ns: int) -> str | None:
        row = self.db.execute("select document_id from paths where path = ?", [path]).fetchone()
        self.db["paths"].upsert(
            {"path": path, "document_id": doc_id, "size": size, "mtime_ns": mtime_ns, "seen_at": _now()},
            pk="path",
        )
        self.db.execute("delete from failures where path = ?", [path])
        return row[0] if row and row[0] != doc_id else None

    def _drop_orphans(self, previous: str | None) -> list[str]:
        if previous is None:
            return []
        still_used = self.db.execute("select 1 from paths where document_id = ?", [previous]).fetchone()
        if still_used:
            return []
        self._delete_rows(previous)
        return [previous]

    def _delete_rows(self, doc_id: str) -> None:
        self._delete_records(doc_id)
        self.db.execute("delete from documents where id = ?", [doc_id])

    def _delete_records(self, doc_id: str) -> None:
        entities = self.db.execute("select distinct entity_id from mentions where document_id = ?", [doc_id]).fetchall()
        meetings = self.db.execute("select meeting_id from meeting_documents where document_id = ?", [doc_id]).fetchall()
        for table in DOCUMENT_CHILDREN:
            self.db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
        # The paper's own meetings only: a scan of every meeting per paper grew with the archive.
        self.db.conn.executemany(
            "delete from meetings where id = ? and not exists (select 1 from meeting_documents where meeting_id = meetings.id)",
            meetings)
        self.db.conn.executemany(
            "delete from entities where id = ? and not exists (select 1 from mentions where entity_id = entities.id)",
            entities)

    def known_paths_under(self, roots: Iterable[str]) -> list[str]:
        """Stored paths (documents and failures) that are one of roots or inside one of them."""
        found = []
        for root in roots:
            prefix = root.rstrip("/") + "/"
            found += [row[0] for row in self.db.execute(
                "select path from paths where path = ? or substr(path, 1, ?) = ? "
                "union select path from failures where path = ? or substr(path, 1, ?) = ?",
                [root, len(prefix), prefix] * 2)]
        return sorted(set(found))

    def forget(self, paths: Iterable[str]) -> list[str]:
        """Remove paths from the store; documents no path points to any more go with all their records.

        Returns the ids of the documents removed. Their search entries go at
        the next recover(), which the caller runs (it holds the writer lock).
        """
        removed: list[str] = []
        with self.db.atomic():
            for path in paths:
                row = self.db.execute("select document_id from paths where path = ?", [path]).fetchone()
                self.db.execute("delete from paths where path = ?", [path])
                self.db.execute("delete from failures where path = ?", [path])
                if row:
                    removed += self._drop_orphans(row[0])
        return removed

    def record_failure(self, path: str, reason: str, size: int, mtime_ns: int) -> None:
        with self.db.atomic():
            self.db["failures"].upsert(
                {"path": path, "reason": reason, "size": size, "mtime_ns": mtime_ns, "failed_at": _now()},
                pk="path",
            )

    def mark_indexed(self, doc_ids: Iterable[str]) -> None:
        ids = list(doc_ids)
        with self.db.atomic():
            self.db.conn.executemany("update documents set indexed = 1 where id = ?", [(i,) for i in ids])

    def unindexed_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("select id from documents where indexed = 0")]

    def indexed_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("select id from documents where indexed = 1")}

    def records_for_index(self, doc_id: str) -> list[IndexedRecord]:
        return records_for_index(self.db, doc_id)

    def meta_value(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta_value(self, key: str, value: str) -> None:
        self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def indicator_labels(self) -> list[tuple[str, str | None]]:
        return self.db.execute(
            "select indicator, max(unit) from observations group by indicator order by indicator"
        ).fetchall()

    def replace_indicators(self, indicators, mapping: dict[str, str]) -> None:
        with self.db.atomic():
            # observations keep their old groups' ids until the update below, in this transaction
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            self.db.execute("delete from indicators")
            self.db["indicators"].insert_all(
                ({"id": i.id, "label": i.label, "aliases": i.aliases, "unit": i.unit} for i in indicators),
                pk="id",
            )
            self.db.conn.executemany(
                "update observations set indicator_id = ? where indicator = ?",
                [(group, label) for label, group in mapping.items()],
            )

    def refresh_followups(self) -> set[str]:
        """Re-trace follow-ups in the councils whose papers came or went; returns those councils."""
        from .followups import refresh_followups

        return refresh_followups(self.db)

    def committees(self) -> list[str]:
        rows = self.db.execute("select distinct committee from documents where committee is not null order by 1")
        return [row[0] for row in rows]

    def councils(self) -> list[str]:
        rows = self.db.execute("select distinct council from documents where council is not null order by 1")
        return [row[0] for row in rows]

    def documents_to_place(self) -> list[dict]:
        """Documents with text that name no committee or no council."""
        return self.db.execute_returning_dicts(
            "select id, file, kind, council, committee, meeting_date from documents "
            "where (committee is null or council is null) and pages > pages_without_text"
        )

    def page_texts(self, doc_id: str) -> list[dict]:
        return self.db.execute_returning_dicts(
            "select number, text, width, height, has_text_layer from pages where document_id = ? order by number",
            [doc_id],
        )

    def ocr_words(self, doc_id: str) -> dict[int, str]:
        """Page number -> stored OCR words (ingest/ocr.py to_json) of the document's OCR'd pages."""
        rows = self.db.execute(
            "select number, ocr_words from pages where document_id = ? and text_source = 'ocr' and ocr_words is not null",
            [doc_id])
        return dict(rows.fetchall())

    def page_sources(self, doc_id: str) -> dict[int, str]:
        """Page number -> where its text came from, for pages not read from the PDF's text layer."""
        rows = self.db.execute("select number, text_source from pages where document_id = ? and text_source != 'pdf' "
                               "order by number", [doc_id])
        return dict(rows.fetchall())

    def ocr_pages(self, doc_ids: set[str]) -> set[tuple[str, int]]:
        """(document, page) of the given documents' pages whose text was read by OCR."""
        if not doc_ids:
            return set()
        marks = ",".join("?" * len(doc_ids))
        rows = self.db.execute(
            f"select document_id, number from pages where text_source = 'ocr' and document_id in ({marks})",
            list(doc_ids))
        return set(rows.fetchall())

    def unreadable_documents(self, awaiting_only: bool = False) -> list[dict]:
        """Documents with pages whose text layer was unreadable: how many were OCR'd, how many wait, and why."""
        having = "having sum(p.text_source = 'awaiting_ocr') > 0" if awaiting_only else ""
        return self.db.execute_returning_dicts(
            "select d.id, d.file, d.pages, sum(p.text_source = 'ocr') as ocr, "
            "sum(p.text_source = 'awaiting_ocr') as awaiting, group_concat(distinct p.ocr_reason) as reasons, "
            "round(avg(p.ocr_confidence), 1) as confidence, "
            "(select min(path) from paths where document_id = d.id) as path "
            "from pages p join documents d on d.id = p.document_id where p.ocr_reason is not null "
            f"group by d.id {having} order by d.file"
        )

    def paths_of(self, doc_id: str) -> list[str]:
        return [row[0] for row in self.db.execute("select path from paths where document_id = ? order by path", [doc_id])]

    def document_pages(self, doc_id: str) -> int | None:
        row = self.db.execute("select pages from documents where id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def size_and_mtime(self, path: str) -> tuple[int, int]:
        """As recorded when the path was last read."""
        return self.db.execute("select size, mtime_ns from paths where path = ?", [path]).fetchone()

    def dangling_references(self) -> list[tuple[str, str, str]]:
        return dangling_references(self.db)

    def recover(self) -> int:
        """Bring the search index in line with SQLite after an interrupted run.

        Returns the number of documents (re)indexed.
        """
        in_sqlite = self.indexed_ids()
        pending = self.unindexed_ids()
        orphans = self.fulltext.indexed_doc_ids() - in_sqlite - set(pending)
        if not pending and not orphans:
            return 0
        writer = self.fulltext.writer()
        try:
            writer.delete_documents(orphans | set(pending))
            for doc_id in pending:
                writer.add_records(self.records_for_index(doc_id))
            # Merged, so that records a killed run left deleted-but-counted no longer weigh in
            # ranking: the resumed store answers exactly as a clean one.
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise
        self.mark_indexed(pending)
        return len(pending)

    # -- reading ---------------------------------------------------------------
    def documents(self) -> list[dict]:
        rows = self.db.execute_returning_dicts(
            "select * from documents order by meeting_date is null, meeting_date, file"
        )
        for row in rows:
            row["paths"] = [
                r[0] for r in self.db.execute("select path from paths where document_id = ? order by path", [row["id"]])
            ]
        return rows

    def failures(self) -> list[dict]:
        return self.db.execute_returning_dicts("select * from failures order by path")

    def first_paths(self, doc_ids: set[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        rows = self.db.execute(
            f"select document_id, min(path) from paths where document_id in ({marks}) group by document_id",
            list(doc_ids),
        )
        return dict(rows.fetchall())

    def pending_ids(self) -> set[str]:
        return set(self.unindexed_ids())

    def status(self) -> dict:
        count = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "home": str(self.home),
            "schema_version": self.version(),
            "documents": count("select count(*) from documents"),
            "paths": count("select count(*) from paths"),
            "pages": count("select count(*) from pages"),
            "pages_without_text": count("select count(*) from pages where has_text_layer = 0"),
            "ocr_pages": count("select count(*) from pages where text_source = 'ocr'"),
            "awaiting_ocr_pages": count("select count(*) from pages where text_source = 'awaiting_ocr'"),
            "pending_index": count("select count(*) from documents where indexed = 0"),
            "failures": count("select count(*) from failures"),
            "indexed_pages": self.fulltext.page_count(),
            "size_bytes": _size_of(self.home),
        }


# Tables of records other stores' rows refer to, and the (table, column) that refers to them.
_REFERENCED = {"meetings": ("meeting_documents", "meeting_id"), "indicators": ("observations", "indicator_id"),
               "entities": ("mentions", "entity_id")}


def _insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict], replace: bool = False) -> None:
    """One prepared statement for all rows, values stored as sqlite_utils stores them (lists as JSON):
    sqlite_utils' insert_all re-derives the columns and the SQL for every chunk."""
    if not rows:
        return
    columns = list(dict.fromkeys(key for row in rows for key in row))
    sql = (f"insert {'or replace ' if replace else ''}into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' * len(columns))})")
    db.conn.executemany(sql, [[jsonify_if_needed(row.get(c)) for c in columns] for row in rows])


def _connect(path: Path, read_only: bool = False) -> sqlite_utils.Database:
    if read_only or _read_only(path):
        return sqlite_utils.Database(_read_only_connection(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 10000")
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def _read_only(path: Path) -> bool:
    """A store on a read-only share or in a home the user may only read."""
    folder = path.parent
    if not folder.exists():
        return False
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """mode=ro sees a live writer's WAL; where SQLite cannot make its -shm file beside a
    WAL database, immutable=1 reads the checkpointed file (no writer can exist there)."""
    location = f"file:{quote(str(path))}"
    try:
        conn = sqlite3.connect(f"{location}?mode=ro", uri=True)
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{location}?immutable=1", uri=True)


def _size_of(home: Path) -> int:
    return sum(f.stat().st_size for f in home.rglob("*") if f.is_file())
