"""What goes into the full-text index for one stored document: its pages and its items.

Each record carries the meeting it belongs to and a group key, so results can be
collapsed per meeting and item: an agenda item, its enclosed report's pages and
its recommendations share a group; a minute item, its resolutions and requests
share another.
"""
from __future__ import annotations

from .fulltext import IndexedRecord
import sqlite_utils

# Pages of these parts are covered by item records and are kept out of default search.
COVERED_PART_KINDS = ("minutes", "agenda")


def records_for_index(db: sqlite_utils.Database, doc_id: str) -> list[IndexedRecord]:
    doc = db["documents"].get(doc_id)
    meetings = _meetings(db)
    home_meeting = _document_meeting(db, doc)
    parts = db.execute_returning_dicts("select * from parts where document_id = ? order by first_page", [doc_id])
    base = {"doc_id": doc_id, "file": doc["file"], "kind": doc["kind"], "committee": doc["committee"]}
    covered = _covered_pages(db, doc_id, parts)
    page_meeting = page_meetings(db, doc_id, parts, home_meeting)
    agenda_titles = dict(db.execute("select number, title from agenda_items where document_id = ?", [doc_id]).fetchall())
    records = []
    for number, text in db.execute(
        "select number, text from pages where document_id = ? order by number", [doc_id]
    ):
        part = _part_of(parts, number)
        meeting_id = page_meeting.get(number)
        records.append(
            IndexedRecord(
                **base, id=f"{doc_id}:page:{number}", record="page", page=number, text=text,
                title=agenda_titles.get(_item_of(part)) or _part_title(part), number=_item_of(part),
                group=_part_group(part, home_meeting, doc_id, number),
                meeting_id=meeting_id, meeting_date=_date(meetings, meeting_id, doc["meeting_date"]),
                covered=number in covered,
            )
        )
    records += _minute_records(db, doc_id, base, meetings)
    records += _agenda_records(db, doc_id, base, meetings)
    records += _recommendation_records(db, doc_id, base, meetings, parts, home_meeting)
    _attach_entities(db, doc_id, records)
    return records


def _attach_entities(db: sqlite_utils.Database, doc_id: str, records: list[IndexedRecord]) -> None:
    """People and organisations named on a page (or in a minute item) go with its records, for filters."""
    by_page: dict[tuple[str, int], set[str]] = {}
    by_item: dict[tuple[str, str], set[str]] = {}
    for kind, entity_id, page, item_id in db.execute(
        "select kind, entity_id, page, item_id from mentions where document_id = ? and kind in ('PERSON', 'ORG')",
        [doc_id],
    ):
        by_page.setdefault((kind, page), set()).add(entity_id)
        if item_id:
            by_item.setdefault((kind, item_id), set()).add(entity_id)
    for record in records:
        item = record.group if record.record in ("minute", "resolution", "request") else None
        for kind, target in (("PERSON", record.people), ("ORG", record.orgs)):
            found = by_item.get((kind, item), set()) if item else by_page.get((kind, record.page), set())
            target.extend(sorted(found))


def page_meetings(db: sqlite_utils.Database, doc_id: str, parts: list[dict] | None = None,
                  home_meeting: str | None = None) -> dict[int, str | None]:
    """The meeting each page belongs to: a minutes page to the minuted meeting, others to the paper's own."""
    if parts is None:
        parts = db.execute_returning_dicts("select * from parts where document_id = ?", [doc_id])
        home_meeting = _document_meeting(db, db["documents"].get(doc_id))
    minute_meetings = _minute_meeting_by_page(db, doc_id)
    meetings = {}
    for (number,) in db.execute("select number from pages where document_id = ?", [doc_id]):
        part = _part_of(parts, number)
        meetings[number] = minute_meetings.get(number) if part and part["kind"] == "minutes" else home_meeting
    return meetings


def _covered_pages(db: sqlite_utils.Database, doc_id: str, parts: list[dict]) -> set[int]:
    """Pages whose text item records carry: minutes with items found, agendas with items found."""
    covered: set[int] = set()
    spans = {
        "minutes": db.execute("select min(page), max(last_page) from minute_items where document_id = ?", [doc_id]),
        "agenda": db.execute("select count(*), count(*) from agenda_items where document_id = ?", [doc_id]),
    }
    first, last = spans["minutes"].fetchone()
    has_agenda_items = spans["agenda"].fetchone()[0] > 0
    for part in parts:
        if part["kind"] == "minutes" and first is not None:
            covered.update(range(max(first, part["first_page"]), min(last, part["last_page"]) + 1))
        elif part["kind"] == "agenda" and has_agenda_items:
            covered.update(range(part["first_page"], part["last_page"] + 1))
    return covered


