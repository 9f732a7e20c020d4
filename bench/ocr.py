"""OCR benchmark (slow; not part of the tests): accuracy and cost of reading scanned pages.

Character error rate (CER) of the OCR text of corpus/scanned/ against the text
layer of the originals they were scanned from, per render resolution, with the
seconds a page costs; then `papers ingest` of the scans with 1 and 2 jobs
(pages/s, OCR's share of worker time) and the peak memory of one worker
reading a 100-page scan built from them.

    .venv/bin/python bench/ocr.py [--dpi 150 200 300] [--memory-pages 100]

Writes its table into BENCHMARKS.md (the section between the ocr markers, kept
after the fault trials, which `make bench` keeps).

CER is Levenshtein distance / reference length, on text whose whitespace is
collapsed, in two orders: as each reader emits it ("stream") and with both
sides' words laid out in lines by position ("layout": a table's cells come
out row by row from OCR, cell by cell from some text layers).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

REPO = Path(__file__).resolve().parent.parent
SCANS = {  # scan -> (original, its pages the scan holds)
    "scanned/Minutes - Presentation from the Assistant Director of Corporate Parenting (scanned).pdf":
        ("Minutes - Presentation from the Assistant Director of Corporate Parenting.pdf", [1, 2]),
    "scanned/Corporate Parenting Service Update February 2022 pages 1-4 (scanned).pdf":
        ("Corporate Parenting Service Update February 2022.pdf", [1, 2, 3, 4]),
}


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _layout_order(words: list[tuple[str, float, float, float]]) -> str:
    """Words (text, x0, top, bottom) as lines by vertical overlap, each left to right."""
    lines: list[list] = []
    for word in sorted(words, key=lambda w: w[2]):
        middle = (word[2] + word[3]) / 2
        line = next((ln for ln in lines if ln[0] <= middle <= ln[1]), None)
        if line is None:
            lines.append([word[2], word[3], [word]])
        else:
            line[2].append(word)
    return " ".join(w[0] for ln in lines for w in sorted(ln[2], key=lambda w: w[1]))


def _cer(reference: str, hypothesis: str) -> float:
    return Levenshtein.distance(reference, hypothesis) / max(1, len(reference))


def _cpu_seconds() -> float:
    """CPU time of this process and of the Tesseract runs it waited for: robust to a busy machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_dpi(dpis: list[int]) -> list[dict]:
    from panel_papers.ingest.ocr import ocr_page
    from panel_papers.ingest.reader import open_pdf, read_pages

    originals = {}
    for scan, (original, numbers) in SCANS.items():
        pages = list(read_pages(open_pdf(REPO / "corpus" / original)))
        originals[scan] = [pages[n - 1] for n in numbers]
    rows = []
    for dpi in dpis:
        errors = {"stream": [0, 0], "layout": [0, 0]}
        seconds, cpu, count = 0.0, 0.0, 0
        for scan, reference_pages in originals.items():
            pdf = pdfium.PdfDocument(str(REPO / "corpus" / scan))
            for index, reference in enumerate(reference_pages):
                started, cpu_started = time.perf_counter(), _cpu_seconds()
                page = pdf[index]
                read = ocr_page(page, dpi)
                page.close()
                seconds += time.perf_counter() - started
                cpu += _cpu_seconds() - cpu_started
                count += 1
                pairs = {
                    "stream": (_collapsed(reference.text), _collapsed(read.text)),
                    "layout": (_layout_order([(w.text, w.x0, w.top, w.bottom) for w in reference.words]),
                               _layout_order([(w.text, w.x0, w.top, w.bottom) for w in read.words])),
                }
                for order, (ref, hyp) in pairs.items():
                    errors[order][0] += Levenshtein.distance(ref, hyp)
                    errors[order][1] += len(ref)
        rows.append({"dpi": dpi, "pages": count, "seconds_per_page": seconds / count, "cpu_seconds_per_page": cpu / count,
                     **{f"cer_{order}": e / max(1, n) for order, (e, n) in errors.items()}})
        print(rows[-1], flush=True)
    return rows


