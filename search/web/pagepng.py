"""A page of a stored PDF as a PNG, with the words of the question marked: found in the PDF's text layer,
or, on a page read by OCR, among the words Tesseract placed on it."""
from __future__ import annotations

import io
import json
import re
from functools import lru_cache

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

WIDTH = 1000  # pixels: a page read on a laptop screen without zooming
MARK = (255, 214, 0, 110)  # translucent yellow: the words stay readable under it


@lru_cache(maxsize=32)  # a page viewed, then viewed again with the next hit, renders once
def page_png(document_id: str, path: str, number: int, terms: tuple[str, ...] = (), ocr: str | None = None) -> bytes:
    """document_id (the file's hash) keys the cache: a path whose content changed is another document.
    ocr: the page's stored OCR words (ingest/ocr.py to_json), for a page whose text layer is not its text."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[number - 1]
        width, height = page.get_size()
        scale = WIDTH / width
        image = page.render(scale=scale).to_pil().convert("RGBA")
        if ocr:
            boxes = ocr_boxes(ocr, terms, image.size)
        else:
            boxes = [_pixels(box, scale, height) for box in term_boxes(page, terms)]
        page.close()
    finally:
        pdf.close()
    if boxes:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for box in boxes:
            draw.rectangle(box, fill=MARK)
        image = Image.alpha_composite(image, overlay)
    out = io.BytesIO()
    image.convert("RGB").save(out, "PNG", compress_level=3)  # smaller and faster than the default here
    return out.getvalue()


def term_boxes(page, terms: tuple[str, ...]) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in PDF points of every occurrence of every term, any case."""
    textpage = page.get_textpage()
    boxes = []
    try:
        for term in terms:
            searcher = textpage.search(term, match_case=False)
            while (found := searcher.get_next()) is not None:
                index, count = found
                boxes += [textpage.get_rect(i) for i in range(textpage.count_rects(index, count))]
            searcher.close()
    finally:
        textpage.close()
    return boxes


def ocr_boxes(stored: str, terms: tuple[str, ...], size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Pixel boxes of the OCR'd words that spell a term, word by word ("order" marks "Orders" too).

    The words' points are those of the upright, deskewed render; a page turned to be read is left unmarked
    rather than marked in the wrong place.
    """
    page = json.loads(stored)
    if page.get("rotation") or not page.get("width") or not page.get("height"):
        return []
    across, down = size[0] / page["width"], size[1] / page["height"]
    words = [(_plain(w[0]), w[2], w[3], w[4], w[5]) for w in page["words"]]  # text, x0, x1, top, bottom
    boxes = []
    for term in terms:
        wanted = [w for w in map(_plain, term.split()) if w]
        for start in range(len(words) - len(wanted) + 1):
            run = words[start:start + len(wanted)]
            if wanted and all(word[0].startswith(w) for word, w in zip(run, wanted)):
                boxes += [(int(x0 * across) - 2, int(top * down) - 2, int(x1 * across) + 2, int(bottom * down) + 2)
                          for _, x0, x1, top, bottom in run]
    return boxes


def _plain(word: str) -> str:
    return re.sub(r"\W", "", word.lower())


def _pixels(box, scale: float, height: float) -> tuple[int, int, int, int]:
    left, bottom, right, top = box
    return int(left * scale) - 1, int((height - top) * scale) - 1, int(right * scale) + 1, int((height - bottom) * scale) + 1


def page_count(path: str) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()
