"""`papers ingest --cluster local:2` against `--jobs 2` on the same files: pages per second.

The files are the sample's PDFs and the text-layer PDFs of ../shared/realcorpus (bench/ingest.py's
source_files), as unique copies under bench/work/ until --pages is reached, so that the cluster's
start (worker processes spawned, papers imported in each) weighs as it would on a real batch.
Each mode ingests them into a new store --runs times, the modes taking turns so that the load of
a shared machine falls on both; wall time of the whole command, start included. A last pair of
runs on the ingested store (every file unchanged, nothing parsed) shows what starting costs.
Writes the cluster section of BENCHMARKS.md.

    .venv/bin/python bench/cluster.py [--pages 1000] [--runs 3]
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

from ingest import run_watched, source_files
from sections import write_section

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work" / "cluster"
MODES = {"--jobs 2": ["--jobs", "2"], "--cluster local:2": ["--cluster", "local:2"]}


def make_copies(min_pages: int) -> tuple[Path, int, int]:
    import pypdfium2 as pdfium

    sources = source_files()
    counts = {p: len(pdfium.PdfDocument(str(p))) for p in sources}
    folder = WORK / "files"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = pages = copy = 0
    while pages < min_pages:
        for source in sources:
            copied = source.read_bytes() + f"\n%copy {copy}\n".encode()  # other bytes: deduplication keeps it
            (folder / f"{copy:03}-{files:04}-{source.name}").write_bytes(copied)
            files, pages = files + 1, pages + counts[source]
        copy += 1
    return folder, files, pages


def ingest_seconds(folder: Path, mode: list[str], home: Path) -> tuple[float, int, float]:
    """Wall seconds of one `papers ingest`, the pages it says it stored, and the CPU seconds of
    all its processes (read from /proc while they run: forked workers of a server are not waited for)."""
    seconds, summary, usage = run_watched(home, "ingest", "-q", *mode, str(folder))
    return seconds, int(re.search(r"; (\d+) pages", summary).group(1)), usage["parent_cpu"] + usage["worker_cpu"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    args = parser.parse_args()
    folder, files, pages = make_copies(args.pages)
    rates: dict[str, list[float]] = {name: [] for name in MODES}
    cpus: dict[str, list[float]] = {name: [] for name in MODES}
    for run in range(args.runs):
        for name, mode in MODES.items():
            home = WORK / "home"
            shutil.rmtree(home, ignore_errors=True)
            seconds, stored, cpu = ingest_seconds(folder, mode, home)
            rates[name].append(stored / seconds)
            cpus[name].append(cpu)
            print(f"run {run + 1} {name}: {stored} pages in {seconds:.1f} s = {stored / seconds:.1f} pages/s "
                  f"({cpu:.0f} CPU s)", flush=True)
    unchanged = {name: ingest_seconds(folder, mode, WORK / "home")[0] for name, mode in MODES.items()}
    median = {name: statistics.median(r) for name, r in rates.items()}
    ratio = median["--cluster local:2"] / median["--jobs 2"]
    cpu_ratio = statistics.median(cpus["--cluster local:2"]) / statistics.median(cpus["--jobs 2"])
    print(f"median pages/s: {median}; cluster / pool = {ratio:.2f}")
    write_section(Path(args.output), "cluster", [
        "## Cluster ingest: `--cluster local:2` against `--jobs 2`", "",
        f"Command: `.venv/bin/python bench/cluster.py --pages {args.pages} --runs {args.runs}` (measured "
        f"{time.strftime('%Y-%m-%d')}, on the 2-core machine shared with other work). {files} files, {pages} pages: "
        "unique copies of the sample's PDFs and of the real corpus's text-layer PDFs, ingested into a new store "
        "each run, the two modes taking turns; wall time of the whole command, the cluster's start included.", "",
        "| mode | pages/s per run | median pages/s | vs `--jobs 2` | median CPU s, all processes | "
        "unchanged re-ingest (start alone) |",
        "|---|---|---|---|---|---|",
        *(f"| `{name}` | {', '.join(f'{r:.1f}' for r in rates[name])} | {median[name]:.1f} | "
          f"{median[name] / median['--jobs 2']:.2f} | {statistics.median(cpus[name]):.0f} | {unchanged[name]:.1f} s |"
          for name in MODES), "",
        f"The cluster spent {cpu_ratio - 1:+.0%} CPU time on the same pages. Its workers are forked from a server "
        "that imported papers, Dask and spaCy once, as the pool's forked workers inherit them; but the scheduler "
        "and the client's event loop run in the parent, beside the single writer that is the pipeline's slowest "
        "stage, and every task and result passes through Dask's messages. On a shared machine a mode with more "
        "runnable processes also gets a larger share of the cores.", "",
    ])
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
