"""Ingest and search benchmark (slow; not part of the tests).

Builds a corpus of >= 1,500 pages from the sample PDFs plus the text-layer PDFs
of ../shared/realcorpus (copies under bench/work/ with a changed trailer, so
deduplication keeps them; nothing is copied into the repository), then
measures in one run: end-to-end `papers ingest` with 1 and 2 jobs (with the
parent's and the workers' peak memory and CPU time), the unchanged re-ingest,
the reference readers on the same files (poppler's pdftotext, bare pypdfium2,
bare pdfplumber extract_text), worker time per stage, peak memory of one worker
on long PDFs, and search latency. Writes the table to BENCHMARKS.md.

    .venv/bin/python bench/ingest.py [--pages 1500] [--queries 200]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"
PAPERS = [str(Path(sys.executable).parent / "papers")]
REAL_CORPUS = REPO.parent / "shared" / "realcorpus"


def source_files() -> list[Path]:
    """The sample's PDFs, and the real papers that have a usable text layer (the gold says which)."""
    sources = sorted((REPO / "corpus").glob("*.pdf"))
    if REAL_CORPUS.is_dir():
        gold = json.loads((REAL_CORPUS / "gold.json").read_text())["documents"]
        unreadable = {d["file"] for d in gold if d.get("image_only") or d.get("garbled_text")}
        sources += [p for p in sorted(REAL_CORPUS.rglob("*.pdf")) if str(p.relative_to(REAL_CORPUS)) not in unreadable]
    return sources


def build_corpus(min_pages: int) -> tuple[list[Path], int]:
    import pypdfium2 as pdfium

    sources = source_files()
    counts = {p: len(pdfium.PdfDocument(str(p))) for p in sources}
    target = WORK / "corpus"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    files, pages, copy = [], 0, 0
    while pages < min_pages:
        for source in sources:
            dest = target / f"{copy:03}-{source.parent.name}-{source.name}"
            shutil.copyfile(source, dest)
            with dest.open("ab") as fh:
                fh.write(f"\n%bench copy {copy}\n".encode())
            files.append(dest)
            pages += counts[source]
        copy += 1
    return files, pages


def run_papers(home: Path, *args: str) -> tuple[float, str]:
    seconds, summary, _ = run_watched(home, *args)
    return seconds, summary