def measure_ingest(jobs: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    try:
        started = time.perf_counter()
        done = subprocess.run([str(Path(sys.executable).parent / "papers"), "--home", str(home), "ingest", "-q",
                               "--jobs", str(jobs), str(REPO / "corpus" / "scanned")],
                              capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
        share = _ocr_share()
        return {"jobs": jobs, "seconds": seconds, "pages_per_s": 6 / seconds, "summary": done.stdout.strip(),
                "ocr_share": share}
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _ocr_share() -> float:
    """OCR's share of reading + extracting the scans in one process (timings as parse.read_document keeps them)."""
    from panel_papers.extract.document import extract_document
    from panel_papers.ingest.parse import read_document

    ocr = total = 0.0
    for scan in SCANS:
        started = time.perf_counter()
        read, *_ = read_document(str(REPO / "corpus" / scan), "x" * 64)
        extract_document(read)
        total += time.perf_counter() - started
        ocr += read.timings.get("ocr", 0.0)
    return ocr / total


def measure_memory(pages: int) -> dict:
    """Peak RSS of a fresh process parsing a `pages`-page scan (the sample scans repeated)."""
    target = Path(tempfile.mkdtemp(prefix="ocr-mem-")) / "long scan.pdf"
    sources = [pdfium.PdfDocument(str(REPO / "corpus" / scan)) for scan in SCANS]
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for source in sources:
            out.import_pages(source, list(range(min(len(source), pages - len(out)))))
    out.save(str(target))
    script = ("import resource,sys,time\nfrom panel_papers.ingest.parse import parse_file\n"
              "t=time.perf_counter(); d=parse_file(sys.argv[1], 'x'*64, 0, 0)\n"
              "print(len(d.pages), time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True, check=True)
    count, seconds, own, child = done.stdout.split()
    shutil.rmtree(target.parent, ignore_errors=True)
    return {"pages": int(count), "seconds": float(seconds), "worker_peak_mb": int(own) / 1024,
            "tesseract_peak_mb": int(child) / 1024}


MARK_START, MARK_END = "<!-- ocr: bench/ocr.py writes this section -->", "<!-- /ocr -->"


def write_section(output: Path, dpis: list[dict], runs: list[dict], memory: dict, command: str) -> None:
    from panel_papers.ingest.ocr import OCR_DPI, PAGE_SEGMENTATION

    lines = [
        MARK_START,
        "## OCR of scanned pages",
        "",
        f"Command: `{command}` (measured {time.strftime('%Y-%m-%d')}; Tesseract "
        f"{_tesseract_version()}, page segmentation {PAGE_SEGMENTATION}, one thread per page). "
        "CER: the OCR text of corpus/scanned/ (6 pages: 2 of minutes, 4 slides with scorecard tables) against the "
        "text layer of the papers they were scanned from; *stream*: as each reader emits its text, *layout*: both "
        "sides' words laid out in lines by position (a table's cells come out row by row from OCR, cell by cell from "
        "the text layer). CPU seconds count the Tesseract runs too, so they hold on a busy machine; wall seconds do not.",
        "",
        "| render | CER (layout) | CER (stream) | CPU s/page | wall s/page |",
        "|---|---|---|---|---|",
        *(f"| {r['dpi']} dpi{' (used)' if r['dpi'] == OCR_DPI else ''} | {r['cer_layout']:.1%} | {r['cer_stream']:.1%} "
          f"| {r['cpu_seconds_per_page']:.2f} | {r['seconds_per_page']:.2f} |" for r in dpis),
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
        *(f"| `papers ingest corpus/scanned/`, {r['jobs']} job{'s' if r['jobs'] > 1 else ''} | "
          f"{r['pages_per_s']:.2f} pages/s ({r['seconds']:.1f} s for 6 pages) |  |  |" for r in runs),
        *(f"| OCR's share of reading and extracting the scans | {runs[0]['ocr_share']:.0%} |  |  |" for _ in runs[:1]),
        *(f"| Peak memory of one worker, {memory['pages']}-page scan | {memory['worker_peak_mb']:.0f} MB "
          f"(Tesseract: {memory['tesseract_peak_mb']:.0f} MB; {memory['seconds']:.0f} s) | < 400 MB | "
          f"{'yes' if memory['worker_peak_mb'] < 400 else '**no**'} |" for _ in [1] if memory),
        MARK_END,
    ]
    text = output.read_text() if output.exists() else ""
    if MARK_START in text:
        before, _, rest = text.partition(MARK_START)
        text = before + "\n".join(lines) + rest.partition(MARK_END)[2]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    output.write_text(text)


def _tesseract_version() -> str:
    from panel_papers.ingest.ocr import TESSERACT

    done = subprocess.run([TESSERACT, "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).split()[1] if (done.stdout or done.stderr) else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    parser.add_argument("--memory-pages", type=int, default=100)
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    args = parser.parse_args()
    dpis = measure_dpi(args.dpi)
    runs = [measure_ingest(jobs) for jobs in (1, 2)]
    print(runs, flush=True)
    memory = measure_memory(args.memory_pages) if args.memory_pages else {}
    print(memory, flush=True)
    command = ".venv/bin/python bench/ocr.py" + "".join(f" {a}" for a in sys.argv[1:])
    write_section(Path(args.output), dpis, runs, memory, command)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
