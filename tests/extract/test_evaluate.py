from panel_papers.search.evaluate import register_scorer, score, same_text

GOLD = {
    "documents": [
        {
            "file": "pack.pdf",
            "kind": "agenda_pack",
            "committee": "Planning Committee",
            "meeting_date": "2019-04-03",
            "agenda_items": [{"number": "1", "title": "Apologies", "pages": None}, {"number": "2", "title": "Minutes", "pages": [3, 5]}],
            "minute_items": [{"number": "12", "title": "Budget", "meeting_date": "2019-03-06", "page": 3, "resolutions": ["That the report be noted."]}],
            "recommendations": [{"text": "That the report be noted", "source": "x", "page": 7}],
            "requests": [],
        },
        {"file": "scanned/copy.pdf", "kind": "minutes", "committee": None, "meeting_date": None, "image_only": True,
         "minute_items": [{"number": None, "title": "X", "meeting_date": None, "page": 1, "resolutions": []}]},
    ]
}


def test_perfect_export_scores_one_and_image_only_gold_is_skipped():
    export = {"documents": [dict(GOLD["documents"][0])]}
    result = score(export, GOLD)
    assert all(v["f1"] == 1.0 for v in result.values()), result
    assert result["minute_items"]["tp"] == 1


def test_numbers_strict_text_lenient():
    doc = dict(GOLD["documents"][0])
    doc["agenda_items"] = [{"number": "1", "title": "APOLOGIES.", "pages": None}, {"number": "2", "title": "Minutes", "pages": [3, 6]}]
    doc["committee"] = "PLANNING COMMITTEE"
    result = score({"documents": [doc]}, GOLD)
    assert result["agenda_items"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert result["meeting"]["f1"] == 1.0


def test_wrong_meeting_date_is_both_false_positive_and_miss():
    doc = dict(GOLD["documents"][0], meeting_date="2019-04-04")
    result = score({"documents": [doc]}, GOLD)
    assert (result["meeting"]["tp"], result["meeting"]["fp"], result["meeting"]["fn"]) == (2, 1, 1)


def test_missing_document_counts_as_misses():
    result = score({"documents": []}, GOLD)
    assert result["minute_items"]["fn"] == 1 and result["minute_items"]["recall"] == 0.0


def test_fuzzy_text_match_threshold():
    assert same_text("That the report be noted.", "that the  report be noted")
    assert not same_text("That the report be noted.", "That the report be approved.")


def test_registered_scorer_is_used():
    register_scorer("widgets", lambda gold, predicted: (len(gold.get("widgets", [])), 0, 0))
    try:
        result = score({"documents": [GOLD["documents"][0]]}, {"documents": [dict(GOLD["documents"][0], widgets=[1, 2])]})
        assert result["widgets"]["tp"] == 2
    finally:
        from panel_papers.search.evaluate import SCORERS
        SCORERS.pop("widgets")
