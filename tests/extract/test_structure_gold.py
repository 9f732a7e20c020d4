"""The structure extractors against the sample corpus's gold, with the evaluator that `papers eval` uses."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_papers.extract.export import to_export
from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages
from panel_papers.search.evaluate import evaluate
from support import THRESHOLDS

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FLOORS = {c: f for c, f in THRESHOLDS["corpus"]["f1"].items() if c != "observations"}  # read from tables elsewhere


@pytest.fixture(scope="module")
def scores() -> dict:
    pages = {pdf.name: read_document_pages(open_pdf(pdf)) for pdf in sorted(CORPUS.glob("*.pdf"))}
    # As a collection: committees named by some papers help place the papers that only say "the Panel".
    first_pass = [extract_structure(p, name) for name, p in pages.items()]
    known = sorted({s.meta.committee for s in first_pass if s.meta.committee})
    export = {"documents": [to_export(extract_structure(p, name, known_committees=known)) for name, p in pages.items()]}
    gold = json.loads((CORPUS / "gold.json").read_text())
    return evaluate(export, gold, "corpus", list(FLOORS)).micro


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_meets_threshold(scores, category):
    assert scores[category]["f1"] >= FLOORS[category], scores[category]
