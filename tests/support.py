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


def readable_gold(gold: dict, readable: bool = True) -> dict:
    """The gold of documents with a usable text layer (readable) or of those without (image-only, garbled):
    the floors of the text readers are kept on the first; tests/ingest/test_ocr*.py score the second."""
    flagged = lambda d: bool(d.get("image_only") or d.get("garbled_text"))  # noqa: E731
    return {**gold, "documents": [d for d in gold["documents"] if flagged(d) != readable]}


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


def write_flate_bomb(path: Path, megabytes: int) -> Path:
    """A one-page PDF whose small content stream inflates to `megabytes` of blanks."""
    import zlib

    packer = zlib.compressobj(9)
    blank = b" " * (1 << 20)
    data = b"".join(packer.compress(blank) for _ in range(megabytes)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    path.write_bytes(bytes(out))
    return path


def store_args(store) -> list[str]:
    """The CLI's options naming a store: its data directory, and its PostgreSQL URL if it has one."""
    url = getattr(store, "url", None)
    return ["--home", str(store.home), *(["--store", url] if url else [])]
