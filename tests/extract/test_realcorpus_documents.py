"""Kind, council, committee and meeting date of the real papers in ../shared/realcorpus, by council.

Read as a collection, the way `papers ingest` reads a folder: papers that never
print their authority's or committee's name are placed by the names the others print.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages
from panel_papers.search.evaluate import same_text, same_value
from panel_papers.search.metrics import metrics

REALCORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "realcorpus"
FIELDS = ("kind", "council", "committee", "meeting_date")
MACRO_TARGET, COUNCIL_TARGET = 0.90, 0.80


def _documents() -> list[dict]:
    gold = json.loads((REALCORPUS / "gold.json").read_text())["documents"]
    return [d for d in gold if not d.get("image_only") and not d.get("garbled_text")]


@pytest.fixture(scope="module")
def f1_by_council() -> dict[str, dict[str, float]]:
    if not (REALCORPUS / "gold.json").exists():
        pytest.skip("../shared/realcorpus is absent: the real papers are not part of this repository")
    gold = _documents()
    pages = {d["file"]: read_document_pages(open_pdf(REALCORPUS / d["file"])) for d in gold}
    first = [extract_structure(p, Path(f).name).meta for f, p in pages.items()]
    committees = sorted({m.committee for m in first if m.committee})
    councils = sorted({m.council for m in first if m.council})
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for document in gold:
        meta = extract_structure(
            pages[document["file"]], Path(document["file"]).name, known_committees=committees, known_councils=councils
        ).meta
        body = document["file"].split("/")[0]
        for field in FIELDS:
            expected, found = document.get(field), getattr(meta, field)
            if expected is None and found is None:
                continue
            same = same_text if field in ("council", "committee") else same_value
            tally = counts[body][field]
            if same(expected, found):
                tally[0] += 1
            else:
                tally[1] += found is not None
                tally[2] += expected is not None
    return {body: {f: metrics(*fields[f])["f1"] for f in FIELDS} for body, fields in counts.items()}


@pytest.mark.parametrize("field", FIELDS)
def test_macro_over_councils(f1_by_council, field):
    scores = {body: f1[field] for body, f1 in f1_by_council.items()}
    assert sum(scores.values()) / len(scores) >= MACRO_TARGET, scores


@pytest.mark.parametrize("field", FIELDS)
def test_no_council_below_target(f1_by_council, field):
    scores = {body: f1[field] for body, f1 in f1_by_council.items()}
    assert min(scores.values()) >= COUNCIL_TARGET, scores
