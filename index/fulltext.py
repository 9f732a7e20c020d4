"""The full-text engine behind a small interface: add, delete by document, search, suggest.

Whoosh is the engine today; nothing outside this module imports it, so another
engine can replace it without touching extract/, search/ or the CLI.
"""
from __future__ import annotations

import heapq
import shutil
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import numpy as np
from whoosh import collectors, highlight, index, query as wq, searching
from whoosh.filedb.filestore import FileStorage
from whoosh.analysis import StemmingAnalyzer
from whoosh.codec import whoosh3
from whoosh.matching import CoordMatcher, IntersectionMatcher, Matcher, NullMatcher, UnionMatcher
from whoosh.util import make_binary_tree
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.qparser import MultifieldParser

from . import fulltext_vectors
from .fulltext_writer import cheap_writer


def _keep_missing_columns(cached_reader):
    """Whoosh looks on disk for a field's lengths column at every posting of a field that has none
    (a stat call per posting, at each commit); a segment's files never change, so the answer is kept."""

    def kept(self, fieldname, column):
        if fieldname not in self._readers:
            self._readers[fieldname] = cached_reader(self, fieldname, column)
        return self._readers[fieldname]

    return kept


whoosh3.W3PerDocReader._cached_reader = _keep_missing_columns(whoosh3.W3PerDocReader._cached_reader)

INDEX_VERSION = 10
_VERSION_FILE = "VERSION"
MARK_START, MARK_END = "\x01", "\x02"


def _schema() -> Schema:
    return Schema(
        # sortable: ties in score are ordered by id, read from its column rather than stored fields
        id=ID(unique=True, stored=True, sortable=True),
        doc_id=ID(stored=True, sortable=True),
        # page, minute, agenda, resolution, recommendation, request
        record=ID(stored=True),
        # results collapse on this: one meeting's item with its report pages, decisions and requests
        group=ID(stored=True, sortable=True),
        # a page whose text item records already cover (minutes, agenda front sheet)
        covered=BOOLEAN(stored=False),
        file=ID(stored=True),
        page=NUMERIC(stored=True, sortable=True),
        last_page=NUMERIC(stored=True),
        number=ID(stored=True),
        title=TEXT(analyzer=StemmingAnalyzer(), stored=True, field_boost=2.0),
        meeting_id=ID(stored=True, sortable=True),
        people=KEYWORD(stored=True, commas=True, lowercase=True, scorable=False),
        orgs=KEYWORD(stored=True, commas=True, lowercase=True, scorable=False),
        meeting_date=DATETIME(stored=True),
        # yyyymmdd, 0 when unknown: sorts undated pages last, which DATETIME cannot.
        date_key=NUMERIC(sortable=True, default=0),
        kind=ID(stored=True),
        committee=TEXT(stored=True),
        # chars=True stores match offsets, so snippets come from them instead of re-analysing each page.
        content=TEXT(analyzer=StemmingAnalyzer(), stored=True, phrase=True, chars=True),
    )


SEARCHABLE_FIELDS = frozenset(_schema().names())
_PARSER = MultifieldParser(["content", "title"], _schema())
_COMMITTEE_ANALYZER = _schema()["committee"].analyzer
_CONTENT_ANALYZER = _schema()["content"].analyzer


@dataclass
class IndexedRecord:
    """One search document: a page or an item, with the meeting it belongs to."""

    id: str
    doc_id: str
    record: str
    file: str
    page: int
    text: str
    title: str = ""
    group: str = ""
    last_page: int | None = None
    number: str | None = None
    meeting_id: str | None = None
    meeting_date: str | None = None
    kind: str | None = None
    committee: str | None = None
    covered: bool = False
    people: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)


@dataclass
class Filters:
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    kind: str | None = None
    committee: str | None = None
    exclude_doc_ids: set[str] = field(default_factory=set)
    records: tuple[str, ...] | None = None  # record types to keep; None: all
    include_covered: bool = False  # pages whose items are indexed too
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    doc_ids: frozenset[str] | None = None  # only these documents (a council's); None: all
    # Undated documents whose stated month or year lies in since..until pass the date filter too.
    dated_doc_ids: frozenset[str] = frozenset()

    def without(self, name: str) -> "Filters":
        """These filters less one of them (diagnosing a filter that removed every hit)."""
        cleared = {"dates": {"since": None, "until": None, "dated_doc_ids": frozenset()}}.get(name, {name: None})
        return replace(self, **cleared)


@dataclass
class RawHit:
    id: str  # the record's
    doc_id: str
    record: str
    group: str
    title: str
    number: str | None
    meeting_id: str | None
    file: str
    page: int
    last_page: int | None
    meeting_date: str | None
    kind: str | None
    committee: str | None
    score: float
    snippet: str  # matches wrapped in MARK_START / MARK_END
    people: list[str] = field(default_factory=list)  # entity ids
    orgs: list[str] = field(default_factory=list)
    content: str = field(default="", repr=False)  # the record's text, to tell copies of one text apart


class IndexDamaged(Exception):
    pass


