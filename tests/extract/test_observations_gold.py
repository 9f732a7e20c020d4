"""Observations of the corpus as `papers ingest` stores it, scored against corpus/gold.json.

Ingest reads tables only on the pages the cheap text predicate selects, so the
predicate's recall is part of what is measured. Image-only copies (corpus/scanned)
are left out: they need OCR, which is not this layer.
"""
import json

import pytest

from panel_papers.extract.tables import page_may_hold_table
from panel_papers.search.evaluate import evaluate
from panel_papers.search.evaluate_observations import mismatches
from support import CORPUS, THRESHOLDS, readable_gold


@pytest.fixture(scope="module")
def gold():
    return json.loads((CORPUS / "gold.json").read_text())


def _pages_of(store, file: str, sql: str) -> set[int]:
    return {row[0] for row in store.db.execute(sql, [file])}


def test_observations_meet_gold_thresholds(corpus_export, gold):
    scores = evaluate(corpus_export, readable_gold(gold), "corpus", ["observations"]).micro["observations"]
    found = {d["file"]: d for d in corpus_export["documents"]}
    assert scores["f1"] >= THRESHOLDS["corpus"]["f1"]["observations"], (
        scores, [mismatches(g, found[g["file"]]) for g in gold["documents"] if g["file"] in found])


def test_predicate_selects_every_gold_table_page_and_few_others(corpus_store, gold):
    selected, total_pages = 0, 0
    for entry in gold["documents"]:
        if entry.get("image_only"):
            continue
        texts = corpus_store.db.execute(
            "select p.number, p.text from pages p join documents d on d.id = p.document_id where d.file = ?",
            [entry["file"]],
        ).fetchall()
        chosen = {number for number, text in texts if page_may_hold_table(text)}
        wanted = {o["page"] for o in entry["observations"]} | {b["page"] for b in entry["breakdown_tables"]}
        assert wanted <= chosen, entry["file"]
        selected, total_pages = selected + len(chosen), total_pages + len(texts)
    assert selected <= total_pages // 5


def test_breakdown_tables_are_found_not_scored(corpus_store, gold):
    sql = "select b.page from breakdown_tables b join documents d on d.id = b.document_id where d.file = ?"
    for entry in gold["documents"]:
        if not entry.get("image_only"):
            found = sorted(row[0] for row in corpus_store.db.execute(sql, [entry["file"]]))
            assert sorted(b["page"] for b in entry["breakdown_tables"]) == found, entry["file"]
