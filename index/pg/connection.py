"""A PostgreSQL connection that reads the store's SQL as SQLite would.

The store, its queries and the follow-up tracer write SQLite's dialect (`?` parameters,
`[name]` quoting, `insert or replace`, `group_concat`, `cast(x as integer)`, `where 1`) and call
a few sqlite-utils table methods. Both are translated here, once per statement, so those
modules serve both backends unchanged; functions SQLite has and PostgreSQL lacks are
defined in the store's schema (schema.py).
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

import psycopg
from psycopg.adapt import Dumper, Loader

# A hidden insertion-order column on every table: SQLite's rowid, which `order by rowid` reads.
ROWID = "rowid"


class _Untyped(Dumper):
    """Numbers sent as untyped literals: the server gives them the type their column or function
    wants, as SQLite's loose typing does (a page number compared with a text column, a bool stored as 0/1)."""

    oid = 0

    def dump(self, obj):
        return str(int(obj) if isinstance(obj, bool) else obj).encode()


class _Number(Loader):
    """numeric (sums, averages) as SQLite returns them: int when whole, else float."""

    def load(self, data):
        text = bytes(data).decode()
        return float(text) if any(c in text for c in ".eEN") else int(text)


def connect(url: str) -> psycopg.Connection:
    """An autocommit connection in the URL's schema (created if missing), with SQLite's typing."""
    conn = psycopg.connect(url, autocommit=True)
    for python_type in (int, float, bool):
        conn.adapters.register_dumper(python_type, _Untyped)
    conn.adapters.register_loader("numeric", _Number)
    schema = schema_of(conn)
    conn.execute(f'create schema if not exists "{schema}"')
    return conn


def schema_of(conn: psycopg.Connection) -> str:
    """The first schema of the search path: where this store's tables live."""
    first = conn.execute("show search_path").fetchone()[0].split(",")[0].strip().strip('"')
    return "public" if first in ("$user", "") else first


class PgDatabase:
    """The subset of sqlite_utils.Database the store uses, over PostgreSQL."""

    def __init__(self, url: str):
        self.url = url
        self.connection = connect(url)
        self.schema = schema_of(self.connection)
        self.conn = _Conn(self)
        self._keys: dict[str, list[str]] = {}

    def execute(self, sql: str, parameters: Sequence | None = None) -> psycopg.Cursor:
        return self.connection.execute(self.translate(sql), _values(parameters or ()))

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        rows = [_values(row) for row in rows]
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(self.translate(sql), rows)

    def execute_returning_dicts(self, sql: str, parameters: Sequence | None = None) -> list[dict]:
        return rows_as_dicts(self.execute(sql, parameters))

    def translate(self, sql: str) -> str:
        return _translated(sql, self.primary_key)

    @contextmanager
    def atomic(self):
        with self.connection.transaction():
            yield self

    def __getitem__(self, name: str) -> "PgTable":
        return PgTable(self, name)

    def table_names(self) -> list[str]:
        rows = self.connection.execute(
            "select table_name from information_schema.tables where table_schema = %s order by table_name", [self.schema])
        return [row[0] for row in rows]

    def primary_key(self, table: str) -> list[str]:
        if table not in self._keys:
            self._keys[table] = [row[0] for row in self.connection.execute(
                "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid "
                "and a.attnum = any(i.indkey) where i.indrelid = %s::regclass and i.indisprimary "
                "order by array_position(i.indkey, a.attnum)", [f'"{self.schema}"."{table}"'])]
        return self._keys[table]

    def close(self) -> None:
        self.connection.close()


class _Conn:
    """db.conn as the store uses it: executemany, in SQLite's dialect."""

    def __init__(self, db: PgDatabase):
        self._db = db

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        self._db.executemany(sql, rows)

    def execute(self, sql: str, parameters: Sequence | None = None):
        return self._db.execute(sql, parameters)


def rows_as_dicts(cursor) -> list[dict]:
    if cursor.description is None:
        return []
    names = [column.name for column in cursor.description]
    keep = [i for i, name in enumerate(names) if name != ROWID]
    return [{names[i]: row[i] for i in keep} for row in cursor.fetchall()]


