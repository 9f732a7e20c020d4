"""A first ingest writes each paper's search records once, at the commit, even the papers the
collection pass extracts again; the answers are those of writing, deleting and merging them."""
from __future__ import annotations

import json

from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.index.fulltext import FullTextIndex
from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from support import CORPUS

QUESTIONS = ("corporate parenting", "placement stability", "health assessments")


def _answers(home) -> list:
    store = Store(home)
    try:
        ingest(store, sorted(str(p) for p in CORPUS.glob("*.pdf")), jobs=1)
        placed = store.db.execute("select count(*) from documents where committee is not null").fetchone()[0]
    finally:
        store.close()
    runner = CliRunner()
    found = [json.loads(runner.invoke(cli, ["--home", str(home), command, q, "--json"]).output)
             for q in QUESTIONS for command in ("search", "when")]
    return [placed, found]


def test_first_ingest_answers_as_the_written_then_replaced_way(tmp_path, monkeypatch):
    once = _answers(tmp_path / "once")
    monkeypatch.setattr(FullTextIndex, "is_empty", lambda self: False)
    assert _answers(tmp_path / "replaced") == once
    assert once[0] == len(list(CORPUS.glob("*.pdf")))  # the pass placed the paper that names no committee
    assert all(once[1])
