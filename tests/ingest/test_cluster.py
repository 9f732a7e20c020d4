"""Parsing on Dask workers (ingest/cluster.py): a real LocalCluster, a real scheduler and worker."""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the cluster extra is not installed: pip install '.[cluster]'")

from panel_papers.cli import cli  # noqa: E402
from panel_papers.index.store import Store  # noqa: E402
from panel_papers.ingest import cluster  # noqa: E402
from panel_papers.ingest.pipeline import Progress, ingest  # noqa: E402
from panel_papers.search.export import export_store  # noqa: E402
from support import CORPUS, REPORT, variant, write_flate_bomb  # noqa: E402


class _Counted(Progress):
    def __init__(self):
        self.started, self.advanced = [], []

    def start(self, files: int) -> None:
        self.started.append(files)

    def advance(self, pages: int) -> None:
        self.advanced.append(pages)


def test_a_local_cluster_ingest_exports_what_the_local_pool_does(tmp_path, corpus_export):
    store, progress = Store(tmp_path / "home"), _Counted()
    report = ingest(store, [str(CORPUS)], cluster="local:2", ocr="never", progress=progress)
    assert (report.ingested, report.failed) == (7, [])
    assert progress.started[0] == 7 and len(progress.advanced) == 7 and sum(progress.advanced) == report.pages
    assert _json(export_store(store)) == _json(corpus_export)
    store.close()


_KILLED_PARENT = """
import sys
from pathlib import Path
from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
ingest(Store(Path(sys.argv[1])), [sys.argv[2]], cluster="local:2", ocr="never")
"""


def test_a_parent_killed_mid_batch_is_resumed_to_the_same_store_and_its_workers_end(tmp_path, corpus_export):
    home = tmp_path / "home"
    parent = subprocess.Popen([sys.executable, "-c", _KILLED_PARENT, str(home), str(CORPUS)],
                              stderr=subprocess.DEVNULL)  # the killed run's resource tracker complains
    try:
        _wait_for(lambda: _stored(home) >= 1, "a first document stored")
        workers = subprocess.run(["pgrep", "-P", str(parent.pid)], capture_output=True, text=True).stdout.split()
    finally:
        parent.kill()
        parent.wait()
    assert _stored(home) < 7, "killed too late to test a resume"
    _wait_for(lambda: not any(_alive(pid) for pid in workers), "the workers ended")
    store = Store(home)
    report = ingest(store, [str(CORPUS)], cluster="local:2", ocr="never")
    assert report.failed == [] and report.ingested + report.unchanged == 7
    assert _json(export_store(store)) == _json(corpus_export)
    store.close()


def _stored(home: Path) -> int:
    try:
        with closing(sqlite3.connect(f"file:{home / 'papers.db'}?mode=ro", uri=True, timeout=5)) as db:
            return db.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet


def _alive(pid: str) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _wait_for(condition, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds:g} s: {what}"
        time.sleep(0.1)


def test_a_worker_that_dies_on_a_file_fails_that_file_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("PAPERS_WORKER_MEMORY_MB", "300")  # the local:N workers' cap, read where they start
    good = [str(variant(REPORT, tmp_path / "papers" / f"{n}.pdf", str(n))) for n in range(4)]
    bomb = write_flate_bomb(tmp_path / "papers" / "bomb.pdf", 600)
    store = Store(tmp_path / "home")
    report = ingest(store, [str(bomb), *good], cluster="local:2")
    assert report.ingested == 4  # however many shared a worker with it when it died
    assert [(Path(f.path).name, f.reason) for f in report.failed] == [("bomb.pdf", cluster.DIED)]
    assert store.status()["documents"] == 4
    store.close()


