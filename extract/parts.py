"""Split a document into parts: agenda front sheet, minutes, each report and its appendices.

A pack says where its papers start in three ways, tried in this order:
"Agenda Item 8 / Pages 13 to 16" stamps on the first page of each paper; the
agenda's own "(Pages 13 - 16)" references; and, failing both, report cover
blocks and minutes headings at the top of a page. Within one agenda item's
pages, blank padding, a change of orientation, an "Appendix" heading or the end
of a cover report's "Background Papers" block start the next enclosure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .kinds import opening_kind, shape_kind
from .pagelines import is_padding, item_stamp, page_content, printed_to_physical
from .records import PageText, Part

COVER_LABEL = re.compile(
    r"^(?:REPORT\s+(?:FOR|TO)\s*:|Report\s+to\s*:|Date\s+of\s+Meeting\s*:|Meeting\s*:|Subject\s*:|Report\s+of\s*:)",
    re.I,
)
MINUTES_HEADING = re.compile(
    r"^(?:MINUTES|Minutes\s+of\s+(?:the\s+|a\s+)?.{0,80}?\b(?:meeting|held)\b.*|Minutes\s*:)$", re.I
)
APPENDIX_HEADING = re.compile(r"^(?:Appendix|Annex|Annexe|Enclosure|Schedule)\s+[A-Z0-9]{1,3}\b", re.I)
_COVER_END = re.compile(r"^Background\s+Papers\b", re.I)
_SUBJECT = re.compile(r"^Subject\s*:\s*(.+)$", re.I)
_TOP = 8


@dataclass
class Section:
    """The pages of one agenda item (or one unstamped paper)."""

    first: int
    last: int
    agenda_item: str | None


def _top(page: PageText, lines: int = _TOP) -> list[str]:
    return page_content(page)[:lines]


def is_cover_page(page: PageText) -> bool:
    """A report cover: two or more cover labels near the top of the page."""
    return sum(bool(COVER_LABEL.match(line)) for line in _top(page, 12)) >= 2


def is_minutes_start(page: PageText) -> bool:
    return any(MINUTES_HEADING.match(line) for line in _top(page)) or opening_kind(_top(page, 12)) == "minutes"


def stamped_sections(pages: list[PageText]) -> list[Section]:
    offset = printed_to_physical(pages)
    sections = []
    for page in pages:
        stamp = item_stamp(page)
        if stamp:
            number, span = stamp
            last = span[1] + offset if span else page.number
            sections.append(Section(page.number, last, number))
    return _close_gaps(sections, len(pages))


def referenced_sections(references: list[tuple[str, tuple[int, int]]], pages: list[PageText]) -> list[Section]:
    """Sections from the agenda's '(Pages X - Y)' references, as printed page numbers."""
    offset = printed_to_physical(pages)
    count = len(pages)
    sections = [
        Section(first + offset, min(last + offset, count), number)
        for number, (first, last) in references
        if 1 <= first + offset <= count
    ]
    return _close_gaps(sorted(sections, key=lambda s: s.first), count)


def detected_sections(pages: list[PageText]) -> list[Section]:
    """No stamps, no references: each cover page or minutes heading starts a paper."""
    starts = [p.number for p in pages if is_cover_page(p) or is_minutes_start(p)]
    return _close_gaps([Section(first, first, None) for first in starts], len(pages))


def _close_gaps(sections: list[Section], count: int) -> list[Section]:
    """A section runs at least to the page before the next one starts (and never past it)."""
    for current, following in zip(sections, sections[1:]):
        current.last = following.first - 1
    if sections:
        sections[-1].last = count
    return sections


def _starts_enclosure(page: PageText, previous: PageText | None, gap: bool, current: Part | None) -> bool:
    if previous is None or current is None:
        return True
    if gap or page.landscape != previous.landscape:
        return True
    if any(APPENDIX_HEADING.match(line) for line in _top(page, 3)):
        return True
    # A cover report closes with its "Background Papers" block; what follows is an enclosure.
    tail = page_content(previous)[-12:]
    return current.kind == "report" and any(_COVER_END.match(line) for line in tail)


