"""Indicator tables of real papers of other bodies (../shared/realcorpus): which pages are read, what they yield.

Skipped when ../shared is absent. Scores per council are enforced by tests/search/test_realcorpus_eval.py.
"""
import json

import pytest

from panel_papers.extract.document import extract_document
from panel_papers.extract.tables import page_may_hold_table
from panel_papers.ingest.parse import read_document
from support import gold_path

GOLD = gold_path("realcorpus")
READ_SHARE_MAX = 0.25  # of text-layer pages: table reading must stay cheap where it finds nothing


@pytest.fixture(scope="module")
def papers():
    if not GOLD.exists():
        pytest.skip(f"../shared/realcorpus is absent: no {GOLD} to read")
    documents = json.loads(GOLD.read_text())["documents"]
    readable = [d for d in documents if not (d.get("image_only") or d.get("garbled_text"))]
    return [(d, read_document(str(GOLD.parent / d["file"]), "x" * 64)[0]) for d in readable]


def test_every_page_with_gold_observations_is_read_and_few_others(papers):
    chosen_total, pages_total = 0, 0
    for gold, read in papers:
        chosen = {p.number for p in read.pages if page_may_hold_table(p.text)}
        assert {o["page"] for o in gold.get("observations") or []} <= chosen, gold["file"]
        chosen_total, pages_total = chosen_total + len(chosen), pages_total + len(read.pages)
    assert chosen_total <= pages_total * READ_SHARE_MAX


def test_budget_account_and_payment_listings_yield_no_observations(papers):
    for gold, read in papers:
        if gold.get("observations") == []:
            assert extract_document(read).observations == [], gold["file"]

