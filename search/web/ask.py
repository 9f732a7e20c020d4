"""The Ask page: the question as typed, the answer first (as `papers when` gives it), then the results
(as `papers search` gives them) grouped per meeting, with filters and facet counts."""
from __future__ import annotations

from collections import Counter

from ...index.queries import document_kinds
from ..glossary import store_glossary
from ..pages import search_pages
from ..scope import store_known
from ..timeline import when_discussed
from ..query import QueryError
from .app import Page, Request, link

FILTERS = ("council", "committee", "kind", "since", "until", "record")
# Results listed, and counted by the facets, as `papers search --limit`: the snippets of more results,
# and the second pass that fills them with results of only some words, cost most of a search's time.
SHOWN, MOST = 10, 100


def glossary_of(store):
    """The store's glossary, read again only when the index changes (as the searcher's memos are)."""
    return store.fulltext.memo("web glossary", lambda: store_glossary(store))


def ask(app, request: Request) -> Page:
    store = app.store
    store.check_readable()
    q = request.get("q")
    chosen = {name: request.get(name) for name in FILTERS}
    chosen["limit"] = _limit(request.get("limit"))
    known = store_known(store)
    data = {"q": q, "filters": chosen, "choices": {"council": list(known.councils), "committee": list(known.committees),
                                                  "kind": document_kinds(store)}}
    if not q:
        return Page("ask.html", "Ask the papers", data)
    data.update(answer_and_results(store, q, chosen))
    return Page("ask.html", f"{q} – Ask the papers", data)


def answer_and_results(store, q: str, chosen: dict) -> dict:
    glossary = glossary_of(store)
    dates = {"since": chosen.get("since"), "until": chosen.get("until")}
    places = {"committee": chosen.get("committee"), "council": chosen.get("council")}
    timeline = when_discussed(store, q, glossary, **dates, **places)
    found = timeline.discussions
    latest = [d for d in found if d.sort_date][:1] or found[:1]  # as `papers when --last`
    result = search_pages(store, q, **dates, **places, kind=chosen.get("kind"), limit=chosen.get("limit") or SHOWN,
                          glossary=glossary, records=(chosen["record"],) if chosen.get("record") else None)
    councils = _councils(store, {h.document_id for h in result.hits})
    hits = [dict(h.as_dict(), when=h.when, council=councils.get(h.document_id), all_words=i < result.all_words,
                 page_link=link("/page", doc=h.document_id, n=h.page, q=q),
                 meeting_link=link("/meeting", id=h.meeting_id) if h.meeting_id else None)
            for i, h in enumerate(result.hits)]
    return {
        "read_as": result.question.describe(glossary),
        "answer": [dict(d.as_dict(), when=d.when, page_link=link("/page", doc=d.document_id, n=d.page, q=q),
                        meeting_link=link("/meeting", id=d.meeting_id) if d.meeting_id else None) for d in latest],
        "answer_all_words": timeline.all_words,
        "discussions": len(found),
        "total": result.total,
        "total_exact": result.total_exact,
        "all_words": result.all_words,
        "groups": _per_meeting(hits),
        "facets": _facets(hits, q, chosen),
        "facet_window": len(hits),
        "more": link("/", q=q, **dict(chosen, limit=min(MOST, len(hits) * 3))) if len(hits) < min(result.total, MOST) else None,
        "problem": _nothing_found(result) if not result.hits else None,
    }


def _limit(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MOST:
        raise QueryError(f"limit {text!r}: a number of results from 1 to {MOST}")
    return int(text)


def _councils(store, doc_ids: set[str]) -> dict[str, str]:
    if not doc_ids:
        return {}
    marks = ",".join("?" * len(doc_ids))
    return dict(store.db.execute(f"select id, council from documents where id in ({marks})", list(doc_ids)))


def _per_meeting(hits: list[dict]) -> list[dict]:
    """Hits in rank order, each meeting (or undated paper) once, holding its items in the order they ranked."""
    groups: dict[str, dict] = {}
    for hit in hits:
        key = hit["meeting_id"] or f"document:{hit['document_id']}"
        group = groups.setdefault(key, {"when": hit["when"], "committee": hit["committee"], "council": hit["council"],
                                        "meeting_link": hit["meeting_link"], "hits": []})
        group["hits"].append(hit)
    return list(groups.values())


def _facets(hits: list[dict], q: str, chosen: dict) -> dict[str, list[dict]]:
    """Counts of the results by council, committee, kind, record and year; each a link narrowing to it."""
    facets = {}
    for name, value_of in (("council", lambda h: h["council"]), ("committee", lambda h: h["committee"]),
                           ("kind", lambda h: h["kind"]), ("record", lambda h: h["record"]),
                           ("year", lambda h: (h["meeting_date"] or "")[:4] or None)):
        counts = Counter(value_of(h) for h in hits if value_of(h))
        facets[name] = [{"value": value, "count": count, "link": _narrowed(q, chosen, name, value)}
                        for value, count in counts.most_common()]
    return facets


def _narrowed(q: str, chosen: dict, name: str, value: str) -> str:
    narrowed = dict(chosen, **({"since": f"{value}-01-01", "until": f"{value}-12-31"} if name == "year" else {name: value}))
    return link("/", q=q, **narrowed)


def _nothing_found(result) -> str:
    if result.unknown:
        return "; ".join(result.unknown)
    if result.emptied:
        return result.emptied.message()
    return f"Did you mean: {result.suggestions[0]}?" if result.suggestions else "Nothing matches."
