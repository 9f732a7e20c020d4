"""A page of a stored PDF as a PNG, with the words of the question marked where the text layer has them."""
from __future__ import annotations

import io
from functools import lru_cache

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

WIDTH = 1000  # pixels: a page read on a laptop screen without zooming
MARK = (255, 214, 0, 110)  # translucent yellow: the words stay readable under it


@lru_cache(maxsize=32)  # a page viewed, then viewed again with the next hit, renders once
def page_png(document_id: str, path: str, number: int, terms: tuple[str, ...] = ()) -> bytes:
    """document_id (the file's hash) keys the cache: a path whose content changed is another document."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[number - 1]
        width, height = page.get_size()
        scale = WIDTH / width
        image = page.render(scale=scale).to_pil().convert("RGBA")
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
    image.convert("RGB").save(out, "PNG", optimize=False)
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


def _pixels(box, scale: float, height: float) -> tuple[int, int, int, int]:
    left, bottom, right, top = box
    return int(left * scale) - 1, int((height - top) * scale) - 1, int(right * scale) + 1, int((height - bottom) * scale) + 1


def page_count(path: str) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()
