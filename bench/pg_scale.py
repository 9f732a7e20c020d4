"""The PostgreSQL store at scale (slow; not part of the tests): SCALING.md's measurements.

1. Per-page costs on each backend: the sample corpus ingested with --jobs 1 into SQLite+Whoosh
   and into PostgreSQL, the time split into parse (reading and extraction, in the worker), write
   (the records, Store.save_document) and index (search records built and written, committed).
2. Search latency on PostgreSQL at about --pages pages: the corpus's documents copied inside the
   database (every record under new ids, as copies of a paper with a changed trailer would be
   stored) and indexed by recover(); then --readers processes ask the query mix of
   bench/search_scale.py and the question sets (search and `when`) while one writer ingests the
   real corpus's papers (../shared/realcorpus, other councils) into the same store, and p50/p95
   are reported.

    .venv/bin/python bench/pg_scale.py [--store URL] [--pages 30000] [--readers 8]

Without --store a throwaway server is started as the tests do (tests/pg_server.py).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "bench")]


def timed_ingest(store, paths: list[str]) -> dict:
    """Milliseconds a page spent writing and indexing, from the store's own calls; the rest of the run
    (reading, extraction, the collection passes) is counted as parse."""
    from panel_papers.ingest.pipeline import ingest

    spent = {"write": 0.0, "index": 0.0}
    patched = []

    def wrap(owner, name, key):
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - started

        setattr(owner, name, timed)
        patched.append((owner, name, original))

    from panel_papers.index.fulltext import IndexWriter
    from panel_papers.index.pg.fulltext import PgIndexWriter

    writer = PgIndexWriter if hasattr(store, "url") else IndexWriter
    for owner, name, key in ((type(store), "save_document", "write"), (type(store), "records_for_index", "index"),
                             (writer, "add_records", "index"), (writer, "commit", "index")):
        wrap(owner, name, key)
    try:
        started = time.perf_counter()
        report = ingest(store, paths, jobs=1, ocr="never")
        total = time.perf_counter() - started
    finally:
        for owner, name, original in patched:
            setattr(owner, name, original)
    pages = report.pages
    return {"pages": pages, "total_s": round(total, 2),
            "parse_ms": round(1000 * (total - spent["write"] - spent["index"]) / pages, 1),
            "write_ms": round(1000 * spent["write"] / pages, 2), "index_ms": round(1000 * spent["index"] / pages, 2)}


def per_page_costs(url: str, work: Path) -> dict:
    from panel_papers.index.pg.store import PgStore, with_schema
    from panel_papers.index.store import Store

    corpus = [str(REPO / "corpus")]
    sqlite = Store(work / "sqlite")
    pg = PgStore(work / "pg", with_schema(url, "bench_costs"))
    pg.db.connection.execute("drop schema if exists bench_costs cascade")
    pg.close()
    pg = PgStore(work / "pg", with_schema(url, "bench_costs"))
    try:
        return {"sqlite": timed_ingest(sqlite, corpus), "postgresql": timed_ingest(pg, corpus)}
    finally:
        sqlite.close()
        pg.close()


# -- a large store by copies, inside the database ------------------------------------------
_RENAMED = ("id", "document_id", "minute_id", "part_id", "item_id")


def copy_documents(store, copies: int) -> None:
    """Every document `copies` times more, each copy's records under new ids (suffix ~N)."""
    db = store.db
    # traced_documents too: the copies count as traced, so a later ingest of other councils
    # re-traces only theirs (follow-ups of the copies are not needed to search them)
    tables = [t for t in db.table_names() if t not in ("meta", "failures", "search_records", "search_meta",
                                                       "followups", "links")]
    with db.atomic():
        db.connection.execute("set constraints all deferred")
        for table in tables:
            columns = [c for c in db[table].columns_dict]
            if "document_id" not in columns and table != "documents":
                continue
            renamed = {c: f"{c} || '~' || n" for c in columns if c in _RENAMED and (c != "id" or table != "paths")}
            if table == "paths":
                renamed["path"] = "path || '~' || n"
            if table == "documents":
                renamed["indexed"] = "0"
            select = ", ".join(renamed.get(c, f'"{c}"') for c in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            db.connection.execute(f'insert into "{table}" ({names}) select {select} from "{table}", '
                                  f"generate_series(1, {copies}) as n where position('~' in document_id) = 0"
                                  if table != "documents" else
                                  f'insert into "{table}" ({names}) select {select} from "{table}", '
                                  f"generate_series(1, {copies}) as n where position('~' in id) = 0")


def build_large(url: str, work: Path, pages_wanted: int) -> tuple[str, dict]:
    from panel_papers.index.pg.store import PgStore, with_schema
    from panel_papers.ingest.pipeline import ingest

    big = with_schema(url, "bench_large")
    store = PgStore(work / "large", big)
    store.db.connection.execute("drop schema if exists bench_large cascade")
    store.close()
    store = PgStore(work / "large", big)
    ingest(store, [str(REPO / "corpus")], jobs=1, ocr="never")
    pages = store.status()["pages"]
    copies = max(0, round(pages_wanted / pages) - 1)
    started = time.perf_counter()
    copy_documents(store, copies)
    copied = time.perf_counter() - started
    started = time.perf_counter()
    store.recover()
    indexed = time.perf_counter() - started
    status = store.status()
    store.db.connection.execute("analyze")
    sizes = dict(store.db.execute(
        "select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = current_schema() and c.relname in ('search_records', 'search_records_tsv', 'pages')").fetchall())
    store.close()
    return big, {"pages": status["pages"], "indexed_pages": status["indexed_pages"], "copies": copies,
                 "copy_s": round(copied, 1), "index_s": round(indexed, 1),
                 "index_ms_per_page": round(1000 * indexed / status["pages"], 2),
                 "store_bytes": status["size_bytes"], "search_records_bytes": sizes.get("search_records"),
                 "gin_bytes": sizes.get("search_records_tsv")}


def reader(url: str, home: str, seconds: float, out) -> None:
    from search_scale import queries, typed_questions

    from panel_papers.index.pg.store import PgStore
    from panel_papers.search.glossary import store_glossary
    from panel_papers.search.pages import search_pages
    from panel_papers.search.timeline import when_discussed

    store = PgStore(Path(home), url, read_only=True)
    glossary = store_glossary(store)
    asked = queries(200) + typed_questions()
    found = {"search": [], "when": []}
    deadline, i = time.perf_counter() + seconds, 0
    while time.perf_counter() < deadline:
        text = asked[i % len(asked)]
        for kind, call in (("search", lambda: search_pages(store, text, glossary=glossary, limit=10)),
                           ("when", lambda: when_discussed(store, text, glossary))):
            started = time.perf_counter()
            try:
                call()
            except Exception:  # noqa: BLE001 - a refused query is timed like an answer
                pass
            found[kind].append(1000 * (time.perf_counter() - started))
        i += 1
    out.put(found)
    store.close()


def concurrent_latency(url: str, work: Path, readers: int, seconds: float, with_writer: bool) -> dict:
    from panel_papers.index.pg.store import PgStore
    from panel_papers.ingest.pipeline import ingest

    out = multiprocessing.get_context("spawn").Queue()
    procs = [multiprocessing.get_context("spawn").Process(target=reader, args=(url, str(work / "large"), seconds, out))
             for _ in range(readers)]
    for p in procs:
        p.start()
    wrote = None
    if with_writer:  # one writer meanwhile: the real corpus's papers (other councils) into the same store
        time.sleep(3)
        papers = REPO.parent / "shared" / "realcorpus"
        store = PgStore(work / "large", url)
        started = time.perf_counter()
        report = ingest(store, [str(papers if papers.is_dir() else REPO / "corpus")], jobs=1, ocr="never")
        wrote = {"pages": report.pages, "seconds": round(time.perf_counter() - started, 1)}
        store.close()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    summary = {"readers": readers, "writer": wrote}
    for kind in ("search", "when"):
        ms = sorted(m for r in results for m in r[kind])
        summary[kind] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 1),
                         "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1)}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", help="a PostgreSQL URL (default: a throwaway server)")
    parser.add_argument("--pages", type=int, default=30000)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--output", default=str(REPO / "bench" / "pg_scale.json"))
    args = parser.parse_args()
    server = None
    if not args.store:
        import pg_server

        server = pg_server.Server(pg_server.binaries())
        args.store = server.start()
    work = Path(tempfile.mkdtemp(prefix="pg-scale-"))
    try:
        results = {"costs": per_page_costs(args.store, work)}
        print(json.dumps(results, indent=2), flush=True)
        big, results["large"] = build_large(args.store, work, args.pages)
        print(json.dumps(results["large"], indent=2), flush=True)
        results["quiet"] = concurrent_latency(big, work, args.readers, args.seconds, with_writer=False)
        print(json.dumps(results["quiet"], indent=2), flush=True)
        results["during_ingest"] = concurrent_latency(big, work, args.readers, args.seconds, with_writer=True)
        print(json.dumps(results["during_ingest"], indent=2), flush=True)
        Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if server:
            server.stop()


if __name__ == "__main__":
    main()
