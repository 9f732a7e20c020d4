"""The scoring rules of `papers eval` on small hand-made gold, one rule per test."""
import pytest

from panel_papers.extract.export import GoldError, gold_kind
from panel_papers.search.evaluate import evaluate
from panel_papers.search.matching import same_text, similar_text

PACK = {
    "file": "kent/pack.pdf",
    "council": "Kent County Council",
    "kind": "agenda_pack",
    "committee": "Planning Committee",
    "meeting_date": "2019-04-03",
    "agenda_items": [{"number": "1", "title": "Apologies", "pages": None}, {"number": "2", "title": "Minutes", "pages": [3, 5]}],
    "minute_items": [{"number": "12", "title": "Budget", "meeting_date": "2019-03-06", "page": 3,
                      "resolutions": ["That the report be noted."]}],
    "recommendations": [{"number": "(a)", "text": "That the report be noted", "source": "x", "page": 7}],
    "requests": [],
}
SCAN = {"file": "kent/scanned.pdf", "council": "Kent County Council", "kind": "minutes", "image_only": True,
        "minute_items": [{"number": None, "title": "X", "resolutions": []}]}
PARISH = {"file": "parish/minutes.pdf", "council": "Souldern Parish Council", "kind": "minutes", "committee": None,
          "minute_items": [{"number": "09.24.01", "title": "Apologies", "resolutions": []}]}
GOLD = {"schema": 1, "kind": "structure", "documents": [PACK, SCAN, PARISH]}


def found(**changes) -> dict:
    return {"documents": [{**PACK, "file": "pack.pdf", **changes}, {**PARISH, "file": "minutes.pdf"}]}


def test_perfect_export_scores_one_and_unreadable_gold_is_left_out():
    result = evaluate(found(), GOLD)
    assert all(cell["f1"] == 1.0 for cell in result.micro.values()), result.micro
    assert result.not_scored == ["kent/scanned.pdf"]
    assert result.micro["minute_items"]["tp"] == 2


def test_scores_per_council_with_macro_over_councils_and_micro_totals():
    result = evaluate(found(minute_items=[]), GOLD)
    assert set(result.councils) == {"Kent County Council", "Souldern Parish Council"}
    assert result.councils["Kent County Council"]["minute_items"]["f1"] == 0.0
    assert result.councils["Souldern Parish Council"]["minute_items"]["f1"] == 1.0
    assert result.macro["minute_items"] == {"precision": 1.0, "recall": 0.5, "f1": 0.5, "councils": 2}
    assert result.micro["minute_items"]["recall"] == 0.5


def test_a_council_with_nothing_to_find_and_nothing_found_does_not_vote():
    result = evaluate(found(), GOLD)
    assert "requests" not in result.councils["Souldern Parish Council"]
    assert result.macro["agenda_items"]["councils"] == 1


def test_gold_without_council_is_one_group_named_by_the_caller():
    gold = {"documents": [{k: v for k, v in PACK.items() if k != "council"}]}
    assert list(evaluate(found(), gold, "corpus").councils) == ["corpus"]


