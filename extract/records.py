"""The contract between stages: plain dataclasses that extract/ returns and index/ stores.

Nothing here knows about SQLite or Whoosh; index/ maps these records to tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One printed word: where it sits (points from the page's top left) and how it is set.

    line is the index of its line in PageText.text.splitlines(), so typography can be
    laid over the text lines without matching text. Not frozen only because a frozen
    dataclass is five times slower to build, and pages hold hundreds of words; treat
    it as read-only (it hashes by value, so lines holding words can be hashed).
    """

    text: str
    line: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # points
    font: str
    bold: bool  # as the font states it (name, flags or weight)
    weight: int = 0  # the font's stated weight; 0 when unknown


@dataclass
class PageText:
    """One physical page as ingest/ read it (1-based number).

    words is empty where typography is not known (pages read back from a store).
    """

    number: int
    text: str
    width: float = 0.0
    height: float = 0.0
    has_text_layer: bool = True
    words: list[Word] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass
class DocumentMeta:
    """First-pass metadata of a whole document. Unknown values stay None."""

    kind: str = "other"
    committee: str | None = None
    meeting_date: str | None = None  # ISO date


@dataclass
class TableGrid:
    """A table as read from a page: cells row by row, None for empty cells."""

    page: int
    index: int  # 0-based order of the table on its page
    bbox: tuple[float, float, float, float]
    rows: list[list[str | None]] = field(default_factory=list)


# --- Structure (parts, meetings, items, decisions) ---
# Ids are stable: they derive from content (document id, committee, date,
# numbers, normalised text), never from the order of extraction.


@dataclass
class Part:
    """A contiguous run of pages that is one paper: agenda, minutes, report, appendix, ..."""

    id: str  # document + first page
    kind: str  # agenda, minutes, report, appendix, presentation, strategy, inspection_report, action_plan
    first_page: int
    last_page: int
    agenda_item: str | None = None
    title: str | None = None


@dataclass
class Meeting:
    id: str  # committee slug + ISO date
    committee: str | None
    date: str | None  # ISO date
    time: str | None = None  # "19:30"
    venue: str | None = None
    page: int | None = None  # where the meeting is stated


@dataclass
class AgendaItem:
    id: str  # meeting + number
    meeting_id: str
    number: str
    title: str
    report_of: str | None = None
    pages: tuple[int, int] | None = None  # the range the agenda states, as physical pages
    page: int | None = None  # page of the agenda entry


@dataclass
class MinuteItem:
    id: str  # meeting + number (or title slug when unnumbered)
    meeting_id: str
    number: str | None
    title: str
    text: str
    meeting_date: str | None
    page: int  # page of the heading
    last_page: int


@dataclass
class Attendance:
    id: str  # meeting + person
    meeting_id: str
    person: str
    role: str  # chair, vice_chair, member, reserve, non_voting, officer, apology, other
    present: bool = True
    page: int | None = None


@dataclass
class Declaration:
    id: str  # meeting + person + item
    meeting_id: str
    member: str
    item: str | None
    nature: str  # e.g. "non-pecuniary interest", "disclosable pecuniary interest"
    text: str
    page: int | None = None


@dataclass
class Resolution:
    id: str  # minute item + part number
    minute_id: str
    minute_number: str | None
    part: str | None  # "1", "a", ... for multi-part resolutions
    text: str
    parent_text: str  # the whole decision text the part came from
    verb: str  # RESOLVED, AGREED, DECISION, ...
    page: int


@dataclass
class Recommendation:
    id: str  # source part + number or text hash
    part_id: str | None
    kind: str  # report, inspection, action_plan, strategy
    source: str
    number: str | None
    text: str
    page: int


@dataclass
class Request:
    id: str  # minute item + text hash
    minute_id: str | None
    minute_number: str | None
    text: str
    who: str | None
    what: str
    due: str | None  # "next meeting", an ISO date, a named meeting
    page: int