def run_watched(home: Path, *args: str) -> tuple[float, str, dict]:
    """Runs papers; also returns the peak RSS (MB) and CPU seconds of the parent and of its workers."""
    started = time.perf_counter()
    process = subprocess.Popen([*PAPERS, "--home", str(home), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    seen: dict[int, tuple[float, float]] = {}
    while process.poll() is None:
        for pid in [process.pid, *_children(process.pid)]:
            peak, cpu = _peak_and_cpu(pid)
            if peak:
                seen[pid] = (max(peak, seen.get(pid, (0, 0))[0]), max(cpu, seen.get(pid, (0, 0))[1]))
        time.sleep(0.05)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"papers {' '.join(args)} failed:\n{out}\n{err}")
    parent = seen.get(process.pid, (0.0, 0.0))
    workers = [v for pid, v in seen.items() if pid != process.pid]
    usage = {"parent_mb": parent[0], "parent_cpu": parent[1],
             "worker_mb": max((w[0] for w in workers), default=0.0), "worker_cpu": sum(w[1] for w in workers)}
    return seconds, out.strip(), usage


def _children(pid: int) -> list[int]:
    """Every descendant, whichever thread started it: Dask's workers are children of the server
    they are forked from, started from Dask's own thread."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return [d for child in found for d in (child, *_children(child))]


def _peak_and_cpu(pid: int) -> tuple[float, float]:
    """VmHWM in MB and user+system CPU seconds of a live process (0, 0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0, 0.0
    peak = next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")), 0.0)
    return peak, (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def bench_ingest(corpus: Path, pages: int) -> dict:
    results = {}
    for jobs in (1, 2):
        home = WORK / f"home-{jobs}"
        shutil.rmtree(home, ignore_errors=True)
        seconds, summary, usage = run_watched(home, "ingest", "-q", "--jobs", str(jobs), str(corpus))
        results[f"ingest_{jobs}"] = {"seconds": seconds, "pages_per_s": pages / seconds, "summary": summary, **usage}
    seconds, summary = run_papers(WORK / "home-2", "ingest", "-q", "--jobs", "2", str(corpus))
    results["unchanged"] = {"seconds": seconds, "summary": summary}
    return results


def reference_rates(files: list[Path], pages: int) -> dict:
    rates = {}
    if shutil.which("pdftotext"):
        started, cpu = time.perf_counter(), _children_cpu()
        for f in files:
            subprocess.run(["pdftotext", "-q", str(f), "/dev/null"], check=False)
        rates["pdftotext"] = pages / (time.perf_counter() - started)
        rates["pdftotext_cpu_ms"] = (_children_cpu() - cpu) / pages * 1000
    rates["pypdfium2"] = pages / _in_subprocess("pypdfium2", files)
    rates["pdfplumber"] = pages / _in_subprocess("pdfplumber", files)
    return rates


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_READERS = {
    "pypdfium2": """
import pypdfium2 as pdfium
for f in files:
    pdf = pdfium.PdfDocument(f)
    for i in range(len(pdf)):
        page = pdf[i]; tp = page.get_textpage(); tp.get_text_range(); tp.close(); page.close()
    pdf.close()
""",
    "pdfplumber": """
import pdfplumber
for f in files:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text(); page.close()
""",
}


def _in_subprocess(reader: str, files: list[Path]) -> float:
    code = f"import json,sys,time\nfiles=json.loads(sys.argv[1])\nt=time.perf_counter()\n{_READERS[reader]}\nprint(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code, json.dumps([str(f) for f in files])],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())




def stage_costs(paths: list[Path]) -> dict:
    """Milliseconds per page of each stage of one worker's job over some PDFs, in this process."""
    from panel_papers.extract.document import extract_document
    from panel_papers.ingest.parse import read_document

    costs: dict[str, float] = {}
    pages_total = 0
    for path in paths:
        for _ in range(3):
            read, *_ = read_document(str(path), "x" * 64)
            for stage, seconds in [*read.timings.items(), *extract_document(read).timings.items()]:
                costs[stage] = costs.get(stage, 0.0) + seconds
            pages_total += len(read.pages)
    return {key: seconds / pages_total * 1000 for key, seconds in costs.items()}


def worker_memory() -> dict:
    """Peak RSS of a process doing one worker's job, on PDFs of growing length."""
    import pypdfium2 as pdfium

    pack = REPO / "corpus" / "Agenda reports pack 14th-Jun-2017 Corporate Parenting Panel.pdf"
    peaks = {}
    for pages in (126, 300, 600):
        path = WORK / f"long-{pages}.pdf"
        out, src = pdfium.PdfDocument.new(), pdfium.PdfDocument(str(pack))
        while len(out) < pages:
            out.import_pages(src, list(range(min(len(src), pages - len(out)))))
        out.save(str(path))
        code = (
            "import resource,sys\nfrom panel_papers.ingest.parse import parse_file\nfrom panel_papers.ingest.discover import sha256_of\n"
            "p=sys.argv[1]; d=parse_file(p, sha256_of(p), 0, 0); assert len(d.pages)==int(sys.argv[2])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        done = subprocess.run([sys.executable, "-c", code, str(path), str(pages)], cwd=REPO,
                              capture_output=True, text=True, check=True)
        peaks[pages] = int(done.stdout.strip()) / 1024
    return peaks


def search_latency(home: Path, queries: int) -> dict:
    from panel_papers.index.store import Store
    from panel_papers.search.pages import search_pages

    rng = random.Random(7)
    words = ["placement", "care leavers", "adoption", "ofsted", "health assessments", "missing",
             "dental", "foster", "education", "virtual school", "special guardianship", "reserve",
             "recommendations", "performance", "stability", "unaccompanied", "exclusions", "target",
             "minutes", "budget", "training", "housing", "offending", "apprenticeships", "pledge"]
    forms = [lambda w: w, lambda w: f'"{w}"', lambda w: f"{w} AND {rng.choice(words)}",
             lambda w: f"{w} OR {rng.choice(words)}", lambda w: f"kind:minutes {w}",
             lambda w: f"when was {w} last discussed?", lambda w: f"what did the panel decide about {w} in 2017?"]
    from panel_papers.search.glossary import store_glossary
    from panel_papers.search.timeline import when_discussed

    store = Store(home)
    glossary = store_glossary(store)
    expand = glossary
    timings = {"relevance": [], "date": [], "expanded": [], "when": []}
    for i in range(queries):
        query = rng.choice(forms)(rng.choice(words))
        for key, sort, expander in (("relevance", "relevance", None), ("date", "date", None),
                                    ("expanded", "relevance", expand)):
            started = time.perf_counter()
            search_pages(store, query, sort=sort, limit=10, glossary=expander)
            timings[key].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        when_discussed(store, rng.choice(words), glossary)
        timings["when"].append((time.perf_counter() - started) * 1000)
    pages = store.status()["indexed_pages"]
    store.close()
    return {sort: _percentiles(ms) for sort, ms in timings.items()} | {"pages": pages, "queries": queries}


def _percentiles(ms: list[float]) -> dict:
    ms = sorted(ms)
    return {"p50": statistics.median(ms), "p95": ms[int(len(ms) * 0.95) - 1], "max": ms[-1]}


def write_report(pages, files, ingest, refs, memory, latency, command, stages) -> str:
    one, two = ingest["ingest_1"], ingest["ingest_2"]
    pdftotext = refs.get("pdftotext")
    ok = lambda cond: "yes" if cond else "**no**"  # noqa: E731
    ratio = lambda run: f"{run['pages_per_s'] / pdftotext:.2f}" if pdftotext else "n/a (no pdftotext)"  # noqa: E731
    rows = [
        ("End-to-end `papers ingest`, 1 job", f"{one['pages_per_s']:.0f} pages/s ({one['seconds']:.1f} s)", "", ""),
        ("End-to-end `papers ingest`, 2 jobs", f"{two['pages_per_s']:.0f} pages/s ({two['seconds']:.1f} s)", "", ""),
        ("Ratio to `pdftotext` pages/s, 1 job", ratio(one), "", ""),
        ("Ratio to `pdftotext` pages/s, 2 jobs", ratio(two), ">= 0.25",
         ok(pdftotext and two["pages_per_s"] / pdftotext >= 0.25)),
        ("Unchanged re-ingest (whole command)", f"{ingest['unchanged']['seconds']:.2f} s", "< 2 s",
         ok(ingest["unchanged"]["seconds"] < 2)),
        ("Peak memory of a worker in the 2-job ingest", f"{two['worker_mb']:.0f} MB", "< 400 MB", ok(two["worker_mb"] < 400)),
        ("Peak memory of one worker, 300-page PDF", f"{memory[300]:.0f} MB", "< 400 MB", ok(memory[300] < 400)),
        ("Peak memory of the parent, 2-job ingest (1 job: parent and worker in one)",
         f"{two['parent_mb']:.0f} MB (1 job: {one['parent_mb']:.0f} MB)", "", ""),
        ("Search p95, relevance sort (`--exact`)",
         f"{latency['relevance']['p95']:.1f} ms (p50 {latency['relevance']['p50']:.1f})",
         "< 100 ms", ok(latency["relevance"]["p95"] < 100)),
        ("Search p95, date sort (`--exact`)", f"{latency['date']['p95']:.1f} ms (p50 {latency['date']['p50']:.1f})",
         "< 100 ms", ok(latency["date"]["p95"] < 100)),
        ("Search p95 with glossary synonyms (the default)",
         f"{latency['expanded']['p95']:.1f} ms (p50 {latency['expanded']['p50']:.1f})",
         "< 150 ms", ok(latency["expanded"]["p95"] < 150)),
        ("`papers when` p95", f"{latency['when']['p95']:.1f} ms (p50 {latency['when']['p50']:.1f})",
         "< 150 ms", ok(latency["when"]["p95"] < 150)),
    ]
    ref_rows = [
        ("poppler `pdftotext` (1 process per file)", refs.get("pdftotext")),
        ("bare pypdfium2 text (1 process)", refs.get("pypdfium2")),
        ("bare pdfplumber `extract_text` (1 process)", refs.get("pdfplumber")),
    ]
    lines = [
        "# Benchmarks", "",
        f"Measured {date.today().isoformat()} on this machine: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.machine()}; load average {ingest['load']} "
        "(1, 5, 15 min) when the run started: with a busy machine compare the ratios measured in the same run, "
        "not the absolute rates.", "",
        f"Command: `{command}`", "",
        f"Corpus: {files} files, {pages} pages: copies (under bench/work/, each with a changed trailer so "
        "deduplication keeps them) of the PDFs in `corpus/` and of the text-layer PDFs of `../shared/realcorpus/` "
        "(those the gold flags `image_only` or `garbled_text` left out).", "",
        "| measure | result | target | met |", "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows), "",
        "Reference readers on the same files, measured in the same run:", "",
        "| reader | pages/s | papers ingest (2 jobs) relative |", "|---|---|---|",
        *(f"| {name} | {rate:.0f} | {two['pages_per_s'] / rate:.2f}x |" for name, rate in ref_rows if rate), "",
        "CPU time per page in the ingest runs (from /proc, sampled every 50 ms):", "",
        "| run | parent ms/page | workers ms/page |", "|---|---|---|",
        f"| 1 job (parent reads and writes) | {one['parent_cpu'] / pages * 1000:.2f} | |",
        f"| 2 jobs | {two['parent_cpu'] / pages * 1000:.2f} | {two['worker_cpu'] / pages * 1000:.2f} |", "",
        *_cpu_ratio(two, pages, refs),
        *(line for name, costs in stages.items() for line in _stage_table(name, costs, ingest)),
        "Peak RSS of one worker by PDF length (memory must not grow with pages): "
        + ", ".join(f"{n} pages {mb:.0f} MB" for n, mb in memory.items()) + ".", "",
        f"Search latency: {latency['queries']} queries (words, phrases, AND/OR, field filters) on an index of "
        f"{latency['pages']} pages (plus their item records), in-process through `search.pages.search_pages` "
        "(limit 10, results collapsed per item; with and without glossary expansion) and `search.timeline.when_discussed`; "
        "the glossary is loaded once, as a long-running process would.", "",
        "Summaries printed by the runs:", "",
        *(f"- {key}: `{value['summary']}`" for key, value in ingest.items() if isinstance(value, dict)), "",
    ]
    return "\n".join(lines)


def _cpu_ratio(two: dict, pages: int, refs: dict) -> list[str]:
    """On a machine others load, CPU time per page compares more fairly than pages per second."""
    if "pdftotext_cpu_ms" not in refs:
        return []
    ours = (two["parent_cpu"] + two["worker_cpu"]) / pages * 1000
    return [f"CPU per page, all processes of the 2-job ingest: {ours:.2f} ms; `pdftotext`: "
            f"{refs['pdftotext_cpu_ms']:.2f} ms (CPU ratio {refs['pdftotext_cpu_ms'] / ours:.2f}).", ""]


def table_share(stages: dict) -> float:
    """Share of worker time spent on tables: reading them from the page and reading observations out."""
    return (stages.get("read tables", 0.0) + stages.get("indicator tables", 0.0)) / sum(stages.values())


def _stage_table(name: str, stages: dict, ingest: dict) -> list[str]:
    structure = stages["structure"]
    per_page = 1000 / ingest["ingest_1"]["pages_per_s"]
    return [
        f"Worker time per page by stage ({name}, one process, mean of 3 passes):", "",
        "| stage | ms/page | share |", "|---|---|---|",
        *(f"| {k} | {v:.2f} | {v / sum(stages.values()):.0%} |" for k, v in stages.items()), "",
        f"Structure extraction (with metadata, {structure:.2f} ms/page) is {structure / sum(stages.values()):.0%} "
        f"of this worker time and {structure / per_page:.0%} of the end-to-end ingest time per page with 1 job "
        "(the bench mix). Tables (read tables + indicator tables) are "
        f"{table_share(stages):.0%} of this worker time. Reading is timed by `read_document` (PDFium text, then "
        "words and rules of the pages whose text may hold a table); the other stages are those `extract_document` "
        "times itself.", "",
    ]


def _kept_sections(path: Path) -> str:
    """Sections other scripts write (bench/faults.py's, each between `<!-- name:` markers) are theirs:
    a new ingest report keeps everything from the first of them on."""
    text = path.read_text() if path.exists() else ""
    start = text.find("\n<!-- ")
    return text[start:] if start >= 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    files, pages = build_corpus(args.pages)
    print(f"corpus: {len(files)} files, {pages} pages", flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    ingest = bench_ingest(WORK / "corpus", pages) | {"load": load}
    print(json.dumps(ingest, indent=1), flush=True)
    refs = reference_rates(files, pages)
    print("references", refs, flush=True)
    sample = sorted((REPO / "corpus").glob("*.pdf"))
    stages = {"sample corpus": stage_costs(sample)}
    if REAL_CORPUS.is_dir():
        stages["real text-layer papers (../shared/realcorpus)"] = stage_costs(
            [p for p in source_files() if p not in sample])
    print("stage ms/page", stages, flush=True)
    memory = worker_memory()
    print("memory MB", memory, flush=True)
    latency = search_latency(WORK / "home-2", args.queries)
    print("latency", latency, flush=True)
    command = "make bench  (= .venv/bin/python bench/ingest.py" + "".join(
        f" {a}" for a in sys.argv[1:]) + ")"
    report = write_report(pages, len(files), ingest, refs, memory, latency, command, stages)
    Path(args.output).write_text(report + _kept_sections(Path(args.output)))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
