"""The sample's scans (corpus/scanned/, read by OCR) against the gold of the text-layer papers they copy."""
from __future__ import annotations

import json

import pytest

from panel_papers.index.store import Store
from panel_papers.ingest.ocr import tesseract_missing
from panel_papers.ingest.pipeline import ingest
from panel_papers.search.evaluate import evaluate
from panel_papers.search.export import export_store
from support import CORPUS, THRESHOLDS

SHARE = THRESHOLDS["corpus_ocr"]["share_of_original_f1"]
CATEGORIES = ["minute_items", "resolutions", "observations"]
pytestmark = pytest.mark.skipif(tesseract_missing() is not None, reason="Tesseract is not installed")


def _scored(corpus_export, documents: list[dict]) -> dict:
    return evaluate(corpus_export, {"documents": documents}, "corpus", CATEGORIES).micro


@pytest.fixture(scope="module")
def scans_export(tmp_path_factory) -> dict:
    """The scans with the papers they copy, so that collection passes see what they see in corpus/."""
    store = Store(tmp_path_factory.mktemp("scans") / "home")
    try:
        gold = json.loads((CORPUS / "gold.json").read_text())["documents"]
        originals = {_original_of(d["file"], {g["file"]: g for g in gold}) for d in gold if d.get("image_only")}
        report = ingest(store, [str(CORPUS / "scanned"), *(str(CORPUS / f) for f in sorted(originals))], jobs=2)
        assert report.ocr_pages == 6 and not report.failed
        return export_store(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def scans_and_originals(scans_export):
    corpus_export = scans_export
    gold = json.loads((CORPUS / "gold.json").read_text())["documents"]
    scans = [d for d in gold if d.get("image_only")]
    by_file = {d["file"]: d for d in gold}
    # the scan's gold repeats its original's (the deck's: pages 1-4 only)
    originals = [{**by_file[original], **{c: s[c] for c in CATEGORIES if c in s}}
                 for s in scans for original in [_original_of(s["file"], by_file)]]
    return _scored(corpus_export, scans), _scored(corpus_export, originals)


def _original_of(scan: str, by_file: dict) -> str:
    stem = scan.removeprefix("scanned/").split(" (scanned)")[0].removesuffix(" pages 1-4")
    return next(f for f in by_file if f == stem + ".pdf")


@pytest.mark.parametrize("category", CATEGORIES)
def test_scans_reach_most_of_their_originals_f1(scans_and_originals, category):
    scans, originals = scans_and_originals
    assert scans[category]["f1"] >= SHARE[category] * originals[category]["f1"], (scans[category], originals[category])
