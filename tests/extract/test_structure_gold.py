"""The structure extractors against the sample corpus's gold, on the corpus as `papers ingest` stores it."""
from __future__ import annotations

import json

import pytest

from panel_papers.search.evaluate import evaluate
from support import CORPUS, THRESHOLDS, readable_gold

FLOORS = {c: f for c, f in THRESHOLDS["corpus"]["f1"].items() if c != "observations"}  # tests/extract/test_observations_gold.py


@pytest.fixture(scope="module")
def scores(corpus_export) -> dict:
    gold = readable_gold(json.loads((CORPUS / "gold.json").read_text()))  # scans: tests/ingest/test_ocr_gold.py
    return evaluate(corpus_export, gold, "corpus", list(FLOORS)).micro


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_meets_threshold(scores, category):
    assert scores[category]["f1"] >= FLOORS[category], scores[category]
