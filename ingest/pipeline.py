"""The ingest run: find files, skip what is unchanged, parse the rest in worker
processes, and store each document from the parent alone."""
from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from ..extract.records import ParsedDocument
from ..index.schema import SCHEMA_VERSION
from ..index.store import Store
from ..index.swap import finish_interrupted_swap
from .collection import first_unchanged_path, moved, placement_tasks, refresh_indicators
from . import kept_reads
from .discover import Candidate, discover, printable, sha256_of
from ..extract.document import CollectionContext, entity_extractor
from .ocr import tesseract_missing
from .ocr_pages import AWAITING, OCR, OcrPlan
from .parse import Failure, parse_file, spacy_model
from .workers import parse_all

COLLECTION_PENDING = "collection_passes_pending"
# Pages per search-index commit: bounds the work a kill can throw away
# without paying Whoosh's per-commit cost for every small document.
COMMIT_EVERY_PAGES = int(os.environ.get("PAPERS_COMMIT_EVERY_PAGES", 2000))


class Progress:
    """Receives progress events; the CLI draws a bar or prints a summary."""

    def start(self, files: int) -> None: ...
    def advance(self, pages: int) -> None: ...
    def message(self, text: str) -> None: ...
    def close(self) -> None: ...


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    linked: int = 0  # new paths whose content was already stored
    failed: list[Failure] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    recovered: int = 0
    rebuilt_from: int = 0
    interrupted: bool = False
    ocr_pages: int = 0  # pages whose text was read by OCR in this run
    awaiting_ocr: int = 0  # pages left without readable text, waiting for `papers ocr`

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.failed else 0


def ingest(
    store: Store,
    paths: Iterable[str],
    jobs: int | None = None,
    progress: Progress | None = None,
    wait: bool = True,
    reset: bool = False,
    model: str = "auto",
    ocr: str = "auto",
    cluster: str | None = None,
    send_bytes: bool = False,
) -> IngestReport:
    """Ingest paths; with reset, first rebuild the store from every file it knew.

    model: the spaCy pipeline for entities ('auto', 'none' or a name; see parse.spacy_model).
    ocr: which pages are read by OCR: 'auto' (those whose text layer is unreadable), 'always', 'never'.
    A rebuild (asked for, or because the store is of another schema version) is built
    beside the old store and swapped in when complete, so a kill loses nothing.
    cluster: parse on Dask workers (cluster.connect's address) instead of `jobs` local ones; the
    cluster is reached before the store is touched. send_bytes: send every file's bytes to them.
    """
    progress = progress or Progress()
    report = IngestReport()
    started = time.perf_counter()
    lock = store.writer_lock(wait=wait, on_wait=progress.message)
    with _parsers(jobs, cluster, send_bytes) as parsers, lock:
        if store.home.exists():
            done = finish_interrupted_swap(store.home)
            if done:
                progress.message(done)
        if reset or store.needs_rebuild():
            _rebuild_beside(store, parsers, progress, report, model, ocr)
        if not report.interrupted:
            _ingest_locked(store, list(paths), parsers, progress, report, model, ocr)
    _say_awaiting(report, progress)
    report.seconds = time.perf_counter() - started
    return report


def ocr_pending(store: Store, jobs: int | None = None, progress: Progress | None = None, wait: bool = True,
                model: str = "auto") -> IngestReport:
    """OCR the pages that wait for it (Tesseract was missing, or failed on them), and extract their
    documents again; pages OCR'd before are taken from the store, other documents are not read."""
    progress = progress or Progress()
    report = IngestReport()
    started = time.perf_counter()
    missing = tesseract_missing()
    if missing:
        raise OcrUnavailable(f"{missing}: {INSTALL_TESSERACT}")
    with store.writer_lock(wait=wait, on_wait=progress.message):
        store.open_for_writing(say=progress.message)
        report.recovered += store.recover()
        queue = {}
        for doc in store.unreadable_documents(awaiting_only=True):
            path = first_unchanged_path(store, doc["id"])
            if path is None:
                _fail(store, Failure(doc["path"] or doc["file"], 0, 0, "changed or gone since it was read: "
                                     "run papers ingest on it"), report, progress)
                continue
            size, mtime_ns = store.size_and_mtime(path)
            queue[doc["id"]] = Candidate(path, size, mtime_ns)
        context = CollectionContext(committees=tuple(store.committees()), councils=tuple(store.councils()),
                                    spacy_model=spacy_model(model))
        plans = {sha: OcrPlan("auto", store.ocr_words(sha)) for sha in queue}
        try:
            _run(store, queue, {}, _Parsers(jobs), report, progress, context, plans.__getitem__)
            refresh_indicators(store, say=progress.message, force=bool(queue))
            store.refresh_followups()
        except KeyboardInterrupt:
            report.interrupted = True
    _say_awaiting(report, progress)
    report.seconds = time.perf_counter() - started
    return report