def _values(row: Sequence) -> list:
    """Parameters as sqlite-utils stores them: lists and dicts as JSON."""
    return [json.dumps(v, default=repr) if isinstance(v, (list, dict, tuple)) else v for v in row]


class PgTable:
    """db[table]: the sqlite-utils calls the schema and the store make."""

    # Text compares byte by byte, as SQLite's BINARY collation does: the same order by, min and max.
    _TYPES = {str: 'text collate "C"', int: "bigint", float: "double precision", bool: "bigint"}

    def __init__(self, db: PgDatabase, name: str):
        self.db, self.name = db, name

    def create(self, columns: dict, pk, foreign_keys=(), not_null=(), if_not_exists: bool = False) -> None:
        keys = [pk] if isinstance(pk, str) else list(pk)
        lines = [f'"{c}" {self._TYPES.get(t, self._TYPES[str])}{" not null" if c in not_null else ""}' for c, t in columns.items()]
        lines.append(f"{ROWID} bigserial")
        lines.append(f"primary key ({', '.join(_quoted(keys))})")
        # Deferrable, so a transaction may replace rows others refer to (SQLite's defer_foreign_keys).
        lines += [f'foreign key ("{column}") references "{table}" ("{other}") deferrable initially immediate'
                  for column, table, other in foreign_keys]
        exists = "if not exists " if if_not_exists else ""
        self.db.connection.execute(f'create table {exists}"{self.name}" ({", ".join(lines)})')

    def create_index(self, columns: list[str], if_not_exists: bool = False) -> None:
        name = f"idx_{self.name}_{'_'.join(columns)}"
        exists = "if not exists " if if_not_exists else ""
        self.db.connection.execute(f'create index {exists}"{name}" on "{self.name}" ({", ".join(_quoted(columns))})')

    @property
    def columns_dict(self) -> dict[str, str]:
        rows = self.db.connection.execute(
            "select column_name, data_type from information_schema.columns where table_schema = %s and table_name = %s "
            "and column_name != %s order by ordinal_position", [self.db.schema, self.name, ROWID])
        return dict(rows.fetchall())

    def enable_fts(self, *args, **kwargs) -> None:
        """SQLite's FTS5 tables serve Datasette; PostgreSQL's full text lives in search_records."""

    def populate_fts(self, *args, **kwargs) -> None:
        pass

    def get(self, key):
        keys = self.db.primary_key(self.name)
        values = list(key) if isinstance(key, (tuple, list)) else [key]
        where = " and ".join(f'"{k}" = %s' for k in keys)
        rows = rows_as_dicts(self.db.connection.execute(f'select * from "{self.name}" where {where}', _values(values)))
        if not rows:
            from sqlite_utils.db import NotFoundError

            raise NotFoundError(f"{self.name} {key!r}")
        return rows[0]

    def upsert(self, row: dict, pk=None) -> None:
        self.insert_all([row], replace=True, upsert=True)

    def insert(self, row: dict, pk=None, ignore: bool = False, replace: bool = False) -> None:
        self.insert_all([row], ignore=ignore, replace=replace)

    def insert_all(self, rows: Iterable[dict], pk=None, replace: bool = False, ignore: bool = False,
                   upsert: bool = False) -> None:
        rows = list(rows)
        if not rows:
            return
        columns = list(dict.fromkeys(key for row in rows for key in row))
        keys = self.db.primary_key(self.name)
        marks = ", ".join(["%s"] * len(columns))
        sql = f'insert into "{self.name}" ({", ".join(_quoted(columns))}) values ({marks})'
        if replace or upsert:
            sql += _on_conflict_update(self.name, keys, columns, renumber=not upsert)
        elif ignore:
            sql += " on conflict do nothing"
        with self.db.connection.cursor() as cursor:
            cursor.executemany(sql, [_values([row.get(c) for c in columns]) for row in rows])


def _quoted(names: Iterable[str]) -> list[str]:
    return [f'"{n}"' for n in names]


