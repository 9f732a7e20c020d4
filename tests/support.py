"""Helpers the tests share: where the bundled corpus is, and small real PDFs built here."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from fpdf import FPDF


REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
PACK = CORPUS / "Agenda reports pack 14th-Jun-2017 Corporate Parenting Panel.pdf"
STRATEGY = CORPUS / "Corporate Parenting Strategy 2017-2019.pdf"
REPORT = CORPUS / "INFORMATION REPORT - CLA Performance Benchmarking Data 03-Apr-2019.pdf"
# Every quality floor the tests enforce, read from one data file.
THRESHOLDS = json.loads((REPO / "tests" / "thresholds.json").read_text())


def gold_path(section: str) -> Path:
    return (REPO / THRESHOLDS[section]["gold"]).resolve()


def below(scores: dict[str, dict], floors: dict[str, float], metric: str = "f1") -> dict[str, tuple[float, float]]:
    """{category: (measured, floor)} for every floor not reached; a category not scored counts as 0."""
    measured = {category: scores.get(category, {}).get(metric, 0.0) for category in floors}
    return {c: (measured[c], floor) for c, floor in floors.items() if measured[c] < floor}


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
