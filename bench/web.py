"""Page times of `papers serve` (slow; not part of the tests).

Builds (or reuses) the ~3,000-page store of bench/search_scale.py (copies of the
sample corpus and of ../shared/realcorpus's text-layer PDFs), starts a real
`papers serve` on it, and times every page type over HTTP from this process:
p50, p95 and max of the full response. One request of each type is made first
and left out (it opens the index and fills the searcher's memos). Writes its
own section of BENCHMARKS.md.

    .venv/bin/python bench/web.py [--stores /tmp/web-stores] [--requests 40]
"""
from __future__ import annotations

import argparse
import os
from datetime import date
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "bench"), str(REPO / "tests")]

from search_scale import WORDS, build_stores, typed_questions  # noqa: E402
from sections import write_section  # noqa: E402
from webtools import fetch, running_server  # noqa: E402

TARGET_MS = 200


def page_urls(home: Path, count: int) -> dict[str, list[str]]:
    """count URLs of each page type, drawn from what the store holds."""
    rng = random.Random(5)
    db = sqlite3.connect(f"file:{home / 'papers.db'}?mode=ro", uri=True)
    pick = lambda sql: [r[0] for r in db.execute(sql)]  # noqa: E731
    meetings = pick("select id from meetings where date is not null")
    pages = db.execute("select document_id, number from pages where text_source = 'pdf'").fetchall()
    indicators = pick("select indicator_id from observations group by indicator_id having count(*) >= 3")
    people = pick("select name from mentions where kind = 'PERSON' group by entity_id order by count(*) desc limit 60")
    records = pick("select record_id from followups")
    db.close()
    # Each question asked once, as officers ask them: its phrases and filters are met cold, as in use.
    questions = list(dict.fromkeys(typed_questions() + [f"when was {w} last discussed?" for w in WORDS]))
    rng.shuffle(questions)
    draw = lambda items: [rng.choice(items) for _ in range(count)] if items else []  # noqa: E731
    return {
        "ask": [f"/?{urlencode({'q': q})}" for q in questions[:count]],
        "meeting": [f"/meeting?id={quote(m)}" for m in draw(meetings)],
        "page view": [f"/page?doc={d}&n={n}&q={quote(rng.choice(WORDS))}" for d, n in draw(pages)],
        "page image": [f"/page.png?doc={d}&n={n}&q={quote(rng.choice(WORDS))}" for d, n in draw(pages)],
        "indicator": [f"/indicator?id={quote(i)}" for i in draw(indicators)],
        "person": [f"/who?name={quote(p)}" for p in draw(people)],
        "trace": [f"/trace?record={quote(r)}" for r in draw(records)],
        "follow-ups": ["/followups"] * max(count // 4, 3),
        "meetings": ["/meetings"] * max(count // 4, 3),
        f"ask, {count} other questions (JSON)": [f"/?{urlencode({'q': q, 'format': 'json'})}" for q in questions[count:2 * count]],
    }


def measure(base: str, urls: dict[str, list[str]]) -> dict[str, dict]:
    results = {}
    for name, paths in urls.items():
        if not paths:
            continue
        fetch(base + paths[0])  # warm: the first request of a kind opens what later ones reuse
        times, statuses = [], {}
        for path in paths:
            started = time.perf_counter()
            reply = fetch(base + path)
            times.append((time.perf_counter() - started) * 1000)
            statuses[reply.status] = statuses.get(reply.status, 0) + 1
        times.sort()
        results[name] = {"requests": len(times), "p50": statistics.median(times),
                         "p95": times[max(0, round(0.95 * len(times)) - 1)], "max": times[-1], "statuses": statuses}
        print(name, {k: (round(v) if isinstance(v, float) else v) for k, v in results[name].items()}, flush=True)
    return results


def report(results: dict[str, dict], pages: int, command: str, load: tuple[float, float]) -> list[str]:
    met = [n for n, r in results.items() if r["p95"] < TARGET_MS]
    lines = [f"## Web page times (`papers serve`, {pages:,} pages)", "",
             f"Command: `{command}` (measured {date.today().isoformat()}; the machine's 2 cores were shared with other "
             "work, so single figures move by tens of percent between runs): a real server (stdlib WSGI, one request at a time) on the store of "
             "bench/search_scale.py, timed over HTTP from another process on the same machine (2 shared cores). "
             f"Load average (1 min) {load[0]:.1f} before and {load[1]:.1f} after. "
             f"Target: p95 < {TARGET_MS} ms for every page type. Ask: distinct questions (the typed questions of the "
             "question sets and `when was W last discussed?`), each once; it runs `when_discussed` and `search_pages` "
             "(10 results, as `papers search`), so its time is theirs (see Search latency) plus the page.", "",
             "| page | requests | p50 ms | p95 ms | max ms | statuses |", "|---|---:|---:|---:|---:|---|"]
    for name, r in results.items():
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items()))
        lines.append(f"| {name} | {r['requests']} | {r['p50']:.0f} | {r['p95']:.0f} | {r['max']:.0f} | {statuses} |")
    missed = [n for n in results if n not in met]
    lines += ["", f"Under the target: {len(met)} of {len(results)} page types"
              + (f"; over it: {', '.join(missed)}." if missed else ".")]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", default="/tmp/web-stores")
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    args = parser.parse_args()
    home = build_stores(Path(args.stores), [args.size], args.jobs)[0]
    db = sqlite3.connect(f"file:{home / 'papers.db'}?mode=ro", uri=True)
    pages = db.execute("select count(*) from pages").fetchone()[0]
    db.close()
    before = os.getloadavg()[0]
    with running_server(home, Path(args.stores) / "serve.log") as base:
        results = measure(base, page_urls(home, args.requests))
    load = (before, os.getloadavg()[0])
    command = ".venv/bin/python bench/web.py" + "".join(f" {a}" for a in sys.argv[1:])
    write_section(Path(args.output), "web", report(results, pages, command, load))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
