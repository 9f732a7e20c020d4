"""Pages without a usable text layer: found, read by Tesseract, or left waiting when it cannot run.

The image-only paper is built here from a sample paper (rendered, turned a little, speckled,
one page turned sideways), so the test needs nothing but the corpus and Tesseract.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

import panel_papers.ingest.ocr as ocr
from panel_papers.ingest.pipeline import ingest, ocr_pending
from panel_papers.ingest.readability import unreadable_reason
from panel_papers.search.pages import search_pages
from support import CORPUS

MINUTES = CORPUS / "Minutes - Presentation from the Assistant Director of Corporate Parenting.pdf"
needs_tesseract = pytest.mark.skipif(ocr.tesseract_missing() is not None,
                                     reason="Tesseract is not installed (make test installs tesseract-ocr)")


def image_only_copy(source: Path, target: Path, *, dpi: int = 150, sideways: set[int] = frozenset()) -> Path:
    """Every page as a grey image turned by a degree, with speckle; pages in `sideways` turned 90 degrees."""
    pdf = pdfium.PdfDocument(str(source))
    rng = random.Random(7)
    images = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(1.0, fillcolor=255, expand=True)
        pixels = image.load()
        for _ in range(image.width * image.height // 400):
            pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice((0, 160, 255))
        if index + 1 in sideways:
            image = image.rotate(90, expand=True)
        images.append(image)
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    return image_only_copy(MINUTES, tmp_path_factory.mktemp("scan") / "minutes scanned.pdf", sideways={2})


def _pages(store):
    return store.db.execute("select number, ocr_reason, text_source, ocr_error from pages order by number").fetchall()


def test_unreadable_pages_are_told_apart():
    prose = "The Panel received a report on the annual review of placements and noted its findings. " * 3
    assert unreadable_reason(prose, len(prose), 5) is None
    assert unreadable_reason("", 0, 1) == "no_text"  # a page image
    assert unreadable_reason("", 0, 0) is None  # a blank page
    assert unreadable_reason("", 120, 3) == "no_unicode"  # glyphs drawn without a Unicode map
    assert unreadable_reason("(cid:12)(cid:7) (cid:9)(cid:3) (cid:44)", 20, 3) == "no_unicode"
    assert unreadable_reason("\x15\x1a\x1d\x1e\x17\x12\"\x01\x1b\x0e\x1d\x16 " * 10, 200, 3) == "garbled"
    soup = "6+7+38 /3-\x01 .+1*\x0143 8.+ 2++8/3- 4, 8.+ %/11'-+ 15116 19')0+88 " * 3
    assert unreadable_reason(soup.replace("\x01", " "), 200, 3) == "garbled"
    table = "Ref 2019-20 2020-21 Target 1 38.6 67.0 29.0 2 97.1 95% 93.5 3 10.7 13.5 Q1 - 2.5%"
    assert unreadable_reason(table, len(table), 9) is None


@needs_tesseract
def test_an_image_only_paper_is_read_into_searchable_structured_records(store, scan):
    report = ingest(store, [str(scan)], jobs=1)
    assert (report.ingested, report.ocr_pages, report.awaiting_ocr) == (1, 2, 0)
    assert _pages(store) == [(1, "no_text", "ocr", None), (2, "no_text", "ocr", None)]
    hits = search_pages(store, '"dental checks"').hits
    assert hits and hits[0].ocr and hits[0].page == 1
    [resolution] = store.db.execute("select text from resolutions").fetchall()
    assert resolution[0] == "That the report be noted."  # on the page scanned sideways
    [(title,)] = store.db.execute("select title from minute_items").fetchall()
    assert title.startswith("Presentation from the Assistant Director")


@needs_tesseract
def test_without_tesseract_pages_wait_and_papers_ocr_reads_them_later(store, scan, monkeypatch):
    said = []
    progress = type("P", (), {"start": lambda *a: None, "advance": lambda *a: None, "close": lambda *a: None,
                              "message": lambda self, text: said.append(text)})()
    monkeypatch.setattr(ocr, "TESSERACT", "/nonexistent/tesseract")
    ocr.tesseract_missing.cache_clear()
    try:
        report = ingest(store, [str(scan), str(MINUTES)], jobs=1, progress=progress)
    finally:
        monkeypatch.undo()
        ocr.tesseract_missing.cache_clear()
    assert (report.ingested, report.awaiting_ocr) == (2, 2)
    assert [line for line in said if "wait for OCR" in line] == [
        "2 pages have no readable text and wait for OCR: Tesseract is not installed; install it with "
        "`sudo apt-get install tesseract-ocr tesseract-ocr-eng` (Debian/Ubuntu; `brew install tesseract` on macOS), "
        "then run `papers ocr`"]
    [waiting] = store.unreadable_documents(awaiting_only=True)
    assert (waiting["file"], waiting["awaiting"]) == (scan.name, 2)
    assert all(hit.file != scan.name for hit in search_pages(store, '"dental checks"').hits)

    later = ocr_pending(store, jobs=1)
    assert (later.ingested, later.ocr_pages, later.awaiting_ocr) == (1, 2, 0)  # the text paper is not read again
    assert store.unreadable_documents(awaiting_only=True) == []
    # The scan and its original are one result: the text layer's, the scan named beside it.
    [hit] = search_pages(store, '"dental checks"').hits
    assert (hit.file, hit.ocr, hit.also_in) == (MINUTES.name, False, [f"{scan.name}, page 1 (OCR)"])


def test_a_tesseract_that_crashes_costs_its_page_one_line(store, tmp_path, monkeypatch):
    crashing = tmp_path / "tesseract"
    crashing.write_text("#!/bin/sh\ncase \"$*\" in *list-langs*) echo eng;; *) echo 'Segmentation fault' >&2; exit 139;; esac\n")
    crashing.chmod(0o755)
    page = Image.new("L", (300, 200), 255)
    page.paste(0, (40, 40, 260, 60))
    paper = tmp_path / "one page.pdf"
    page.save(paper, "PDF", resolution=72)
    said = []
    progress = type("P", (), {"start": lambda *a: None, "advance": lambda *a: None, "close": lambda *a: None,
                              "message": lambda self, text: said.append(text)})()
    monkeypatch.setattr(ocr, "TESSERACT", str(crashing))
    ocr.tesseract_missing.cache_clear()
    try:
        report = ingest(store, [str(paper)], jobs=1, progress=progress)
    finally:
        monkeypatch.undo()
        ocr.tesseract_missing.cache_clear()
    assert (report.ingested, report.failed, report.awaiting_ocr) == (1, [], 1)
    assert [line for line in said if line.startswith("OCR failed")] == [
        f"OCR failed: {paper}, page 1: Tesseract failed (exit 139: Segmentation fault)"]
    assert _pages(store) == [(1, "no_text", "awaiting_ocr", "Tesseract failed (exit 139: Segmentation fault)")]


def test_never_leaves_unreadable_pages_waiting(store, tmp_path):
    paper = tmp_path / "blank scan.pdf"
    Image.new("L", (200, 200), 128).save(paper, "PDF", resolution=72)
    report = ingest(store, [str(paper)], jobs=1, ocr="never")
    assert report.awaiting_ocr == 1 and _pages(store) == [(1, "no_text", "awaiting_ocr", None)]


def test_stored_ocr_reads_back_as_it_was_read():
    from panel_papers.extract.geometry import Box, Rule
    from panel_papers.extract.records import Word

    words = [Word("Minutes", 0, 10.0, 60.0, 5.0, 17.0, 12.0, ocr.FONT, True, 700),
             Word("noted.", 1, 10.0, 45.0, 20.0, 32.0, 12.0, ocr.FONT, False, 400)]
    page = ocr.OcrPage("Minutes\nnoted.", words, 300.0, 200.0, 91.5, 90, 0.5, [96.0, 87.0],
                       [Rule(Box(5.0, 40.0, 290.0, 40.0))])
    again = ocr.from_json(ocr.to_json(page))
    assert (again.text, again.words, again.rules, again.rotation) == (page.text, page.words, page.rules, 90)