def _on_conflict_update(table: str, keys: list[str], columns: list[str], renumber: bool) -> str:
    """SQLite's `insert or replace` (renumber: the row moves to the end, as a deleted and re-inserted
    row does there) or sqlite-utils' upsert (the row keeps its place)."""
    sets = [f'"{c}" = excluded."{c}"' for c in columns if c not in keys]
    if renumber:
        sets.append(f"{ROWID} = nextval(pg_get_serial_sequence('\"{table}\"', '{ROWID}'))")
    if not sets:
        return " on conflict do nothing"
    return f" on conflict ({', '.join(_quoted(keys))}) do update set {', '.join(sets)}"


# -- SQLite's dialect to PostgreSQL's ------------------------------------------
_LITERAL = re.compile(r"('(?:[^']|'')*'|\"[^\"]*\")")
_CAST_INTEGER = re.compile(r"\bcast\(([^()]*?) as integer\)", re.I)
_TRUE = re.compile(r"\b(where|and|or|on)\s+1\b(?!\s*[=<>!+\-*/.])", re.I)
_LIKE = re.compile(r"\blike\b", re.I)
_IS_PARAM = re.compile(r"\bis\s+(not\s+)?\?", re.I)
_OR_CONFLICT = re.compile(r"^\s*insert\s+or\s+(replace|ignore)\s+into\s+\"?(\w+)\"?\s*(\(([^)]*)\))?", re.I | re.S)
# The server keeps its own pages whole (checksums, WAL); SQLite's page check has nothing to ask it.
_PRAGMAS = {"pragma defer_foreign_keys = on": "set constraints all deferred", "pragma quick_check": "select 'ok'"}


def _translated(sql: str, keys_of) -> str:
    return _or_conflict(_translate(sql), keys_of)


@functools.lru_cache(maxsize=4096)
def _translate(sql: str) -> str:
    pragma = _PRAGMAS.get(" ".join(sql.lower().split()))
    if pragma:
        return pragma
    parts = _LITERAL.split(sql)
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a quoted literal or identifier
            out.append(part.replace("%", "%%"))
            continue
        part = part.replace("%", "%%")
        part = _IS_PARAM.sub(lambda m: "is distinct from ?" if m.group(1) else "is not distinct from ?", part)
        part = re.sub(r"\[(\w+)\]", r'"\1"', part)
        part = _CAST_INTEGER.sub(r"_as_integer(\1)", part)
        part = _TRUE.sub(r"\1 true", part)
        part = _LIKE.sub("ilike", part)  # SQLite's like ignores ASCII case
        out.append(part.replace("?", "%s"))
    return _aliased("".join(out))


_SUBQUERY = re.compile(r"\bfrom\s*\(", re.I)
_NOT_ALIAS = re.compile(r"\s*(\)|$|where\b|order\b|group\b|limit\b|union\b|join\b|left\b|inner\b|cross\b|,)", re.I)


def _aliased(sql: str) -> str:
    """PostgreSQL 15 wants a name for every subquery in from; SQLite does not."""
    out, at, count = [], 0, 0
    for found in _SUBQUERY.finditer(sql):
        if found.start() < at:
            continue
        depth, end = 0, found.end() - 1
        for end in range(found.end() - 1, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            if depth == 0:
                break
        out.append(sql[at:end + 1])
        at = end + 1
        if _NOT_ALIAS.match(sql, at):
            count += 1
            out.append(f" as _subquery{count}")
    return "".join(out) + sql[at:]


def _or_conflict(sql: str, keys_of) -> str:
    found = _OR_CONFLICT.match(sql)
    if not found:
        return sql
    action, table, columns = found.group(1).lower(), found.group(2), found.group(4)
    sql = f'insert into "{table}"{" (" + columns + ")" if columns else ""}' + sql[found.end():]
    if action == "ignore":
        return sql + " on conflict do nothing"
    names = [c.strip().strip('"') for c in (columns or "").split(",") if c.strip()]
    return sql + _on_conflict_update(table, list(keys_of(table)), names, renumber=True)
