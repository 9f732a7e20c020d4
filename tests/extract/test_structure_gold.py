"""The structure extractors against the sample corpus's gold, with the evaluator that `papers eval` uses."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from panel_papers.extract.export import to_export
from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages
from panel_papers.search.evaluate import score

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
THRESHOLDS = {
    "meeting": 0.95,
    "agenda_items": 0.95,
    "minute_items": 0.95,
    "resolutions": 0.95,
    "recommendations": 0.90,
}


@pytest.fixture(scope="module")
def scores() -> dict:
    pages = {pdf.name: read_document_pages(open_pdf(pdf)) for pdf in sorted(CORPUS.glob("*.pdf"))}
    # As a collection: committees named by some papers help place the papers that only say "the Panel".
    first_pass = [extract_structure(p, name) for name, p in pages.items()]
    known = sorted({s.meta.committee for s in first_pass if s.meta.committee})
    export = {"documents": [to_export(extract_structure(p, name, known_committees=known)) for name, p in pages.items()]}
    gold = json.loads((CORPUS / "gold.json").read_text())
    return score(export, gold)


@pytest.mark.parametrize("category", sorted(THRESHOLDS))
def test_category_meets_threshold(scores, category):
    assert scores[category]["f1"] >= THRESHOLDS[category], scores[category]


def test_every_gold_request_is_found(scores):
    assert scores["requests"]["recall"] >= 0.8, scores["requests"]
