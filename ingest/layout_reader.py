"""Words with boxes and ruling lines of one page, from the PDFium page already open.

One pass over the page's objects and the first and last character of each word:
a few milliseconds a page, where pdfplumber re-parses the page with pdfminer
(~50-100 ms). Text that cannot be seen (drawn in the colour of what lies under
it, as slide templates leave placeholder text) is left out, because a table
reader would otherwise put it into cells.
"""
from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..extract.geometry import Box, PageLayout, PlacedWord, Rule

_WORD = re.compile(r"\S+")
_THIN = 2.5  # points: a path this thin is a line
_MAX_SEGMENTS = 6  # lines have 2, rectangles 5; more is a drawing (a chart, a map, a logo)
_PAGE_SHARE = 0.5  # a rectangle covering this share of the page is its background
_WHITE = (255, 255, 255)
_AREA_MIN = (40.0, 16.0)  # points: a rectangle at least this wide and tall may frame text (a KPI card)


class _Display:
    """PDF user space -> display coordinates (points from the top-left, /Rotate applied)."""

    def __init__(self, page):
        left, bottom, right, top = page.get_mediabox()
        self.left, self.bottom = left, bottom
        self.width, self.height = right - left, top - bottom
        self.rotation = page.get_rotation() % 360

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.left, y - self.bottom
        if self.rotation == 90:
            return y, x
        if self.rotation == 180:
            return self.width - x, y
        if self.rotation == 270:
            return self.height - y, self.width - x
        return x, self.height - y

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        if self.rotation == 0:  # most pages: a flip of the y axis
            return Box(left - self.left, self.height - (top - self.bottom), right - self.left,
                       self.height - (bottom - self.bottom))
        (ax, ay), (bx, by) = self.point(left, bottom), self.point(right, top)
        return Box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def page_layout(page, textpage, number: int) -> PageLayout:
    display = _Display(page)
    width, height = page.get_size()
    shapes = _shapes(page, display, width * height)
    words = _words(textpage, display, shapes)
    return PageLayout(number, width, height, words, _rules(shapes), shapes.areas)


class _Shapes:
    """Filled areas in drawing order (to tell what colour lies under a word) and ruling segments."""

    def __init__(self):
        self.fills: list[tuple[int, Box, tuple[int, int, int]]] = []
        self.rules: list[Box] = []
        self.areas: list[Box] = []
        self.text_order: dict[int, tuple[int, object]] = {}  # text object -> (drawing order, raw handle)
        self.colours: set[tuple[int, int, int]] = {_WHITE}  # of all fills, and the paper
        self.drawn = 0  # objects seen so far: the drawing order


