"""Reading follow-ups: one record's chain (`papers trace`), the list (`papers followups`) and the
`followups` of each exported document, in the gold's shape. Links are index/followups.py's."""
from __future__ import annotations

from ..index.store import Store

_RECORD_TABLES = ("requests", "actions", "recommendations", "agenda_items", "minute_items", "resolutions")
_LABEL = {
    "agenda_items": "coalesce(r.number, r.title)", "minute_items": "coalesce(r.number, r.title)",
    "actions": "coalesce(r.ref, r.text)", "requests": "r.text", "recommendations": "coalesce(r.number, r.text)",
    "resolutions": "r.text",
}
_TEXT = {"agenda_items": "title", "minute_items": "title", "actions": "text", "requests": "text",
         "recommendations": "text", "resolutions": "text"}


class NotTraced(LookupError):
    """No record with that id, and none whose words match."""


def endpoint(store: Store, table: str, record_id: str) -> dict:
    """{file, record, number_or_text, date, page, text} of a link's end."""
    if table == "documents":
        row = store.db.execute("select file, title, meeting_date from documents where id = ?", [record_id]).fetchone()
        if not row:
            return {"file": None, "record": "document", "number_or_text": record_id}
        return {"file": row[0], "record": "document", "number_or_text": row[1] or row[0], "date": row[2], "page": 1,
                "text": row[1] or row[0], "document_id": record_id}
    row = store.db.execute(
        f"select d.file, {_LABEL[table]}, r.page, r.{_TEXT[table]}, d.meeting_date, r.document_id from [{table}] r "
        f"join documents d on d.id = r.document_id where r.id = ?", [record_id]).fetchone()
    if not row:
        return {"file": None, "record": table, "number_or_text": record_id}
    return {"file": row[0], "record": table, "number_or_text": row[1], "page": row[2], "text": row[3], "document_id": row[5],
            "date": _record_date(store, table, record_id) or row[4]}


def _record_date(store: Store, table: str, record_id: str) -> str | None:
    sql = {
        "agenda_items": "select meeting_date from agenda_items where id = ?",
        "minute_items": "select meeting_date from minute_items where id = ?",
        "requests": "select m.meeting_date from requests r join minute_items m on m.id = r.minute_id where r.id = ?",
        "actions": "select m.date from actions a join meetings m on m.id = a.meeting_id where a.id = ?",
    }.get(table)
    row = store.db.execute(sql, [record_id]).fetchone() if sql else None
    return row[0] if row else None


def document_followups(store: Store, document_id: str) -> list[dict]:
    """Links stated in one document, as `followups` in gold: from, to, kind, evidence, page
    (content matches are left out: no paper states them)."""
    rows = store.db.execute_returning_dicts(  # content matches are the tool's leads, not links a paper states
        "select * from links where document_id = ? and kind != 'content_match' order by page, kind, from_id", [document_id])
    return [{"from": _short(endpoint(store, r["from_table"], r["from_id"])), "to": _short(endpoint(store, r["to_table"], r["to_id"])),
             "kind": r["kind"], "confidence": r["confidence"], "evidence": r["quote"], "page": r["page"]} for r in rows]


def _short(end: dict) -> dict:
    return {k: end.get(k) for k in ("file", "record", "number_or_text")}


def find_record(store: Store, query: str) -> tuple[str, str]:
    """(table, id) of a record named by its id, or the traced record whose text holds every word of query."""
    for table in (*_RECORD_TABLES, "documents"):
        if store.db.execute(f"select 1 from [{table}] where id = ?", [query]).fetchone():
            return table, query
    words = [w for w in query.lower().split() if w]
    for table in ("requests", "actions", "recommendations", "resolutions", "minute_items", "agenda_items"):
        column = "coalesce(ref, '') || ' ' || text" if table == "actions" else _TEXT[table]
        where = " and ".join(f"lower({column}) like ?" for _ in words)
        row = store.db.execute(f"select id from [{table}] where {where} order by id in (select record_id from followups) desc, "
                               "page limit 1", [f"%{w}%" for w in words]).fetchone()
        if row:
            return table, row[0]
    raise NotTraced(f"no record has the id or the words {query!r}")


def trace(store: Store, query: str) -> dict:
    """The origin, its status, and every later record linked to it (and to those), oldest first."""
    table, record_id = find_record(store, query)
    origin = {"id": record_id, **endpoint(store, table, record_id)}
    status = store.db.execute_returning_dicts("select status, due, evidence from followups where record_id = ?", [record_id])
    steps, seen, frontier = [], {record_id}, [record_id]
    while frontier:
        current = frontier.pop(0)
        for link in store.db.execute_returning_dicts(
                "select * from links where to_id = ? or from_id = ? order by confidence desc", [current, current]):
            other, other_table = (link["from_id"], link["from_table"]) if link["to_id"] == current else (link["to_id"], link["to_table"])
            if other in seen:
                continue
            seen.add(other)
            end = endpoint(store, other_table, other)
            steps.append({"id": other, **end, "kind": link["kind"], "confidence": link["confidence"],
                          "quote": link["quote"], "evidence_page": link["page"],
                          "evidence_file": _file_of(store, link["document_id"]), "evidence_document": link["document_id"]})
            if other_table != "documents":
                frontier.append(other)
    steps.sort(key=lambda s: (s.get("date") or "", s.get("file") or "", s.get("page") or 0))
    return {"origin": origin, "status": status[0] if status else None, "links": steps}


def _file_of(store: Store, document_id: str) -> str | None:
    row = store.db.execute("select file from documents where id = ?", [document_id]).fetchone()
    return row[0] if row else None


def followups(store: Store, status: str | None = None, council: str | None = None, committee: str | None = None,
              since: str | None = None) -> list[dict]:
    """Traced records with their status, due meeting and deciding evidence, oldest first."""
    rows = store.db.execute_returning_dicts("select * from followups")
    out = []
    for row in rows:
        end = endpoint(store, row["record_table"], row["record_id"])
        doc = store.db.execute("select council, committee from documents where file = ?", [end.get("file")]).fetchone() or (None, None)
        if status and row["status"] != status:
            continue
        if council and council.lower() not in (doc[0] or "").lower():
            continue
        if committee and committee.lower() not in (doc[1] or "").lower():
            continue
        if since and (end.get("date") or "") < since:
            continue
        evidence = store.db.execute_returning_dicts("select kind, quote, page, document_id from links where id = ?", [row["evidence"]])
        out.append({"id": row["record_id"], "record": row["record_table"], "status": row["status"], "date": end.get("date"),
                    "text": end.get("text"), "file": end.get("file"), "page": end.get("page"), "due": row["due"],
                    "evidence": evidence[0]["quote"] if evidence else None,
                    "evidence_file": _file_of(store, evidence[0]["document_id"]) if evidence else None,
                    "evidence_page": evidence[0]["page"] if evidence else None,
                    "document_id": end.get("document_id"), "evidence_document": evidence[0]["document_id"] if evidence else None})
    return sorted(out, key=lambda r: (r["date"] or "", r["file"] or "", r["page"] or 0))
