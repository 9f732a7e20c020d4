"""The full-text engine behind a small interface: add, delete by document, search, suggest.

Whoosh is the engine today; nothing outside this module imports it, so another
engine can replace it without touching extract/, search/ or the CLI.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from whoosh import highlight, index, query as wq, sorting
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.qparser import QueryParser

INDEX_VERSION = 4
_VERSION_FILE = "VERSION"
MARK_START, MARK_END = "\x01", "\x02"


def _schema() -> Schema:
    return Schema(
        id=ID(unique=True, stored=True),
        doc_id=ID(stored=True, sortable=True),
        file=ID(stored=True),
        page=NUMERIC(stored=True, sortable=True),
        meeting_date=DATETIME(stored=True),
        # yyyymmdd, 0 when unknown: sorts undated pages last, which DATETIME cannot.
        date_key=NUMERIC(sortable=True, default=0),
        kind=ID(stored=True),
        committee=TEXT(stored=True),
        # chars=True stores match offsets, so snippets come from them instead of re-analysing each page.
        content=TEXT(analyzer=StemmingAnalyzer(), stored=True, phrase=True, chars=True),
    )


SEARCHABLE_FIELDS = frozenset(_schema().names())


@dataclass
class IndexedPage:
    doc_id: str
    file: str
    page: int
    text: str
    meeting_date: str | None = None
    kind: str | None = None
    committee: str | None = None


@dataclass
class Filters:
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    kind: str | None = None
    committee: str | None = None
    exclude_doc_ids: set[str] = field(default_factory=set)


@dataclass
class RawHit:
    doc_id: str
    file: str
    page: int
    meeting_date: str | None
    kind: str | None
    committee: str | None
    score: float
    snippet: str  # matches wrapped in MARK_START / MARK_END


class FullTextIndex:
    def __init__(self, directory: Path):
        self.directory = directory

    # -- lifecycle -------------------------------------------------------------
    def exists(self) -> bool:
        return index.exists_in(str(self.directory))

    def version(self) -> int | None:
        marker = self.directory / _VERSION_FILE
        return int(marker.read_text()) if marker.exists() else None

    def create(self) -> None:
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

    def _open(self):
        return index.open_dir(str(self.directory))

    # -- writing ---------------------------------------------------------------
    def writer(self) -> "IndexWriter":
        return IndexWriter(self._open())

    def indexed_doc_ids(self) -> set[str]:
        if not self.exists():
            return set()
        # The lexicon keeps terms of deleted pages until a merge; the column
        # read over live documents does not.
        with self._open().reader() as reader:
            if not reader.doc_count():
                return set()
            column = reader.column_reader("doc_id")
            return {column[docnum] for docnum in reader.all_doc_ids()}

    def page_count(self) -> int:
        return self._open().doc_count() if self.exists() else 0

    # -- reading ---------------------------------------------------------------
    def parse(self, text: str) -> wq.Query:
        parser = QueryParser("content", _schema())
        return parser.parse(text)

    def search(
        self, q: wq.Query, filters: Filters, limit: int | None, sort_by_date: bool
    ) -> tuple[int, list[RawHit]]:
        ix = self._open()
        with ix.searcher() as searcher:
            kwargs = {"filter": _filter_query(filters)}
            if filters.exclude_doc_ids:
                kwargs["mask"] = wq.Or([wq.Term("doc_id", d) for d in filters.exclude_doc_ids])
            if sort_by_date:
                # Newest meeting first (undated pages have key 0, so come last), by score within a date.
                kwargs["sortedby"] = [sorting.FieldFacet("date_key", reverse=True), sorting.ScoreFacet()]
            results = searcher.search(q, limit=limit, terms=True, **kwargs)
            results.fragmenter = highlight.PinpointFragmenter(maxchars=240, surround=70, autotrim=True)
            results.formatter = _Marker()
            total = results.scored_length()
            if limit is not None and total >= limit:
                # Whoosh's len(results) ignores filters, so count in a separate, unscored pass.
                unsorted = {k: v for k, v in kwargs.items() if k != "sortedby"}
                total = searcher.search(q, limit=None, scored=False, **unsorted).scored_length()
            return total, [_raw_hit(hit) for hit in results]

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Spellings close to word, or [] when the index knows the word (nothing to correct)."""
        with self._open().searcher() as searcher:
            stems = [t.text for t in _schema()["content"].analyzer(word)]
            if not stems or any(searcher.doc_frequency("content", stem) for stem in stems):
                return []
            return searcher.corrector("content").suggest(word.lower(), limit=limit)


class IndexWriter:
    """Batches page adds and deletes; nothing is visible until commit()."""

    def __init__(self, ix):
        self._writer = ix.writer(limitmb=256)

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self._writer.delete_by_term("doc_id", doc_id)

    def add_pages(self, pages: Iterable[IndexedPage]) -> None:
        for page in pages:
            fields = {
                "id": f"{page.doc_id}:{page.page}",
                "doc_id": page.doc_id,
                "file": page.file,
                "page": page.page,
                "kind": page.kind or "",
                "content": page.text,
            }
            if page.committee:
                fields["committee"] = page.committee
            if page.meeting_date:
                fields["meeting_date"] = datetime.fromisoformat(page.meeting_date)
                fields["date_key"] = int(page.meeting_date.replace("-", ""))
            self._writer.add_document(**fields)

    def commit(self, optimize: bool = False) -> None:
        self._writer.commit(optimize=optimize)

    def cancel(self) -> None:
        self._writer.cancel()


class _Marker(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{MARK_START}{highlight.get_text(text, token, replace)}{MARK_END}"


def _filter_query(filters: Filters) -> wq.Query | None:
    parts: list[wq.Query] = []
    if filters.since or filters.until:
        start = datetime.fromisoformat(filters.since) if filters.since else None
        end = datetime.fromisoformat(filters.until) if filters.until else None
        parts.append(wq.DateRange("meeting_date", start, end))
    if filters.kind:
        parts.append(wq.Term("kind", filters.kind))
    if filters.committee:
        words = [t.text for t in _schema()["committee"].analyzer(filters.committee)]
        parts.append(wq.Phrase("committee", words) if len(words) > 1 else wq.Term("committee", words[0]))
    return wq.And(parts) if parts else None


def _relevance(score) -> float:
    # Sorted by facets, a hit's score is its sort key; ScoreFacet's part is the negated score.
    if isinstance(score, tuple):
        return -score[-1]
    return score or 0.0


def _raw_hit(hit) -> RawHit:
    date = hit.get("meeting_date")
    snippet = hit.highlights("content", top=2) or hit["content"][:200]
    return RawHit(
        doc_id=hit["doc_id"],
        file=hit["file"],
        page=hit["page"],
        meeting_date=date.date().isoformat() if date else None,
        kind=hit.get("kind") or None,
        committee=hit.get("committee"),
        score=round(_relevance(hit.score), 3),
        snippet=" ".join(snippet.split()),
    )
