"""Tables of a PDF's pages, read from word and rule positions with PDFium (see extract/grids.py).

ingest/parse.py reads tables in the same PDFium pass as the page text; this is
the stand-alone entry point for a file (tests, tools).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..extract.grids import page_grids
from ..extract.records import TableGrid
from .layout_reader import read_page_layouts
from .reader import open_pdf


def read_tables(path: Path, pages: Iterable[int] | None = None) -> list[TableGrid]:
    """Tables of the given 1-based pages (all pages when None), in page order."""
    pdf = open_pdf(Path(path))
    try:
        count = len(pdf)
        wanted = sorted({n for n in pages if 1 <= n <= count}) if pages is not None else list(range(1, count + 1))
        layouts = read_page_layouts(pdf, wanted)
    finally:
        pdf.close()
    return [grid for layout in layouts for grid in page_grids(layout)]