class OcrUnavailable(Exception):
    """OCR was asked for and cannot run here; the message says how to install it."""


INSTALL_TESSERACT = ("install it with `sudo apt-get install tesseract-ocr tesseract-ocr-eng` (Debian/Ubuntu; "
                     "`brew install tesseract` on macOS)")


def _say_awaiting(report: IngestReport, progress: Progress) -> None:
    """Once per run, however many pages wait: what is missing and what to do."""
    if not report.awaiting_ocr:
        return
    missing = tesseract_missing()
    why = f"{missing}; {INSTALL_TESSERACT}, then run `papers ocr`" if missing else "run `papers ocr` to retry them"
    progress.message(f"{report.awaiting_ocr} pages have no readable text and wait for OCR: {why}")


def rebuild(store: Store, jobs: int | None = None, progress: Progress | None = None) -> IngestReport:
    return ingest(store, [], jobs=jobs, progress=progress, reset=True)


@dataclass
class _Parsers:
    """Where documents are parsed: `jobs` local worker processes, or a Dask cluster's workers."""

    jobs: int | None
    client: object = None  # a dask.distributed Client
    send_bytes: bool = False

    def __post_init__(self):
        self.jobs = self.jobs or os.cpu_count() or 1

    def parse_all(self, tasks: list[tuple]):
        if self.client is None:
            return parse_all(_parse_task, tasks, self.jobs)
        from .cluster import parse_on_cluster

        return parse_on_cluster(self.client, _parse_task, tasks, self.send_bytes)

    @property
    def forks(self) -> bool:
        return self.client is None and self.jobs > 1


@contextmanager
def _parsers(jobs: int | None, cluster: str | None, send_bytes: bool):
    if cluster is None:
        yield _Parsers(jobs)
        return
    from .cluster import connect  # Dask is imported only here

    with connect(cluster) as client:
        yield _Parsers(jobs, client, send_bytes)


def _ingest_locked(store: Store, paths: list[str], parsers: _Parsers, progress: Progress, report: IngestReport,
                   model: str, ocr: str = "auto") -> None:
    store.open_for_writing(say=progress.message)
    report.recovered += store.recover()
    queue, aliases = _plan(store, paths, report, progress)
    context = CollectionContext(
        committees=tuple(store.committees()), councils=tuple(store.councils()), spacy_model=spacy_model(model)
    )
    if queue and parsers.forks:
        entity_extractor(context.spacy_model)  # built once here: every forked worker inherits it
    try:
        if queue:
            # Journaled: a run killed before the collection passes end leaves this set,
            # and the next writing run completes them, whatever it ingests.
            store.set_meta_value(COLLECTION_PENDING, "1")
        plan = OcrPlan(ocr)
        batch = _IndexBatch(store)
        # Dask workers may not share this disk: they read every paper again.
        reads = kept_reads.reads_folder(store.home) if parsers.client is None else None
        kept_reads.discard(kept_reads.reads_folder(store.home))  # an interrupted run's
        try:
            _run(store, queue, aliases, parsers, report, progress, context, lambda sha: plan, batch, reads)
            queue.clear()  # an entry a file: not held through the collection passes
            pending = store.meta_value(COLLECTION_PENDING) == "1"
            if pending:
                _place_in_collection(store, context, parsers, batch, reads)
        finally:
            kept_reads.discard(kept_reads.reads_folder(store.home))
        batch.release()
        batch.commit()
        refresh_indicators(store, say=progress.message, force=pending)
        store.refresh_followups()
        store.set_meta_value(COLLECTION_PENDING, "0")
    except KeyboardInterrupt:
        report.interrupted = True