def split_section(pages: list[PageText], section: Section, document_id: str) -> list[Part]:
    """The enclosures inside one section, padding pages left out."""
    parts: list[Part] = []
    previous, gap = None, False
    for page in pages[section.first - 1 : section.last]:
        if is_padding(page):
            gap = previous is not None
            continue
        if _starts_enclosure(page, previous, gap, parts[-1] if parts else None):
            parts.append(_new_part(page, section, document_id, first_in_section=not parts))
        parts[-1].last_page = page.number
        previous, gap = page, False
    return parts


def _new_part(page: PageText, section: Section, document_id: str, first_in_section: bool) -> Part:
    kind = part_kind(page, first_in_section)
    return Part(
        document=document_id,
        kind=kind,
        first_page=page.number,
        last_page=page.number,
        agenda_item=section.agenda_item,
        title=part_title(page),
    )


_KIND_BY_TITLE = [
    ("action_plan", re.compile(r"\bAction\s+Plan\b", re.I)),
    ("inspection_report", re.compile(r"\bInspection\s+of\b|\bInspection\s+report\b", re.I)),
    ("strategy", re.compile(r"\bStrategy\b|\bStrategic\s+Plan\b", re.I)),
]


def part_kind(page: PageText, first_in_section: bool) -> str:
    if is_minutes_start(page):
        return "minutes"
    if is_cover_page(page):
        return "report"
    if page.landscape and page.width / max(page.height, 1) > 1.6:
        return "presentation"
    head = " ".join(_top(page, 4))
    for kind, pattern in _KIND_BY_TITLE:
        if pattern.search(head):
            return kind
    return "report" if first_in_section else "appendix"


def part_title(page: PageText) -> str | None:
    lines = _top(page, 12)
    for index, line in enumerate(lines):
        subject = _SUBJECT.match(line)
        if subject:
            # A subject wraps onto the next line when that line is not another label.
            following = lines[index + 1] if index + 1 < len(lines) else ""
            extra = "" if (":" in following or not following) else " " + following
            return (subject.group(1) + extra).strip()
    return lines[0] if lines else None


def split_parts(
    pages: list[PageText],
    document_id: str,
    references: list[tuple[str, tuple[int, int]]] | None = None,
) -> list[Part]:
    """All parts of the document, in page order, each of the kind its own pages show."""
    if not pages:
        return []
    lead = leading_kind(pages)
    sections = stamped_sections(pages) or referenced_sections(references or [], pages)
    if not sections and lead == "agenda":
        sections = [s for s in detected_sections(pages) if s.first > 1]
    parts: list[Part] = []
    first_section_page = sections[0].first if sections else len(pages) + 1
    if first_section_page > 1:
        front = Section(1, first_section_page - 1, None)
        parts.extend(_front_parts(pages, front, lead, document_id))
    for section in sections:
        parts.extend(split_section(pages, section, document_id))
    return parts


def leading_kind(pages: list[PageText]) -> str:
    """What the paper opens as: agenda, minutes or report by its own cues, else what its shape makes it."""
    first = next((p for p in pages if p.text.strip()), None)
    opening = opening_kind(page_content(first)) if first else None
    return opening or shape_kind(pages)[0]


def _front_parts(pages: list[PageText], front: Section, lead: str, document_id: str) -> list[Part]:
    """Pages before the first agenda item: the agenda itself, or the whole paper."""
    parts = split_section(pages, front, document_id)
    if not parts:
        return parts
    if lead == "agenda":
        # The front sheet runs on over several pages; it is one agenda part.
        merged = parts[0]
        merged.kind, merged.last_page = "agenda", parts[-1].last_page
        return [merged]
    parts[0].kind = lead
    return parts
