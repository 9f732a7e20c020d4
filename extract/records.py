"""The contract between stages: plain dataclasses that extract/ returns and index/ stores.

Nothing here knows about SQLite or Whoosh; index/ maps these records to tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .ids import record_id


class Keyed:
    """A record whose id is built from the fields named in KEY, by ids.record_id alone.

    A KEY entry that is a tuple names alternatives: the first that is set is used
    (a minute item is known by its number, or by its title when unnumbered).
    """

    KEY: ClassVar[tuple] = ()

    @property
    def id(self) -> str:
        return record_id(self)


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
    """Metadata of a whole document, read from the paper. Unknown values stay None."""

    kind: str = "other"  # concluded from the parts and items found, never a precondition for finding them
    council: str | None = None  # the authority as it names itself: "Northshire County Council"
    committee: str | None = None  # the meeting body without the authority: "Cabinet", "Parish Council"
    meeting_date: str | None = None  # ISO date, as the paper states it
    kind_confidence: float | None = None  # 0..1: how clearly the paper showed its kind
    convention: str | None = None  # the convention profile the paper was read with (extract/profiles)


@dataclass
class TableGrid:
    """A table as read from a page: cells row by row, None for empty cells."""

    page: int
    index: int  # 0-based order of the table on its page
    bbox: tuple[float, float, float, float]
    rows: list[list[str | None]] = field(default_factory=list)
    header_rows: int | None = None  # leading rows that are the header, when the reader knows; else guessed
    caption: str = ""  # the lines printed just above the table (a title that may state the period)


# --- Extraction (parts, meetings, items, decisions) ---
# Ids are stable: built from each type's KEY fields, which hold only what the
# document states (its content hash, numbers, normalised text), never the order
# of extraction. Records of a document carry its id, so the same meeting's
# minutes printed in two documents are two sets of rows, merged when read.


@dataclass
class Part(Keyed):
    """A contiguous run of pages that is one paper: agenda, minutes, report, appendix, ..."""

    KEY = ("document", "first_page")
    kind: str  # agenda, minutes, report, appendix, presentation, strategy, inspection_report, action_plan
    first_page: int
    last_page: int
    agenda_item: str | None = None
    title: str | None = None
    document: str = ""  # the content hash of the document stating it


@dataclass
class Meeting(Keyed):
    # An undated meeting is known only within the document that states it; an occasion
    # (an annual meeting the same evening as an ordinary one) is a meeting of its own.
    KEY = ("council", "committee", "date", "name", "undated_in")
    committee: str | None
    date: str | None  # ISO date
    time: str | None = None  # "19:30"
    venue: str | None = None
    page: int | None = None  # where the meeting is stated
    council: str | None = None
    name: str | None = None  # "Annual General Meeting", "Extraordinary Meeting"; None for an ordinary meeting
    undated_in: str | None = None  # the document id, for a meeting stated without a date


@dataclass
class AgendaItem(Keyed):
    # The title where layout alone marks the heading; the sequence where one file's agenda numbers
    # its items twice (a closed session 1-5, then the regular meeting 1-21), unset for the first.
    KEY = ("document", "meeting_id", ("number", "title"), "sequence")
    meeting_id: str
    number: str | None
    title: str
    report_of: str | None = None
    pages: tuple[int, int] | None = None  # the range the agenda states, as physical pages
    page: int | None = None  # page of the agenda entry
    meeting_date: str | None = None  # the date of its meeting (one file can hold two meetings' agendas)
    document: str = ""  # the content hash of the document stating it
    sequence: int | None = None  # 2, 3, ... for the items of a numbering that starts over in the same meeting


@dataclass
class MinuteItem(Keyed):
    KEY = ("document", "meeting_id", ("number", "title"))
    meeting_id: str
    number: str | None
    title: str
    text: str
    meeting_date: str | None
    page: int  # page of the heading
    last_page: int
    document: str = ""  # the content hash of the document stating it


@dataclass
class Attendance(Keyed):
    KEY = ("document", "meeting_id", "person")
    meeting_id: str
    person: str
    role: str  # chair, vice_chair, member, reserve, non_voting, officer, apology, other
    present: bool = True
    page: int | None = None
    document: str = ""  # the content hash of the document stating it


@dataclass
class Declaration(Keyed):
    KEY = ("document", "meeting_id", "member", "item")
    meeting_id: str
    member: str
    item: str | None
    nature: str  # e.g. "non-pecuniary interest", "disclosable pecuniary interest"
    text: str
    page: int | None = None
    document: str = ""  # the content hash of the document stating it


@dataclass
class Resolution(Keyed):
    # The text too: a restarted list repeats its part numbers. The same words decided twice in one
    # item ("resolved to pay" under three payments) are told apart by their repeat, unset for the first.
    KEY = ("minute_id", "part", "text", "repeat")
    minute_id: str
    minute_number: str | None
    part: str | None  # "1", "a", ... for multi-part resolutions
    text: str
    parent_text: str  # the whole decision text the part came from
    verb: str  # RESOLVED, AGREED, DECISION, MOVED (a motion), ...
    page: int
    mover: str | None = None  # motions ("Moved by X, Seconded by Y ... Carried")
    seconder: str | None = None
    result: str | None = None  # "Carried", "Carried unanimously"
    repeat: int | None = None  # 2, 3, ... for the second and later records of the same words in one item


@dataclass
class Recommendation(Keyed):
    KEY = ("document", "part_id", "kind", ("number", "text"))
    part_id: str | None
    kind: str  # report, inspection, action_plan, strategy
    source: str
    number: str | None
    text: str
    page: int
    document: str = ""  # the content hash of the document stating it


@dataclass
class Request(Keyed):
    KEY = ("document", "minute_id", "text")
    minute_id: str | None
    minute_number: str | None
    text: str
    who: str | None
    what: str
    due: str | None  # "next meeting", an ISO date, a named meeting
    page: int
    document: str = ""  # the content hash of the document stating it


@dataclass
class Action(Keyed):
    """A row of an action log or tracker, or an "ACTION:" line; status as printed."""

    KEY = ("document", "page", "ref", "text")  # the page too: a log restates its rows in a summary
    ref: str | None  # the log's own number ("Feb26.01"), or the minute it came from
    text: str
    owner: str | None
    due: str | None
    status: str | None
    page: int
    meeting_id: str | None = None  # the meeting of the paper that prints it
    document: str = ""  # the content hash of the document stating it


@dataclass
class Extraction:
    """Everything extract_document finds in one document: the one value a worker returns."""

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
    actions: list[Action] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    breakdowns: list[BreakdownTable] = field(default_factory=list)
    defined_terms: list[DefinedTerm] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, for the benchmark


@dataclass
class ParsedDocument:
    """One file as a worker read it: what index/ needs to store it."""

    id: str  # SHA-256 of the file's bytes
    path: str
    size: int
    mtime_ns: int
    meta: dict  # documents columns: file, kind, committee, meeting_date, pages, title, ...
    pages: list[dict]  # number, text, has_text_layer, width, height
    extraction: Extraction | None = None


# --- Indicator tables and observations ---
# One Observation per value cell of an indicator table (a row is an
# indicator, a column header names a series and a period). Ids derive from
# where the cell is printed: document + page + table + row + column (+ part
# when one cell holds several values, e.g. quarterly targets).


@dataclass
class Observation(Keyed):
    KEY = ("document", "page", "table", "row", "column", "part")
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


@dataclass
class BreakdownTable(Keyed):
    """A table breaking the cohort down (ethnicity, age, gender, placement type, cohort counts).

    Kept out of the series on purpose: its columns are categories, not periods.
    """

    KEY = ("document", "page", "table", "title")  # one grid can hold several breakdowns

    document: str
    title: str
    dimension: str | None  # "ethnicity", "age", ... when a header names one
    page: int
    table: int
    last_page: int


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
class DefinedTerm(Keyed):
    KEY = ("document", "acronym", "term")
    term: str  # the long form as printed, e.g. "Unaccompanied Asylum Seeking Children"
    acronym: str  # as printed, without a plural "s": "UASC", "DfE", "Cafcass"
    page: int  # where the definition is printed
    document: str = ""  # set by extract_document


# --- Entities ---
# People, organisations, roles, places and topics named in the papers. A
# mention is one occurrence on a page; the entity it refers to is identified
# by kind + normalised name, so the same person mentioned in two documents
# gets one entity id (surnames alone are resolved within a document only).


@dataclass
class Mention(Keyed):
    KEY = ("document", "page", "start", "kind")
    name: str  # normalised full name ("Jane Smith", "Local Safeguarding Children Board")
    kind: str  # PERSON, ORG, ROLE, PLACE, TOPIC
    text: str  # as written on the page ("Ms Smith")
    page: int
    start: int  # char offsets in the page text
    end: int
    role: str | None = None  # a role seen next to this person, e.g. "Designated Nurse for Children Looked After"
    item_id: str | None = None  # the smallest agenda/report span containing the page
    document: str = ""  # set by extract_document

    @property
    def entity_id(self) -> str:
        from .ids import slug

        return f"{self.kind.lower()}:{slug(self.name)}"
