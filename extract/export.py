"""A Structure in the shape of corpus/gold.json's documents, so any category can be scored."""
from __future__ import annotations

from .records import Structure

# Formal recommendations (what gold lists); action-plan rows and strategy pledges restate
# or promise rather than recommend, so they are exported beside them as commitments.
FORMAL_RECOMMENDATION_KINDS = ("report", "inspection")


def to_export(structure: Structure) -> dict:
    meta = structure.meta
    resolutions_by_item: dict[str, list[str]] = {}
    for resolution in structure.resolutions:
        resolutions_by_item.setdefault(resolution.minute_id, []).append(resolution.text)
    meetings = {m.id: m for m in structure.meetings}
    return {
        "file": structure.file_name,
        "kind": meta.kind,
        "kind_confidence": meta.kind_confidence,
        "council": meta.council,
        "committee": meta.committee,
        "meeting_date": meta.meeting_date,
        "pages": structure.page_count,
        "meetings": [
            {"id": m.id, "council": m.council, "committee": m.committee, "name": m.name, "date": m.date,
             "time": m.time, "venue": m.venue}
            for m in structure.meetings
        ],
        "parts": [
            {"kind": p.kind, "first_page": p.first_page, "last_page": p.last_page, "agenda_item": p.agenda_item, "title": p.title}
            for p in structure.parts
        ],
        "agenda_items": [
            {"number": a.number, "title": a.title, "pages": list(a.pages) if a.pages else None, "report_of": a.report_of,
             "meeting_date": a.meeting_date, "meeting": _meeting_name(meetings.get(a.meeting_id))}
            for a in structure.agenda_items
        ],
        "minute_items": [
            {
                "number": m.number,
                "title": m.title,
                "meeting_date": m.meeting_date,
                "meeting": _meeting_name(meetings.get(m.meeting_id)),
                "page": m.page,
                "resolutions": resolutions_by_item.get(m.id, []),
            }
            for m in structure.minute_items
        ],
        "recommendations": [_recommendation(r) for r in structure.recommendations if r.kind in FORMAL_RECOMMENDATION_KINDS],
        "commitments": [_recommendation(r) for r in structure.recommendations if r.kind not in FORMAL_RECOMMENDATION_KINDS],
        "requests": [
            {"text": r.text, "minute": r.minute_number, "page": r.page, "who": r.who, "due": r.due}
            for r in structure.requests
        ],
        "attendance": [
            {
                "person": a.person,
                "role": a.role,
                "present": a.present,
                "meeting_date": meetings[a.meeting_id].date if a.meeting_id in meetings else None,
                "page": a.page,
            }
            for a in structure.attendance
        ],
        "declarations": [
            {"member": d.member, "item": d.item, "nature": d.nature, "page": d.page} for d in structure.declarations
        ],
    }


def _recommendation(r) -> dict:
    return {"text": r.text, "source": r.source, "number": r.number, "page": r.page, "kind": r.kind}


def _meeting_name(meeting) -> str | None:
    return meeting.name if meeting else None
