"""Shared fixtures: real PDFs (the bundled corpus and small ones built here), a
real SQLite store and a real Whoosh index in a temporary data directory."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from index.store import Store
from ingest.pipeline import ingest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
PACK = CORPUS / "Agenda reports pack 14th-Jun-2017 Corporate Parenting Panel.pdf"
STRATEGY = CORPUS / "Corporate Parenting Strategy 2017-2019.pdf"
REPORT = CORPUS / "INFORMATION REPORT - CLA Performance Benchmarking Data 03-Apr-2019.pdf"


def write_pdf(path: Path, pages: list[str], *, title: str | None = None, landscape: bool = False,
              password: str | None = None) -> Path:
    """A small real PDF with one page per string (core fonts: latin-1 text only)."""
    pdf = FPDF(orientation="L" if landscape else "P")
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def variant(source: Path, target: Path, nonce: str) -> Path:
    """A copy of a PDF with different bytes (a trailing comment), so dedup keeps it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    with target.open("ab") as fh:
        fh.write(f"\n%{nonce}\n".encode())
    return target


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "home")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The bundled corpus ingested once, shared by read-only tests."""
    s = Store(tmp_path_factory.mktemp("corpus") / "home")
    report = ingest(s, [str(CORPUS)], jobs=2)
    assert report.ingested == 7 and not report.failed
    yield s
    s.close()
