"""The Store over PostgreSQL: the same methods and SQL as index/store.py's, on connection.py's
translating connection, with search_records for the full-text index and an advisory lock."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from ..home import LOCK_NAME
from ..records import RECORD_TABLES
from ..schema import stored_version
from ..store import _REFERENCED, Store, StoreVersionError
from ..swap import rebuild_home
from .connection import PgDatabase
from .fulltext import PgFullText
from .lock import advisory_lock
from .schema import create_pg_schema


class PgStore(Store):
    def __init__(self, home: Path, url: str, read_only: bool = False):
        """home still holds what is the user's own (glossary.tsv, saved searches); the records live at url."""
        self.home = home
        self.url = url
        self._force_read_only = read_only
        self.db_path = _printable(url)  # named in messages, as the SQLite file is
        self.lock_path = home / LOCK_NAME
        self.fulltext = PgFullText(url)
        self._db: PgDatabase | None = None

    @property
    def db(self) -> PgDatabase:
        if self._db is None:
            self._db = PgDatabase(self.url)
        return self._db

    def exists(self) -> bool:
        return self.db.connection.execute("select to_regclass('meta') is not null").fetchone()[0]

    @property
    def read_only(self) -> bool:
        return self._force_read_only

    def version(self) -> int | None:
        return stored_version(self.db) if self.exists() else None

    # -- a rebuild beside: a schema of its own, renamed into place in one transaction
    @property
    def schema(self) -> str:
        return self.db.schema

    def rebuild_target(self) -> "PgStore":
        fresh = PgStore(rebuild_home(self.home), with_schema(self.url, f"{self.schema}{_REBUILD}"))
        with fresh.db.atomic():  # an unfinished rebuild's schema is thrown away
            fresh.db.connection.execute(f'drop schema "{fresh.schema}" cascade')
            fresh.db.connection.execute(f'create schema "{fresh.schema}"')
        fresh.origin = self.schema
        shutil.rmtree(fresh.home, ignore_errors=True)
        return fresh

    def swap_in_rebuilt(self) -> None:
        name, replaced = self.schema, f"{self.schema}__replaced"
        with self.db.atomic():
            run = self.db.connection.execute
            run(f'drop schema if exists "{replaced}" cascade')
            run(f'alter schema "{name}" rename to "{replaced}"')
            run(f'alter schema "{name}{_REBUILD}" rename to "{name}"')
            run(f'drop schema "{replaced}" cascade')
        self.close()

    def keep_old_copy(self, version) -> str:
        kept = f"{self.schema}__schema_{version}"
        with self.db.atomic():
            self.db.connection.execute(f'alter schema "{self.schema}" rename to "{kept}"')
            self.db.connection.execute(f'create schema "{self.schema}"')  # swapped out next, in its place
        return f"schema {kept}"

    def adopt(self, old_db, doc_ids: list[str]) -> None:
        """Copy documents and all their records from the store this one rebuilds (same schema version)."""
        if not doc_ids:
            return
        old = getattr(self, "origin", None)
        if old is None:
            raise StoreVersionError("a PostgreSQL store adopts documents only from the store it rebuilds")
        with self.db.atomic():
            for table in ["documents", "paths", "pages", *_REFERENCED, "meeting_documents", *RECORD_TABLES]:
                where = f'"{"id" if table == "documents" else "document_id"}" = any(%s)'
                if table in _REFERENCED:
                    child, column = _REFERENCED[table]
                    where = f'id in (select "{column}" from "{old}"."{child}" where document_id = any(%s))'
                self.db.connection.execute(
                    f'insert into "{table}" select * from "{old}"."{table}" where {where} on conflict do nothing', [doc_ids])
            self.db.connection.execute("update documents set indexed = 0 where id = any(%s)", [doc_ids])

    def open_for_writing(self, say=lambda text: None) -> None:
        self.home.mkdir(parents=True, exist_ok=True)  # indicators.json, glossary.tsv: the user's files
        create_pg_schema(self.db)
        if self.fulltext.ensure():
            stale = self.db.execute("update documents set indexed = 0").rowcount
            if stale:
                say(f"new search index: re-indexing {stale} documents")

    def writer_lock(self, wait: bool = True, on_wait=None):
        return advisory_lock(self.url, self.db_path, wait=wait, on_wait=on_wait)

    def dangling_references(self) -> list[tuple[str, str, str]]:
        """PostgreSQL enforces every foreign key; only the mentions' items (of two tables) are not keys."""
        return [("mentions", "item_id", row[0]) for row in self.db.execute(
            "select item_id from mentions where item_id is not null "
            "and item_id not in (select id from minute_items union select id from parts)")]

    def status(self) -> dict:
        info = super().status()
        info["home"] = str(self.db_path)
        info["size_bytes"] = self.db.execute(
            "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n "
            "on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'").fetchone()[0]
        return info

    def close(self) -> None:
        self.fulltext.close()
        if self._db is not None:
            self._db.close()
            self._db = None


_REBUILD = "__rebuild"


def with_schema(url: str, schema: str) -> str:
    """The URL with its tables in another schema (libpq's options=-csearch_path=...)."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    options = " ".join(v for k, v in params if k == "options")
    options = re.sub(r"-c\s*search_path=\S+", "", options).strip()
    params = [(k, v) for k, v in params if k != "options"] + [("options", f"{options} -csearch_path={schema}".strip())]
    return parts._replace(query=urlencode(params, quote_via=quote)).geturl()


def _printable(url: str) -> str:
    """The URL without its password."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url
