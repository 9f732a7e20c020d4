"""The export/gold schema: one shape for `papers export`, gold files and `papers eval`.

A file is {"schema": SCHEMA, "kind": one of GOLD_KINDS, ...}. Extraction gold and
exports hold "documents" (DocumentRecord each, observations included); entity gold
holds "documents" with PERSON / ORG lists; a question set holds "questions".
It lives in extract/ because to_export, the one place an extraction takes this
shape, is pure and extract/ may not import search/; search/ and the tests read it here.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import TypedDict

from .records import Extraction

SCHEMA = 1  # bump when a field changes meaning; readers refuse newer files
GOLD_KINDS = ("structure", "observations", "entities", "questions")
DOCUMENT_FIELDS = ("kind", "council", "committee", "meeting_date")  # one value per document
# Formal recommendations (what gold lists); action-plan rows and strategy pledges restate
# or promise rather than recommend, so they are exported beside them as commitments.
FORMAL_RECOMMENDATION_KINDS = ("report", "inspection")
OBSERVATION_FIELDS = ("indicator", "ref", "series", "period", "value", "raw", "note", "unit", "page", "table", "row", "column")


class MeetingRecord(TypedDict):
    id: str
    council: str | None
    committee: str | None
    name: str | None  # the occasion: "Annual General Meeting"; None for an ordinary meeting
    date: str | None
    time: str | None
    venue: str | None


class AgendaItemRecord(TypedDict):
    number: str | None
    title: str | None
    pages: list[int] | None
    report_of: str | None
    meeting_date: str | None
    meeting: str | None


class MinuteItemRecord(TypedDict):
    number: str | None
    title: str | None
    meeting_date: str | None
    meeting: str | None
    page: int | None
    resolutions: list[str]  # verbatim, one per decision or numbered part


class RecommendationRecord(TypedDict):
    number: str | None
    text: str
    source: str | None
    page: int | None


class RequestRecord(TypedDict):
    text: str
    minute: str | None
    page: int | None
    due: str | None


class ActionRecord(TypedDict):
    ref: str | None
    text: str
    owner: str | None
    due: str | None
    status: str | None
    page: int | None


class ObservationRecord(TypedDict):
    indicator: str
    ref: str | None
    series: str
    period: str
    value: float | None
    raw: str
    page: int


class DocumentRecord(TypedDict, total=False):
    """A gold document states a list (even empty) or a field (even null) to have it scored."""

    file: str  # relative to the gold file's folder; matched by base name
    kind: str  # agenda_pack, agenda, minutes, report, presentation, strategy, other
    kind_confidence: float | None  # export only: how clearly the paper showed its kind
    convention: str | None  # export only: the convention profile it was read with (extract/profiles)
    council: str | None
    committee: str | None
    meeting_date: str | None
    pages: int
    image_only: bool  # gold: no usable text layer, so not scored until OCR lands
    garbled_text: bool  # gold: a text layer that does not read as the page
    meetings: list[MeetingRecord]
    agenda_items: list[AgendaItemRecord]
    minute_items: list[MinuteItemRecord]
    recommendations: list[RecommendationRecord]
    requests: list[RequestRecord]
    actions: list[ActionRecord]
    observations: list[ObservationRecord]


class GoldError(ValueError):
    """A file that is not gold of a known kind and schema; the message is one line."""


def gold_kind(data) -> str:
    """The kind a gold file declares; a file without one that lists documents is structure gold."""
    if not isinstance(data, dict):
        raise GoldError("not a gold file: expected a JSON object with a \"kind\"")
    if data.get("schema", SCHEMA) > SCHEMA:
        raise GoldError(f"written for schema {data['schema']}; this version reads schema {SCHEMA}")
    kind = data.get("kind", "structure" if isinstance(data.get("documents"), list) else None)
    if kind not in GOLD_KINDS:
        raise GoldError(f"unknown gold kind {kind!r}: expected one of {', '.join(GOLD_KINDS)}")
    return kind


def to_export(structure: Extraction) -> DocumentRecord:
    meta = structure.meta
    resolutions_by_item: dict[str, list[str]] = {}
    for resolution in structure.resolutions:
        resolutions_by_item.setdefault(resolution.minute_id, []).append(resolution.text)
    meetings = {m.id: m for m in structure.meetings}
    return {
        "file": structure.file_name,
        "kind": meta.kind,
        "kind_confidence": meta.kind_confidence,
        "convention": meta.convention,
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
        "observations": [{k: asdict(o)[k] for k in OBSERVATION_FIELDS} for o in structure.observations],
        **_actions(structure),
    }


def _actions(structure: Extraction) -> dict:
    """Action logs are exported (and so scored) once the extraction reads them."""
    actions = getattr(structure, "actions", None)
    if actions is None:
        return {}
    return {"actions": [{k: getattr(a, k, None) for k in ActionRecord.__annotations__} for a in actions]}


def _recommendation(r) -> dict:
    return {"text": r.text, "source": r.source, "number": r.number, "page": r.page, "kind": r.kind}


def _meeting_name(meeting) -> str | None:
    return meeting.name if meeting else None
