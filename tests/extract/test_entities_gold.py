"""Entity extraction scored against the hand-annotated people and bodies of the bundled corpus."""
from __future__ import annotations

import json

import pytest

from panel_papers.index.queries import entities_by_file
from panel_papers.search.evaluate_entities import document_counts, lenient_name, score_entities
from support import THRESHOLDS, below, gold_path

GOLD = json.loads(gold_path("entities").read_text())


@pytest.fixture(scope="module")
def predicted(corpus_store) -> dict[str, dict[str, set[str]]]:
    return entities_by_file(corpus_store)


def test_people_and_organisations_meet_the_threshold(predicted):
    scores = score_entities(predicted, GOLD)
    assert not below(scores, THRESHOLDS["entities"]["f1"]), scores


def test_lenient_names():
    assert lenient_name("The Children’s Society") == lenient_name("childrens society")
    assert lenient_name("Overview & Scrutiny Panel") == lenient_name("overview and scrutiny panel")


def test_spellings_of_one_entity_count_once_and_are_not_errors():
    gold = [["Local Safeguarding Children Board", "LSCB"], "Ofsted", "Reading Trust"]
    tp, fp, fn = document_counts({"LSCB", "Local Safeguarding Children Board", "OFSTED", "Eastfield Clinic"}, gold)
    assert (tp, fp, fn) == (2, 1, 1)


def test_missing_document_counts_every_gold_entity_as_missed():
    gold = {"documents": [{"file": "a.pdf", "PERSON": ["Jane Doe"], "ORG": []}]}
    scores = score_entities({}, gold)
    assert scores["PERSON"] == {"precision": 1.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert scores["ORG"]["f1"] == 1.0
