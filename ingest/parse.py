"""What a worker process does with one file: read it, extract it, return plain data.

Runs in worker processes, so it touches no store; the parent writes.
"""
from __future__ import annotations

import importlib.util
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ..extract.document import CollectionContext, ReadDocument, extract_document
from ..extract.decision_tables import may_hold_decision_table
from ..extract.records import PageText, ParsedDocument
from ..extract.grids import page_grids
from ..extract.tables import page_may_hold_table
from . import kept_reads
from .layout_reader import read_page_layouts
from ..extract.text import join_hyphenated
from .ocr_pages import OcrPlan, PageSource, read_unreadable
from .reader import PdfInfo, UnreadablePDF, open_pdf, pdf_info, read_pages


@dataclass
class Failure:
    path: str
    size: int
    mtime_ns: int
    reason: str


def parse_file(
    path: str, sha256: str, size: int, mtime_ns: int, context: CollectionContext = CollectionContext(),
    ocr: OcrPlan = OcrPlan(), reads: str | None = None,
) -> ParsedDocument | Failure:
    """reads: a folder where reads of papers naming no committee or council are kept for the collection
    pass, which takes them from there (ingest/kept_reads.py); None: always read the PDF."""
    try:
        return _parse(path, sha256, size, mtime_ns, context, ocr, reads)
    except UnreadablePDF as exc:
        return Failure(path, size, mtime_ns, str(exc))
    except MemoryError:
        return Failure(path, size, mtime_ns, "too large to read in memory")
    except Exception as exc:  # a broken file must never stop the batch
        return Failure(path, size, mtime_ns, f"unreadable PDF ({type(exc).__name__}: {exc})")


# Trained English pipelines, best first; none is on the package registry this tool assumes.
_TRAINED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")


def spacy_model(choice: str) -> str | None:
    """'auto': the best trained English pipeline installed, else None (rules on a blank pipeline)."""
    if choice in ("", "none", "blank"):
        return None
    if choice != "auto":
        return choice
    return next((name for name in _TRAINED if importlib.util.find_spec(name)), None)


def read_document(path: str, sha256: str, ocr: OcrPlan = OcrPlan()) -> tuple[ReadDocument, PdfInfo, dict[int, PageSource]]:
    """Page text from PDFium, or from OCR where the text layer is unreadable; tables from word and
    rule positions (PDFium's or OCR's words), only on pages whose text may hold an indicator table
    or names a decision column. The read's `sources` say where each OCR candidate's text came from."""
    started = time.perf_counter()
    pdf = open_pdf(Path(path))
    try:
        info = pdf_info(pdf)
        unreadable: dict[int, str] = {}
        pages = list(read_pages(pdf, unreadable, ocr.mode))
        timings = {"read page text": time.perf_counter() - started}
        sources = read_unreadable(pdf, pages, unreadable, ocr, timings, sha256)
        pages = join_hyphenated(pages)
        tables_started = time.perf_counter()
        candidates = [p.number for p in pages if page_may_hold_table(p.text) or may_hold_decision_table(p.text)]
        layouts = read_page_layouts(pdf, [n for n in candidates if n not in sources])
        layouts += [sources[n].ocr.layout(n) for n in candidates if n in sources and sources[n].ocr]
    finally:
        pdf.close()
    grids = [grid for layout in sorted(layouts, key=lambda l: l.number) for grid in page_grids(layout)]
    timings["read tables"] = time.perf_counter() - tables_started
    read = ReadDocument(sha256, Path(path).name, pages, grids, info.title, timings)
    return read, info, sources


def _parse(path: str, sha256: str, size: int, mtime_ns: int, context: CollectionContext, ocr: OcrPlan,
           reads: str | None = None) -> ParsedDocument:
    kept = kept_reads.take(reads, sha256, context.spacy_model) if reads else None
    if kept:
        (read, info, mentions), sources = kept, {}
    else:
        (read, info, sources), mentions = read_document(path, sha256, ocr), None
    extraction = extract_document(read, context, mentions)
    if reads and not kept and not sources and _unplaced(extraction.meta, read.pages):
        kept_reads.keep(reads, sha256, read, info, extraction.mentions, context.spacy_model)
    return ParsedDocument(
        id=sha256,
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        meta={
            "file": read.file_name,
            **asdict(extraction.meta),
            "pages": info.pages,
            "pages_without_text": sum(not p.text.strip() for p in read.pages),
            "title": info.title,
            "producer": info.producer,
            "creation_date": info.creation_date,
        },
        pages=[_page_row(p, sources.get(p.number, PageSource())) for p in read.pages],
        extraction=extraction,
    )


def _unplaced(meta, pages: list[PageText]) -> bool:
    """A paper the collection pass may extract again (as store.documents_to_place chooses them)."""
    return (meta.committee is None or meta.council is None) and any(p.text.strip() for p in pages)


def _page_row(page: PageText, source: PageSource) -> dict:
    return {
        "number": page.number,
        "text": page.text,
        "has_text_layer": int(page.has_text_layer),
        "width": page.width,
        "height": page.height,
        **source.row(),
    }
