"""Real papers of seven bodies, ingested through the production path and scored as `papers eval` does.

The floors in tests/thresholds.json are a ratchet: the macro average over councils per
category, and a floor no council may fall below.
"""
import json

import pytest

from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from panel_papers.search.evaluate import evaluate
from panel_papers.search.export import export_store
from support import THRESHOLDS, below, gold_path, readable_gold

GOLD = gold_path("realcorpus")
FLOORS = THRESHOLDS["realcorpus"]
OCR_FLOORS = THRESHOLDS["realcorpus_ocr"]["f1"]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    if not GOLD.exists():
        pytest.skip(f"../shared/realcorpus is absent: no {GOLD} to score against")
    store = Store(tmp_path_factory.mktemp("realcorpus") / "home")
    try:
        report = ingest(store, [str(GOLD.parent)], jobs=2)
        assert not report.failed
        return export_store(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def result(export):
    """The papers with a usable text layer: the population the floors were set on."""
    return evaluate(export, readable_gold(json.loads(GOLD.read_text())), GOLD.parent.name)


@pytest.fixture(scope="module")
def unreadable(export):
    """The papers without one (scans, page images, symbol soup), read by OCR."""
    return evaluate(export, readable_gold(json.loads(GOLD.read_text()), readable=False), GOLD.parent.name)


def test_macro_average_over_councils_reaches_the_floors(result):
    assert not below(result.macro, FLOORS["macro_f1"]), result.macro


def test_no_council_falls_below_the_floor(result):
    shortfalls = {council: below(cells, {c: f for c, f in FLOORS["council_min_f1"].items() if c in cells})
                  for council, cells in result.councils.items()}
    assert not any(shortfalls.values()), shortfalls


def test_every_body_is_scored(result):
    assert len(result.councils) == 7 - 1  # Horsley's two papers have no readable text layer


def test_follow_up_links_reach_the_floors(result):
    floors = FLOORS["followups"]
    links = result.micro["followups"]
    assert links["precision"] >= floors["precision"] and links["recall"] >= floors["recall"], links


def test_unreadable_papers_are_read_by_ocr_and_scored(unreadable):
    if unreadable.not_scored:
        pytest.fail(f"no text read by OCR from {unreadable.not_scored} (is Tesseract installed? make test installs it)")
    for category in OCR_FLOORS:
        assert unreadable.micro[category]["f1"] >= OCR_FLOORS[category], (category, unreadable.micro[category])
