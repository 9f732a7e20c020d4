"""The pages other than Ask: meeting, page view, original file, indicator, person, trace, saved searches.

Each view calls what the matching CLI command calls and returns a Page whose
data is also the page's JSON (?format=json or .json).
"""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup, escape

from ...index import queries
from ...index.queries import MeetingScope
from ..people import CANDIDATES, matching_people, who as find_person
from ..query import NotFound, QueryError
from ..question import Known, read_question
from ..series import indicator_by_id, indicator_series, list_indicators, series_of
from ..trace import NotTraced, followups as list_followups, trace as trace_record
from . import saved as saved_searches
from .app import Page, Redirect, Request, Response, link
from .ask import FILTERS, ask, glossary_of
from .chart import series_chart
from .pagepng import page_png


def marks(snippet: str | None) -> Markup:
    """A snippet's **matches** as <mark>, everything else escaped."""
    parts = str(escape(snippet or "")).split("**")
    return Markup("".join(f"<mark>{p}</mark>" if i % 2 else p for i, p in enumerate(parts)))


def _required(request: Request, name: str) -> str:
    value = request.get(name)
    if not value:
        raise QueryError(f"this page needs ?{name}=")
    return value


# -- meetings ------------------------------------------------------------------------
def meetings_list(app, request: Request) -> Page:
    from ..listings import meeting_scope

    app.store.check_readable()
    scope = meeting_scope(**{k: request.get(k) for k in ("council", "committee", "since", "until")})
    rows = [dict(r, link=link("/meeting", id=r["id"])) for r in queries.meetings(app.store, scope)]
    return Page("meetings.html", "Meetings", {"meetings": rows}, csv=("meetings", [
        "date", "council", "committee", "name", "time", "venue", "agenda_items", "minute_items", "files", "id"]))


def meeting(app, request: Request) -> Page:
    store = app.store
    store.check_readable()
    meeting_id = _required(request, "id")
    found = queries.meeting_lookup(store, {meeting_id}).get(meeting_id)
    if not found:
        raise NotFound(f"no meeting with the id {meeting_id!r}")
    scope = MeetingScope(meeting=meeting_id)
    minutes = queries.items(store, scope, "minute")
    anchors = {m["id"]: f"minute-{i}" for i, m in enumerate(minutes, 1)}
    pairs = queries.agenda_minutes(store, meeting_id)
    page = lambda doc, n: link("/page", doc=doc, n=n)  # noqa: E731
    agenda = [dict(a, page_link=page(a["document_id"], a["page"]), minute_anchor=anchors.get(pairs.get(a["id"])))
              for a in queries.items(store, scope, "agenda")]
    minutes = [dict(m, anchor=anchors[m["id"]], page_link=page(m["document_id"], m["page"])) for m in minutes]
    with_pages = lambda rows: [dict(r, page_link=page(r["document_id"], r["page"])) for r in rows]  # noqa: E731
    return Page("meeting.html", f"{found['committee'] or 'Meeting'} {found['date'] or ''}".strip(), {
        "meeting": found, "agenda": agenda, "minutes": minutes,
        "resolutions": with_pages(queries.resolutions(store, None, scope)),
        "requests": with_pages(queries.requests(store, None, scope)),
        "attendance": with_pages(queries.attendance(store, meeting_id)),
        "papers": [dict(d, page_link=page(d["id"], d["page"] or 1), download=link("/file", doc=d["id"]))
                   for d in queries.meeting_papers(store, meeting_id)],
    })


# -- page view and the original file --------------------------------------------------
def _document(store, doc_id: str) -> dict:
    rows = store.db.execute_returning_dicts("select id, file, kind, title, pages, meeting_date, council, committee "
                                            "from documents where id = ?", [doc_id])
    if not rows:
        raise NotFound(f"no document with the id {doc_id!r}")
    return rows[0]


def _known_file(store, doc_id: str) -> str:
    """The stored path of a document whose file is still there unchanged; never a path from the request."""
    for path in store.paths_of(doc_id):
        known = store.known_path(path)
        if Path(path).is_file() and known and store.size_and_mtime(path) == (known.size, known.mtime_ns):
            return path
    raise NotFound(f"the file of document {doc_id[:12]}… is gone or changed since it was ingested: run `papers ingest`")


def _page_number(request: Request, document: dict) -> int:
    text = request.get("n", "1")
    if not text.isdigit() or not 1 <= int(text) <= document["pages"]:
        raise QueryError(f"page {text!r}: {document['file']} has pages 1 to {document['pages']}")
    return int(text)