def test_titles_lenient_numbers_strict():
    items = [{"number": "1", "title": "APOLOGIES."}, {"number": "3", "title": "Minutes"}]
    result = evaluate(found(agenda_items=items, committee="PLANNING  COMMITTEE"), GOLD)
    assert result.micro["agenda_items"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert result.micro["committee"]["f1"] == 1.0
    assert not same_text("That £5,000 be granted", "That £6,000 be granted")


def test_item_with_the_same_number_may_shorten_its_title_and_without_a_number_needs_a_close_one():
    assert similar_text("Apologies for absence", "Apologies")
    numbered = [{"number": "1", "title": "Apologies for absence"}, {"number": None, "title": "Minutes of the last meeting"}]
    result = evaluate(found(agenda_items=numbered), GOLD)
    assert (result.micro["agenda_items"]["tp"], result.micro["agenda_items"]["fp"]) == (1, 1)


def test_bracketed_and_bare_part_numbers_are_the_same_number():
    result = evaluate(found(recommendations=[{"number": "a", "text": "That the report be noted."}]), GOLD)
    assert result.micro["recommendations"]["f1"] == 1.0


def test_a_decision_kept_whole_matches_its_parts_on_the_other_side():
    parts = ["the report be noted", "the budget of £5,000 be approved", "the clerk write to the county"]
    whole = "RESOLVED that (1) the report be noted; (2) the budget of £5,000 be approved; (3) the clerk write to the county."
    split_gold = {"documents": [{**PACK, "minute_items": [{"number": "12", "title": "Budget", "resolutions": parts}]}]}
    whole_found = found(minute_items=[{"number": "12", "title": "Budget", "resolutions": [whole]}])
    assert evaluate(whole_found, split_gold).micro["resolutions"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}
    whole_gold = {"documents": [{**PACK, "minute_items": [{"number": "12", "title": "Budget", "resolutions": [whole]}]}]}
    parts_found = found(minute_items=[{"number": "12", "title": "Budget", "resolutions": parts}])
    assert evaluate(parts_found, whole_gold).micro["resolutions"]["f1"] == 1.0
    other_minute = found(minute_items=[{"number": "13", "title": "Budget", "resolutions": [whole]}])
    assert evaluate(other_minute, split_gold).micro["resolutions"]["tp"] == 0


def test_a_list_stated_empty_in_gold_counts_what_is_found_against_precision():
    result = evaluate(found(requests=[{"text": "A report to the next meeting", "minute": "12"}]), GOLD)
    assert result.micro["requests"] == {"precision": 0.0, "recall": 1.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 0}


def test_a_field_null_in_gold_should_be_empty():
    result = evaluate({"documents": [{**PARISH, "file": "minutes.pdf", "committee": "Parish Council"}]},
                      {"documents": [PARISH]})
    assert (result.micro["committee"]["fp"], result.micro["committee"]["fn"]) == (1, 0)


def test_wrong_meeting_date_is_both_a_false_positive_and_a_miss():
    result = evaluate(found(meeting_date="2019-04-04"), GOLD)
    assert (result.micro["meeting_date"]["tp"], result.micro["meeting_date"]["fp"], result.micro["meeting_date"]["fn"]) == (0, 1, 1)


def test_missing_document_counts_as_misses_and_files_are_listed_worst_first():
    result = evaluate({"documents": [{**PARISH, "file": "minutes.pdf"}]}, GOLD)
    assert result.micro["minute_items"]["fn"] == 1
    assert [f["file"] for f in result.files] == ["kent/pack.pdf", "parish/minutes.pdf"]
    assert result.files[0]["mean_f1"] == 0.0


def test_a_record_list_the_export_never_carries_is_skipped_with_a_reason():
    gold = {"documents": [{**PARISH, "actions": [{"ref": "1", "text": "Clerk to write"}]}]}
    result = evaluate({"documents": [{**PARISH, "file": "minutes.pdf"}]}, gold)
    assert "actions" in result.skipped and "actions" not in result.micro
    carried = evaluate({"documents": [{**PARISH, "file": "minutes.pdf", "actions": []}]}, gold)
    assert carried.micro["actions"]["fn"] == 1


@pytest.mark.parametrize("data, kind", [
    ({"schema": 1, "kind": "questions", "questions": []}, "questions"),
    ({"schema": 1, "documents": []}, "structure"),
    ({"kind": "entities", "documents": []}, "entities"),
])
def test_gold_kind_is_declared_or_a_document_list(data, kind):
    assert gold_kind(data) == kind


@pytest.mark.parametrize("data, message", [
    ({"kind": "widgets"}, "unknown gold kind 'widgets'"),
    ([{"query": "x"}], "expected a JSON object"),
    ({"schema": 2, "kind": "structure"}, "schema 2"),
])
def test_other_files_are_not_gold(data, message):
    with pytest.raises(GoldError, match=message):
        gold_kind(data)


def test_papers_of_the_same_name_in_two_folders_are_told_apart_by_path():
    gold = {"documents": [{**PARISH, "file": "north/minutes.pdf", "kind": "minutes"},
                          {**PARISH, "file": "south/minutes.pdf", "kind": "agenda"}]}
    export = {"documents": [{**PARISH, "file": "minutes.pdf", "kind": "agenda", "paths": ["/x/south/minutes.pdf"]},
                            {**PARISH, "file": "minutes.pdf", "kind": "minutes", "paths": ["/x/north/minutes.pdf"]}]}
    assert evaluate(export, gold).micro["kind"]["f1"] == 1.0
