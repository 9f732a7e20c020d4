import subprocess
import sys
import threading
import time

import pytest

from panel_papers.index.lock import StoreLocked, writer_lock
from panel_papers.index.schema import SCHEMA_VERSION
from panel_papers.index.store import Store, StoreVersionError
from panel_papers.ingest.parse import parse_file
from panel_papers.ingest.discover import sha256_of
from panel_papers.ingest.pipeline import ingest
from panel_papers.search.pages import search_pages
from support import REPO, REPORT, STRATEGY, variant


def _parsed(path):
    stat = path.stat()
    return parse_file(str(path), sha256_of(str(path)), stat.st_size, stat.st_mtime_ns)


def test_document_saved_but_not_indexed_is_finished_by_the_next_run(store, tmp_path):
    """As if killed between the SQLite commit and the search-index commit."""
    store.open_for_writing()
    doc = _parsed(variant(REPORT, tmp_path / "r.pdf", "1"))
    store.save_document(doc)
    assert store.unindexed_ids() == [doc.id]
    assert search_pages(store, "benchmarking").total == 0  # not an answer until indexed

    report = ingest(Store(store.home), [str(tmp_path / "r.pdf")], jobs=1)
    assert (report.recovered, report.ingested, report.unchanged) == (1, 0, 1)
    assert store.unindexed_ids() == []
    assert search_pages(store, "benchmarking").total == 1


def test_index_entries_without_a_stored_document_are_removed(store, tmp_path):
    """As if killed after a search-index commit whose SQLite side was rolled back."""
    store.open_for_writing()
    doc = _parsed(variant(REPORT, tmp_path / "r.pdf", "2"))
    writer = store.fulltext.writer()
    writer.add_records(store_pages(doc))
    writer.commit()
    assert store.fulltext.indexed_doc_ids() == {doc.id}
    store.recover()
    assert store.fulltext.indexed_doc_ids() == set()


def store_pages(doc):
    from panel_papers.index.fulltext import IndexedRecord

    return [IndexedRecord(f"{doc.id}:page:{p['number']}", doc.id, "page", doc.meta["file"], p["number"], p["text"])
            for p in doc.pages]


def test_old_schema_is_rebuilt_not_mixed(store, tmp_path, capsys):
    path = variant(REPORT, tmp_path / "r.pdf", "3")
    ingest(store, [str(path)], jobs=1)
    store.db["meta"].upsert({"key": "schema_version", "value": "0"}, pk="key")
    with pytest.raises(StoreVersionError, match="papers rebuild"):
        search_pages(store, "benchmarking")
    said = []

    class Collect:
        def start(self, n): pass
        def advance(self, n): pass
        def close(self): pass
        def message(self, text): said.append(text)

    report = ingest(store, [], jobs=1, progress=Collect())
    assert "schema version 0" in said[0] and "rebuilding it from 1 known files" in said[0]
    assert report.ingested == 1 and store.version() == SCHEMA_VERSION
    assert search_pages(store, "benchmarking").total == 1


def test_other_index_version_is_reindexed_from_sqlite(store, tmp_path):
    ingest(store, [str(variant(REPORT, tmp_path / "r.pdf", "4"))], jobs=1)
    (store.fulltext.directory / "VERSION").write_text("0")
    with pytest.raises(StoreVersionError):
        search_pages(store, "benchmarking")
    report = ingest(store, [], jobs=1)
    assert report.recovered == 1 and report.ingested == 0
    assert search_pages(store, "benchmarking").total == 1


def test_a_second_writer_is_refused_or_waits(tmp_path):
    lock = tmp_path / "ingest.lock"
    with writer_lock(lock):
        with pytest.raises(StoreLocked, match="another papers ingest"):
            with writer_lock(lock, wait=False):
                pass
        waited = []
        done = threading.Event()

        def second():
            with writer_lock(lock, on_wait=waited.append):
                done.set()

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        assert waited and not done.is_set()
    thread.join(5)
    assert done.is_set()