class FullTextIndex:
    def __init__(self, directory: Path):
        self.directory = directory
        self._searcher = None

    # -- lifecycle -------------------------------------------------------------
    def exists(self) -> bool:
        return index.exists_in(str(self.directory))

    def version(self) -> int | None:
        marker = self.directory / _VERSION_FILE
        return int(marker.read_text()) if marker.exists() else None

    def create(self) -> None:
        self.close()
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True)
        index.create_in(str(self.directory), _schema())
        (self.directory / _VERSION_FILE).write_text(str(INDEX_VERSION))

    def ensure(self) -> bool:
        """Create the index if missing or of another version; True if it was (re)created."""
        if self.exists() and self.version() == INDEX_VERSION:
            return False
        self.create()
        return True

    def _open(self, mapped: bool = True):
        with self._damage_named():
            return FileStorage(str(self.directory), supports_mmap=mapped).open_index()

    @contextmanager
    def _damage_named(self):
        """Whoosh meets a deleted or garbled segment with many kinds of error; say one thing."""
        try:
            yield
        except (OSError, ValueError, EOFError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise IndexDamaged(
                f"the search index at {self.directory} is damaged ({type(exc).__name__}): "
                "run `papers check` to rebuild it from the database"
            ) from None

    def _reader(self):
        # Read, not mapped, as the writer: the bookkeeping of an ingest (which records are indexed)
        # would otherwise map the index's segments into the writing process as the archive grows.
        with self._damage_named():
            return self._open(mapped=False).reader()

    @contextmanager
    def _searching(self):
        """A searcher kept between queries and refreshed when the index changed.

        Opening the index costs a few milliseconds a query; a process that
        asks many questions (the benchmark, a server) pays it once.
        """
        if self._searcher is not None and not self._searcher.up_to_date():
            self.close()  # not Searcher.refresh(): it fails on a searcher of an empty index
        if self._searcher is None:
            with self._damage_named():
                self._searcher = self._open().searcher()
        yield self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    # -- writing ---------------------------------------------------------------
    def writer(self) -> "IndexWriter":
        # Read, not mapped: a merge reads every segment it merges, and mapped pages of a growing
        # index would count in the writing process's memory as the archive grows.
        return IndexWriter(self._open(mapped=False))

    def indexed_doc_ids(self) -> set[str]:
        if not self.exists():
            return set()
        # The lexicon keeps terms of deleted pages until a merge; the column
        # read over live documents does not.
        with self._reader() as reader:
            if not reader.doc_count():
                return set()
            column = reader.column_reader("doc_id")
            return {column[docnum] for docnum in reader.all_doc_ids()}

    def page_count(self) -> int:
        """Pages in the index (item records not counted)."""
        if not self.exists():
            return 0
        with self._damage_named(), self._open().searcher() as searcher:
            # doc_frequency would count deleted pages until a merge; a search skips them.
            return searcher.search(wq.Term("record", "page"), limit=None, scored=False).scored_length()

    # -- reading ---------------------------------------------------------------
    def parse(self, text: str) -> wq.Query:
        return _PARSER.parse(text)

    def memo(self, name: str, compute):
        """compute(), kept while the index is unchanged: what a search reads from the database
        (stated periods, council names) changes only when documents are indexed or removed."""
        if not self.exists():
            return compute()
        with self._searching() as searcher:
            kept = searcher.__dict__.setdefault("_panel_memo", {})
            if name not in kept:
                kept[name] = compute()
            return kept[name]

    def search(
        self, q: wq.Query, filters: Filters, limit: int | None, sort_by_date: bool, collapse: bool = True,
        date_keys: dict[str, int] | None = None, skip_groups: set[str] = frozenset(),
    ) -> tuple[int, list[RawHit], bool]:
        """Total matches (items when collapsing), the top hits with highlighted snippets, and
        whether the total is exact (past _COUNTED matching records it is a lower bound).

        date_keys (yyyymmdd by document) dates undated documents for sort_by_date;
        skip_groups leaves out items already shown (a fallback query's second pass).
        """
        with self._searching() as searcher:
            if limit and not sort_by_date:
                top, total, exact = _best_first(searcher, q, filters, limit, collapse, skip_groups)
                return total, _highlighted(searcher, q, top), exact
            if limit and collapse:
                top, total = _newest_items(searcher, q, filters, limit, skip_groups, date_keys or {})
                return total, _highlighted(searcher, q, top), True
            ranked = _ranked(searcher, q, filters)
            if sort_by_date:
                ranked = _newest_first(searcher, ranked, date_keys or {})
            # Collapsed here, not by Whoosh: its collapse is silently skipped when a filter is set.
            chosen = _one_per_group(searcher, ranked, skip_groups) if collapse else ranked
            top = chosen[:limit] if limit else chosen
            return len(chosen), _highlighted(searcher, q, top), True

    def count_items(self, q: wq.Query, filters: Filters, collapse: bool) -> int:
        """Matching records, or items when collapsing, counted exactly (a filter's diagnosis quotes it)."""
        with self._searching() as searcher:
            found = _every_match(searcher, q, filters)
            docs = found[0].tolist() if found else [d for _, d in _run(searcher, q, filters, scored=False).top_n]
            return len({_column(searcher, "group")[d] for d in docs}) if collapse else len(docs)

    def best_per_meeting(self, q: wq.Query, filters: Filters) -> list[tuple[int, float, RawHit]]:
        """Per meeting (or per undated document): (matching records, best score, best hit), best first.

        The hits have no snippets yet (mark() makes them): most meetings found are
        passing mentions or copies that are never shown."""
        with self._searching() as searcher:
            found = _PerMeeting(searcher)
            every = _every_match(searcher, q, filters)
            if every is None:
                searcher.search_with_collector(_unions_that_skip(q), _filtered(searcher, filters, found))
            else:
                _per_meeting(searcher, *every, found)
            ids = _column(searcher, "id")
            order = sorted(found.best, key=lambda k: (-found.best[k][1], ids[found.best[k][2]]))
            hits = _records(searcher, [found.best[k][1:] for k in order])
            return [(found.counts[k], found.best[k][1], hit) for k, hit in zip(order, hits)]

    def mark(self, q: wq.Query, hits: list[RawHit]) -> None:
        """Give each hit its snippet: a passage or two, q's matches marked."""
        with self._searching() as searcher:
            _mark(searcher, q, hits)

    def share(self, q: wq.Query) -> float:
        """About what share of the records a query matches, from the lexicon alone (no search)."""
        with self._searching() as searcher:
            reader = searcher.reader()
            return min(1.0, q.estimate_size(reader) / max(1, reader.doc_count()))

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Spellings close to word, or [] when the index knows the word (nothing to correct)."""
        with self._searching() as searcher:
            stems = [t.text for t in _CONTENT_ANALYZER(word)]
            if not stems or any(searcher.doc_frequency("content", stem) for stem in stems):
                return []
            return searcher.corrector("content").suggest(word.lower(), limit=limit)


def _run(searcher, q: wq.Query, filters: Filters, limit: int | None = None, scored: bool = True):
    return searcher.search(_unions_that_skip(q), limit=limit, scored=scored, **_restrictions(searcher, filters))


def _best_first(searcher, q, filters: Filters, limit: int, collapse: bool, skip: set[str]) -> tuple[list, int, bool]:
    """The best `limit` hits (items when collapsing) and the total (exact, or a lower bound)."""
    every = _every_match(searcher, q, filters)
    if every is None:
        return _best_first_by_whoosh(searcher, q, filters, limit, collapse, skip)
    numbers, scores = every
    groups, seen, chosen = _column(searcher, "group") if len(numbers) else None, set(skip), []
    for score, docnum in _in_rank_order(searcher, numbers, scores):
        if collapse:
            group = groups[docnum]
            if group in seen:
                continue
            seen.add(group)
        chosen.append((score, docnum))
        if len(chosen) == limit:
            break
    return chosen, *_counted(searcher, numbers[:_COUNTED].tolist(), len(numbers) < _COUNTED, collapse, skip)


def _best_first_by_whoosh(searcher, q, filters: Filters, limit: int, collapse: bool, skip: set[str]):
    if not collapse:
        return _ranked(searcher, q, filters)[:limit], *_total(searcher, q, filters, collapse, skip)
    best = _BestPerItem(searcher, skip)
    searcher.search_with_collector(_unions_that_skip(q), _filtered(searcher, filters, best))
    return best.chosen(limit), *_total(searcher, q, filters, collapse, skip)


def _ranked(searcher, q, filters: Filters) -> list[tuple[float, int]]:
    """Every match, as a full ranking orders them."""
    every = _every_match(searcher, q, filters)
    if every is None:
        return _ties_in_order(searcher, _run(searcher, q, filters).top_n)
    return list(_in_rank_order(searcher, *every))


def _every_match(searcher, q, filters: Filters):
    """(record numbers in index order, scores) of every record q matches behind the filters, or None
    when q has a part only Whoosh's matchers score."""
    found = fulltext_vectors.scored(searcher, _unions_that_skip(q), (_Union, _KnownPhrase))
    if found is None:
        return None
    numbers, scores = found
    restrictions = _restrictions(searcher, filters)
    keep = np.ones(len(numbers), dtype=bool)
    if restrictions["filter"] is not None:
        keep &= np.isin(numbers, _as_array(searcher, restrictions["filter"]))
    if restrictions.get("mask") is not None:
        keep &= ~np.isin(numbers, _as_array(searcher, restrictions["mask"]))
    return numbers[keep], scores[keep]


def _as_array(searcher, records: set[int]) -> np.ndarray:
    """A filter's records as an array, made once per filter set a searcher keeps."""
    kept = searcher.__dict__.setdefault("_panel_arrays", {})
    if id(records) not in kept or kept[id(records)][0] is not records:
        if len(kept) >= _CACHED_FILTERS:
            kept.clear()
        kept[id(records)] = (records, np.fromiter(records, dtype=np.int64, count=len(records)))
    return kept[id(records)][1]


def _in_rank_order(searcher, numbers: np.ndarray, scores: np.ndarray):
    """(score, record) pairs best first, ties (equal at 6 decimals) by record id, made as they are asked for."""
    order = np.argsort(-scores, kind="stable")
    ids = _column(searcher, "id") if len(order) else None
    tied, rank = [], None
    for start in range(0, len(order), 256):
        chunk = order[start:start + 256]
        for score, docnum in zip(scores[chunk].tolist(), numbers[chunk].tolist()):
            if round(score, 6) != rank:
                yield from sorted(tied, key=lambda pair: ids[pair[1]]) if len(tied) > 1 else tied
                tied, rank = [], round(score, 6)
            tied.append((score, docnum))
    yield from sorted(tied, key=lambda pair: ids[pair[1]]) if len(tied) > 1 else tied


class _BestPerItem(collectors.UnlimitedCollector):
    """Each item's best record (ties in score by record id), as a full ranking then one record
    per item gives them: for queries only Whoosh's matchers score."""

    def __init__(self, searcher, skip: set[str]):
        super().__init__()
        self.searcher, self.skip = searcher, skip
        self.best: dict[str, tuple[float, float, int]] = {}  # item: (score rounded as ties are, score, record)

    def collect(self, sub_docnum):
        docnum, score = self.offset + sub_docnum, self.matcher.score()
        group = _column(self.searcher, "group")[docnum]  # an empty index has no columns to open early
        if group in self.skip:
            return
        rank, kept, ids = round(score, 6), self.best.get(group), _column(self.searcher, "id")
        if kept is None or rank > kept[0] or (rank == kept[0] and ids[docnum] < ids[kept[2]]):
            self.best[group] = (rank, score, docnum)

    def chosen(self, limit: int) -> list[tuple[float, int]]:
        if not self.best:
            return []
        ids = _column(self.searcher, "id")
        order = sorted(self.best.values(), key=lambda kept: (-kept[0], ids[kept[2]]))
        return [(score, docnum) for _, score, docnum in order[:limit]]


_COUNTED = 1000  # matching records counted, at most, for a search's total


def _total(searcher, q, filters: Filters, collapse: bool, skip: set[str]) -> tuple[int, bool]:
    """Matching records, or items when collapsing, counted without scoring them, and whether that
    is all of them: counting every match would make each search as slow as the archive is large,
    so past _COUNTED records the count stops and is a lower bound."""
    counter = _Counting(_COUNTED)
    try:
        searcher.search_with_collector(_unions_that_skip(q), _filtered(searcher, filters, counter))
        complete = True
    except _Enough:
        complete = False
    return _counted(searcher, counter.items, complete, collapse, skip)


def _counted(searcher, first, complete: bool, collapse: bool, skip: set[str]) -> tuple[int, bool]:
    """The total _total gives from the first _COUNTED matching records (in index order)."""
    if not collapse or not len(first):
        return len(first), complete
    groups = _column(searcher, "group")
    return len({groups[d] for d in first} - set(skip)), complete


class _Enough(Exception):
    """Enough matching records were counted to estimate the rest."""


class _Counting(collectors.UnsortedCollector):
    """Record numbers of matches, in index order, until there are `budget` of them."""

    def __init__(self, budget: int):
        super().__init__()
        self.budget = budget

    def collect(self, sub_docnum):
        self.items.append(self.offset + sub_docnum)
        if len(self.items) >= self.budget:
            raise _Enough


def _unions_that_skip(q: wq.Query) -> wq.Query:
    """Every Or as a tree of unions, which an enclosing And can skip through.

    On a small index Whoosh preloads each Or's every posting, phrase checks
    included: a glossary concept's forms ("children looked after", "looked
    after children", CLA, ...) were read in full on every search.
    """
    if type(q) is wq.Or:  # Or.apply would drop the coordination scale
        return _Union([_unions_that_skip(sub) for sub in q.subqueries], boost=q.boost, scale=q.scale)
    if type(q) is wq.Phrase:
        return _KnownPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost, char_ranges=q.char_ranges)
    return q.apply(_unions_that_skip)


