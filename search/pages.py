"""Page search: BM25 over every stored page, with filters, sorting and citations."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..index.fulltext import Filters
from ..index.store import Store
from datetime import date

from .dates import parse_since, parse_until
from .query import QueryError, check_query

SORTS = ("relevance", "date")


@dataclass
class Hit:
    file: str
    page: int
    meeting_date: str | None
    kind: str | None
    committee: str | None
    score: float
    snippet: str  # matches marked **like this**
    record: str = "page"  # page, minute, agenda, resolution, recommendation, request
    title: str = ""
    item: str | None = None  # agenda or minute number
    last_page: int | None = None
    path: str | None = None
    document_id: str = ""
    meeting_id: str | None = None
    people: list[str] = field(default_factory=list)  # entity ids named there: facets for --person
    orgs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    suggestions: list[str] = field(default_factory=list)


def search_pages(
    store: Store,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    committee: str | None = None,
    limit: int | None = 10,
    sort: str = "relevance",
    pages_only: bool = False,
    records: tuple[str, ...] | None = None,
    people: tuple[str, ...] = (),
    orgs: tuple[str, ...] = (),
    expand=None,
) -> SearchResult:
    """Search pages and items; results collapse per meeting and item unless pages_only.

    expand, when given, rewrites the checked query (the glossary's synonyms).
    """
    store.check_readable()
    text = check_query(query)
    if sort not in SORTS:
        raise QueryError(f"--sort {sort!r}: choose one of {', '.join(SORTS)}")
    if limit is not None and limit < 1:
        raise QueryError(f"--limit {limit}: must be at least 1")
    today = date.today()
    filters = Filters(
        since=parse_since(since, today) if since else None,
        until=parse_until(until, today) if until else None,
        kind=kind,
        committee=committee,
        # Documents not yet committed to both stores are not answers yet.
        exclude_doc_ids=store.pending_ids(),
        records=("page",) if pages_only else records,
        include_covered=pages_only,
        people=people,
        orgs=orgs,
    )
    parsed = store.fulltext.parse(expand(text) if expand else text)
    total, raw = store.fulltext.search(
        parsed, filters, limit, sort_by_date=sort == "date", collapse=not pages_only
    )
    paths = store.first_paths({r.doc_id for r in raw})
    hits = [
        Hit(
            file=r.file,
            page=r.page,
            meeting_date=r.meeting_date,
            kind=r.kind,
            committee=r.committee,
            score=r.score,
            snippet=_markdown_marks(r.snippet),
            record=r.record,
            title=r.title,
            item=r.number,
            last_page=r.last_page,
            path=paths.get(r.doc_id),
            document_id=r.doc_id,
            meeting_id=r.meeting_id,
            people=r.people,
            orgs=r.orgs,
        )
        for r in raw
    ]
    suggestions = [] if total else _suggest(store, text)
    return SearchResult(query=text, total=total, hits=hits, suggestions=suggestions)


def _markdown_marks(snippet: str) -> str:
    from ..index.fulltext import MARK_END, MARK_START

    return snippet.replace(MARK_START, "**").replace(MARK_END, "**")


def _suggest(store: Store, text: str) -> list[str]:
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text) if w.upper() not in {"AND", "NOT"}]
    fixed, changed = [], False
    for word in words:
        options = store.fulltext.suggest(word, limit=1)
        if options and options[0] != word.lower():
            fixed.append(options[0])
            changed = True
        else:
            fixed.append(word)
    return [" ".join(fixed)] if changed else []
