"""Words with their typography, read from the PDFium text page that page text came from.

Only each word's first and last character are asked about (box, font, size,
weight): about 0.8 ms a page, against ~70 ms for pdfplumber's words on the
same pages. Words are found in the text PDFium returned, so each one knows
which text line it belongs to.
"""
from __future__ import annotations

import ctypes
import math
import re

import pypdfium2.raw as pdfium_c

from ..extract.records import Word

_WORD = re.compile(r"\S+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
_NAME_BUFFER = 128
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# The text object's address, as a plain int: comparing PDFium's pointer objects costs a cast each time.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
)


class _Probe:
    """Reusable ctypes buffers for one text page; a font is asked about once per text object."""

    def __init__(self, textpage, height: float):
        self.textpage = textpage.raw
        self.address = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        self.height = height
        self.box = pdfium_c.FS_RECTF()
        self.matrix = pdfium_c.FS_MATRIX()
        self.name = ctypes.create_string_buffer(_NAME_BUFFER)
        self.flags = ctypes.c_int()
        self.last_object: int | None = None
        self.style: tuple[float, str, bool, int] = (0.0, "", False, 0)

    def char_index(self, raw: str):
        """Text offset -> PDFium char index; the identity unless PDFium inserted or dropped chars."""
        units = _utf16_offsets(raw)
        if pdfium_c.FPDFText_CountChars(self.textpage) == units(len(raw)):
            return units
        return lambda offset: pdfium_c.FPDFText_GetCharIndexFromTextIndex(self.textpage, units(offset))

    def word(self, text: str, line: int, first: int, last: int) -> Word:
        tp, box, height = self.textpage, self.box, self.height
        pdfium_c.FPDFText_GetLooseCharBox(tp, first, box)
        x0, top, bottom = box.left, height - box.top, height - box.bottom
        pdfium_c.FPDFText_GetLooseCharBox(tp, last, box)
        size, font, bold, weight = self._style(first)
        return Word(text, line, x0, box.right, top, bottom, size, font, bold, weight)

    def _style(self, char: int) -> tuple[float, str, bool, int]:
        handle = _text_object_address(self.address, char)
        if handle is None or handle != self.last_object:
            self.last_object = handle
            self.style = self._read_style(char)
        return self.style

    def _read_style(self, char: int) -> tuple[float, str, bool, int]:
        tp = self.textpage
        size = pdfium_c.FPDFText_GetFontSize(tp, char)
        if pdfium_c.FPDFText_GetMatrix(tp, char, self.matrix):
            # Many producers set Tf 1 and scale with the text matrix.
            size *= math.hypot(self.matrix.c, self.matrix.d) or 1.0
        weight = pdfium_c.FPDFText_GetFontWeight(tp, char)
        pdfium_c.FPDFText_GetFontInfo(tp, char, self.name, _NAME_BUFFER, ctypes.byref(self.flags))
        font = self.name.value.decode("latin-1")
        # PDFium derives weight from the descriptor's stem width; values over 1000 are not weights.
        bold = bool(_BOLD_NAME.search(font.split("+")[-1]) or self.flags.value & _FORCE_BOLD or 600 <= weight <= 1000)
        return round(size, 1), font, bold, max(weight, 0)


def page_words(textpage, raw: str, height: float) -> list[Word]:
    """Every word of the page text `raw` as PDFium returned it for `textpage`."""
    if not raw.strip():
        return []
    probe = _Probe(textpage, height)
    char = probe.char_index(raw)
    words, start = [], 0
    for line_number, line in enumerate(raw.splitlines(keepends=True)):
        for match in _WORD.finditer(line):
            first, last = char(start + match.start()), char(start + match.end() - 1)
            if first >= 0 and last >= 0:
                words.append(probe.word(match.group(), line_number, first, last))
        start += len(line)
    return words


def _utf16_offsets(raw: str):
    """PDFium counts text in UTF-16 units; map a str index to that count (identity for BMP text)."""
    if not _ASTRAL.search(raw):
        return _same
    prefix = [0]
    for c in raw:
        prefix.append(prefix[-1] + (2 if ord(c) >= 0x10000 else 1))
    return prefix.__getitem__


def _same(index: int) -> int:
    return index