class _Union(wq.Or):
    """Whoosh's tree of unions, its coordination bonus counting the query's words as the query has them."""

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        union = self._tree_matcher(subs, UnionMatcher, searcher, context, lambda q: q.estimate_size(reader))
        return _Coordinated(union, self.scale) if self.scale and any(union.term_matchers()) else union


class _Coordinated(CoordMatcher):
    """Whoosh's coordination bonus, with the number of words fixed when the matcher is made.

    Whoosh recounts the words when it prunes a union that can no longer reach
    the best results, so records found after a pruning scored higher than a
    full ranking scores them, and the best results depended on when it pruned.
    """

    def __init__(self, child, scale: float, termcount: int | None = None):
        super().__init__(child, scale=scale)
        self._termcount = self._termcount if termcount is None else termcount

    def _replacement(self, newchild):
        return _Coordinated(newchild, self._scale, self._termcount)

    def replace(self, minquality=0):
        """Pruned against what the words' own scores must reach: the bonus can add up to
        (n-1)/(n-scale)^2 before the whole is scaled by (n-1)/n."""
        n = self._termcount
        if not minquality or n < 2:
            return super().replace(minquality)
        needed = minquality * n / (n - 1) - (n - 1) / (n - self._scale) ** 2
        return super().replace(max(0.0, needed))


