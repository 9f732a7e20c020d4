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
from support import THRESHOLDS, below, gold_path

GOLD = gold_path("realcorpus")
FLOORS = THRESHOLDS["realcorpus"]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    if not GOLD.exists():
        pytest.skip(f"../shared/realcorpus is absent: no {GOLD} to score against")
    store = Store(tmp_path_factory.mktemp("realcorpus") / "home")
    try:
        report = ingest(store, [str(GOLD.parent)], jobs=2)
        assert not report.failed
        return evaluate(export_store(store), json.loads(GOLD.read_text()), GOLD.parent.name)
    finally:
        store.close()


def test_macro_average_over_councils_reaches_the_floors(result):
    assert not below(result.macro, FLOORS["macro_f1"]), result.macro


def test_no_council_falls_below_the_floor(result):
    shortfalls = {council: below(cells, {c: f for c, f in FLOORS["council_min_f1"].items() if c in cells})
                  for council, cells in result.councils.items()}
    assert not any(shortfalls.values()), shortfalls


def test_every_body_is_scored_and_unreadable_papers_are_named(result):
    assert len(result.councils) == 7 - 1  # Horsley's two papers have no readable text layer
    assert len(result.not_scored) == sum(1 for d in json.loads(GOLD.read_text())["documents"]
                                         if d.get("image_only") or d.get("garbled_text"))


def test_follow_up_links_reach_the_floors(result):
    floors = FLOORS["followups"]
    links = result.micro["followups"]
    assert links["precision"] >= floors["precision"] and links["recall"] >= floors["recall"], links
