"""Page text as a stream of content lines, with layout furniture removed.

Furniture is what the print layout adds around a paper: page-number footers,
"Agenda Item 8 / Pages 13 to 16" stamps and blank padding pages. Extraction
extractors work on the remaining lines, each tagged with its physical page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import LineBox, line_boxes
from .profiles.moderngov import ITEM_STAMP, PAGES_STAMP
from .records import PageText, Word

PAGE_FOOTER = re.compile(r"^\s*(?:Page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?|[-–]\s*(\d{1,4})\s*[-–]|(\d{1,4}))\s*$", re.I)
PADDING = re.compile(r"^\s*(?:this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank\.?|blank\s+page)\s*$", re.I)
# Footers and stamps sit in the first or last few lines of a page's text.
_EDGE = 3


@dataclass(frozen=True)
class Line:
    """A content line; its typography is known when the page came with words (else zeros)."""

    page: int
    text: str
    x0: float = 0.0  # left edge, points
    size: float = 0.0  # median type size of its words
    bold: bool = False  # most of its characters set bold
    gap: float = 0.0  # white space above it, points
    words: tuple[Word, ...] = ()


def _edge_indexes(count: int) -> set[int]:
    return set(range(min(_EDGE, count))) | set(range(max(0, count - _EDGE), count))


def _is_furniture(text: str) -> bool:
    return bool(PAGE_FOOTER.match(text) or ITEM_STAMP.match(text) or PAGES_STAMP.match(text))


def _indexed_content(page: PageText) -> list[tuple[int, str]]:
    """(index in page.text.splitlines(), stripped line) without footers, stamps and blank lines."""
    raw = [(index, line.strip()) for index, line in enumerate(page.text.splitlines()) if line.strip()]
    edges = _edge_indexes(len(raw))
    return [(index, line) for position, (index, line) in enumerate(raw) if not (position in edges and _is_furniture(line))]


def page_content(page: PageText) -> list[str]:
    """The page's lines without footers, stamps and blank lines."""
    return [line for _, line in _indexed_content(page)]


def is_padding(page: PageText) -> bool:
    """A page with nothing on it but furniture and a 'left blank' notice."""
    return all(PADDING.match(line) for line in page_content(page))


def content_lines(pages: list[PageText]) -> list[Line]:
    out = []
    for page in pages:
        if is_padding(page):
            continue
        boxes = line_boxes(page) if page.words else {}
        for index, text in _indexed_content(page):
            if not PADDING.match(text):
                out.append(_line(page.number, text, boxes.get(index)))
    return out


def _line(page: int, text: str, box: LineBox | None) -> Line:
    if box is None:
        return Line(page, text)
    return Line(page, text, box.x0, box.size, box.bold, box.gap, box.words)


def printed_number(page: PageText) -> int | None:
    """The page number printed in the page's header or footer, if any."""
    raw = [line for line in page.text.splitlines() if line.strip()]
    for index in _edge_indexes(len(raw)):
        match = PAGE_FOOTER.match(raw[index])
        if match and (match.group(1) or match.group(2)):
            return int(match.group(1) or match.group(2))
    return None


def printed_to_physical(pages: list[PageText]) -> int:
    """Offset to add to a printed page number to get the physical page (0 when unknown).

    Packs number their pages from the front sheet; a cover without a number
    shifts the two. The most common difference wins, so one stray number
    cannot move every reference.
    """
    offsets: dict[int, int] = {}
    for page in pages:
        printed = printed_number(page)
        if printed is not None:
            offset = page.number - printed
            offsets[offset] = offsets.get(offset, 0) + 1
    return max(offsets, key=offsets.get) if offsets else 0


def item_stamp(page: PageText) -> tuple[str, tuple[int, int] | None] | None:
    """('8', (13, 16)) for a page stamped 'Agenda Item 8 / Pages 13 to 16'."""
    raw = [line for line in page.text.splitlines() if line.strip()][: _EDGE + 2]
    number = next((m.group(1) for m in map(ITEM_STAMP.match, raw) if m), None)
    if number is None:
        return None
    span = next(((int(m.group(1)), int(m.group(2))) for m in map(PAGES_STAMP.match, raw) if m), None)
    return number, span


@dataclass
class Passage:
    """Lines joined into running text; remembers which page each character came from."""

    text: str
    starts: list[tuple[int, int]]  # (offset in text, page)

    @classmethod
    def of(cls, lines: list[Line]) -> "Passage":
        text, starts = "", []
        for line in lines:
            if text:
                text += " "
            starts.append((len(text), line.page))
            text += line.text
        return cls(text, starts)

    def page_at(self, offset: int) -> int:
        page = self.starts[0][1] if self.starts else 0
        for start, line_page in self.starts:
            if start > offset:
                break
            page = line_page
        return page


# A sentence ends at . ! ? followed by a space and a capital, quote or bracket;
# "c.£156", "e.g. the", "No. 5" and "Cllr. Smith" do not end one.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bNo)(?<!\bCllr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"'”’)]?\s+(?=[A-Z“\"'(•])")


def sentences(passage: Passage) -> list[tuple[str, int]]:
    """(sentence, page of its first character) in order."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(passage.text):
        end = match.end()
        out.append((passage.text[start:end].strip(), passage.page_at(start)))
        start = end
    tail = passage.text[start:].strip()
    if tail:
        out.append((tail, passage.page_at(start)))
    return out
