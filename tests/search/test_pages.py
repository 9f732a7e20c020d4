import re

import pytest

from panel_papers.search.pages import search_pages
from panel_papers.search.query import QueryError, check_query


def _page_text(store, hit):
    return store.db.execute(
        "select text from pages where document_id = ? and number = ?", [hit.document_id, hit.page]
    ).fetchone()[0]


def _words(text):
    return re.sub(r"\W+", " ", text.lower())


def test_phrase_hits_really_contain_the_phrase(any_corpus_store):
    result = search_pages(any_corpus_store, '"special guardianship"', sort="date", limit=None, pages_only=True)
    assert result.total >= 5
    for hit in result.hits:
        assert "special guardianship" in _words(_page_text(any_corpus_store, hit)), (hit.file, hit.page)
        assert "**" in hit.snippet


def test_date_sort_is_newest_first_and_undated_last(any_corpus_store):
    hits = search_pages(any_corpus_store, "placement", sort="date", limit=None).hits
    # a paper tied to no meeting but stating "February 2022" sorts by that month
    dates = [h.meeting_date or {"February 2022": "2022-02"}.get(h.stated_period) for h in hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[: len(dated)] == dated  # every undated hit comes after the dated ones
    assert dated[:2] == ["2022-02", "2019-04-03"] and None in dates


def test_relevance_sort_orders_by_score(any_corpus_store):
    scores = [h.score for h in search_pages(any_corpus_store, "adoption", limit=20, pages_only=True).hits]
    assert scores == sorted(scores, reverse=True) and len(scores) == 20
    items = [h.score for h in search_pages(any_corpus_store, "adoption", limit=None).hits]
    assert items == sorted(items, reverse=True) and len(items) > 5


def test_stemming_finds_other_forms(any_corpus_store):
    singular = search_pages(any_corpus_store, "placement", limit=None, pages_only=True)
    plural = search_pages(any_corpus_store, "placements", limit=None, pages_only=True)
    assert singular.total == plural.total > 10


def test_filters(any_corpus_store):
    since = search_pages(any_corpus_store, "placement", since="2018-01-01", limit=None)
    assert since.hits and all(h.meeting_date >= "2018-01-01" for h in since.hits if h.meeting_date)
    # an undated paper that states its month passes by that month, and says it
    assert {h.stated_period for h in since.hits if not h.meeting_date} == {"February 2022"}
    until = search_pages(any_corpus_store, "placement", until="2017-12-31", limit=None)
    assert until.hits and all(h.meeting_date <= "2017-12-31" for h in until.hits)
    minutes = search_pages(any_corpus_store, "dental", kind="minutes", limit=None)
    assert minutes.hits and {h.kind for h in minutes.hits} == {"minutes"}
    committee = search_pages(any_corpus_store, "placement", committee="corporate parenting panel", limit=None)
    assert committee.hits and {h.committee for h in committee.hits} == {"Corporate Parenting Panel"}
    assert search_pages(any_corpus_store, "placement", committee="planning committee").total == 0


def test_boolean_and_field_syntax(any_corpus_store):
    both = search_pages(any_corpus_store, "dental AND missing", limit=None).total
    either = search_pages(any_corpus_store, "dental OR missing", limit=None).total
    without = search_pages(any_corpus_store, "missing NOT dental", limit=None).total
    assert 0 < both < either and without < either
    in_file = search_pages(any_corpus_store, "dental file:x.pdf").total
    assert in_file == 0


def test_limit_and_citation(any_corpus_store):
    result = search_pages(any_corpus_store, "ofsted", limit=3)
    assert len(result.hits) == 3 and result.total > 3
    hit = result.hits[0]
    assert hit.path.endswith(hit.file) and hit.page >= 1


def test_no_match_suggests_a_spelling(any_corpus_store):
    result = search_pages(any_corpus_store, "guardinship")
    assert result.total == 0 and result.suggestions == ["guardianship"]


@pytest.mark.parametrize(
    "query, message",
    [
        ('"special guardianship', "unbalanced quote"),
        ("(dental OR missing", "unbalanced parenthesis"),
        ("colour:blue", "unknown field 'colour'"),
        ("dental AND", "operator"),
        ("   ", "empty query"),
    ],
)
def test_malformed_queries_are_named(query, message):
    with pytest.raises(QueryError, match=message):
        check_query(query)


def test_phrase_then_operator_is_a_valid_query():
    assert check_query('"care leavers" OR education') == '"care leavers" OR education'


@pytest.mark.parametrize("option, value", [("since", "2019-13-01"), ("until", "last week")])
def test_bad_dates_are_named(any_corpus_store, option, value):
    with pytest.raises(QueryError, match=f"--{option} '{value}' is not a date"):
        search_pages(any_corpus_store, "placement", **{option: value})


def test_results_collapse_per_meeting_and_item(any_corpus_store):
    pages = search_pages(any_corpus_store, '"special guardianship"', limit=None, pages_only=True)
    items = search_pages(any_corpus_store, '"special guardianship"', limit=None)
    assert items.total < pages.total
    groups = [(h.meeting_date, h.record, h.item, h.title) for h in items.hits]
    assert len(groups) == len(set(groups))
    minute = next(h for h in items.hits if h.record == "minute")
    assert (minute.meeting_date, minute.item) == ("2017-03-28", "145")  # the minuted meeting, not the pack's
    report_page = next(h for h in items.hits if h.item == "13")
    assert report_page.meeting_date == "2017-06-14" and "ACTIVITY AND PERFORMANCE" in report_page.title


def test_record_field_query(any_corpus_store):
    result = search_pages(any_corpus_store, "record:resolution noted", limit=None)
    assert result.hits and {h.record for h in result.hits} == {"resolution"}
