"""extract_structure: one document's parts, meetings, agenda and minute items, attendance,
decisions, recommendations and requests. Pure: page text in, dataclasses out."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .agenda import agenda_entries
from .attendance import apologies, declarations, header_attendance
from .committees import committee_from_collection
from .decisions import full_width, register, resolutions, with_run_in
from .glossary import defined_terms
from .ids import slug
from .meetings import heading_meeting, meeting_id, start_time
from .metadata import document_meta
from .minutes import minute_blocks
from .pagelines import Line, content_lines, printed_to_physical
from .parts import split_parts
from .recommendations import action_plan_rows, commitments, report_recommendations
from .records import AgendaItem, DocumentMeta, Meeting, MinuteItem, PageText, Part, Structure
from .requests import requests


def extract_structure(
    pages: list[PageText],
    file_name: str,
    kind: str | None = None,
    document_id: str | None = None,
    known_committees: Sequence[str] = (),
    meta: DocumentMeta | None = None,
) -> Structure:
    """Everything structural in one document.

    document_id prefixes part ids (the content hash when the caller has it);
    known_committees are committees other papers of the same collection name,
    used only when this one names none. meta, when the caller already read it,
    saves reading it again.
    """
    doc_id = document_id or file_name
    meta = meta or document_meta(pages, file_name)
    if kind:
        meta = replace(meta, kind=kind)
    if meta.committee is None and known_committees:
        meta = replace(meta, committee=committee_from_collection(pages, file_name, known_committees))
    structure = Structure(file_name=file_name, meta=meta, page_count=len(pages))
    parts = split_parts(pages, meta.kind, doc_id)
    parts = _agenda(structure, pages, parts, doc_id)
    structure.parts = parts
    for part in parts:
        lines = content_lines(pages[part.first_page - 1 : part.last_page])
        if part.kind == "minutes":
            _minutes(structure, lines, doc_id)
        else:
            _report_meeting(structure, part, lines, doc_id)
            structure.recommendations.extend(_recommendations(part, lines))
    _document_meeting(structure, doc_id)
    structure.defined_terms = defined_terms(pages)
    return structure


def _add_meeting(structure: Structure, meeting: Meeting) -> Meeting:
    for known in structure.meetings:
        if known.id == meeting.id:
            known.time = known.time or meeting.time
            known.venue = known.venue or meeting.venue
            return known
    structure.meetings.append(meeting)
    return meeting


def _document_meeting(structure: Structure, doc_id: str) -> None:
    meta = structure.meta
    if meta.meeting_date and not any(m.date == meta.meeting_date for m in structure.meetings):
        _add_meeting(structure, Meeting(meeting_id(meta.committee, meta.meeting_date, doc_id), meta.committee, meta.meeting_date))


def _agenda(structure: Structure, pages: list[PageText], parts: list[Part], doc_id: str) -> list[Part]:
    """Agenda items of the front sheet; without item stamps, their page references split the pack."""
    agenda = next((p for p in parts if p.kind == "agenda"), None)
    if agenda is None:
        return parts
    lines = content_lines(pages[agenda.first_page - 1 : agenda.last_page])
    meeting = heading_meeting(lines, doc_id, structure.meta.committee)
    if meeting is None or meeting.date is None:
        meeting = Meeting(
            meeting_id(structure.meta.committee, structure.meta.meeting_date, doc_id),
            structure.meta.committee,
            structure.meta.meeting_date,
        )
    meeting = _add_meeting(structure, meeting)
    offset = printed_to_physical(pages)
    entries = agenda_entries(lines)
    for entry in entries:
        physical = (entry.printed_pages[0] + offset, entry.printed_pages[1] + offset) if entry.printed_pages else None
        structure.agenda_items.append(
            AgendaItem(
                id=f"{meeting.id}:agenda:{entry.number}",
                meeting_id=meeting.id,
                number=entry.number,
                title=entry.title,
                report_of=entry.report_of,
                pages=physical,
                page=entry.page,
            )
        )
    if any(p.agenda_item for p in parts):
        return parts
    references = [(e.number, e.printed_pages) for e in entries if e.printed_pages]
    return split_parts(pages, structure.meta.kind, doc_id, references) if references else parts


def _minutes(structure: Structure, lines: list[Line], doc_id: str) -> None:
    header, blocks = minute_blocks(lines)
    meeting = heading_meeting(header, doc_id, structure.meta.committee) if header else None
    if meeting is None:
        # An undated extract: its meeting is known only by committee, within this document.
        meeting = Meeting(meeting_id(structure.meta.committee, None, doc_id), structure.meta.committee, None)
    meeting.time = meeting.time or start_time(lines)
    meeting = _add_meeting(structure, meeting)
    structure.attendance.extend(header_attendance(header, meeting.id))
    structure.attendance.extend(apologies(lines, meeting.id))
    structure.declarations.extend(declarations(lines, meeting.id))
    width, style = full_width(lines), register(lines)
    for block in blocks:
        item_id = f"{meeting.id}:minute:{block.number or slug(block.title)[:60]}"
        body = block.body
        structure.minute_items.append(
            MinuteItem(
                id=item_id,
                meeting_id=meeting.id,
                number=block.number,
                title=block.title,
                text=" ".join(line.text for line in body),
                meeting_date=meeting.date,
                page=block.heading_page,
                last_page=body[-1].page if body else block.heading_page,
            )
        )
        text = with_run_in(block.title, block.heading_page, body)
        structure.resolutions.extend(resolutions(text, item_id, block.number, width, style))
        structure.requests.extend(requests(text, item_id, block.number, width))


def _report_meeting(structure: Structure, part: Part, lines: list[Line], doc_id: str) -> None:
    """A report cover names the meeting the report is for."""
    if part.kind != "report" or not lines:
        return
    meeting = heading_meeting(lines, doc_id, structure.meta.committee)
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
