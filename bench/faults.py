"""Fault trials (slow; not part of the tests): kill an ingest or a rebuild at random moments,
resume it, and compare the store's answers with a clean ingest's.

Each trial starts `papers ingest` (or `papers rebuild` of a complete store) on the sample
corpus plus, where it is beside the clone, ../shared/realcorpus; sends SIGKILL (some trials
SIGTERM or SIGINT) at a random moment, including the last tenth of the run where the
collection passes and the swap of a rebuild happen; runs `papers ingest` again; and compares
a fixed set of answers (search, when, items, series, export) with those of a clean ingest.
Writes its table into BENCHMARKS.md (the section between the faults markers).

    .venv/bin/python bench/faults.py [--trials 20] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work" / "faults"
PAPERS = [str(Path(sys.executable).parent / "papers")]
REAL = REPO.parent / "shared" / "realcorpus"
QUERIES = [
    ["search", "care leavers", "--json", "--limit", "20"],
    ["search", "minutes", "--pages", "--json", "--limit", "20"],
    ["when", "SGO", "--json"],
    ["items", "--json"],
    ["series", "placed more than 20 miles", "--json"],
    ["export", "--format", "json"],
]
ATTEMPTS = 3
VOLATILE = ("ingested_at", "seen_at", "published", "score", "snippet")
MARK_START, MARK_END = "<!-- faults: bench/faults.py writes this section -->", "<!-- /faults -->"


def papers(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([*PAPERS, "--home", str(home), *args], capture_output=True, text=True)
    if check and done.returncode not in (0, 4):
        raise SystemExit(f"papers {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done


def answers(home: Path) -> list[str]:
    out = []
    for query in QUERIES:
        text = papers(home, *query).stdout
        out.append(json.dumps(_without_volatile(json.loads(text)), sort_keys=True) if text.strip() else "")
    return out


def _without_volatile(value):
    """Timestamps, scores and snippets are not answers: BM25 statistics, and the term counts
    query expansion reads, include records deleted but not yet merged away, so they depend on
    a store's history; the records found, their order, meetings and items must not."""
    if isinstance(value, dict):
        return {k: _without_volatile(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_without_volatile(v) for v in value]
    return value


def sources() -> list[str]:
    return [str(REPO / "corpus"), *([str(REAL)] if REAL.is_dir() else [])]


def trial(number: int, kind: str, sig: signal.Signals, clean_home: Path, duration: float, rng) -> dict:
    home = WORK / f"trial-{number}"
    shutil.rmtree(home, ignore_errors=True)
    args = ["ingest", "-q", *sources()]
    if kind == "rebuild":
        shutil.copytree(clean_home, home)
        args = ["rebuild"]
    late = rng.random() < 0.3  # the final passes (or a rebuild's swap) are in the last tenth
    at = duration * (rng.uniform(0.9, 1.0) if late else rng.uniform(0.05, 0.9))
    started = time.perf_counter()
    process = subprocess.Popen([*PAPERS, "--home", str(home), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(at)
    finished_first = process.poll() is not None
    if not finished_first:
        process.send_signal(sig)
    code = process.wait()
    elapsed = time.perf_counter() - started
    leftover = subprocess.run(["pgrep", "-f", f"--home {home}"], capture_output=True, text=True).stdout.split()
    resumed = papers(home, "ingest", "-q", *sources(), check=False)
    differs = [" ".join(q[:2]) for q, a, b in zip(QUERIES, answers(home), answers(clean_home)) if a != b]
    same = resumed.returncode == 0 and not differs
    if same:
        shutil.rmtree(home, ignore_errors=True)  # a failed trial's store is kept to read
    return {"trial": number, "kind": kind, "signal": sig.name, "at_s": round(at, 2), "late": late,
            "finished_before_signal": finished_first, "exit": code, "orphans": len(leftover), "same_answers": same,
            "differs": differs, "elapsed_s": round(elapsed, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    WORK.mkdir(parents=True, exist_ok=True)
    clean = WORK / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    started = time.perf_counter()
    papers(clean, "ingest", "-q", *sources())
    duration = time.perf_counter() - started
    reference = answers(clean)
    assert reference == answers(clean), "answers of one store differ between runs: the comparison would mean nothing"
    plan = [("ingest", signal.SIGKILL)] * (args.trials - args.trials // 4) + [("rebuild", signal.SIGKILL)] * (args.trials // 4)
    plan += [("ingest", signal.SIGTERM), ("ingest", signal.SIGINT), ("rebuild", signal.SIGINT)]
    results = []
    lasted = {"ingest": duration}  # the latest whole run of each kind: the machine's load changes
    for number, (kind, sig) in enumerate(plan, 1):
        for _ in range(ATTEMPTS):  # a run that ended before its signal was not a trial of a fault
            result = trial(number, kind, sig, clean, lasted.get(kind, duration), rng)
            print(json.dumps(result), flush=True)
            if not result["finished_before_signal"]:
                break
            lasted[kind] = result["elapsed_s"]
        results.append(result)
    write_section(args.output, results, duration)


def write_section(output: str, results: list[dict], duration: float) -> None:
    same = sum(r["same_answers"] for r in results)
    lines = [
        MARK_START,
        "## Fault trials",
        "",
        f"Command: `.venv/bin/python bench/faults.py` (measured {time.strftime('%Y-%m-%d')}). A clean ingest of "
        f"{' + '.join(Path(s).name + '/' for s in sources())} takes {duration:.1f} s; each trial signals an ingest "
        "(or a rebuild of the complete store) at a random moment, 30% of them in the last tenth of the run (as "
        "long as the latest whole run of its kind lasted; a run that ends before its signal is tried again, "
        f"up to {ATTEMPTS} times), "
        "runs `papers ingest` again and compares search, when, items, series and export with the clean store's "
        f"(every field but {', '.join(VOLATILE)}).",
        "",
        f"**{same} of {len(results)} trials resumed to the clean ingest's answers**; "
        f"orphaned workers left after the signal: {sum(r['orphans'] for r in results)}.",
        "",
        "| trial | run | signal | at (s) | late | exit | same answers |",
        "|---|---|---|---|---|---|---|",
        *(f"| {r['trial']} | {r['kind']} | {r['signal']} | {r['at_s']} | {'yes' if r['late'] else ''} | "
          f"{'finished first' if r['finished_before_signal'] else r['exit']} | {'yes' if r['same_answers'] else '**no**'} |"
          for r in results),
        MARK_END,
    ]
    path = Path(output)
    text = path.read_text() if path.exists() else ""
    if MARK_START in text:
        before, _, rest = text.partition(MARK_START)
        text = before + "\n".join(lines) + rest.partition(MARK_END)[2]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    path.write_text(text)
    print(f"{same}/{len(results)} same; wrote {output}")


if __name__ == "__main__":
    main()