def _rebuild_beside(store: Store, parsers: _Parsers, progress: Progress, report: IngestReport, model: str,
                    ocr: str) -> None:
    """Re-read every known file into a new store beside this one, then swap it in.

    Documents none of whose files can be reached keep their records (same schema),
    or stay in a kept copy of the old database (another schema); either way it is said.
    """
    known = store.known_paths()
    old_version, same_schema = store.version(), not store.needs_rebuild()
    reachable = {path for path in known if os.path.exists(path)}
    stranded = sorted({doc for path, doc in known.items() if doc} - {known[p] for p in reachable})
    if old_version not in (None, SCHEMA_VERSION):
        progress.message(f"the store at {store.home} has schema version {old_version}, this papers uses "
                         f"{SCHEMA_VERSION}: rebuilding it from {len(reachable)} known files")
    fresh = store.rebuild_target()
    try:
        _ingest_locked(fresh, sorted(reachable), parsers, progress, report, model, ocr)
        if report.interrupted:
            return  # the next writer discards the unfinished rebuild; the old store is untouched
        report.rebuilt_from = len(reachable)
        if stranded:
            _keep_stranded(store, fresh, stranded, same_schema, old_version, progress)
    finally:
        fresh.close()
    store.swap_in_rebuilt()


def _keep_stranded(store: Store, fresh: Store, stranded: list[str], same_schema: bool, old_version, progress) -> None:
    if same_schema:
        fresh.adopt(store.db_path, stranded)
        fresh.recover()
        refresh_indicators(fresh, force=True)
        fresh.refresh_followups()
        progress.message(f"{len(stranded)} documents whose files cannot be reached keep their stored records")
        return
    kept = store.keep_old_copy(old_version)
    progress.message(f"{len(stranded)} documents whose files cannot be reached are not in the rebuilt store; "
                     f"the old database is kept at {kept}")


def _plan(store: Store, paths: list[str], report: IngestReport, progress: Progress):
    """Split files into unchanged (skipped), known content (linked) and work to parse."""
    queue: dict[str, Candidate] = {}
    aliases: dict[str, list[Candidate]] = defaultdict(list)
    for found in discover(paths):
        if isinstance(found, tuple):
            _fail(store, Failure(found[0], 0, 0, found[1]), report, progress)
            continue
        known = store.known_path(found.path)
        stored = known is not None and known.document_id is not None  # failures are retried every run
        if stored and (known.size, known.mtime_ns) == (found.size, found.mtime_ns):
            report.unchanged += 1
            continue
        try:
            sha = sha256_of(found.path)
        except OSError as exc:
            _fail(store, Failure(found.path, found.size, found.mtime_ns, exc.strerror or str(exc)), report, progress)
            continue
        if known and known.document_id == sha:
            store.add_path(found.path, sha, found.size, found.mtime_ns)  # touched, same bytes
            report.unchanged += 1
        elif store.has_document(sha):
            store.add_path(found.path, sha, found.size, found.mtime_ns)
            report.linked += 1
        elif sha in queue:
            aliases[sha].append(found)
        else:
            queue[sha] = found
    return queue, aliases


def _place_in_collection(store: Store, context: CollectionContext, parsers: _Parsers, batch: "_IndexBatch",
                         reads: str | None = None) -> None:
    """Papers that name no committee or council, extracted again now that the batch's names are known
    (from the reads the first pass kept, where it kept one)."""
    context = replace(context, committees=tuple(store.committees()), councils=tuple(store.councils()))
    tasks, placed = placement_tasks(store, context, reads)
    results = parsers.parse_all(tasks)
    try:
        for parsed in results:
            if moved(parsed, placed):
                batch.add(parsed, placed=True)
        batch.release()
        # Merged when records already in the index were replaced: they would otherwise weigh in
        # ranking until a later merge, and a store interrupted and resumed (merged by recover)
        # would rank differently.
        batch.commit(optimize=batch.rewritten)
    except BaseException:
        batch.cancel()
        raise
    finally:
        results.close()


