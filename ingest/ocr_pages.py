"""Which pages of a document are read by OCR, and what each page's text came from.

Runs in the worker, on the PDFium document the text layer was read from. A page
whose text layer is unreadable (ingest/readability.py) is OCR'd when Tesseract
is there and the mode allows; otherwise it waits ('awaiting_ocr', no text) for
`papers ocr`. A page that Tesseract fails on waits too, with the reason, and the
other pages go on. Pages OCR'd before (stored words) are never read again.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2.raw as pdfium_c

from ..extract.records import PageText
from .ocr import OCR_DPI, PAGE_SEGMENTATION, OcrError, OcrPage, from_json, ocr_page, tesseract_missing, to_json
from .readability import unreadable_reason

MODES = ("auto", "always", "never")
PDF, OCR, AWAITING = "pdf", "ocr", "awaiting_ocr"
ALWAYS = "always"  # the reason recorded for a readable page OCR'd because it was asked for


@dataclass(frozen=True)
class OcrPlan:
    """auto: OCR unreadable pages; always: every page that prints something; never: none (they wait).

    known: page number -> stored OCR words (ocr.to_json) of pages read before.
    """

    mode: str = "auto"
    known: dict[int, str] = field(default_factory=dict)


# A folder of OCR results by file content, page and settings (opt-in): the tests ingest the same
# scans in several stores, and a rebuild from files need not OCR them again.
CACHE = os.environ.get("PAPERS_OCR_CACHE")
READER_VERSION = 2  # raised when ingest/ocr.py reads a render differently, so the cache misses


def _cache_path(sha256: str, number: int) -> Path | None:
    if not CACHE or not re.fullmatch(r"[0-9a-f]{64}", sha256):
        return None
    return Path(CACHE) / f"{sha256}-{number}-{OCR_DPI}-{PAGE_SEGMENTATION}-{READER_VERSION}.json"


def _keep(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(text)
        os.replace(partial, path)  # whole or absent, whichever worker wins
    except OSError:
        pass  # a cache that cannot be written only costs time


@dataclass
class PageSource:
    reason: str | None = None  # why the page needed OCR (readability reasons, or 'always')
    source: str = PDF
    ocr: OcrPage | None = None
    error: str | None = None

    def row(self) -> dict:
        return {"ocr_reason": self.reason, "text_source": self.source, "ocr_error": self.error,
                "ocr_confidence": round(self.ocr.confidence, 1) if self.ocr else None,
                "ocr_words": to_json(self.ocr) if self.ocr else None}


def page_reason(page, textpage, text: str, mode: str) -> str | None:
    objects = pdfium_c.FPDFPage_CountObjects(page.raw)
    reason = unreadable_reason(text, textpage.count_chars(), objects)
    return ALWAYS if reason is None and mode == ALWAYS and objects else reason


def read_unreadable(pdf, pages: list[PageText], reasons: dict[int, str], plan: OcrPlan,
                    timings: dict[str, float], sha256: str = "") -> dict[int, PageSource]:
    """OCR the pages that need it, replacing them in `pages`; the source of every page that needed it."""
    started = time.perf_counter()
    sources = {}
    for number in sorted(reasons.keys() | plan.known.keys()):
        reason = reasons.get(number, ALWAYS)
        source = sources[number] = _read(pdf, number, reason, plan, sha256)
        if source.ocr:
            pages[number - 1] = source.ocr.page_text(number)
        else:  # symbol soup is not text: it would only mislead search and extraction
            pages[number - 1] = PageText(number, "", pages[number - 1].width, pages[number - 1].height, False)
    timings["ocr"] = time.perf_counter() - started
    return sources


def _read(pdf, number: int, reason: str, plan: OcrPlan, sha256: str) -> PageSource:
    if number in plan.known:
        return PageSource(reason, OCR, from_json(plan.known[number]))
    missing = tesseract_missing()
    if plan.mode == "never" or missing:
        return PageSource(reason, AWAITING)
    cached = _cache_path(sha256, number)
    if cached and cached.exists():
        return PageSource(reason, OCR, from_json(cached.read_text()))
    page = pdf[number - 1]
    try:
        read = ocr_page(page)
        if cached:
            _keep(cached, to_json(read))
        return PageSource(reason, OCR, read)
    except OcrError as exc:
        return PageSource(reason, AWAITING, error=str(exc))
    except MemoryError:
        raise
    except Exception as exc:  # a page the imaging fails on waits; the document goes on
        return PageSource(reason, AWAITING, error=f"OCR failed ({type(exc).__name__}: {exc})")
    finally:
        page.close()
