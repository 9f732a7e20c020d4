"""Agenda and minute headings on the real papers of several bodies (../shared/realcorpus), per body.

Scored on the files with a text layer, as their gold states the items: number and title (and the
minute's page). Kind detection is not under test here, so each file is read as the kind its gold
gives.
"""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from panel_papers.extract.agenda import agenda_entries
from panel_papers.extract.minutes import minute_blocks
from panel_papers.extract.pagelines import content_lines
from panel_papers.ingest.reader import open_pdf, read_document_pages
from panel_papers.search.evaluate import list_scorer
from panel_papers.search.metrics import metrics
from support import REPO

REALCORPUS = REPO.parent / "shared" / "realcorpus"
SCORERS = {
    "agenda_items": list_scorer("agenda_items", ["title"], ["number"]),
    "minute_items": list_scorer("minute_items", ["title"], ["number", "page"]),
}


def _found(path, category: str) -> list[dict]:
    lines = content_lines(read_document_pages(open_pdf(path)))
    if category == "agenda_items":
        return [{"number": e.number, "title": e.title} for e in agenda_entries(lines)]
    return [{"number": b.number, "title": b.title, "page": b.heading_page} for b in minute_blocks(lines)[1]]


@pytest.fixture(scope="module")
def by_body() -> dict[str, dict[str, list[int]]]:
    if not (REALCORPUS / "gold.json").exists():
        pytest.skip("../shared/realcorpus is absent: the real papers are not part of this repository")
    gold = json.loads((REALCORPUS / "gold.json").read_text())
    counts: dict = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for document in gold["documents"]:
        if document.get("image_only") or document.get("garbled_text"):
            continue
        for category, scorer in SCORERS.items():
            if document.get(category):
                found = {category: _found(REALCORPUS / document["file"], category)}
                tp, fp, fn = scorer(document, found)
                totals = counts[category][document["file"].split("/")[0]]
                totals[0], totals[1], totals[2] = totals[0] + tp, totals[1] + fp, totals[2] + fn
    return counts


@pytest.mark.parametrize("category", list(SCORERS))
def test_headings_of_every_body(by_body, category):
    f1 = {body: metrics(*counts)["f1"] for body, counts in by_body[category].items()}
    assert len(f1) >= 5
    assert min(f1.values()) >= 0.80, f1
    assert sum(f1.values()) / len(f1) >= 0.90, f1