def _run(store, queue, aliases, parsers: _Parsers, report, progress, context, plan_of,
         batch: "_IndexBatch | None" = None, reads: str | None = None) -> None:
    """Parse and save the queue; with a batch given, its last records are left for the caller to commit.
    reads: where workers keep the reads of papers the collection pass may extract again."""
    progress.start(len(queue))
    if not queue:
        progress.close()
        return
    tasks = [(c.path, sha, c.size, c.mtime_ns, context, plan_of(sha), reads) for sha, c in queue.items()]
    sha_of_path = {c.path: sha for sha, c in queue.items()}
    owned, batch = batch is None, batch or _IndexBatch(store, hold=False)
    results = parsers.parse_all(tasks)
    try:
        for result in results:
            if isinstance(result, Failure):
                _fail(store, result, report, progress)
                for alias in aliases.pop(sha_of_path.get(result.path), []):  # the same bytes under other names
                    _fail(store, replace(result, path=alias.path, size=alias.size, mtime_ns=alias.mtime_ns), report, progress)
                progress.advance(0)
                continue
            batch.add(result)
            _count_ocr(result, report, progress)
            for alias in aliases.pop(result.id, []):
                store.add_path(alias.path, result.id, alias.size, alias.mtime_ns)
                report.linked += 1
            report.ingested += 1
            report.pages += len(result.pages)
            progress.advance(len(result.pages))
        if owned:
            batch.commit()
    except BaseException:
        batch.cancel()
        raise
    finally:
        results.close()
        progress.close()


def _parse_task(task) -> ParsedDocument | Failure:
    return parse_file(*task)


def _count_ocr(doc: ParsedDocument, report: IngestReport, progress: Progress) -> None:
    for page in doc.pages:
        report.ocr_pages += page["text_source"] == OCR
        report.awaiting_ocr += page["text_source"] == AWAITING
        if page["ocr_error"]:
            progress.message(f"OCR failed: {printable(doc.path)}, page {page['number']}: {page['ocr_error']}")


def _fail(store: Store, failure: Failure, report: IngestReport, progress: Progress) -> None:
    store.record_failure(failure.path, failure.reason, failure.size, failure.mtime_ns)
    report.failed.append(failure)
    progress.message(f"failed: {printable(failure.path)}: {failure.reason}")


class _IndexBatch:
    """Documents saved to SQLite, written to the search index as they come and committed every
    COMMIT_EVERY_PAGES pages, so that the writing overlaps the workers' parsing.

    Papers the collection pass may extract again are held until it has run: each is written once,
    not written, deleted and merged away (a merge of the whole index). The writer counts field lengths
    as a merge would (index/fulltext_writer.py), so the answers are those of writing them first.
    """

    def __init__(self, store: Store, hold: bool = True):
        self.store = store
        self.writer = None
        self.uncommitted: dict[str, None] = {}  # written since the last commit, in order
        self.pages = 0
        self.held: dict[str, list[str]] | None = {} if hold else None  # doc id -> ids it replaced
        self.rewritten = False  # records already in the index were replaced: merge them away

    def add(self, doc: ParsedDocument, placed: bool = False) -> None:
        replaced = self.store.save_document(doc)
        if self.held is not None and not placed and may_be_placed(doc.meta):
            self.held[doc.id] = replaced
            return
        if placed:
            if self.held is not None and doc.id in self.held:
                replaced = [*self.held.pop(doc.id), *replaced]
            else:
                self.rewritten = True
                if doc.id in self.uncommitted:
                    self.commit()  # a writer deletes only what is committed
        self._write(doc.id, len(doc.pages), replaced)

    def release(self) -> None:
        """Write the held papers (the collection pass has placed those it could), and hold no more."""
        held, self.held = self.held or {}, None
        for doc_id, replaced in held.items():
            pages = self.store.document_pages(doc_id)
            if pages is not None:  # still stored
                self._write(doc_id, pages, replaced)

    def _write(self, doc_id: str, pages: int, replaced=()) -> None:
        if self.writer is None:
            self.writer = self.store.fulltext.writer()
        self.writer.delete_documents([doc_id, *replaced])
        self.writer.add_records(self.store.records_for_index(doc_id))
        self.uncommitted[doc_id] = None
        self.pages += pages
        if self.pages >= COMMIT_EVERY_PAGES:
            self.commit()

    def commit(self, optimize: bool = False) -> None:
        if self.writer is not None:
            self.writer.commit(optimize=optimize)
            self.store.mark_indexed(list(self.uncommitted))
            self.writer = None
        self.uncommitted, self.pages = {}, 0

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None


def may_be_placed(meta: dict) -> bool:
    """A paper the collection pass may extract again: as Store.documents_to_place chooses them."""
    return (meta["committee"] is None or meta["council"] is None) and meta["pages"] > meta["pages_without_text"]
