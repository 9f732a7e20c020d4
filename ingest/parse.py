"""What a worker process does with one file: read it and return plain data.

Runs in worker processes, so it touches no store; the parent writes.
"""
from __future__ import annotations

import functools
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ..extract.decision_tables import may_hold_decision_table, table_decisions
from ..extract.metadata import document_meta
from ..extract.minutes import refine_minute_items
from ..extract.records import PageText, ParsedDocument
from ..extract.scorecards import IndicatorTables, extract_observations
from ..extract.tables import page_may_hold_table
from ..extract.structure import extract_structure
from .reader import UnreadablePDF, open_pdf, pdf_info, read_document_pages


@dataclass
class Failure:
    path: str
    size: int
    mtime_ns: int
    reason: str


def parse_file(path: str, sha256: str, size: int, mtime_ns: int) -> ParsedDocument | Failure:
    try:
        return _parse(path, sha256, size, mtime_ns)
    except UnreadablePDF as exc:
        return Failure(path, size, mtime_ns, str(exc))
    except MemoryError:
        return Failure(path, size, mtime_ns, "too large to read in memory")
    except Exception as exc:  # a broken file must never stop the batch
        return Failure(path, size, mtime_ns, f"unreadable PDF ({type(exc).__name__}: {exc})")


@functools.cache
def _entities():
    """One spaCy pipeline per worker process: building it costs ~0.7 s.

    Imported here, not at the top: a run with nothing to parse never pays for spaCy.
    """
    from ..extract.entities import EntityExtractor

    return EntityExtractor(model=spacy_model(os.environ.get(MODEL_VARIABLE, "auto")))


MODEL_VARIABLE = "PAPERS_SPACY_MODEL"
# Trained English pipelines, best first; none is on the package registry this tool assumes.
_TRAINED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")


def spacy_model(choice: str) -> str | None:
    """'auto': the best trained English pipeline installed, else None (rules on a blank pipeline)."""
    if choice in ("", "none", "blank"):
        return None
    if choice != "auto":
        return choice
    import importlib.util

    return next((name for name in _TRAINED if importlib.util.find_spec(name)), None)


def _item_spans(structure) -> list[tuple[str, int, int]]:
    spans = [(m.id, m.page, m.last_page) for m in structure.minute_items]
    return spans + [(p.id, p.first_page, p.last_page) for p in structure.parts]


def _indicator_tables(path: str, sha256: str, pages: list[PageText]) -> IndicatorTables:
    """Table reading costs ~80 ms a page, so only pages whose text looks tabular are read."""
    from .tables import read_tables  # pdfplumber: only when a file is parsed

    candidates = [p.number for p in pages if page_may_hold_table(p.text)]
    grids = read_tables(Path(path), candidates) if candidates else []
    return extract_observations(sha256, grids, {p.number: p.text for p in pages})


def _decision_tables(path: str, pages: list[PageText], structure) -> None:
    """Decisions printed in a table's Recommendation or Decision column, read on minutes pages only."""
    from .tables import read_tables

    minute_pages = {n for m in structure.minute_items for n in range(m.page, m.last_page + 1)}
    candidates = [p.number for p in pages if p.number in minute_pages and may_hold_decision_table(p.text)]
    if candidates:
        grids = read_tables(Path(path), candidates)
        structure.resolutions = table_decisions(grids, structure.minute_items, structure.resolutions)


def _parse(path: str, sha256: str, size: int, mtime_ns: int) -> ParsedDocument:
    pdf = open_pdf(Path(path))
    try:
        info = pdf_info(pdf)
        pages = read_document_pages(pdf)
    finally:
        pdf.close()
    name = Path(path).name
    meta = document_meta(pages, name, info.title)
    structure = extract_structure(pages, name, document_id=sha256, meta=meta)
    _decision_tables(path, pages, structure)
    tables = _indicator_tables(path, sha256, pages)
    structure.observations, structure.breakdowns = tables.observations, tables.breakdowns
    structure.mentions = _entities().mentions(pages, _item_spans(structure))
    refine_minute_items(structure.mentions, structure.minute_items, pages)
    return ParsedDocument(
        id=sha256,
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        meta={
            "file": name,
            **asdict(meta),
            "pages": info.pages,
            "pages_without_text": sum(not p.has_text_layer for p in pages),
            "title": info.title,
            "producer": info.producer,
            "creation_date": info.creation_date,
        },
        pages=[
            {
                "number": p.number,
                "text": p.text,
                "has_text_layer": int(p.has_text_layer),
                "width": p.width,
                "height": p.height,
            }
            for p in pages
        ],
        structure=structure,
    )
