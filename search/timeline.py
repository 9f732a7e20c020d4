"""`papers when`: the meetings at which a topic was discussed, newest first.

Discussed means: in the minutes of the meeting, in an agenda item's title, or
in a report presented to it. A meeting with a single weak mention is a passing
mention and is left out, unless it is the only one.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ..index.fulltext import Filters
from ..index.queries import meeting_lookup
from ..index.store import Store
from .glossary import Glossary, expand_query
from .pages import _markdown_marks
from .query import check_query

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

    def as_dict(self) -> dict:
        return asdict(self)


def when_discussed(store: Store, term: str, glossary: Glossary | None = None) -> tuple[str, list[Discussion]]:
    """The expanded query and the discussions, dated meetings newest first, undated papers last."""
    store.check_readable()
    text = check_query(term)
    query = expand_query(text, glossary) if glossary else text
    filters = Filters(records=DISCUSSION_RECORDS, exclude_doc_ids=store.pending_ids())
    groups = store.fulltext.best_per_meeting(store.fulltext.parse(query), filters)
    if not groups:
        return query, []
    top = groups[0][1]
    meetings = meeting_lookup(store, {hit.meeting_id for _, _, hit in groups if hit.meeting_id})
    found = [
        _discussion(count, score, hit, meetings.get(hit.meeting_id or ""))
        for count, score, hit in groups
        if score >= RELEVANCE_SHARE * top or count >= 2
    ]
    found.sort(key=lambda d: (d.meeting_date is not None, d.meeting_date or "", d.score), reverse=True)
    return query, found


def _discussion(count: int, score: float, hit, meeting: dict | None) -> Discussion:
    return Discussion(
        meeting_date=(meeting or {}).get("date") or hit.meeting_date,
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
    )
