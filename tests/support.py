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
              password: str | None = None, styled: bool = False) -> Path:
    """A small real PDF with one page per string (core fonts: latin-1 text only).

    styled: each line is set on its own, with **bold** runs, leading spaces as indentation,
    '# ' opening a line in larger bold type and an empty line as white space.
    """
    pdf = FPDF(orientation="L" if landscape else "P")
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    for text in pages:
        pdf.add_page()
        if styled:
            _styled_lines(pdf, text)
        else:
            pdf.multi_cell(0, 6, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _styled_lines(pdf: FPDF, text: str) -> None:
    for line in text.splitlines():
        if not line.strip():
            pdf.ln(4)
            continue
        large = line.startswith("# ")
        pdf.set_font("Helvetica", "B" if large else "", 14 if large else 11)
        pdf.multi_cell(0, 6, line[2:] if large else line, markdown=not large, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)


def variant(source: Path, target: Path, nonce: str) -> Path:
    """A copy of a PDF with different bytes (a trailing comment), so dedup keeps it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    with target.open("ab") as fh:
        fh.write(f"\n%{nonce}\n".encode())
    return target
