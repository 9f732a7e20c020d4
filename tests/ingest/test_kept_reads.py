"""The collection pass extracts papers again from the reads the first pass kept, with the records
that reading the PDFs again gives, and leaves no kept read behind."""
from __future__ import annotations

from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.index.store import Store
from panel_papers.ingest import kept_reads
from panel_papers.ingest.pipeline import ingest
from support import CORPUS


def _export(home) -> str:
    store = Store(home)
    try:
        report = ingest(store, sorted(str(p) for p in CORPUS.glob("*.pdf")), jobs=1)
    finally:
        store.close()
    assert not report.failed
    assert not (home / kept_reads.READS_DIR).exists()
    return CliRunner().invoke(cli, ["--home", str(home), "export"]).output


def test_placed_from_kept_reads_as_from_the_pdfs(tmp_path, monkeypatch):
    taken = []
    take = kept_reads.take
    monkeypatch.setattr(kept_reads, "take", lambda *args: taken.append(take(*args)) or taken[-1])
    kept = _export(tmp_path / "kept")
    assert any(kept and kept[2] for kept in taken)  # the pass placed a paper, from its kept read and names
    monkeypatch.setattr(kept_reads, "take", lambda *args: None)
    assert _export(tmp_path / "read") == kept