def _ties_in_order(searcher, ranked: list[tuple]) -> list[tuple]:
    """Equal scores ordered by record id, not by where a record sits in the index: the order
    documents happened to be stored in (workers finish in any order) never changes an answer."""
    scores = [round(score, 6) for score, _ in ranked]
    tied = {s for s, n in Counter(scores).items() if n > 1}
    if not tied:
        return ranked
    ids = _column(searcher, "id")
    return sorted(ranked, key=lambda pair: (-round(pair[0], 6), ids[pair[1]] if round(pair[0], 6) in tied else ""))


def _column(searcher, name: str):
    """A field's column, opened once per searcher: opening one reads an offset for every record."""
    kept = searcher.__dict__.setdefault("_panel_columns", {})
    if name not in kept:
        kept[name] = searcher.reader().column_reader(name)
    return kept[name]


def _sparse(column, searcher, docnum: int, name: str):
    """A column value of a field some records lack. Whoosh writes no entry for records
    without it at the end of a segment, so reading one there overruns the column."""
    try:
        return column[docnum]
    except IndexError:
        return searcher.stored_fields(docnum).get(name)


def _newest_first(searcher, ranked: list[tuple], date_keys: dict[str, int]) -> list[tuple]:
    """Newest meeting first, undated records (key 0) last, by score within a date."""
    if not ranked:
        return ranked
    keys, docs = _column(searcher, "date_key"), _column(searcher, "doc_id")

    def key(pair):
        stored = keys[pair[1]]  # an unset key reads back as the column's minimum, not 0
        return (stored if stored > 0 else date_keys.get(docs[pair[1]], 0), pair[0])

    return sorted(ranked, key=key, reverse=True)


def _newest_items(searcher, q, filters: Filters, limit: int, skip: set[str], date_keys: dict[str, int]):
    """The newest `limit` items (by score within a date) and how many items match.

    Every match is found but only those dated as late as the `limit`-th newest
    item found so far are scored: the rest cannot reach the answer."""
    every = _every_match(searcher, q, filters)
    if every is not None:
        return _newest_of(searcher, *every, limit, skip, date_keys)
    collector = _Newest(searcher, limit, skip, date_keys)
    searcher.search_with_collector(_unions_that_skip(q), _filtered(searcher, filters, collector))
    ids, groups = _column(searcher, "id"), collector.groups
    ranked = sorted(collector.items, key=lambda pair: (-collector.day(pair[1]), -pair[0], ids[pair[1]]))
    return _one_per_group(searcher, ranked, skip)[:limit], len({groups[d] for d in collector.matched} - set(skip))


