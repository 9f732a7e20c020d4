"""`papers when`: the meetings at which a topic was discussed, newest first.

Discussed means: in the minutes of the meeting, in an agenda item's title, or
in a report presented to it. A meeting with a single weak mention is a passing
mention and is left out, unless it is the only one. A paper tied to no meeting
that states its month ("February 2022") is placed by it; one that states
nothing comes last.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from ..index.queries import indicators_by_page, meeting_lookup
from ..index.store import Store
from .copies import without_copies
from .glossary import Glossary, form_key
from .pages import _markdown_marks
from .question import Question, engine_queries, read_question, with_options
from .scope import Emptied, build_scope, check_dates, emptied_by, store_known, unknown_names

DISCUSSION_RECORDS = ("minute", "agenda", "resolution", "request", "recommendation", "page")
# A meeting's best match must score at least this share of the best meeting's, or recur.
RELEVANCE_SHARE = 0.35


@dataclass
class Discussion:
    meeting_date: str | None
    committee: str | None
    item: str | None
    title: str
    record: str
    snippet: str
    file: str
    page: int
    mentions: int
    score: float
    meeting_id: str | None
    document_id: str = ""
    sort_date: str | None = None  # the meeting's date, or the first day of the paper's stated period
    stated_period: str | None = None  # an undated paper's own "February 2022"; no day is invented
    scorecard_row: str | None = None  # the indicator row on that page the topic names
    ocr: bool = False  # the cited page was read by OCR
    also_in: list[str] = field(default_factory=list)  # copies of its text in other papers ("file, page 3 (OCR)")

    @property
    def when(self) -> str:
        return self.meeting_date or self.stated_period or "undated"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Timeline:
    question: Question
    discussions: list[Discussion] = field(default_factory=list)
    all_words: bool = True  # False: no meeting had every topic word, these have some
    widened: bool = False  # the question's kind of record had no answer, so every kind was searched
    emptied: Emptied | None = None
    unknown: list[str] = field(default_factory=list)


def when_discussed(store: Store, term: str, glossary: Glossary | None = None, *, since: str | None = None,
                   until: str | None = None, committee: str | None = None, council: str | None = None) -> Timeline:
    """The discussions of a topic or question; dated meetings newest first (or as the question orders them)."""
    store.check_readable()
    start, end = check_dates(since, until)
    question = with_options(read_question(term, store_known(store), glossary), since=start, until=end,
                            committee=committee, council=council)
    if question.order == "relevance":
        question.order = "latest"  # a timeline has a direction; a bare topic reads newest first
    scope = build_scope(store, question, records=question.records or DISCUSSION_RECORDS)
    strict, loose = engine_queries(question, store.fulltext, glossary)
    timeline = Timeline(question=question)
    used = strict
    groups = store.fulltext.best_per_meeting(strict, scope.filters)
    if not groups and question.records:
        scope.filters = replace(scope.filters, records=DISCUSSION_RECORDS)
        groups = store.fulltext.best_per_meeting(strict, scope.filters)
        timeline.widened = bool(groups)
    if not groups and loose is not None:
        used, groups = loose, store.fulltext.best_per_meeting(loose, scope.filters)
        timeline.all_words = False
    if not groups:
        timeline.unknown = unknown_names(store, question)
        count = lambda filters: len(store.fulltext.best_per_meeting(loose or strict, filters))  # noqa: E731
        timeline.emptied = None if timeline.unknown else emptied_by(count, scope.filters)
        return timeline
    top = groups[0][1]
    meetings = meeting_lookup(store, {hit.meeting_id for _, _, hit in groups if hit.meeting_id})
    found = {}
    indicators = store.fulltext.memo("indicators by page", lambda: indicators_by_page(store))
    ocr_pages = store.ocr_pages({hit.doc_id for _, _, hit in groups})
    forms = [_forms(unit, glossary) for unit in question.required + question.optional]
    for count, score, hit in groups:
        found_here = _discussion(count, score, hit, meetings.get(hit.meeting_id or ""), scope.stated.get(hit.doc_id))
        found_here.scorecard_row = _scorecard_row(indicators.get((found_here.document_id, found_here.page), []), forms)
        found_here.ocr = (hit.doc_id, hit.page) in ocr_pages
        # A scorecard row on the topic is performance reported to the meeting, not a passing mention.
        if score >= RELEVANCE_SHARE * top or count >= 2 or found_here.scorecard_row:
            found[id(found_here)] = (found_here, hit)
    timeline.discussions = _in_order(_once(found), question.order)
    _marked(store, used, timeline.discussions, found)
    return timeline


def _marked(store: Store, q, discussions: list[Discussion], found: dict) -> None:
    """Snippets for the discussions shown only: the copies and passing mentions left out need none."""
    hits = [found[id(d)][1] for d in discussions]
    store.fulltext.mark(q, hits)
    for discussion, hit in zip(discussions, hits):
        discussion.snippet = _markdown_marks(hit.snippet)


def _once(found: dict) -> list[Discussion]:
    """A meeting found twice through copies of one text (a scan beside its original) is one discussion."""
    groups = without_copies([d for d, _ in found.values()], text=lambda d: found[id(d)][1].content, ocr=lambda d: d.ocr,
                            date=lambda d: d.when, document=lambda d: d.document_id)
    for discussion, copies in groups:
        discussion.also_in = [f"{c.file}, page {c.page}{' (OCR)' if c.ocr else ''}" for c in copies]
    return [d for d, _ in groups]


def _in_order(found: list[Discussion], order: str) -> list[Discussion]:
    """Dated (by meeting or stated period) newest first, or oldest first; papers dated by nothing last."""
    dated = [d for d in found if d.sort_date]
    dated.sort(key=lambda d: (d.sort_date, d.score), reverse=order != "earliest")
    return dated + sorted((d for d in found if not d.sort_date), key=lambda d: -d.score)


def _scorecard_row(rows: list[str], forms: list[list[str]]) -> str | None:
    """The indicator row on the cited page (rows in table order) that names the most topic terms (forms), if any."""
    if not rows:
        return None
    scored = [(sum(any(_inside(f, form_key(row)) for f in unit) for unit in forms), row) for row in rows]
    best = max(scored, key=lambda pair: pair[0])
    return best[1] if best[0] else None


def _forms(unit: str, glossary: Glossary | None) -> list[str]:
    text = unit.strip('"')
    return [form_key(v) for v in (glossary.variants(text) if glossary else [])] or [form_key(text)]


def _inside(short: str, long: str) -> bool:
    return bool(short) and f" {short} " in f" {long} "


def _discussion(count: int, score: float, hit, meeting: dict | None, stated) -> Discussion:
    date = (meeting or {}).get("date") or hit.meeting_date
    return Discussion(
        meeting_date=date,
        committee=(meeting or {}).get("committee") or hit.committee,
        item=hit.number,
        title=hit.title,
        record=hit.record,
        snippet=_markdown_marks(hit.snippet),
        file=hit.file,
        page=hit.page,
        mentions=count,
        score=round(score, 3),
        meeting_id=hit.meeting_id,
        document_id=hit.doc_id,
        stated_period=None if date or not stated else stated.label,
        sort_date=date or (stated.start.isoformat() if stated else None),
    )
