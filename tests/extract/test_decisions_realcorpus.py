"""Decisions, recommendations and requests on the real papers of ../shared/realcorpus.

Decisions are scored per document (every decision string of a paper against
every gold decision string of it), so the score does not depend on how minute
headings were found. Skipped where ../shared is absent.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from panel_papers.extract.decision_tables import decision_rows, may_hold_decision_table
from panel_papers.extract.decisions import full_width, register, resolutions
from panel_papers.extract.pagelines import content_lines
from panel_papers.extract.requests import requests
from panel_papers.extract.structure import extract_structure
from panel_papers.ingest.reader import open_pdf, read_document_pages
from panel_papers.ingest.tables import read_tables
from panel_papers.search.evaluate import match_items, same_text, same_value

REALCORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "realcorpus"
GOLD = REALCORPUS / "gold.json"

pytestmark = pytest.mark.skipif(not REALCORPUS.is_dir(), reason="../shared/realcorpus is absent: no real papers to read")


def _lines(file: str):
    return content_lines(_pages(file))


def _pages(file: str):
    pdf = open_pdf(REALCORPUS / file)
    try:
        return read_document_pages(pdf)
    finally:
        pdf.close()


def _decisions(file: str) -> list:
    lines = _lines(file)
    return resolutions(lines, "m", None, full_width(lines), register(lines))


def _decision_texts(file: str) -> list[str]:
    """A paper's decisions from its text and from the rows of its decision tables."""
    candidates = [p.number for p in _pages(file) if may_hold_decision_table(p.text)]
    rows = [text for _, text in decision_rows(read_tables(REALCORPUS / file, candidates))] if candidates else []
    inside = lambda text: any(" ".join(text.split()) in row for row in rows)  # noqa: E731
    return [r.text for r in _decisions(file) if not inside(r.text)] + rows


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_north_american_motions_carry_mover_seconder_and_result():
    found = _decisions("ca-township-of-nipissing/nipissing_council_2025-03-04_minutes.pdf")
    assert len(found) == 9
    assert all(r.mover and r.seconder and r.result == "Carried" and r.text.lower().startswith("that") for r in found)


def test_formal_minutes_with_decisions_mid_line_and_in_parts():
    file = "uk-burton-cum-walden-parish-council/burton_cum_walden_pc_2025-11-04_minutes.pdf"
    assert register(_lines(file)) == "formal"
    assert len(_decisions(file)) == 9


def test_minutes_that_state_outcomes_are_read_in_the_informal_register():
    file = "uk-tintern-community-council/tintern_cc_2019-02-25_minutes.pdf"
    assert register(_lines(file)) == "informal"
    assert len(_decisions(file)) == 6


def test_a_grants_table_gives_one_decision_a_row():
    file = "uk-sutton-coldfield-town-council/sutton_coldfield_tc_alcs_committee_2018-03-13_minutes.pdf"
    candidates = [p.number for p in _pages(file) if may_hold_decision_table(p.text)]
    assert len(decision_rows(read_tables(REALCORPUS / file, candidates))) == 15


def test_a_restated_recommendation_list_is_kept_once():
    file = "uk-kent-county-council/kent_cabinet_2025-01-30_budget_monitoring_nov_report.pdf"
    found = extract_structure(_pages(file), Path(file).name).recommendations
    assert [r.number for r in found] == list("abcdef")


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    if not GOLD.is_file():
        pytest.skip("../shared/realcorpus/gold.json is absent: nothing to score against")
    return [d for d in json.loads(GOLD.read_text())["documents"] if not (d.get("image_only") or d.get("garbled_text"))]


def _by_council(gold: list[dict], counts) -> dict[str, float]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for document in gold:
        found = counts(document)
        if found is None:
            continue
        for i, value in enumerate(found):
            totals[document["file"].split("/")[0]][i] += value
    return {council: _f1(*t) for council, t in totals.items() if any(t)}


def test_decisions_per_document_by_council(gold):
    def counts(document):
        if "minutes" not in document["file"]:
            return None
        expected = [t for item in document.get("minute_items") or [] for t in item.get("resolutions") or []]
        return match_items(expected, _decision_texts(document["file"]), same_text)

    scores = _by_council(gold, counts)
    assert sum(scores.values()) / len(scores) >= 0.9, scores
    assert all(f1 >= 0.8 for f1 in scores.values()), scores


def test_requests_per_document_by_council(gold):
    def counts(document):
        if "minutes" not in document["file"]:
            return None
        lines = _lines(document["file"])
        found = [{"text": r.text, "page": r.page} for r in requests(lines, None, None, full_width(lines))]
        same = lambda g, p: same_text(g["text"], p["text"]) and same_value(g["page"], p["page"])  # noqa: E731
        return match_items(document.get("requests") or [], found, same)

    scores = _by_council(gold, counts)
    assert all(f1 >= 0.8 for f1 in scores.values()), scores
