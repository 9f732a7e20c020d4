"""Paths that cannot be used, failures that must be retried, work a killed run left,
and workers that must not outlive their parent."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

import panel_papers.ingest.pipeline as pipeline
from panel_papers.ingest.pipeline import COLLECTION_PENDING, ingest
from support import CORPUS, REPORT, variant


def _failed(report) -> dict[str, str]:
    return {os.path.basename(f.path): f.reason for f in report.failed}


def test_every_unusable_path_gets_its_own_line(store, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    variant(REPORT, folder / "good.pdf", "good")
    (folder / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    (folder / "loop.pdf").symlink_to(folder / "loop.pdf")
    (folder / "x.pdf").mkdir()
    os.mkfifo(folder / "pipe.pdf")
    (folder / "back").symlink_to(folder)  # a folder link that loops
    (folder / "new\nline.pdf").write_bytes(b"not a pdf")
    bad_name = os.path.join(os.fsencode(folder), b"caf\xe9.pdf")
    with open(bad_name, "wb") as fh:
        fh.write(REPORT.read_bytes())

    report = ingest(store, [str(folder)], jobs=1)
    failed = _failed(report)
    assert report.ingested == 1
    assert failed["dangling.pdf"] == "dangling symbolic link"
    assert failed["loop.pdf"] == "symbolic link loop"
    assert failed["x.pdf"] == failed["pipe.pdf"] == "not a regular file"
    assert failed["back"].startswith("symbolic link loop")
    assert "not valid UTF-8" in failed["caf\\xe9.pdf"]
    assert "not a PDF" in failed["new\nline.pdf"]
    assert report.exit_code == 1


def test_a_failed_file_is_retried_until_it_reads(store, tmp_path):
    path = tmp_path / "later.pdf"
    path.write_bytes(b"%PDF-1.4 truncated")
    stat = path.stat()
    assert ingest(store, [str(path)], jobs=1).failed
    again = ingest(store, [str(path)], jobs=1)
    assert again.failed and again.exit_code == 1  # still broken: still named, still exit 1
    path.write_bytes(REPORT.read_bytes())
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: must not be skipped
    fixed = ingest(store, [str(path)], jobs=1)
    assert (fixed.ingested, fixed.failed) == (1, [])
    assert store.failures() == []


def test_identical_broken_files_are_reported_for_each_path(store, tmp_path):
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 broken the same way")
    report = ingest(store, [str(tmp_path)], jobs=1)
    assert sorted(_failed(report)) == ["a.pdf", "b.pdf", "c.pdf"]


def test_collection_passes_left_by_a_killed_run_are_finished_by_the_next(store, tmp_path, monkeypatch):
    presentation = CORPUS / "Minutes - Presentation from the Assistant Director of Corporate Parenting.pdf"
    monkeypatch.setattr(pipeline, "_place_in_collection", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    killed = ingest(store, [str(presentation), str(REPORT)], jobs=1)
    assert killed.interrupted and store.meta_value(COLLECTION_PENDING) == "1"
    monkeypatch.undo()
    resumed = ingest(store, [str(presentation)], jobs=1)
    assert resumed.ingested == 0 and store.meta_value(COLLECTION_PENDING) == "0"
    committee = store.db.execute("select committee from documents where file = ?", [presentation.name]).fetchone()[0]
    assert committee == "Corporate Parenting Panel"


_SLOW_PARENT = """
import sys, time
import panel_papers.ingest.pipeline as pipeline
from panel_papers.index.store import Store
from pathlib import Path
def slow(task):
    time.sleep(60)
pipeline._parse_task = slow
pipeline.ingest(Store(Path(sys.argv[1])), sys.argv[2:], jobs=2)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signals are Linux's")
def test_workers_die_with_their_parent_and_the_lock_is_free(tmp_path):
    files = [str(variant(REPORT, tmp_path / f"{n}.pdf", str(n))) for n in range(2)]
    home = tmp_path / "home"
    parent = subprocess.Popen([sys.executable, "-c", _SLOW_PARENT, str(home), *files])
    workers = []
    for _ in range(100):
        done = subprocess.run(["pgrep", "-P", str(parent.pid)], capture_output=True, text=True)
        workers = [int(pid) for pid in done.stdout.split()]
        if len(workers) == 2:
            break
        time.sleep(0.1)
    assert len(workers) == 2
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    for _ in range(50):
        if not any(os.path.exists(f"/proc/{pid}") and _alive(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    from panel_papers.index.lock import writer_lock

    with writer_lock(home / "ingest.lock", wait=False):
        pass


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


_KILLED_REBUILD = """
import os, signal, sys
import panel_papers.ingest.pipeline as pipeline
import panel_papers.index.swap as swap
from panel_papers.index.store import Store
from pathlib import Path
where = sys.argv[2]
if where == "parsing":
    real, calls = pipeline._parse_task, []
    def dying(task):
        calls.append(task)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(task)
    pipeline._parse_task = dying
else:
    real_move = swap._move
    def dying_move(source, target):
        real_move(source, target)
        if source.name == swap.REBUILD_DIR:
            os.kill(os.getpid(), signal.SIGKILL)
    swap._move = dying_move
pipeline.rebuild(Store(Path(sys.argv[1])), jobs=1)
"""


def _answers(store) -> tuple:
    return (
        store.db.execute("select count(*) from documents").fetchone()[0],
        store.db.execute("select count(*) from minute_items").fetchone()[0],
        sorted(row[0] for row in store.db.execute("select path from paths")),
        store.fulltext.page_count(),
    )


@pytest.mark.parametrize("where", ["parsing", "swapping"])
def test_a_rebuild_killed_at_any_step_loses_nothing(tmp_path, where):
    from panel_papers.index.store import Store

    files = [str(variant(source, tmp_path / f"{n}.pdf", str(n))) for n, source in enumerate([REPORT, REPORT, REPORT])]
    home = tmp_path / "home"
    store = Store(home)
    ingest(store, files, jobs=1)
    before = _answers(store)
    store.close()
    killed = subprocess.run([sys.executable, "-c", _KILLED_REBUILD, str(home), where])
    assert killed.returncode == -signal.SIGKILL
    store = Store(home)
    try:
        ingest(store, [], jobs=1)  # the next writer finishes or discards what the kill left
        assert _answers(store) == before
        assert not (home / ".rebuild").exists() and not (home / ".replaced").exists()
    finally:
        store.close()


def test_a_rebuild_of_a_damaged_database_changes_nothing(tmp_path):
    from panel_papers.index.store import Store, StoreDamaged
    from panel_papers.ingest.pipeline import rebuild

    home = tmp_path / "home"
    home.mkdir()
    (home / "papers.db").write_bytes(b"this is not a database" * 100)
    store = Store(home)
    with pytest.raises(StoreDamaged, match="nothing was changed"):
        rebuild(store, jobs=1)
    store.close()
    assert (home / "papers.db").read_bytes().startswith(b"this is not a database")


def test_a_rebuild_keeps_documents_whose_files_are_gone(tmp_path, store):
    from panel_papers.ingest.pipeline import rebuild

    here = variant(REPORT, tmp_path / "here.pdf", "here")
    gone = variant(REPORT, tmp_path / "share" / "gone.pdf", "gone")
    ingest(store, [str(here), str(gone)], jobs=1)
    before = _answers(store)
    gone.unlink()  # an unmounted share
    messages = []
    progress = pipeline.Progress()
    progress.message = messages.append
    report = rebuild(store, jobs=1, progress=progress)
    assert report.ingested == 1 and _answers(store) == before
    assert any("cannot be reached keep their stored records" in m for m in messages)
    assert store.dangling_references() == []
