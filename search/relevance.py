"""Relevance on a question set: recall@5 and mean reciprocal rank, and the first answer to "when ... last".

Each question is asked as typed (`question`) through `papers search`; where it
also gives the same need as keywords (`query`), those are scored apart. A
question is answered at rank r when the r-th result is on an expected page of
an expected file, or is an item (a minute, or an agenda item with its report
pages) whose page span includes one: results are collapsed per item, and the
question set names the items' pages. A question with `first` is also asked
through `papers when`, whose first answer must be that meeting (or the period
an undated paper states). Files are named by base name or by a path relative
to the corpus folder.
recall@5 is the share of questions answered in the top 5; MRR averages 1/r
over the top 10 (0 when unanswered).
"""
from __future__ import annotations

from ..index.queries import agenda_item_pages
from .glossary import Glossary
from .pages import search_pages
from .timeline import when_discussed

DEPTH = 10


def score_questions(store, questions: list[dict], glossary: Glossary | None) -> dict:
    typed = [q for q in questions if q.get("question")]
    ranks = [_first_relevant_rank(store, q["question"], q["expected"], glossary) for q in typed]
    keywords = [q for q in questions if q.get("query")]
    keyword_ranks = [_first_relevant_rank(store, q["query"], q["expected"], glossary) for q in keywords]
    when_last = [q for q in questions if q.get("first")]
    firsts = [_first_answer_right(store, q, glossary) for q in when_last]
    return {
        "questions": len(typed),
        **_rank_scores(ranks),
        "keywords": {"questions": len(keywords), **_rank_scores(keyword_ranks)},
        "when_last": {"questions": len(when_last),
                      "first_correct": round(sum(firsts) / len(firsts), 4) if firsts else 0.0},
        "ranks": [{"query": q["question"], "rank": r} for q, r in zip(typed, ranks)]
        + [{"query": q["query"], "rank": r, "keywords": True} for q, r in zip(keywords, keyword_ranks)],
        "first_wrong": [q["question"] for q, right in zip(when_last, firsts) if not right],
    }


def _rank_scores(ranks: list[int | None]) -> dict:
    if not ranks:
        return {"recall_at_5": 0.0, "mrr": 0.0}
    return {"recall_at_5": round(sum(1 for r in ranks if r and r <= 5) / len(ranks), 4),
            "mrr": round(sum(1 / r for r in ranks if r) / len(ranks), 4)}


def _first_relevant_rank(store, text: str, expected: list[dict], glossary: Glossary | None) -> int | None:
    hits = search_pages(store, text, limit=DEPTH, glossary=glossary).hits
    for rank, hit in enumerate(hits, start=1):
        if _relevant(hit, _span(store, hit), expected):
            return rank
    return None


def _first_answer_right(store, question: dict, glossary: Glossary | None) -> bool:
    found = when_discussed(store, question["question"], glossary).discussions
    if not found:
        return False
    first, want = found[0], question["first"]
    if "file" in want and first.file != _base(want["file"]):
        return False
    if "stated_period" in want:
        return first.stated_period == want["stated_period"]
    return first.meeting_date == want.get("meeting_date")


def _span(store, hit) -> tuple[int, int]:
    if hit.record == "page" and hit.item and hit.meeting_id:
        pages = agenda_item_pages(store, hit.meeting_id, hit.item, hit.document_id)
        if pages:
            return pages
    return hit.page, hit.last_page or hit.page


def _relevant(hit, span: tuple[int, int], expected: list[dict]) -> bool:
    first, last = span
    return any(
        _same_file(hit, want["file"]) and any(first <= page <= last for page in want["pages"])
        for want in expected
    )


def _same_file(hit, wanted: str) -> bool:
    """A base name, or a path relative to the corpus folder that the hit's path ends with."""
    if "/" not in wanted:
        return hit.file == wanted
    return hit.file == _base(wanted) and (hit.path or "").replace("\\", "/").endswith("/" + wanted)


def _base(path: str) -> str:
    return path.rsplit("/", 1)[-1]
