"""Relevance of search on a question set: recall@5 and mean reciprocal rank.

A question is answered at rank r when the r-th result is on an expected page
of an expected file, or is an item (a minute, or an agenda item with its
report pages) whose page span includes one: results are collapsed per item,
and the question set names the items' pages.
recall@5 is the share of questions answered in the top 5; MRR averages 1/r
over the top 10 (0 when unanswered).
"""
from __future__ import annotations

from ..index.queries import agenda_item_pages
from .glossary import Glossary
from .pages import search_pages

DEPTH = 10


def score_questions(store, questions: list[dict], glossary: Glossary | None) -> dict:
    ranks = [_first_relevant_rank(store, q, glossary) for q in questions]
    answered_5 = sum(1 for r in ranks if r and r <= 5)
    return {
        "questions": len(questions),
        "recall_at_5": round(answered_5 / len(questions), 4) if questions else 0.0,
        "mrr": round(sum(1 / r for r in ranks if r) / len(questions), 4) if questions else 0.0,
        "ranks": [{"query": q["query"], "rank": r} for q, r in zip(questions, ranks)],
    }


def _first_relevant_rank(store, question: dict, glossary: Glossary | None) -> int | None:
    hits = search_pages(store, question["query"], limit=DEPTH, glossary=glossary).hits
    for rank, hit in enumerate(hits, start=1):
        if _relevant(hit, _span(store, hit), question["expected"]):
            return rank
    return None


def _span(store, hit) -> tuple[int, int]:
    if hit.record == "page" and hit.item and hit.meeting_id:
        pages = agenda_item_pages(store, hit.meeting_id, hit.item, hit.document_id)
        if pages:
            return pages
    return hit.page, hit.last_page or hit.page


def _relevant(hit, span: tuple[int, int], expected: list[dict]) -> bool:
    first, last = span
    return any(
        hit.file == want["file"] and any(first <= page <= last for page in want["pages"])
        for want in expected
    )
