"""Gold threshold: observations read from the corpus PDFs, scored against corpus/gold.json.

Reads only the pages the cheap text predicate selects, as ingest does, so
the predicate's recall is part of what is measured. Image-only copies
(corpus/scanned) are left out: they need OCR, which is not this layer.
"""
import dataclasses
import json
import time
from pathlib import Path

import pytest

from panel_papers.extract.scorecards import extract_observations
from panel_papers.extract.tables import page_may_hold_table
from panel_papers.ingest.reader import open_pdf, read_pages
from panel_papers.ingest.tables import read_tables
from panel_papers.search.evaluate import evaluate
from panel_papers.search.evaluate_observations import mismatches
from support import THRESHOLDS

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SECONDS_BUDGET = 15.0  # measured ~1 s on the sample corpus; generous for slow CI machines


def page_texts(path: Path) -> dict[int, str]:
    pdf = open_pdf(path)
    try:
        return {page.number: page.text for page in read_pages(pdf)}
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def gold():
    return json.loads((CORPUS / "gold.json").read_text())


@pytest.fixture(scope="module")
def export(gold):
    started = time.perf_counter()
    documents = []
    for entry in gold["documents"]:
        if entry.get("image_only"):
            continue
        path = CORPUS / entry["file"]
        texts = page_texts(path)
        selected = [n for n, text in texts.items() if page_may_hold_table(text)]
        found = extract_observations(entry["file"], read_tables(path, selected), texts)
        documents.append({"file": entry["file"], "observations": [dataclasses.asdict(o) for o in found.observations],
                          "breakdown_tables": [dataclasses.asdict(b) for b in found.breakdowns],
                          "selected_pages": selected})
    return {"documents": documents, "seconds": time.perf_counter() - started}


def test_observations_meet_gold_thresholds(export, gold):
    scores = evaluate(export, gold, "corpus", ["observations"]).micro["observations"]
    found = {d["file"]: d for d in export["documents"]}
    assert scores["f1"] >= THRESHOLDS["corpus"]["f1"]["observations"], (
        scores, [mismatches(g, found[g["file"]]) for g in gold["documents"] if g["file"] in found])


def test_predicate_selects_every_gold_table_page_and_few_others(export, gold):
    selected = {d["file"]: set(d["selected_pages"]) for d in export["documents"]}
    total_pages = sum(e["pages"] for e in gold["documents"] if not e.get("image_only"))
    for entry in gold["documents"]:
        if entry["file"] in selected:
            wanted = {o["page"] for o in entry["observations"]} | {b["page"] for b in entry["breakdown_tables"]}
            assert wanted <= selected[entry["file"]], entry["file"]
    assert sum(map(len, selected.values())) <= total_pages // 5


def test_breakdown_tables_are_found_not_scored(export, gold):
    for entry in gold["documents"]:
        found = next((d for d in export["documents"] if d["file"] == entry["file"]), None)
        if found is not None:
            assert sorted(b["page"] for b in entry["breakdown_tables"]) == sorted(
                b["page"] for b in found["breakdown_tables"])


def test_table_reading_is_fast(export):
    assert export["seconds"] < SECONDS_BUDGET