def highlight_terms(store, q: str | None) -> tuple[str, ...]:
    """The question's topic words and their glossary forms, as the page image marks them."""
    if not q:
        return ()
    glossary = glossary_of(store)
    question = read_question(q, Known(), glossary)
    units = [u.strip('"') for u in question.required + question.optional] if question.form != "query" else \
        re.findall(r"[A-Za-z][\w'-]{2,}", re.sub(r"\b(AND|OR|NOT)\b|\w+:", " ", q))
    terms = {form for unit in units for form in [unit, *glossary.variants(unit)] if len(form) >= 3}
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


def page_view(app, request: Request) -> Page:
    store = app.store
    store.check_readable()
    document = _document(store, _required(request, "doc"))
    number = _page_number(request, document)
    q = request.get("q")
    text = store.db.execute("select text, text_source from pages where document_id = ? and number = ?",
                            [document["id"], number]).fetchone()
    meetings = queries.document_page_meetings(store, document["id"])
    at = lambda n: link("/page", doc=document["id"], n=n, q=q)  # noqa: E731
    return Page("page.html", f"{document['file']}, page {number}", {
        "document": document, "page": number, "q": q, "terms": list(highlight_terms(store, q)),
        "image": link("/page.png", doc=document["id"], n=number, q=q), "download": link("/file", doc=document["id"]),
        "text": text[0] if text else "", "ocr": bool(text and text[1] == "ocr"),
        "previous": at(number - 1) if number > 1 else None, "next": at(number + 1) if number < document["pages"] else None,
        "meeting_link": link("/meeting", id=meetings[number]) if meetings.get(number) else None,
    })


def page_image(app, request: Request) -> Response:
    store = app.store
    store.check_readable()
    document = _document(store, _required(request, "doc"))
    number = _page_number(request, document)
    ocr = store.db.execute("select ocr_words from pages where document_id = ? and number = ? and text_source = 'ocr'",
                           [document["id"], number]).fetchone()
    png = page_png(document["id"], _known_file(store, document["id"]), number, highlight_terms(store, request.get("q")),
                   ocr[0] if ocr else None)
    return Response("200 OK", "image/png", png)


def original_file(app, request: Request) -> Response:
    store = app.store
    store.check_readable()
    document = _document(store, _required(request, "doc"))
    body = Path(_known_file(store, document["id"])).read_bytes()
    name = re.sub(r"[^\w.,() -]", "_", document["file"])[:200] or "paper.pdf"
    return Response("200 OK", "application/pdf", body, [("Content-Disposition", f'attachment; filename="{name}"')])


# -- indicators ----------------------------------------------------------------------
def indicators_list(app, request: Request) -> Page:
    app.store.check_readable()
    q = request.get("q")
    rows = [dict(r, link=link("/indicator", id=r["id"])) for r in list_indicators(app.store, q)]
    return Page("indicators.html", "Indicators", {"q": q, "indicators": rows},
                csv=("indicators", ["label", "unit", "observations", "aliases", "id"]))


def indicator(app, request: Request) -> Page:
    store = app.store
    store.check_readable()
    if request.get("id"):
        result = series_of(store, indicator_by_id(store, request.get("id")))
    else:
        result = indicator_series(store, _required(request, "q"))
    periods = [r["period"] for r in result.rows]
    cells = _cells(result.observations)
    lines = {name: [_point(cells.get((p, name))) for p in periods] for name in result.series}
    lines = {name: points for name, points in lines.items() if any(points)}
    sources = sorted({o["file"] for o in result.observations})
    rows = [dict(r, cells={name: _point(cells.get((r["period"], name))) for name in result.series}) for r in result.rows]
    return Page("indicator.html", result.indicator["label"], {
        "indicator": result.indicator, "series": result.series, "rows": rows, "sources": sources,
        "chart": series_chart(result.indicator, periods, lines), "observations": result.observations,
    })


def _cells(observations: list[dict]) -> dict[tuple[str, str], dict]:
    """(period, series) -> the observation shown: the latest published, as the series rows take it."""
    return {(o["period"], o["series"]): o for o in observations}


def _point(obs: dict | None) -> dict | None:
    if not obs or not isinstance(obs["value"], (int, float)):
        return None
    return {"value": obs["value"], "raw": obs["raw"], "source": f"{obs['file']}, page {obs['page']}",
            "href": link("/page", doc=obs["document_id"], n=obs["page"], q=obs["raw"])}


