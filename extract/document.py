"""extract_document: the one entry point from a document's read pages to all its records.

Ingest workers, the collection pass, rebuilds, the tests and the benchmark call this and
nothing else, so every path yields the same records with the same ids.
"""
from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from .actions import actions
from .decision_tables import table_decisions
from .minutes import refine_minute_items
from .records import Extraction, PageText, TableGrid
from .scorecards import extract_observations
from .structure import extract_structure


@dataclass
class ReadDocument:
    """What ingest read from one file: everything extraction may look at."""

    id: str  # SHA-256 of the file's bytes
    file_name: str
    pages: list[PageText]
    grids: list[TableGrid] = field(default_factory=list)  # tables of the pages that may hold one
    title: str | None = None  # the PDF's own title, when it states one
    timings: dict[str, float] = field(default_factory=dict)  # seconds ingest spent reading, by stage


@dataclass(frozen=True)
class CollectionContext:
    """What other papers of the same collection say: used only where this one is silent."""

    committees: tuple[str, ...] = ()
    councils: tuple[str, ...] = ()
    spacy_model: str | None = None  # a trained pipeline's name; None: rules on a blank pipeline


def extract_document(read: ReadDocument, context: CollectionContext = CollectionContext(),
                     mentions: list | None = None) -> Extraction:
    """Every record of one document, all carrying its id. Pure apart from the spaCy pipeline load.

    mentions: an earlier extraction's of the same read and spaCy model, extracted again in another
    collection context: names found on a page do not depend on it, only the items they fall in."""
    timings: dict[str, float] = {}
    with _timed(timings, "structure"):
        extraction = extract_structure(
            read.pages,
            read.file_name,
            document_id=read.id,
            known_committees=context.committees,
            known_councils=context.councils,
        )
        extraction.resolutions = table_decisions(read.grids, extraction.minute_items, extraction.resolutions)
        extraction.actions = _in_meeting(actions(read.pages), extraction)
    with _timed(timings, "indicator tables"):
        tables = extract_observations(read.id, read.grids, {p.number: p.text for p in read.pages})
        extraction.observations, extraction.breakdowns = tables.observations, tables.breakdowns
    with _timed(timings, "entities"):
        extraction.mentions = entity_extractor(context.spacy_model).mentions(read.pages, _item_spans(extraction), mentions)
        refine_minute_items(extraction.mentions, extraction.minute_items, read.pages)
    _stamp(extraction, read.id)
    extraction.timings = timings
    return extraction


@functools.cache
def entity_extractor(model: str | None):
    """One spaCy pipeline per process and model: building it costs ~0.7 s.

    Imported here: a run with nothing to parse never pays for spaCy.
    """
    from .entities import EntityExtractor

    return EntityExtractor(model=model)


def records_of(extraction: Extraction) -> Iterator[object]:
    for f in fields(extraction):
        value = getattr(extraction, f.name)
        if isinstance(value, list):
            yield from value


def _stamp(extraction: Extraction, document_id: str) -> None:
    """Every record names the document it came from (leaf extractors do not know it)."""
    for record in records_of(extraction):
        if hasattr(record, "document"):
            record.document = document_id


def _in_meeting(found, extraction: Extraction):
    """An action belongs to the meeting of the paper printing it (the stated date's, else the first)."""
    meetings = extraction.meetings
    meeting = next((m for m in meetings if m.date == extraction.meta.meeting_date), meetings[0] if meetings else None)
    for action in found:
        action.meeting_id = meeting.id if meeting else None
    return found


def _item_spans(extraction: Extraction) -> list[tuple[str, int, int]]:
    spans = [(m.id, m.page, m.last_page) for m in extraction.minute_items]
    return spans + [(p.id, p.first_page, p.last_page) for p in extraction.parts]


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    started = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started