def _newest_of(searcher, numbers, scores, limit: int, skip: set[str], date_keys: dict[str, int]):
    """_newest_items from every match's score: by date, then score, then record id."""
    if not len(numbers):
        return [], 0
    days = _days(searcher, numbers, date_keys)
    codes, names = _group_codes(searcher, numbers)
    total = len({names[c] for c in np.unique(codes).tolist()} - set(skip))
    order = np.lexsort((-scores, -days))
    ids, groups, seen, chosen = _column(searcher, "id"), _column(searcher, "group"), set(skip), []
    tied, last = [], None
    for at in range(0, len(order), 256):
        chunk = order[at:at + 256]
        for day, score, docnum in zip(days[chunk].tolist(), scores[chunk].tolist(), numbers[chunk].tolist()):
            if (day, score) != last:
                chosen += _first_of_groups(sorted(tied, key=lambda pair: ids[pair[1]]), groups, seen)
                if len(chosen) >= limit:
                    return chosen[:limit], total
                tied, last = [], (day, score)
            tied.append((score, docnum))
    chosen += _first_of_groups(sorted(tied, key=lambda pair: ids[pair[1]]), groups, seen)
    return chosen[:limit], total


def _first_of_groups(ranked: list[tuple], groups, seen: set[str]) -> list[tuple]:
    kept = []
    for score, docnum in ranked:
        if groups[docnum] not in seen:
            seen.add(groups[docnum])
            kept.append((score, docnum))
    return kept


def _days(searcher, numbers: np.ndarray, date_keys: dict[str, int]) -> np.ndarray:
    """Each record's meeting date key, or its undated document's (from date_keys), or 0."""
    days = _date_keys(searcher)[numbers]
    undated = np.flatnonzero(days <= 0)
    if len(undated):
        docs = _column(searcher, "doc_id")
        days[undated] = [date_keys.get(docs[d], 0) for d in numbers[undated].tolist()]
    return days


def _date_keys(searcher) -> np.ndarray:
    """Every record's meeting date as yyyymmdd (the column's minimum when it has none), read once per searcher."""
    if "_panel_date_keys" not in searcher.__dict__:
        searcher.__dict__["_panel_date_keys"] = fulltext_vectors.numeric_column(searcher, "date_key")
    return searcher.__dict__["_panel_date_keys"]


