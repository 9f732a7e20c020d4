"""An ingest holds the papers the collection pass may extract again and writes each once; the answers,
scores too, are those of writing them first, then deleting, rewriting and merging the ones it placed."""
from __future__ import annotations

import json

from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.index.store import Store
from panel_papers.ingest import pipeline
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


def test_held_papers_answer_as_the_written_then_replaced_way(tmp_path, monkeypatch):
    once = _answers(tmp_path / "once")
    monkeypatch.setattr(pipeline, "may_be_placed", lambda meta: False)
    monkeypatch.setattr(pipeline, "COMMIT_EVERY_PAGES", 40)  # and in several segments, merged or not
    assert _answers(tmp_path / "replaced") == once
    assert once[0] == len(list(CORPUS.glob("*.pdf")))  # the pass placed the paper that names no committee
    assert all(once[1])