def _meetings(db: sqlite_utils.Database) -> dict[str, dict]:
    return {m["id"]: m for m in db.execute_returning_dicts("select id, date, committee from meetings")}


def _document_meeting(db: sqlite_utils.Database, doc: dict) -> str | None:
    """The meeting a document is for: the linked meeting on its own date."""
    row = db.execute(
        """select m.id from meetings m join meeting_documents md on md.meeting_id = m.id
           where md.document_id = ? order by (m.date is ?) desc, m.date desc limit 1""",
        [doc["id"], doc["meeting_date"]],
    ).fetchone()
    return row[0] if row else None


def _minute_meeting_by_page(db: sqlite_utils.Database, doc_id: str) -> dict[int, str]:
    pages: dict[int, str] = {}
    for first, last, meeting_id in db.execute(
        "select page, last_page, meeting_id from minute_items where document_id = ?", [doc_id]
    ):
        for number in range(first, (last or first) + 1):
            pages.setdefault(number, meeting_id)
    return pages


def _part_of(parts: list[dict], page: int) -> dict | None:
    inside = [p for p in parts if p["first_page"] <= page <= p["last_page"]]
    return min(inside, key=lambda p: p["last_page"] - p["first_page"]) if inside else None


def _item_of(part: dict | None) -> str | None:
    return part["agenda_item"] if part and part["kind"] not in COVERED_PART_KINDS else None


def _part_title(part: dict | None) -> str:
    return (part or {}).get("title") or ""


def _part_group(part: dict | None, meeting_id: str | None, doc_id: str, page: int) -> str:
    if part and part.get("agenda_item") and meeting_id:
        return f"{meeting_id}:agenda:{part['agenda_item']}"
    return part["id"] if part else f"{doc_id}:page:{page}"


def _date(meetings: dict, meeting_id: str | None, fallback: str | None = None) -> str | None:
    meeting = meetings.get(meeting_id or "")
    return meeting["date"] if meeting else fallback


def _minute_records(db: sqlite_utils.Database, doc_id: str, base: dict, meetings: dict) -> list[IndexedRecord]:
    records = []
    for item in db.execute_returning_dicts("select * from minute_items where document_id = ?", [doc_id]):
        shared = dict(base, group=item["id"], meeting_id=item["meeting_id"], number=item["number"],
                      meeting_date=_date(meetings, item["meeting_id"]))
        records.append(IndexedRecord(**shared, id=item["id"], record="minute", page=item["page"],
                                     last_page=item["last_page"], title=item["title"], text=item["text"]))
        for table, record in (("resolutions", "resolution"), ("requests", "request")):
            for row in db.execute_returning_dicts(
                f"select id, text, page from [{table}] where minute_id = ? and document_id = ?", [item["id"], doc_id]
            ):
                records.append(IndexedRecord(**shared, id=row["id"], record=record, page=row["page"],
                                             title=item["title"], text=row["text"]))
    return records


def _agenda_records(db: sqlite_utils.Database, doc_id: str, base: dict, meetings: dict) -> list[IndexedRecord]:
    return [
        IndexedRecord(
            **base, id=item["id"], record="agenda", page=item["pages_from"] or item["page"] or 1,
            last_page=item["pages_to"], title=item["title"], text=item["report_of"] or "",
            number=item["number"], group=f"{item['meeting_id']}:agenda:{item['number']}",
            meeting_id=item["meeting_id"], meeting_date=_date(meetings, item["meeting_id"]),
        )
        for item in db.execute_returning_dicts("select * from agenda_items where document_id = ?", [doc_id])
    ]


def _recommendation_records(db, doc_id, base, meetings, parts, home_meeting) -> list[IndexedRecord]:
    by_id = {p["id"]: p for p in parts}
    records = []
    for row in db.execute_returning_dicts("select * from recommendations where document_id = ?", [doc_id]):
        part = by_id.get(row["part_id"])
        records.append(
            IndexedRecord(
                **base, id=row["id"], record="recommendation", page=row["page"], title=row["source"] or "",
                text=row["text"], number=row["number"], group=_part_group(part, home_meeting, doc_id, row["page"]),
                meeting_id=home_meeting, meeting_date=_date(meetings, home_meeting),
            )
        )
    return records