@dataclass
class Structure:
    """Everything extract_structure finds in one document."""

    file_name: str
    meta: DocumentMeta
    page_count: int = 0
    parts: list[Part] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    minute_items: list[MinuteItem] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    breakdowns: list[BreakdownTable] = field(default_factory=list)
    defined_terms: list[DefinedTerm] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class ParsedDocument:
    """One file as a worker read it: what index/ needs to store it."""

    id: str  # SHA-256 of the file's bytes
    path: str
    size: int
    mtime_ns: int
    meta: dict  # documents columns: file, kind, committee, meeting_date, pages, title, ...
    pages: list[dict]  # number, text, has_text_layer, width, height
    structure: Structure | None = None


# --- Indicator tables and observations ---
# One Observation per value cell of an indicator table (a row is an
# indicator, a column header names a series and a period). Ids derive from
# where the cell is printed: document + page + table + row + column (+ part
# when one cell holds several values, e.g. quarterly targets).


@dataclass
class Observation:
    document: str  # document id (content hash) or file name, as the caller passes it
    indicator: str  # row description verbatim (monthly row tables: the column header)
    ref: str | None  # PI ref / Ref No / group number, when the table has one
    series: str  # actual, target, statistical_neighbours, england, london, region, floor
    period: str  # "2016-17", "2016-17 Q1", "2016-04", "2015"
    period_start: str  # ISO date
    period_end: str  # ISO date
    value: float | None  # None when the cell is not a number ("Not published", "", "-")
    raw: str  # cell text as printed (for split cells: that segment)
    note: str | None
    unit: str | None  # percent, rate per 10,000, count, days
    page: int  # page on which the row is printed
    table: int  # index of the table on its page
    row: int  # 0-based row in that page's table grid
    column: int  # 0-based column in that grid
    part: int = 0  # 1.. when one cell yields several observations

    @property
    def id(self) -> str:
        cell = f"{self.document}:p{self.page}:t{self.table}:r{self.row}:c{self.column}"
        return f"{cell}:{self.part}" if self.part else cell


@dataclass
class BreakdownTable:
    """A table breaking the cohort down (ethnicity, age, gender, placement type, cohort counts).

    Kept out of the series on purpose: its columns are categories, not periods.
    """

    document: str
    title: str
    dimension: str | None  # "ethnicity", "age", ... when a header names one
    page: int
    table: int
    last_page: int

    @property
    def id(self) -> str:
        return f"{self.document}:p{self.page}:t{self.table}"


@dataclass
class Indicator:
    id: str  # canonical id, stable across documents (see extract/indicators.py)
    label: str  # the label chosen to represent the group
    aliases: list[str] = field(default_factory=list)
    unit: str | None = None


# --- Glossary ---
# Acronyms that papers define in their own text ("Special Guardianship Orders
# (SGO)"); search/ merges them into the glossary that expands queries.


@dataclass
class DefinedTerm:
    term: str  # the long form as printed, e.g. "Unaccompanied Asylum Seeking Children"
    acronym: str  # as printed, without a plural "s": "UASC", "DfE", "Cafcass"
    page: int  # where the definition is printed


# --- Entities ---
# People, organisations, roles, places and topics named in the papers. A
# mention is one occurrence on a page; the entity it refers to is identified
# by kind + normalised name, so the same person mentioned in two documents
# gets one entity id (surnames alone are resolved within a document only).


@dataclass
class Mention:
    name: str  # normalised full name ("Jane Smith", "Local Safeguarding Children Board")
    kind: str  # PERSON, ORG, ROLE, PLACE, TOPIC
    text: str  # as written on the page ("Ms Smith")
    page: int
    start: int  # char offsets in the page text
    end: int
    role: str | None = None  # a role seen next to this person, e.g. "Designated Nurse for Children Looked After"
    item_id: str | None = None  # the smallest agenda/report span containing the page

    @property
    def entity_id(self) -> str:
        from .ids import slug  # local import: records stays free of module-level dependencies

        return f"{self.kind.lower()}:{slug(self.name)}"
