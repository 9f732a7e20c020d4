"""The store's schema in PostgreSQL: the SQLite schema's tables (index/schema.py, through the
table calls connection.py answers), SQLite's functions the store's SQL uses, and the search table."""
from __future__ import annotations

from ..schema import create_schema
from .connection import PgDatabase

# SQLite functions PostgreSQL lacks, with SQLite's meaning.
FUNCTIONS = [
    """create or replace function _concat_step(acc text, value text, sep text) returns text
       language sql immutable as $$ select case when value is null then acc when acc is null then value
                                            else acc || sep || value end $$""",
    """create or replace function _concat_step(acc text, value text) returns text
       language sql immutable as $$ select _concat_step(acc, value, ',') $$""",
    "create or replace aggregate group_concat(text, text) (sfunc = _concat_step, stype = text)",
    "create or replace aggregate group_concat(text) (sfunc = _concat_step, stype = text)",
    """create or replace function _count_true(acc bigint, value boolean) returns bigint
       language sql immutable as $$ select case when value is null then acc else coalesce(acc, 0) + value::int end $$""",
    "create or replace aggregate sum(boolean) (sfunc = _count_true, stype = bigint)",
    """create or replace function round(value double precision, digits integer) returns double precision
       language sql immutable as $$ select round(value::numeric, digits)::double precision $$""",
    # min(a, b) and max(a, b) of two values: null when either is
    """create or replace function min(a text, b text) returns text language sql immutable as
       $$ select case when a is null or b is null then null when a <= b then a else b end $$""",
    """create or replace function max(a text, b text) returns text language sql immutable as
       $$ select case when a is null or b is null then null when a >= b then a else b end $$""",
    # cast('12a' as integer) is 12 in SQLite, 0 for no leading digits
    """create or replace function _as_integer(value text) returns bigint language sql immutable as
       $$ select case when value is null then null
                 else coalesce(substring(ltrim(value) from '^[+-]?[0-9]{1,18}')::bigint, 0) end $$""",
    """create or replace function _as_integer(value double precision) returns bigint language sql immutable as
       $$ select trunc(value)::bigint $$""",
    """create or replace function _as_integer(value bigint) returns bigint language sql immutable as
       $$ select value $$""",
]


def create_pg_schema(db: PgDatabase) -> None:
    with db.atomic():
        for sql in FUNCTIONS:
            db.connection.execute(sql)
        create_schema(db)
        # The collection pass regroups observations by their label (Store.replace_indicators), one
        # update per label: without an index each reads every observation (5 s at 30,000 pages).
        db["observations"].create_index(["indicator"], if_not_exists=True)
        for table in ("links", "followups"):  # a council's follow-ups are replaced whole when it is re-traced
            db[table].create_index(["council"], if_not_exists=True)


SEARCH_TABLES = [
    """create table if not exists search_meta (key text primary key, value text)""",
    """create table if not exists search_records (
         id text collate "C" primary key, doc_id text collate "C" not null, record text not null,
         grp text collate "C" not null, covered boolean not null, file text collate "C", page integer,
         last_page integer, number text, title text, meeting_id text collate "C", people text[], orgs text[],
         meeting_date text, date_key integer not null, kind text, committee text, content text,
         -- title words weighted A, content words D, positions as Whoosh's analyzer numbers them
         tsv tsvector not null, committee_tsv tsvector not null)""",
    "create index if not exists search_records_tsv on search_records using gin (tsv)",
    "create index if not exists search_records_doc on search_records (doc_id)",
]