def _group_codes(searcher, numbers: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Each record's item as a number, and the items' names."""
    groups = _column(searcher, "group")
    return _codes(searcher, "group", numbers, lambda docnum: groups[docnum])


def _meeting_codes(searcher, numbers: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Each record's meeting (or undated document) as a number, and their keys."""
    meetings, docs = _column(searcher, "meeting_id"), _column(searcher, "doc_id")
    return _codes(searcher, "meeting", numbers, lambda docnum: _sparse(meetings, searcher, docnum, "meeting_id")
                  or f"document:{docs[docnum]}")


def _codes(searcher, kind: str, numbers: np.ndarray, value_of) -> tuple[np.ndarray, list[str]]:
    """numbers' values as numbers (and the values), each record's read once per searcher."""
    kept = searcher.__dict__.setdefault("_panel_codes", {})
    if kind not in kept:
        kept[kind] = (np.full(searcher.doc_count_all(), -1, np.int64), [], {})
    codes, names, numbered = kept[kind]
    for docnum in numbers[codes[numbers] < 0].tolist():
        name = value_of(docnum)
        if name not in numbered:
            numbered[name] = len(names)
            names.append(name)
        codes[docnum] = numbered[name]
    return codes[numbers], names


def _per_meeting(searcher, numbers: np.ndarray, scores: np.ndarray, found: "_PerMeeting") -> None:
    """found's counts and best records from every match's score at once."""
    if not len(numbers):
        return
    codes, names = _meeting_codes(searcher, numbers)
    counts = np.bincount(codes)
    best = np.full(len(counts), -np.inf)
    np.maximum.at(best, codes, scores)
    near = scores >= best[codes] - 1e-6  # every record its meeting's best may tie with at 6 decimals
    for docnum, score in zip(numbers[near].tolist(), scores[near].tolist()):
        found.add(docnum, score, count=False)
    found.counts = {names[code]: int(counts[code]) for code in np.flatnonzero(counts).tolist()}


class _PerMeeting(collectors.UnlimitedCollector):
    """Per meeting (or undated document) its matching records counted and the best one kept, as a
    full ranking would order them (ties in score by record id), without keeping every match."""

    def __init__(self, searcher):
        super().__init__()
        self.searcher = searcher
        self.meetings, self.docs, self.ids = (_column(searcher, n) for n in ("meeting_id", "doc_id", "id"))
        self.counts: dict[str, int] = {}
        self.best: dict[str, tuple[float, float, int]] = {}  # (score rounded as ties are, score, record)

    def collect(self, sub_docnum):
        self.add(self.offset + sub_docnum, self.matcher.score())

    def add(self, docnum: int, score: float, count: bool = True) -> None:
        key = _sparse(self.meetings, self.searcher, docnum, "meeting_id") or f"document:{self.docs[docnum]}"
        if count:
            self.counts[key] = self.counts.get(key, 0) + 1
        kept, rank = self.best.get(key), round(score, 6)
        if kept is None or rank > kept[0] or (rank == kept[0] and self.ids[docnum] < self.ids[kept[2]]):
            self.best[key] = (rank, score, docnum)


class _Newest(collectors.UnlimitedCollector):
    """Scores only the matches that can be among the `limit` newest items; keeps every match's number."""

    def __init__(self, searcher, limit: int, skip: set[str], date_keys: dict[str, int]):
        super().__init__()
        self.keys, self.doc_ids, self.groups = (_column(searcher, n) for n in ("date_key", "doc_id", "group"))
        self.limit, self.skip, self.date_keys = limit, skip, date_keys
        self.matched: list[int] = []
        self.newest: list[tuple[int, str]] = []  # a heap of the `limit` newest items' (date, group)
        self.dates: dict[str, int] = {}  # each scored item's newest date
        self.oldest_needed = 0

    def day(self, docnum: int) -> int:
        stored = self.keys[docnum]  # an unset key reads back as the column's minimum, not 0
        return stored if stored > 0 else self.date_keys.get(self.doc_ids[docnum], 0)

    def collect(self, sub_docnum):
        docnum = self.offset + sub_docnum
        self.matched.append(docnum)
        day = self.day(docnum)
        if day < self.oldest_needed:
            return
        self.items.append((self.matcher.score(), docnum))
        group = self.groups[docnum]
        if group in self.skip or self.dates.get(group, -1) >= day:
            return
        renewed = group in self.dates
        self.dates[group] = day
        if renewed:  # an item met again at a later date (rare): its heap entry is stale
            self.newest = heapq.nlargest(self.limit, ((d, g) for g, d in self.dates.items()))
            heapq.heapify(self.newest)
        else:
            heapq.heappush(self.newest, (day, group))
            if len(self.newest) > self.limit:
                heapq.heappop(self.newest)
        if len(self.newest) == self.limit:
            self.oldest_needed = self.newest[0][0]


def _one_per_group(searcher, top_n, skip: set[str] = frozenset()) -> list[tuple]:
    if not top_n:
        return []
    groups = _column(searcher, "group")
    seen: set[str] = set(skip)
    kept = []
    for score, docnum in top_n:
        group = groups[docnum]
        if group not in seen:
            seen.add(group)
            kept.append((score, docnum))
    return kept


def _highlighted(searcher, q, ranked: list[tuple[float, int]]) -> list[RawHit]:
    """Hits for the chosen (score, docnum) pairs, in that order, with their snippets."""
    hits = _records(searcher, ranked)
    _mark(searcher, q, hits)
    return hits


def _records(searcher, ranked: list[tuple[float, int]]) -> list[RawHit]:
    """Hits for the chosen (score, docnum) pairs from their stored fields, snippets not yet made."""
    return [_raw_hit(searcher.stored_fields(docnum), score) for score, docnum in ranked]


def _mark(searcher, q, hits: list[RawHit]) -> None:
    """Each hit's snippet, its matches marked.

    The terms each matched come from the word lists the search read; for a query
    only Whoosh scores, from searching it again intersected with the hits' ids.
    """
    if not hits:
        return
    results = _matched(searcher, q, hits)
    if results is None:
        only = wq.And([wq.Or([wq.Term("id", h.id) for h in hits]), _unions_that_skip(q)])
        results = searcher.search(only, limit=None, terms=True)
    results.fragmenter = highlight.PinpointFragmenter(maxchars=240, surround=70, autotrim=True)
    results.formatter = _Marker()
    by_id = {hit["id"]: hit for hit in results}
    for hit in hits:
        if hit.id in by_id:
            hit.snippet = _snippet(by_id[hit.id])


def _matched(searcher, q, hits: list[RawHit]):
    """Results for the hits with the terms each matched, as search(terms=True) gives them, taken
    from the word lists the search read (making Whoosh's matchers again cost more than the search)."""
    docnums = [searcher.document_number(id=hit.id) for hit in hits]
    docnums = [d for d in docnums if d is not None]
    terms = fulltext_vectors.matched_terms(searcher, _unions_that_skip(q), (_Union, _KnownPhrase), docnums)
    if terms is None:
        return None
    matched = [d for d in docnums if d in terms]
    results = searching.Results(searcher, q, [(0.0, d) for d in matched], docset=set(matched))
    results.docterms = {d: terms[d] for d in matched}
    results.termdocs = {}
    for d in matched:
        for term in terms[d]:
            results.termdocs.setdefault(term, array("I")).append(d)
    return results


class _KnownPhrase(wq.Phrase):
    """A phrase whose records and scores are found once per searcher, then kept.

    Whoosh checks a phrase's word positions on every record holding all its
    words: for a glossary phrase of common words ("children looked after")
    that is most of the index, on every query that names it. A phrase's score
    on a record (the sum of its words' scores) does not change while the
    searcher lives, so results are the same.
    """

    def records(self, searcher, context=None) -> tuple[np.ndarray, np.ndarray]:
        """The segment's records holding the phrase, and the phrase's score on each (boost not applied)."""
        kept = fulltext_vectors.kept_records(searcher, "_panel_phrases", _KEPT_PHRASE_RECORDS)
        key = (id(searcher), self.fieldname, tuple(self.words), self.slop)
        return kept.get(key, lambda: self._found(searcher, context))

    def _found(self, searcher, context) -> tuple[np.ndarray, np.ndarray]:
        docs, scores = _adjacent_records(self, searcher, context) if self.slop == 1 else \
            _scored_records(wq.Phrase(self.fieldname, self.words, slop=self.slop), searcher, context)
        return np.asarray(docs, dtype=np.int64), np.asarray(scores, dtype=np.float64)

    def scored(self, searcher):
        """(records, scores, words matched on each) as fulltext_vectors reads a phrase, or None."""
        docs, scores = self.records(searcher)
        return (docs, scores, len(self.words)) if len(docs) else None

    def matcher(self, searcher, context=None):
        docs, scores = self.records(searcher, context)
        if not len(docs):
            return NullMatcher()
        field = searcher.schema[self.fieldname]
        terms = [(self.fieldname, field.to_bytes(word)) for word in self.words]
        return _Listed(docs, scores, terms, self.boost)


# A phrase keeps a record number and a score (16 bytes) per record it is on: 32 MB at most.
_KEPT_PHRASE_RECORDS = 2_000_000


def _adjacent_records(phrase: wq.Phrase, searcher, context) -> tuple[list[int], list[float]]:
    """The records holding the phrase's words one after another, and their scores, as Whoosh's
    phrase matcher finds and scores them (the sum of the words' scores), with a plain test of
    word positions in place of its span objects (several times faster on common words)."""
    field, reader = searcher.schema[phrase.fieldname], searcher.reader()
    words = [field.to_bytes(word) for word in phrase.words]
    if any((phrase.fieldname, word) not in reader for word in words):
        return [], []
    each = [wq.Term(phrase.fieldname, word).matcher(searcher, context) for word in words]
    both = make_binary_tree(IntersectionMatcher, each)
    docs, scores = [], []
    while both.is_active():
        later = [{p - i for p in m.value_as("positions")} for i, m in enumerate(each)]
        if set.intersection(*later):
            docs.append(both.id())
            scores.append(both.score())
        both.next()
    return docs, scores


def _scored_records(q: wq.Query, searcher, context) -> tuple[list[int], list[float]]:
    matcher = q.matcher(searcher, context)
    docs, scores = [], []
    while matcher.is_active():
        docs.append(matcher.id())
        scores.append(matcher.score())
        matcher.next()
    return docs, scores


class _Listed(Matcher):
    """Records and their scores read from arrays, as a Whoosh matcher."""

    def __init__(self, docs: np.ndarray, scores: np.ndarray, terms: list[tuple], boost: float, at: int = 0):
        self._docs, self._scores, self._terms, self._boost, self._at = docs, scores, terms, boost, at
        self._best = float(scores.max())

    def is_active(self):
        return self._at < len(self._docs)

    def id(self):
        return int(self._docs[self._at])

    def next(self):
        self._at += 1

    def skip_to(self, id):
        if self.is_active() and id > self._docs[self._at]:
            self._at = bisect_left(self._docs, id, self._at)

    def score(self):
        return float(self._scores[self._at]) * self._boost

    def weight(self):
        return self.score()

    def copy(self):
        return _Listed(self._docs, self._scores, self._terms, self._boost, self._at)

    def reset(self):
        self._at = 0

    def replace(self, minquality=0):
        return self if self.is_active() else NullMatcher()

    def supports(self, astype):
        return False

    # The whole list is one block: once the best of it cannot reach the top, it is skipped.
    def supports_block_quality(self):
        return True

    def max_quality(self):
        return self._best * self._boost

    def block_quality(self):
        return self._best * self._boost

    def skip_to_quality(self, minquality):
        if self.is_active() and self.block_quality() <= minquality:
            self._at = len(self._docs)
            return 1
        return 0

    def all_ids(self):
        return iter(self._docs[self._at:].tolist())

    def term(self):
        return None

    def matching_terms(self, id=None):
        if self.is_active() and (id is None or id == self.id()):
            yield from self._terms

    def term_matchers(self):
        """One per word, on this matcher's record: the terms a hit matched, for its snippet."""
        for term in self._terms:
            yield _WordOf(self, term)


class _WordOf:
    def __init__(self, phrase: _Listed, term: tuple):
        self.is_active, self.id, self._term = phrase.is_active, phrase.id, term

    def term(self):
        return self._term


# -- composing queries: search/ builds questions from these, never from Whoosh itself
def all_of(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


def any_of(queries: list[wq.Query]) -> wq.Query:
    """Any one will do; records matching more of them score higher (a coordination bonus)."""
    return queries[0] if len(queries) == 1 else wq.Or(queries, scale=0.9)


def preferring(required: wq.Query, optional: list[wq.Query]) -> wq.Query:
    """Records matching `required`, ranked higher when they also match the optional ones."""
    return wq.AndMaybe(required, any_of(optional)) if optional else required


def everything() -> wq.Query:
    return wq.Every()


# Whoosh's posting pool spills to disk beyond this. Every merge (and the collection pass's
# optimize) streams the whole index through it, so a large pool made the parent's memory grow
# with the archive: its heap grew 48% from 100 to 1,200 files at 32 MB, 28% at 8 MB, and 9% at
# 8 MB with the segments read rather than mapped (IndexWriter), in about the same time.
WRITER_POOL_MB = 8


class IndexWriter:
    """Batches page adds and deletes; nothing is visible until commit()."""

    def __init__(self, ix):
        self._writer = cheap_writer(ix, WRITER_POOL_MB)

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self._writer.delete_by_term("doc_id", doc_id)

    def add_records(self, records: Iterable[IndexedRecord]) -> None:
        for r in records:
            fields = {
                "id": r.id, "doc_id": r.doc_id, "record": r.record, "group": r.group or r.id,
                "covered": r.covered, "file": r.file, "page": r.page, "kind": r.kind or "",
                "content": r.text or "", "title": r.title or "",
            }
            optional = {"last_page": r.last_page, "number": r.number, "meeting_id": r.meeting_id,
                        "committee": r.committee, "people": ",".join(r.people), "orgs": ",".join(r.orgs)}
            fields.update({k: v for k, v in optional.items() if v})
            if r.meeting_date:
                fields["meeting_date"] = datetime.fromisoformat(r.meeting_date)
                fields["date_key"] = int(r.meeting_date.replace("-", ""))
            self._writer.add_document(**fields)

    def commit(self, optimize: bool = False) -> None:
        self._writer.commit(optimize=optimize)

    def cancel(self) -> None:
        self._writer.cancel()


class _Marker(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{MARK_START}{highlight.get_text(text, token, replace)}{MARK_END}"


def _filtered(searcher, filters: Filters, collector):
    """collector, behind the filters, as search() would wrap it."""
    restrictions = _restrictions(searcher, filters)
    return collectors.FilterCollector(collector, allow=restrictions["filter"], restrict=restrictions.get("mask"))


def _restrictions(searcher, filters: Filters) -> dict:
    """search() keyword arguments for the filters: what to keep, and documents not yet answers."""
    kwargs = {"filter": _kept(searcher, filters)}
    if filters.exclude_doc_ids:
        kwargs["mask"] = _docs_of(searcher, wq.Or([wq.Term("doc_id", d) for d in sorted(filters.exclude_doc_ids)]))
    return kwargs


def _kept(searcher, filters: Filters) -> set[int] | None:
    """The records every filter keeps. Each filter's records are read once per searcher (a filter's
    terms, "not covered" or record types, match most of the index, and reading them costs more than
    the search) and a date range is read from the date column, so a new combination costs little."""
    parts = _filter_parts(filters)
    dates = (filters.since, filters.until, filters.dated_doc_ids) if filters.since or filters.until else None
    if not parts and not dates:
        return None
    cache = searcher.__dict__.setdefault("_panel_kept", {})
    key = (tuple(parts), dates)
    if key not in cache:
        if len(cache) >= _CACHED_FILTERS:
            cache.clear()
        sets = [_docs_of(searcher, part) for part in parts] + ([_dated(searcher, *dates)] if dates else [])
        # Whoosh reads an empty set as "no filter": a record number no record has keeps nothing.
        cache[key] = set.intersection(*sorted(sets, key=len)) or {-1}
    return cache[key]


def _docs_of(searcher, q: wq.Query) -> set[int]:
    cache = searcher.__dict__.setdefault("_panel_filters", {})
    if q not in cache:
        if len(cache) >= _CACHED_FILTERS:
            cache.clear()
        found = fulltext_vectors.scored(searcher, _unions_that_skip(q), (_Union, _KnownPhrase))
        cache[q] = (set(found[0].tolist()) if found is not None else set(searcher.docs_for_query(q))) or {-1}
    return cache[q]


_CACHED_FILTERS = 32


def _dated(searcher, since: str | None, until: str | None, stated_docs: frozenset[str]) -> set[int]:
    """Records of meetings from since to until (inclusive), and of the undated documents whose stated period overlaps."""
    keys = _date_keys(searcher)
    low = int(since.replace("-", "")) if since else 0
    high = int(until.replace("-", "")) if until else 99_999_999
    # Only records with a meeting date have a key (yyyymmdd); an unset one reads as the column's minimum.
    found = set(np.flatnonzero((keys > 0) & (keys >= low) & (keys <= high)).tolist())
    return found | _docs_of(searcher, _any_document(stated_docs)) if stated_docs else found


def _filter_parts(filters: Filters) -> list[wq.Query]:
    """The filters other than dates, each a query."""
    parts: list[wq.Query] = []
    if filters.doc_ids is not None:
        parts.append(_any_document(filters.doc_ids) if filters.doc_ids else wq.NullQuery)
    if filters.kind:
        parts.append(wq.Term("kind", filters.kind))
    if filters.records:
        parts.append(wq.Or([wq.Term("record", r) for r in filters.records]))
    if not filters.include_covered:
        parts.append(wq.Not(wq.Term("covered", True)))
    # Each is the entity ids one name matched: any of them will do.
    if filters.people:
        parts.append(wq.Or([wq.Term("people", p) for p in filters.people]))
    if filters.orgs:
        parts.append(wq.Or([wq.Term("orgs", o) for o in filters.orgs]))
    if filters.committee:
        words = [t.text for t in _COMMITTEE_ANALYZER(filters.committee)]
        if not words:  # only stop words ('of the and'): no committee can match
            words = ["\u2205"]
        parts.append(wq.Phrase("committee", words) if len(words) > 1 else wq.Term("committee", words[0]))
    return parts


def _any_document(doc_ids: Iterable[str]) -> wq.Query:
    return wq.Or([wq.Term("doc_id", d) for d in sorted(doc_ids)])


def _snippet(hit) -> str:
    # Matched only in the title (a decision under its minute's heading): the heading, then the record's own text.
    snippet = hit.highlights("content", top=2) or " — ".join(
        part for part in (hit.highlights("title"), hit["content"][:200]) if part)
    return " ".join(snippet.split())


def _raw_hit(stored: dict, score: float) -> RawHit:
    date = stored.get("meeting_date")
    return RawHit(
        id=stored["id"],
        doc_id=stored["doc_id"],
        record=stored["record"],
        group=stored["group"],
        title=stored.get("title") or "",
        number=stored.get("number"),
        meeting_id=stored.get("meeting_id"),
        file=stored["file"],
        page=stored["page"],
        last_page=stored.get("last_page"),
        meeting_date=date.date().isoformat() if date else None,
        kind=stored.get("kind") or None,
        committee=stored.get("committee"),
        score=round(score, 3),
        snippet=" ".join(stored["content"][:200].split()),
        people=[p for p in (stored.get("people") or "").split(",") if p],
        orgs=[o for o in (stored.get("orgs") or "").split(",") if o],
        content=stored["content"],
    )