def _shapes(page, display: _Display, page_area: float) -> _Shapes:
    shapes = _Shapes()
    objects = [pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    _add_objects(shapes, objects, None, display, page_area, 0)
    return shapes


_MAX_DEPTH = 4  # form XObjects nested deeper than this are logos and stamps, not tables


def _add_objects(shapes: _Shapes, objects, outer, display: _Display, page_area: float, depth: int) -> None:
    """Objects in drawing order; inside a form XObject, bounds are in the form's space: `outer` maps them."""
    for raw in objects:
        order, shapes.drawn = shapes.drawn, shapes.drawn + 1
        kind = pdfium_c.FPDFPageObj_GetType(raw)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            shapes.text_order[_handle(raw)] = (order, raw)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _add_path(shapes, raw, order, display, page_area, outer)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            matrix = pdfium.PdfMatrix.from_raw(_matrix(raw))
            inner = [pdfium_c.FPDFFormObj_GetObject(raw, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(raw))]
            _add_objects(shapes, inner, matrix.multiply(outer) if outer else matrix, display, page_area, depth + 1)


def _matrix(raw):
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(raw, matrix)
    return matrix


_BOUNDS = tuple(ctypes.c_float() for _ in range(4))
_BOUNDS_REFS = tuple(ctypes.byref(c) for c in _BOUNDS)


def _add_path(shapes: _Shapes, raw, order: int, display: _Display, page_area: float, outer) -> None:
    if pdfium_c.FPDFPath_CountSegments(raw) > _MAX_SEGMENTS:
        return
    pdfium_c.FPDFPageObj_GetBounds(raw, *_BOUNDS_REFS)
    bounds = tuple(c.value for c in _BOUNDS)
    box = display.box(*(outer.on_rect(*bounds) if outer else bounds))
    filled = _is_filled(raw)
    if filled:
        colour = _fill_colour(raw)
        shapes.fills.append((order, box, colour))
        shapes.colours.add(colour)
    if box.width * box.height >= page_area * _PAGE_SHARE:
        return
    if box.height <= _THIN or box.width <= _THIN:
        shapes.rules.append(box)
        return
    if box.width >= _AREA_MIN[0] and box.height >= _AREA_MIN[1]:
        shapes.areas.append(box)
    shapes.rules.extend([
        Box(box.x0, box.top, box.x1, box.top), Box(box.x0, box.bottom, box.x1, box.bottom),
        Box(box.x0, box.top, box.x0, box.bottom), Box(box.x1, box.top, box.x1, box.bottom),
    ])


def _is_filled(raw) -> bool:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(raw, ctypes.byref(mode), ctypes.byref(stroke)):
        return False
    return mode.value != pdfium_c.FPDF_FILLMODE_NONE


_RGBA = tuple(ctypes.c_uint() for _ in range(4))
_RGBA_REFS = tuple(ctypes.byref(c) for c in _RGBA)


def _fill_colour(raw) -> tuple[int, int, int]:
    if not pdfium_c.FPDFPageObj_GetFillColor(raw, *_RGBA_REFS):
        return (0, 0, 0)
    return (_RGBA[0].value, _RGBA[1].value, _RGBA[2].value)


def _handle(raw) -> int:
    return ctypes.cast(raw, ctypes.c_void_p).value or 0


def _rules(shapes: _Shapes) -> list[Rule]:
    rules = []
    for box in shapes.rules:
        if box.height <= _THIN:  # a horizontal line: centred on its thickness
            y = box.middle
            rules.append(Rule(Box(box.x0, y, box.x1, y)))
        else:
            x = box.centre
            rules.append(Rule(Box(x, box.top, x, box.bottom)))
    return rules


def _words(textpage, display: _Display, shapes: _Shapes) -> list[PlacedWord]:
    raw_text = textpage.get_text_range()
    tp = textpage.raw
    if pdfium_c.FPDFText_CountChars(tp) == len(raw_text):
        char_of = _same
    else:  # PDFium's text and its characters differ (astral code points): map offsets one by one
        def char_of(offset: int) -> int:
            return pdfium_c.FPDFText_GetCharIndexFromTextIndex(tp, offset)
    return list(_tokens(tp, raw_text, display, shapes, char_of))


def _same(offset: int) -> int:
    return offset


def _tokens(tp, raw_text: str, display: _Display, shapes: _Shapes, char_of):
    rect = pdfium_c.FS_RECTF()
    visible: dict[int, bool] = {}
    for match in _WORD.finditer(raw_text):
        first, last = char_of(match.start()), char_of(match.end() - 1)
        if first < 0 or last < 0:
            continue
        if not _visible(tp, first, shapes, visible, display):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(tp, first, rect)
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        pdfium_c.FPDFText_GetLooseCharBox(tp, last, rect)
        # The union in PDF space, then one transform: rotations by right angles keep boxes boxes.
        box = display.box(min(left, rect.left), min(bottom, rect.bottom), max(right, rect.right), max(top, rect.top))
        yield PlacedWord(match.group(), box)


def _visible(tp, char: int, shapes: _Shapes, cache: dict[int, bool], display: _Display) -> bool:
    handle = _handle(pdfium_c.FPDFText_GetTextObject(tp, char))
    if handle not in cache:
        cache[handle] = _object_visible(tp, char, handle, shapes, display)
    return cache[handle]


def _object_visible(tp, char: int, handle: int, shapes: _Shapes, display: _Display) -> bool:
    """Text is hidden when it has the colour of the last filled area drawn under it (white paper if none)."""
    order, raw = shapes.text_order.get(handle, (None, None))
    if order is None:
        return True
    colour = _fill_colour(raw)
    if colour not in shapes.colours:  # no area of its colour to vanish into
        return True
    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(tp, char, rect)
    box = display.box(rect.left, rect.bottom, rect.right, rect.top)
    x, y = box.centre, box.middle
    beneath = [(o, fill) for o, area, fill in shapes.fills
               if o < order and area.x0 <= x <= area.x1 and area.top <= y <= area.bottom]
    under = max(beneath)[1] if beneath else _WHITE
    return colour != under


def read_page_layouts(pdf, numbers: list[int]) -> list[PageLayout]:
    """Layouts of the given 1-based pages of an open PDFium document, each page closed after use."""
    layouts = []
    for number in numbers:
        page = pdf[number - 1]
        try:
            textpage = page.get_textpage()
            try:
                layouts.append(page_layout(page, textpage, number))
            finally:
                textpage.close()
        finally:
            page.close()
    return layouts
