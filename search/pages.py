"""Search: questions and queries over pages and items (BM25), with filters, sorting and citations."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from ..index.store import Store
from .copies import without_copies
from .glossary import Glossary
from .query import QueryError
from .question import Question, engine_queries, read_question, with_options
from .scope import Emptied, Scope, build_scope, check_dates, emptied_by, store_known, unknown_names

SORTS = ("relevance", "date")
COPIES_ROOM = 3


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
    stated_period: str | None = None  # an undated paper's own "February 2022"
    ocr: bool = False  # its text (on some page it spans) was read by OCR, not from the PDF's text layer
    also_in: list[str] = field(default_factory=list)  # copies of this text in other papers ("file, page 3 (OCR)")

    @property
    def when(self) -> str:
        return self.meeting_date or self.stated_period or "undated"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    total: int  # matching results, copies of one text counted once; at least this many when not total_exact
    hits: list[Hit]
    suggestions: list[str] = field(default_factory=list)
    question: Question | None = None
    all_words: int = 0  # the first this many hits have every topic word; the rest only some
    emptied: Emptied | None = None  # the filters that removed every result
    unknown: list[str] = field(default_factory=list)  # a council or committee the store does not have
    widened: bool = False  # the question's kind of record had no answer, so every kind was searched
    total_exact: bool = True  # False: past a thousand matching records counting stopped


def search_pages(
    store: Store,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    committee: str | None = None,
    council: str | None = None,
    limit: int | None = 10,
    sort: str | None = None,
    pages_only: bool = False,
    records: tuple[str, ...] | None = None,
    people: tuple[str, ...] = (),
    orgs: tuple[str, ...] = (),
    glossary: Glossary | None = None,
) -> SearchResult:
    """Search pages and items as the question asks; results collapse per meeting and item unless pages_only.

    Results with every topic word come first, then (ranked) those with some.
    Options win over what the question names; sort None follows the question
    ("when ... last": newest first). glossary, when given, adds synonyms.
    """
    store.check_readable()
    if sort not in (None, *SORTS):
        raise QueryError(f"--sort {sort!r}: choose one of {', '.join(SORTS)}")
    if limit is not None and limit < 1:
        raise QueryError(f"--limit {limit}: must be at least 1")
    start, end = check_dates(since, until)
    question = with_options(read_question(query, store_known(store), glossary), since=start, until=end,
                            committee=committee, council=council)
    scope = build_scope(store, question, kind=kind, records=records, pages_only=pages_only,
                        people=people, orgs=orgs)
    by_date = (sort or ("date" if question.order == "latest" else "relevance")) == "date"
    strict, loose = engine_queries(question, store.fulltext, glossary)
    run = lambda q, filters, n: store.fulltext.search(  # noqa: E731
        q, filters, n, sort_by_date=by_date, collapse=not pages_only, date_keys=scope.date_keys)
    # A few more than asked: copies of one text shown once leave room.
    fetch = None if limit is None else limit + COPIES_ROOM
    total, raw, exact = run(strict, scope.filters, fetch)
    widened = False
    if not total and question.records and not records:
        scope.filters = replace(scope.filters, records=None)
        total, raw, exact = run(strict, scope.filters, fetch)
        widened = bool(total)
    all_words = len(raw)
    if loose is not None and (fetch is None or len(raw) < fetch):
        loose_total, more, loose_exact = run(loose, scope.filters, None if fetch is None else total + fetch - len(raw))
        shown = {_key(r, pages_only) for r in raw}
        raw += [r for r in more if _key(r, pages_only) not in shown][: None if fetch is None else fetch - len(raw)]
        total, exact = max(total, loose_total), exact and loose_exact
    hits, all_words = _shown_once(_hits(store, raw, scope), raw, all_words)
    total -= sum(len(hit.also_in) for hit in hits)  # each copy was counted as a result of its own
    result = SearchResult(query=query.strip(), total=total, hits=hits[:limit], question=question,
                          all_words=min(all_words, limit or all_words), widened=widened, total_exact=exact)
    if not total:
        result.unknown = unknown_names(store, question)
        result.emptied = None if result.unknown else emptied_by(
            lambda filters: store.fulltext.count_items(loose or strict, filters, not pages_only), scope.filters)
        result.suggestions = _suggest(store, question.topic)
    return result


def _shown_once(hits: list[Hit], raw: list, all_words: int) -> tuple[list[Hit], int]:
    """Copies of one text (a scan and its original, a paper published twice) as one hit; and how many
    of the hits left have every topic word."""
    position = {id(hit): i for i, hit in enumerate(hits)}
    content = {id(hit): r.content for hit, r in zip(hits, raw)}
    groups = without_copies(hits, text=lambda h: content[id(h)], ocr=lambda h: h.ocr,
                            date=lambda h: h.meeting_date, document=lambda h: h.document_id)
    for hit, copies in groups:
        hit.also_in = [f"{c.file}, page {c.page}{' (OCR)' if c.ocr else ''}" for c in copies]
    first = [min(position[id(h)] for h in (hit, *copies)) for hit, copies in groups]
    return [hit for hit, _ in groups], sum(1 for p in first if p < all_words)


def _key(raw, pages_only: bool):
    return (raw.doc_id, raw.page, raw.record) if pages_only else raw.group


def _hits(store: Store, raw: list, scope: Scope) -> list[Hit]:
    paths = store.first_paths({r.doc_id for r in raw})
    ocr_pages = store.ocr_pages({r.doc_id for r in raw})
    return [
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
            stated_period=None if r.meeting_date or r.doc_id not in scope.stated else scope.stated[r.doc_id].label,
            ocr=any((r.doc_id, page) in ocr_pages for page in range(r.page, max(r.page, r.last_page or 0) + 1)),
        )
        for r in raw
    ]


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