# -- people and organisations ------------------------------------------------------------
def person(app, request: Request) -> Page:
    store = app.store
    store.check_readable()
    name = _required(request, "name")
    try:
        found, appearances = find_person(store, name)
    except NotFound as exc:
        exc.data = {"choices": [{"label": p.label(), "link": link("/who", name=p.name)}
                                for p in matching_people(store, name)[:CANDIDATES]]}
        raise
    cited = lambda p: {"label": f"{p['file']}, page {p['page']}", "link": link("/page", doc=p["document_id"], n=p["page"], q=name)}  # noqa: E731
    return Page("person.html", found.name, {
        "name": found.name, "kind": found.kind, "forms": found.forms, "mentions": found.mentions,
        "documents": found.documents,
        "appearances": [dict(a.as_dict(), cited=[cited(p) for p in a.pages]) for a in appearances],
    })


# -- follow-ups ------------------------------------------------------------------------
def trace_view(app, request: Request) -> Page:
    app.store.check_readable()
    try:
        chain = trace_record(app.store, _required(request, "record"))
    except NotTraced as exc:
        raise NotFound(str(exc)) from None
    at = lambda doc, page: link("/page", doc=doc, n=page) if doc and page else None  # noqa: E731
    chain["origin"]["page_link"] = at(chain["origin"].get("document_id"), chain["origin"].get("page"))
    for step in chain["links"]:
        evidence = (step["evidence_document"], step["evidence_page"]) if step.get("evidence_page") else None
        step["page_link"] = at(*(evidence or (step.get("document_id"), step.get("page"))))
    return Page("trace.html", "What became of it", chain)


def followups_view(app, request: Request) -> Page:
    app.store.check_readable()
    status = request.get("status")
    if status and status not in ("open", "overdue", "addressed", "superseded", "unknown"):
        raise QueryError(f"status {status!r}: choose open, overdue, addressed, superseded or unknown")
    rows = list_followups(app.store, status, request.get("council"), request.get("committee"), request.get("since"))
    rows = [dict(r, link=link("/trace", record=r["id"]),
                 page_link=link("/page", doc=r["document_id"], n=r["page"]) if r["document_id"] and r["page"] else None)
            for r in rows]
    return Page("followups.html", "Follow-ups", {"status": status, "followups": rows, "counts": _count_by(rows, "status")},
                csv=("followups", ["status", "date", "record", "text", "due", "file", "page", "evidence", "id"]))


def _count_by(rows: list[dict], key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[key]] = counts.get(row[key], 0) + 1
    return counts


# -- saved searches ----------------------------------------------------------------------
def saved_view(app, request: Request) -> Page:
    if request.method == "POST":
        return _change_saved(app, request)
    app.store.check_readable()
    searches = saved_searches.saved(app.home)
    chosen = request.get("id")
    if chosen:
        search = next((s for s in searches if str(s["id"]) == chosen), None)
        if not search:
            raise NotFound(f"no saved search {chosen!r}")
        hits, new = saved_searches.run(app.store, search)
        return Page("saved_one.html", f"Saved: {search['query']}", {
            "search": _public(search), "ask_link": link("/", q=search["query"], **search["filters"]),
            "results": [dict(h.as_dict(), new=saved_searches.hit_key(h) in new, when=h.when,
                             page_link=link("/page", doc=h.document_id, n=h.page, q=search["query"])) for h in hits],
            "new": len(new)})
    rows = []
    for search in searches:
        _, new = saved_searches.run(app.store, search, mark_seen=False)
        rows.append(dict(_public(search), new=len(new), link=link("/saved", id=search["id"])))
    return Page("saved.html", "Saved searches", {"searches": rows})


def _public(search: dict) -> dict:
    return {k: v for k, v in search.items() if k != "seen"}


def _change_saved(app, request: Request):
    if request.form.get("delete", "").isdigit():
        saved_searches.delete(app.home, int(request.form["delete"]))
        raise Redirect("/saved")
    query = (request.form.get("q") or "").strip()
    if not query:
        raise QueryError("nothing to save: type a question first")
    app.store.check_readable()
    filters = saved_searches.kept_filters(request.form)
    hits = saved_searches.results(app.store, query, filters)  # a search that cannot run is not saved
    saved_id = saved_searches.save(app.home, query, filters)
    search = next(s for s in saved_searches.saved(app.home) if s["id"] == saved_id)
    if not search["visited_at"]:  # what it answers today is the baseline for "new"
        saved_searches.mark(app.home, saved_id, {saved_searches.hit_key(h) for h in hits})
    raise Redirect(link("/saved", id=saved_id))


ROUTES = {
    "/": ask, "/meetings": meetings_list, "/meeting": meeting, "/page": page_view, "/page.png": page_image,
    "/file": original_file, "/indicators": indicators_list, "/indicator": indicator, "/who": person,
    "/trace": trace_view, "/followups": followups_view, "/saved": saved_view,
}
assert set(FILTERS) >= set(saved_searches.FILTERS)