def _papers(home, *args):
    return subprocess.Popen(
        [sys.executable, "-m", "panel_papers", "--home", str(home), *args],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_two_concurrent_ingests_do_not_corrupt_the_store(tmp_path):
    folder = tmp_path / "papers"
    for i in range(6):
        variant(STRATEGY, folder / f"s{i}.pdf", f"c{i}")
    home = tmp_path / "home"
    runs = [_papers(home, "ingest", "-j", "1", str(folder)) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    store = Store(home)
    assert store.status()["documents"] == 6
    assert store.status()["pages"] == store.fulltext.page_count() == 6 * 17
    assert "ingested 0, unchanged 6" in "".join(o[0] for o in outputs)


def test_killed_ingest_resumes_with_no_duplicates_and_no_loss(tmp_path):
    folder = tmp_path / "papers"
    count = 30
    for i in range(count):
        variant(STRATEGY, folder / f"s{i:02}.pdf", f"k{i}")
    home = tmp_path / "home"
    run = _papers(home, "ingest", "-j", "1", str(folder))
    db = home / "papers.db"
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and run.poll() is None:
        if db.exists():
            try:
                stored = Store(home).status()["documents"]
            except Exception:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.005)
    run.kill()
    run.wait()
    assert 0 < stored < count, "the kill should land mid-batch"

    again = _papers(home, "ingest", "-j", "1", str(folder))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    store = Store(home)
    status = store.status()
    assert status["documents"] == count and status["pending_index"] == 0
    assert status["pages"] == store.fulltext.page_count() == count * 17
    assert store.fulltext.indexed_doc_ids() == store.indexed_ids()


def test_a_meeting_two_papers_state_is_the_same_whichever_is_saved_first(tmp_path):
    """The agenda gives the time, the minutes do not: the meeting keeps it in either order."""
    from panel_papers.extract.records import Extraction, DocumentMeta, Meeting, ParsedDocument
    from panel_papers.index.store import Store

    def paper(doc_id: str, time: str | None) -> ParsedDocument:
        extraction = Extraction(file_name=f"{doc_id}.pdf", meta=DocumentMeta())
        extraction.meetings = [Meeting(committee="Cabinet", date="2025-03-04", time=time, council="A Council")]
        return ParsedDocument(id=doc_id * 64, path=f"/p/{doc_id}.pdf", size=1, mtime_ns=1,
                              meta={"file": f"{doc_id}.pdf", "pages": 1, "pages_without_text": 0},
                              pages=[], extraction=extraction)

    times = []
    for order in (("a", "b"), ("b", "a")):
        store = Store(tmp_path / "".join(order))
        store.open_for_writing()
        for doc in order:
            store.save_document(paper(doc, "10:00" if doc == "a" else None))
        times.append(store.db.execute("select time from meetings").fetchall())
        store.close()
    assert times == [[("10:00",)], [("10:00",)]]


def test_a_replaced_paper_takes_only_the_meetings_no_other_paper_states(tmp_path):
    from panel_papers.extract.records import Extraction, DocumentMeta, Meeting, ParsedDocument

    def paper(doc_id: str, dates: list[str]) -> ParsedDocument:
        extraction = Extraction(file_name=f"{doc_id}.pdf", meta=DocumentMeta())
        extraction.meetings = [Meeting(committee="Cabinet", date=d, council="A Council") for d in dates]
        return ParsedDocument(id=doc_id * 64, path=f"/p/{doc_id}.pdf", size=1, mtime_ns=1,
                              meta={"file": f"{doc_id}.pdf", "pages": 1, "pages_without_text": 0},
                              pages=[], extraction=extraction)

    store = Store(tmp_path / "home")
    store.open_for_writing()
    store.save_document(paper("a", ["2025-03-04", "2025-04-01"]))
    store.save_document(paper("b", ["2025-04-01"]))
    store.save_document(paper("a", ["2025-05-06"]))  # the same paper extracted again
    dates = [row[0] for row in store.db.execute("select date from meetings order by date")]
    store.close()
    assert dates == ["2025-04-01", "2025-05-06"]