def test_a_scheduler_s_worker_that_cannot_see_the_files_is_sent_their_bytes(tmp_path):
    """`dask scheduler` and `dask worker` processes; the worker in its own mount namespace, where the
    folder holding the papers is an empty tmpfs (where unshare is not permitted, it sees them)."""
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in ("INFORMATION REPORT - CLA Performance Benchmarking Data 03-Apr-2019.pdf",
                 "Minutes - Presentation from the Assistant Director of Corporate Parenting.pdf"):
        shutil.copy(CORPUS / name, papers)
    local = Store(tmp_path / "local")
    ingest(local, [str(papers)], jobs=1)
    hidden = not subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode
    worker = [sys.executable, "-m", "distributed.cli.dask_worker"]
    if hidden:
        worker = ["unshare", "--mount", "sh", "-c", f"mount -t tmpfs none '{papers}' && exec \"$@\"", "sh", *worker]
    with _scheduler(tmp_path) as address, _process([*worker, address, "--nthreads", "1", "--no-dashboard",
                                                      "--host", "127.0.0.1"]):
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(1, timeout=60)
            seen = [sorted(names) for names in client.run(os.listdir, str(papers)).values()]
            assert seen == [[] if hidden else sorted(os.listdir(papers))]
        for send_bytes in (False, True):  # read from the path or found absent there; sent at once
            remote = Store(tmp_path / f"remote-{send_bytes}")
            report = ingest(remote, [str(papers)], cluster=address, send_bytes=send_bytes)
            assert (report.ingested, report.failed) == (2, [])
            assert _json(export_store(remote)) == _json(export_store(local))
            remote.close()
    local.close()


def test_an_unreachable_scheduler_is_one_line_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "TIMEOUT", 1)
    home = tmp_path / "home"
    result = _papers(home, "ingest", str(REPORT), "--cluster", f"tcp://127.0.0.1:{_free_port()}")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert result.output.count("\n") == 1
    assert not home.exists()


@pytest.mark.parametrize("value", ["local:0", "local:65", "local:two", "http://scheduler:8786", "tcp://", "scheduler"])
def test_a_bad_cluster_address_is_one_line_and_exit_2(tmp_path, value):
    result = _papers(tmp_path / "home", "ingest", str(REPORT), "--cluster", value)
    assert result.exit_code == 2
    assert result.output == f"Error: --cluster {value!r}: {cluster.USAGE}\n"


def test_a_normal_ingest_never_imports_dask(tmp_path):
    probe = ("import sys; from panel_papers.cli import main\n"
             "sys.argv = ['papers', 'ingest', '-q', '-j', '2', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit as end:\n    assert end.code == 0, end.code\n"
             "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe, str(REPORT)], capture_output=True, text=True,
                          env={**os.environ, "PAPERS_HOME": str(tmp_path / "home")}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def _papers(home: Path, *args):
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


def _json(data: dict) -> str:
    return json.dumps(_without_folders(data), sort_keys=True, indent=1)


def _without_folders(data: dict) -> dict:
    """The export with each stored path as its file name: stores of copies in other folders compare."""
    documents = [{**doc, "paths": [Path(p).name for p in doc["paths"]]} for doc in data["documents"]]
    return {**data, "documents": documents}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _process:
    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        return self.process

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class _scheduler:
    """`dask scheduler` on a free loopback port; its address once it has written its file."""

    def __init__(self, folder: Path):
        self.file = folder / "scheduler.json"
        self.running = _process([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                 "--port", "0", "--no-dashboard", "--scheduler-file", str(self.file)])

    def __enter__(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                return json.loads(self.file.read_text())["address"]
            except (OSError, ValueError):  # not yet written, or half
                time.sleep(0.2)
        raise AssertionError("the Dask scheduler did not start in 60 s")

    def __exit__(self, *exc):
        self.running.__exit__(*exc)


def test_local_workers_start_with_papers_and_spacy_imported():
    """Forked from a server that imported them once, as the local pool's workers inherit them:
    a spawned worker imported them itself before its first page."""
    with cluster.connect("local:1") as client:
        imported = client.run(lambda: sorted({"spacy", "panel_papers.ingest.parse"} & set(sys.modules)))
    assert list(imported.values()) == [["panel_papers.ingest.parse", "spacy"]]
