"""The full-text engine in PostgreSQL, with FullTextIndex's interface (index/fulltext.py).

One row per search record in search_records: its fields as columns, its words as a tsvector
built with the same analyzer Whoosh uses (so a query matches the same records on both
backends), a GIN index over it, ts_rank for scores and ts_headline for snippets. Queries
arrive as the project's query trees and are translated by query.py.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable

import psycopg
from whoosh import query as wq

from ..fulltext import (
    _COMMITTEE_ANALYZER, _CONTENT_ANALYZER, _PARSER, INDEX_VERSION, MARK_END, MARK_START, Filters, IndexedRecord, RawHit,
)
from .query import committee_sql, lexeme, positive_words, rank_units, to_sql, unweighted
from .schema import SEARCH_TABLES

# ts_rank's weights for {D, C, B, A}: a title word counts twice a content word (Whoosh's field boost).
_WEIGHTS = "{0.1, 0.1, 0.1, 0.2}"
_RANK = f"ts_rank('{_WEIGHTS}', r.tsv, %s::tsquery, 1)"
_HEADLINE = 'StartSel="\x01", StopSel="\x02", MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'
_HIT_COLUMNS = ("doc_id, record, grp, title, number, meeting_id, file, page, last_page, meeting_date, kind, committee, "
                "people, orgs, content, id")
_MAX_POSITION = 16383  # tsvector's last position


class PgFullText:
    def __init__(self, url: str):
        self.url = url
        self.directory = "the search_records table"
        self._conn: psycopg.Connection | None = None
        self._memo: tuple[str | None, dict] = (None, {})

    @property
    def conn(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            from .connection import schema_of

            self._conn = psycopg.connect(self.url, autocommit=True)
            self._conn.execute(f'create schema if not exists "{schema_of(self._conn)}"')
        return self._conn

    def _one(self, sql: str, params=()):
        return self.conn.execute(sql, params).fetchone()

    # -- lifecycle -------------------------------------------------------------
    def exists(self) -> bool:
        return self._one("select to_regclass('search_records') is not null and to_regclass('search_meta') is not null")[0]

    def version(self) -> int | None:
        if not self.exists():
            return None
        row = self._one("select value from search_meta where key = 'version'")
        return int(row[0]) if row else None

    def create(self) -> None:
        with self.conn.transaction():
            self.conn.execute("drop table if exists search_records")
            self.conn.execute("drop table if exists search_meta")
            for sql in SEARCH_TABLES:
                self.conn.execute(sql)
            self.conn.execute("insert into search_meta values ('version', %s), ('generation', '0')", [str(INDEX_VERSION)])

    def ensure(self) -> bool:
        if self.exists() and self.version() == INDEX_VERSION:
            return False
        self.create()
        return True

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- writing ---------------------------------------------------------------
    def writer(self) -> "PgIndexWriter":
        return PgIndexWriter(self.url)

    def indexed_doc_ids(self) -> set[str]:
        if not self.exists():
            return set()
        return {row[0] for row in self.conn.execute("select distinct doc_id from search_records")}

    def page_count(self) -> int:
        if not self.exists():
            return 0
        return self._one("select count(*) from search_records where record = 'page'")[0]

    # -- reading ---------------------------------------------------------------
    def parse(self, text: str) -> wq.Query:
        return _PARSER.parse(text)

    def memo(self, name: str, compute):
        """compute(), kept while no writer has committed since (search_meta's generation)."""
        if not self.exists():
            return compute()
        generation = self._one("select value from search_meta where key = 'generation'")[0]
        if self._memo[0] != generation:
            self._memo = (generation, {})
        kept = self._memo[1]
        if name not in kept:
            kept[name] = compute()
        return kept[name]

    def search(self, q: wq.Query, filters: Filters, limit: int | None, sort_by_date: bool, collapse: bool = True,
               date_keys: dict[str, int] | None = None, skip_groups: set[str] = frozenset()) -> tuple[int, list[RawHit], bool]:
        """(total, hits, whether the total is exact): PostgreSQL counts every match, so always exact."""
        where, params = self._where(q, filters)
        rank, rank_params = self._rank(q)
        # Undated records take their document's stated date; sent only when the order needs it.
        day = "coalesce(nullif(r.date_key, 0), (%s::jsonb ->> r.doc_id)::integer, 0)" if sort_by_date else "0"
        order = "score desc, id" if not sort_by_date else "day desc, score desc, id"
        skip = " and not (r.grp = any(%s))" if skip_groups else ""
        hits = (f"select r.id, r.grp, round(({rank})::numeric, 6) as score, {day} as day from search_records r "
                f"where {where}{skip}")
        dated = [json.dumps(date_keys or {})] if sort_by_date else []
        hit_params = [*rank_params, *dated, *params, *([sorted(skip_groups)] if skip_groups else [])]
        chosen = f"(select distinct on (grp) * from hits order by grp, {order})" if collapse else "hits"
        sql = (f"with hits as ({hits}), chosen as (select * from {chosen} c) "
               f"select id, score, count(*) over () as total from chosen order by {order}"
               + (" limit %s" if limit else ""))
        rows = self.conn.execute(sql, [*hit_params, *([limit] if limit else [])]).fetchall()
        total = rows[0][2] if rows else 0
        if not rows and limit:  # total counted without the limit when none came back
            total = 0
        return total, self._hits(q, [(row[0], float(row[1])) for row in rows]), True

    def count_items(self, q: wq.Query, filters: Filters, collapse: bool) -> int:
        where, params = self._where(q, filters)
        counted = "count(distinct coalesce(r.grp, r.id))" if collapse else "count(*)"
        return self._one(f"select {counted} from search_records r where {where}", params)[0]

    def mark(self, q: wq.Query, hits: list[RawHit]) -> None:
        """Snippets: best_per_meeting's hits have theirs already (ts_headline)."""

    def best_per_meeting(self, q: wq.Query, filters: Filters) -> list[tuple[int, float, RawHit]]:
        where, params = self._where(q, filters)
        rank, rank_params = self._rank(q)
        sql = (f"with hits as (select r.id, coalesce(r.meeting_id, 'document:' || r.doc_id) as meeting, "
               f"round(({rank})::numeric, 6) as score from search_records r where {where}) "
               "select id, score, n from (select distinct on (meeting) id, score, count(*) over (partition by meeting) as n "
               "from hits order by meeting, score desc, id) best order by score desc, id")
        rows = self.conn.execute(sql, [*rank_params, *params]).fetchall()
        hits = self._hits(q, [(row[0], float(row[1])) for row in rows])
        return [(row[2], float(row[1]), hit) for row, hit in zip(rows, hits)]

    def share(self, q: wq.Query) -> float:
        where, params = to_sql(q)
        return min(1.0, self._estimate(where, params) / max(1, self._estimate("true", [])))

    def _estimate(self, where: str, params: list) -> int:
        """Records matching, as the planner estimates them from the column's statistics (its commonest
        words and their shares): no record is read, as Whoosh's estimate reads only its lexicon."""
        plan = self._one(f"explain (format json) select 1 from search_records r where {where}", params)[0]
        return int(plan[0]["Plan"]["Plan Rows"])

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Stored words within two edits of word, commonest first (as Whoosh's corrector ranks them),
        or [] when the index knows the word."""
        stems = [t.text for t in _CONTENT_ANALYZER(word)]
        if not stems or self._one("select exists (select 1 from search_records where tsv @@ %s::tsquery)",
                                  [" | ".join(f"{lexeme(s)}:D" for s in stems)])[0]:
            return []
        from rapidfuzz.distance import Levenshtein

        typed = word.lower()
        close = [(-count, term) for term, count in self.memo("lexicon", self._lexicon)
                 if term != typed and Levenshtein.distance(typed, term, score_cutoff=2) <= 2]
        return [term for _, term in sorted(close)[:limit]]

    def _lexicon(self) -> list[tuple[str, int]]:
        return self.conn.execute("select word, nentry from ts_stat('select tsv from search_records', 'd')").fetchall()

    # -- helpers ---------------------------------------------------------------
    def _rank(self, q: wq.Query) -> tuple[str, list]:
        """The score's SQL: each topic unit's ts_rank, times its rarity in the whole index."""
        units = list(dict.fromkeys(rank_units(q)))
        if not units:
            return "0", []
        weights = self.memo("unit weights", dict)
        missing = [u for u in units if u not in weights]
        if missing:
            everything = self._estimate("true", [])
            for unit in missing:
                weights[unit] = _idf(self._estimate("tsv @@ %s::tsquery", [unweighted(unit)]), everything)
        return " + ".join([f"%s * {_RANK}"] * len(units)), [v for u in units for v in (weights[u], u)]

    def _where(self, q: wq.Query, filters: Filters) -> tuple[str, list]:
        matched, params = to_sql(q)
        kept, more = _filters_sql(filters)
        return f"({matched}) and {kept}", params + more

    def _hits(self, q: wq.Query, ranked: list[tuple[str, float]]) -> list[RawHit]:
        """RawHits of the chosen records, in this order, with ts_headline snippets."""
        if not ranked:
            return []
        words = " | ".join(dict.fromkeys(lexeme(w) for w in positive_words(q))) or "''"
        rows = self.conn.execute(
            f"with asked as (select to_tsquery('english', %s) as q) "
            f"select {_HIT_COLUMNS}, ts_headline('english', coalesce(content, ''), asked.q, %s), "
            f"ts_headline('english', coalesce(title, ''), asked.q, 'HighlightAll=true, StartSel=\"\x01\", StopSel=\"\x02\"') "
            "from search_records, asked where id = any(%s)", [words, _HEADLINE, [i for i, _ in ranked]]).fetchall()
        by_id = {row[15]: row for row in rows}
        return [_raw_hit(by_id[i], score) for i, score in ranked if i in by_id]


def _idf(matched: int, everything: int) -> float:
    """BM25's weight of a unit matched by `matched` of `everything` records: rare words count more."""
    return math.log(1 + (everything - matched + 0.5) / (matched + 0.5))


def _filters_sql(filters: Filters) -> tuple[str, list]:
    clauses, params = [], []

    def add(sql: str, *values):
        clauses.append(sql)
        params.extend(values)

    if filters.doc_ids is not None:
        add("r.doc_id = any(%s)", sorted(filters.doc_ids))
    if filters.kind:
        add("r.kind = %s", filters.kind)
    if filters.records:
        add("r.record = any(%s)", list(filters.records))
    if not filters.include_covered:
        add("not r.covered")
    if filters.people:
        add("r.people && %s", [p.lower() for p in filters.people])
    if filters.orgs:
        add("r.orgs && %s", [o.lower() for o in filters.orgs])
    if filters.committee:
        add(*_unpacked(committee_sql(filters.committee)))
    if filters.since or filters.until:
        low = int(filters.since.replace("-", "")) if filters.since else 0
        high = int(filters.until.replace("-", "")) if filters.until else 99_999_999
        add("((r.date_key > 0 and r.date_key between %s and %s) or r.doc_id = any(%s))", low, high,
            sorted(filters.dated_doc_ids))
    if filters.exclude_doc_ids:
        add("not (r.doc_id = any(%s))", sorted(filters.exclude_doc_ids))
    return " and ".join(clauses) or "true", params


def _unpacked(sql_and_params: tuple[str, list]) -> list:
    sql, params = sql_and_params
    return [sql, *params]


def _raw_hit(row, score: float) -> RawHit:
    (doc_id, record, group, title, number, meeting_id, file, page, last_page, meeting_date, kind, committee,
     people, orgs, content, record_id, headline, title_headline) = row
    snippet = headline if MARK_START in headline else " — ".join(
        part for part in (title_headline if MARK_START in title_headline else "", (content or "")[:200]) if part)
    return RawHit(
        id=record_id, doc_id=doc_id, record=record, group=group, title=title or "", number=number, meeting_id=meeting_id, file=file,
        page=page, last_page=last_page, meeting_date=meeting_date, kind=kind or None, committee=committee,
        score=round(score, 3), snippet=" ".join(snippet.split()), people=list(people or []), orgs=list(orgs or []),
        content=content or "",
    )


class PgIndexWriter:
    """Adds and deletes in one transaction of its own; nothing is visible until commit()."""

    def __init__(self, url: str):
        self._conn = psycopg.connect(url)  # not autocommit: one transaction until commit or cancel

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        ids = sorted(doc_ids)
        if ids:
            self._conn.execute("delete from search_records where doc_id = any(%s)", [ids])

    def add_records(self, records: Iterable[IndexedRecord]) -> None:
        rows = [_row(r) for r in records]
        if not rows:
            return
        with self._conn.cursor() as cursor:
            cursor.executemany(
                "insert into search_records values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "%s, %s, %s::tsvector, %s::tsvector) on conflict (id) do nothing", rows)

    def commit(self, optimize: bool = False) -> None:
        self._conn.execute("update search_meta set value = (value::bigint + 1)::text where key = 'generation'")
        self._conn.commit()
        # The words' statistics, which a search's weights and shares are estimated from (_estimate).
        self._conn.autocommit = True
        self._conn.execute("analyze search_records")
        self._conn.close()

    def cancel(self) -> None:
        self._conn.rollback()
        self._conn.close()


def _row(r: IndexedRecord) -> tuple:
    date_key = int(r.meeting_date.replace("-", "")) if r.meeting_date else 0
    return (r.id, r.doc_id, r.record, r.group or r.id, bool(r.covered), r.file, r.page, r.last_page, r.number or None,
            r.title or "", r.meeting_id or None, [p.lower() for p in r.people], [o.lower() for o in r.orgs],
            r.meeting_date or None, date_key, r.kind or "", r.committee or None, r.text or "",
            words_tsvector([(r.title or "", "A"), (r.text or "", "D")]), words_tsvector([(r.committee or "", "")],
                                                                                         _COMMITTEE_ANALYZER))


def words_tsvector(fields: list[tuple[str, str]], analyzer=_CONTENT_ANALYZER) -> str:
    """A tsvector literal of the fields' words as the analyzer reads them (Whoosh's stems and
    positions), each field after the last so that no phrase spans two."""
    positions: dict[str, list[str]] = {}
    start = 0
    for text, weight in fields:
        last = start
        for token in analyzer(text, positions=True):
            at = min(start + token.pos + 1, _MAX_POSITION)
            last = max(last, at)
            if len(token.text.encode()) < 2047:
                positions.setdefault(token.text, []).append(f"{at}{weight}")
        start = last + 1
    return " ".join(f"{lexeme(word)}:{','.join(at)}" for word, at in positions.items())
