"""Read a PDF's pages as text, and its words with their typography, with pypdfium2.

pdfplumber's layout analysis costs ~50 ms a page; PDFium reads the same text
layer in ~1 ms, so page text comes from here, and so do the word boxes and
rules of the pages that may hold a table (ingest/layout_reader.py).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from ..extract.records import PageText
from ..extract.text import join_hyphenated
from .ocr_pages import page_reason
from .words import page_words


class UnreadablePDF(Exception):
    """The file cannot be read as a PDF; the message says why, for a person."""


@dataclass
class PdfInfo:
    pages: int
    title: str | None
    producer: str | None
    creation_date: str | None  # ISO date when the PDF states one


def open_pdf(path: Path) -> pdfium.PdfDocument:
    if path.stat().st_size == 0:
        raise UnreadablePDF("empty file (0 bytes)")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise UnreadablePDF("not a PDF (no %PDF- header)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise UnreadablePDF(_pdfium_reason(exc)) from None


def _pdfium_reason(exc: Exception) -> str:
    text = str(exc)
    if "password" in text.lower():
        return "password-protected (encrypted) PDF"
    if "format" in text.lower() or "corrupt" in text.lower():
        return "truncated or corrupt PDF"
    return f"cannot open PDF: {text}"


def pdf_info(pdf: pdfium.PdfDocument) -> PdfInfo:
    meta = pdf.get_metadata_dict(skip_empty=True)
    return PdfInfo(
        pages=len(pdf),
        title=meta.get("Title"),
        producer=meta.get("Producer"),
        creation_date=_pdf_date(meta.get("CreationDate")),
    )


def _pdf_date(value: str | None) -> str | None:
    """'D:20170606090000Z' -> '2017-06-06'."""
    if not value:
        return None
    digits = value.removeprefix("D:")[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return None


def read_pages(pdf: pdfium.PdfDocument, unreadable: dict[int, str] | None = None, mode: str = "auto") -> Iterator[PageText]:
    """Yield pages one at a time, closing each so memory stays flat.

    unreadable, when given, receives page number -> why its text layer needs OCR (ingest/ocr_pages.py).
    """
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                raw = textpage.get_text_range()
                words = page_words(textpage, raw, height)
                text = _normalise(raw)
                reason = page_reason(page, textpage, text, mode) if unreadable is not None else None
            finally:
                textpage.close()
        finally:
            page.close()
        if reason:
            unreadable[index + 1] = reason
        yield PageText(
            number=index + 1,
            text=text,
            width=round(width, 1),
            height=round(height, 1),
            has_text_layer=bool(text.strip()),
            words=words,
        )


def _normalise(raw: str) -> str:
    # PDFium ends lines with CRLF and marks soft hyphens with U+0002.
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    return text.replace("\x00", "")


def read_document_pages(pdf: pdfium.PdfDocument) -> list[PageText]:
    """The text layer as it is, readable or not (see parse.read_document for OCR)."""
    pages = list(read_pages(pdf))
    return join_hyphenated(pages)
