"""extract_structure: one document's parts, meetings, agenda and minute items, attendance,
decisions, recommendations and requests. Pure: page text in, dataclasses out.

Nothing is gated on a guess of the document's kind: every part is read for
what its own pages hold, and the kind is concluded from what was found.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .agenda import agenda_entries
from .attendance import apologies, declarations, header_attendance
from .committees import committee_from_collection
from .council import council_from_collection
from .decisions import full_width, register, resolutions, with_run_in
from .glossary import defined_terms
from .kinds import conclude_kind
from .meetings import heading_meeting, meeting_segments, new_meeting, start_time
from .metadata import document_meta
from .minutes import minute_blocks
from .pagelines import Line, content_lines, printed_to_physical
from .parts import split_parts
from .profiles import Profile, detect_profile
from .recommendations import action_plan_rows, commitments, report_recommendations
from .records import AgendaItem, DocumentMeta, Meeting, MinuteItem, PageText, Part, Extraction
from .requests import requests

MEETING_PARTS = ("agenda", "minutes")


def extract_structure(
    pages: list[PageText],
    file_name: str,
    kind: str | None = None,
    document_id: str | None = None,
    known_committees: Sequence[str] = (),
    meta: DocumentMeta | None = None,
    known_councils: Sequence[str] = (),
) -> Extraction:
    """Everything structural in one document.

    document_id prefixes part ids (the content hash when the caller has it);
    known_committees and known_councils are named by other papers of the same
    collection, used only when this one names none. meta, when the caller
    already holds the paper's council, committee and date, saves reading them
    again. kind, when given, overrides the concluded kind (a caller who knows better).
    """
    doc_id = document_id or file_name
    parts = split_parts(pages, doc_id)
    meta = meta or document_meta(pages, meeting_paper=any(p.kind in MEETING_PARTS for p in parts))
    meta = _placed_in_collection(meta, pages, known_committees, known_councils)
    profile = detect_profile(pages)
    meta = replace(meta, convention=profile.name)
    structure = Extraction(file_name=file_name, meta=meta, page_count=len(pages))
    parts = _agenda(structure, pages, parts, doc_id, profile)
    structure.parts = parts
    for part in parts:
        lines = content_lines(pages[part.first_page - 1 : part.last_page])
        if part.kind == "minutes":
            for segment in meeting_segments(lines):
                _minutes(structure, segment, doc_id)
        else:
            _report_meeting(structure, part, lines, doc_id)
            structure.recommendations.extend(_recommendations(part, lines))
    concluded, confidence = conclude_kind(
        [p.kind for p in parts], len(structure.agenda_items), len(structure.minute_items),
        len(structure.resolutions), pages, file_name,
    )
    structure.meta = replace(structure.meta, kind=kind or concluded, kind_confidence=1.0 if kind else confidence)
    _document_meeting(structure, doc_id)
    structure.defined_terms = defined_terms(pages)
    return structure


def _placed_in_collection(
    meta: DocumentMeta, pages: list[PageText], known_committees: Sequence[str], known_councils: Sequence[str]
) -> DocumentMeta:
    if meta.committee is None and known_committees:
        meta = replace(meta, committee=committee_from_collection(pages, known_committees))
    if meta.council is None and known_councils:
        meta = replace(meta, council=council_from_collection(pages, known_councils))
    return meta


def _new_meeting(structure: Extraction, doc_id: str, date: str | None) -> Meeting:
    meta = structure.meta
    return new_meeting(meta.committee, date, doc_id, council=meta.council)


def _add_meeting(structure: Extraction, meeting: Meeting) -> Meeting:
    for known in structure.meetings:
        if known.id == meeting.id:
            known.time = known.time or meeting.time
            known.venue = known.venue or meeting.venue
            return known
    structure.meetings.append(meeting)
    return meeting


def _document_meeting(structure: Extraction, doc_id: str) -> None:
    date = structure.meta.meeting_date
    if date and not any(m.date == date for m in structure.meetings):
        _add_meeting(structure, _new_meeting(structure, doc_id, date))


def _heading_meeting(structure: Extraction, lines: list[Line], doc_id: str) -> Meeting | None:
    meta = structure.meta
    return heading_meeting(lines, doc_id, meta.committee, meta.council)


def _agenda(structure: Extraction, pages: list[PageText], parts: list[Part], doc_id: str, profile: Profile) -> list[Part]:
    """Agenda items of the front sheet; without item stamps, their page references split the pack."""
    agenda = next((p for p in parts if p.kind == "agenda"), None)
    if agenda is None:
        return parts
    lines = content_lines(pages[agenda.first_page - 1 : agenda.last_page])
    offset = printed_to_physical(pages)
    references = []
    kept = {item.id for item in structure.agenda_items}
    for segment in meeting_segments(lines):
        meeting = _heading_meeting(structure, segment, doc_id)
        if meeting is None or meeting.date is None:
            meeting = _new_meeting(structure, doc_id, structure.meta.meeting_date)
        meeting = _add_meeting(structure, meeting)
        entries = agenda_entries(segment, profile)
        for entry, sequence in zip(entries, _sequences(entries)):
            physical = (entry.printed_pages[0] + offset, entry.printed_pages[1] + offset) if entry.printed_pages else None
            item = AgendaItem(
                document=doc_id,
                meeting_id=meeting.id,
                number=entry.number,
                title=entry.title,
                report_of=entry.report_of,
                pages=physical,
                page=entry.page,
                meeting_date=meeting.date,
                sequence=sequence,
            )
            if item.id in kept:
                continue  # a number printed again further on (a list in an enclosure): the agenda's own item stands
            structure.agenda_items.append(item)
            kept.add(item.id)
            # Page references into this file's own front sheet are to another print of the pack.
            if entry.printed_pages and entry.printed_pages[0] + offset > agenda.last_page:
                references.append((entry.number, entry.printed_pages))
    if any(p.agenda_item for p in parts) or not references:
        return parts
    return split_parts(pages, doc_id, references)


def _sequences(entries) -> list[int | None]:
    """Which numbering each entry belongs to; None for the first numbering. Another session of the
    same meeting (a closed session, then the regular one) starts over with the same first item set in
    the same column ("1. CALL MEETING TO ORDER"); a list enclosed in an item starts over with items of
    its own, and its numbers stay printed again."""
    out, sequence = [], 1
    for position, entry in enumerate(entries):
        first = entries[0]
        aligned = abs(entry.x0 - first.x0) <= max(first.size, 1.0)
        opens_alike = entry.number == first.number and entry.title.lower() == first.title.lower()
        if position and entry.number is not None and opens_alike and aligned:
            sequence += 1
        out.append(sequence if sequence > 1 else None)
    return out


def _minutes(structure: Extraction, lines: list[Line], doc_id: str) -> None:
    header, blocks = minute_blocks(lines)
    meeting = _heading_meeting(structure, header, doc_id) if header else None
    if meeting is None:
        # An undated extract: its meeting is known only by committee, within this document.
        meeting = _new_meeting(structure, doc_id, None)
    meeting.time = meeting.time or start_time(lines)
    meeting = _add_meeting(structure, meeting)
    structure.attendance.extend(header_attendance(header, meeting.id))
    structure.attendance.extend(apologies(lines, meeting.id))
    structure.declarations.extend(declarations(lines, meeting.id))
    width, style = full_width(lines), register(lines)
    for block in blocks:
        body = block.body
        item = MinuteItem(
            document=doc_id,
            meeting_id=meeting.id,
            number=block.number,
            title=block.title,
            text=" ".join(line.text for line in body),
            meeting_date=meeting.date,
            page=block.heading_page,
            last_page=body[-1].page if body else block.heading_page,
        )
        structure.minute_items.append(item)
        text = with_run_in(block.title, block.heading_page, body)
        structure.resolutions.extend(resolutions(text, item.id, block.number, width, style))
        structure.requests.extend(requests(text, item.id, block.number, width))


def _report_meeting(structure: Extraction, part: Part, lines: list[Line], doc_id: str) -> None:
    """A report cover names the meeting the report is for."""
    if part.kind != "report" or not lines:
        return
    meeting = _heading_meeting(structure, lines, doc_id)
    if meeting and meeting.date:
        _add_meeting(structure, meeting)


def _recommendations(part: Part, lines: list[Line]):
    source = part.title or part.kind
    if part.kind == "action_plan":
        return action_plan_rows(lines, part, source)
    found = report_recommendations(lines, part, source)
    if part.kind == "strategy":
        found += commitments(lines, part, source)
    return found
