"""Scoring every match at once gives Whoosh's own records and scores, segment by segment."""
from __future__ import annotations

import pytest
from whoosh import query as wq

from panel_papers.index import fulltext, fulltext_vectors
from panel_papers.index.fulltext import FullTextIndex, IndexedRecord

QUERIES = [
    "children",
    "children AND placement",
    "children OR placement OR budget",
    '"looked after children" OR adoption',
    "care AND NOT leavers",
    "fostering^3 OR adoption",
    "kind:minutes AND (health OR dental)",
    "NOT children",
    "nosuchwordanywhere OR adoption",
]


def _whoosh_scores(searcher, q) -> dict[int, float]:
    # Whoosh's NOT can return a deleted record: never an answer, as the engine asks with its filters.
    reader = searcher.reader()
    return {docnum: score for score, docnum in searcher.search(q, limit=None).top_n if not reader.is_deleted(docnum)}


def _vector_scores(searcher, q) -> dict[int, float] | None:
    found = fulltext_vectors.scored(searcher, q, (fulltext._Union, fulltext._KnownPhrase))
    return None if found is None else dict(zip(found[0].tolist(), found[1].tolist()))


def _same(searcher, q) -> None:
    want, got = _whoosh_scores(searcher, q), _vector_scores(searcher, q)
    assert got is not None, q
    assert set(got) == set(want), q
    assert all(got[d] == pytest.approx(want[d], rel=1e-12) for d in want), q


def _engine_form(index, text: str, scale: float | None = None) -> wq.Query:
    q = index.parse(text)
    if scale and type(q) is wq.Or:  # as a question's "some of the words" query is built
        q = wq.Or(q.subqueries, scale=scale)
    return fulltext._unions_that_skip(q)


@pytest.mark.parametrize("text", QUERIES)
def test_scores_are_whooshs_on_the_sample(corpus_store, text):
    index = corpus_store.fulltext
    with index._searching() as searcher:
        _same(searcher, _engine_form(index, text))
        _same(searcher, _engine_form(index, text, scale=0.9))


def test_parts_only_whoosh_scores_are_left_to_it(corpus_store):
    index = corpus_store.fulltext
    with index._searching() as searcher:
        for text in ("child*", "page:[5 TO 9]"):
            assert _vector_scores(searcher, _engine_form(index, text)) is None, text


def _record(n: int, doc: str, text: str) -> IndexedRecord:
    return IndexedRecord(id=f"{doc}:page:{n}", doc_id=doc, record="page", file=f"{doc}.pdf", page=n,
                         text=text, group=f"{doc}:{n}", kind="minutes" if n % 2 else "report")


def test_scores_are_whooshs_across_segments_and_deletions(tmp_path):
    index = FullTextIndex(tmp_path / "whoosh")
    index.create()
    texts = ["children looked after in placement", "looked after children and care leavers",
             "placement stability for children", "budget and care leavers", "adoption of children children"]
    for batch, docs in enumerate([["a", "b"], ["c"], ["d"]]):  # a commit each: three segments
        writer = index.writer()
        writer.add_records([_record(n, doc, texts[(n + batch) % len(texts)]) for doc in docs for n in range(1, 6)])
        writer.commit()
    writer = index.writer()
    writer.delete_documents(["b"])  # after a's records in its segment: read past, not skipped at the start
    writer.commit()
    with index._searching() as searcher:
        segments = [sub.reader() for sub, _ in searcher.subsearchers or []]
        assert len(segments) > 1 and any(reader.has_deletions() for reader in segments)
        for text in QUERIES + ['"care leavers"', '"looked after children" AND placement']:
            _same(searcher, _engine_form(index, text, scale=0.9))
            _same(searcher, _engine_form(index, text))


@pytest.mark.parametrize("text", QUERIES[:7] + ["child*"])
def test_best_hits_are_the_full_rankings_first(corpus_store, text):
    index = corpus_store.fulltext
    q = index.parse(text)
    for collapse in (True, False):
        total, best, _ = index.search(q, fulltext.Filters(), 5, sort_by_date=False, collapse=collapse)
        _, everything, _ = index.search(q, fulltext.Filters(), None, sort_by_date=False, collapse=collapse)
        assert [(h.id, h.score) for h in best] == [(h.id, h.score) for h in everything[:5]], (text, collapse)
        assert total <= len(everything)


def test_numeric_column_is_read_as_whoosh_reads_it(corpus_store, tmp_path):
    index = FullTextIndex(tmp_path / "whoosh")
    index.create()
    for n, date in enumerate(["2019-04-03", None, "2024-10-29"]):  # a commit each; an undated record
        writer = index.writer()
        record = _record(n + 1, f"d{n}", "children")
        record.meeting_date = date
        writer.add_records([record])
        writer.commit()
    for searcher_of in (corpus_store.fulltext, index):
        with searcher_of._searching() as searcher:
            column = searcher.reader().column_reader("date_key")
            assert fulltext_vectors.numeric_column(searcher, "date_key").tolist() == \
                [column[d] for d in range(searcher.doc_count_all())]


@pytest.mark.parametrize("text", QUERIES[:7])
def test_meetings_and_newest_items_are_whooshs(corpus_store, monkeypatch, text):
    index = corpus_store.fulltext
    q = index.parse(text)

    def answers():
        meetings = [(count, score, hit.id) for count, score, hit in index.best_per_meeting(q, fulltext.Filters())]
        total, newest, _ = index.search(q, fulltext.Filters(), 5, sort_by_date=True)
        return meetings, total, [(hit.id, hit.score) for hit in newest]

    vectors = answers()
    monkeypatch.setattr(fulltext, "_every_match", lambda *args: None)  # Whoosh's matchers, one by one
    assert vectors == answers()


@pytest.mark.parametrize("text", QUERIES + ['"care leavers" ANDNOT adoption', "child* OR adoption"])
def test_snippets_mark_what_whoosh_marks(corpus_store, monkeypatch, text):
    index = corpus_store.fulltext
    q = index.parse(text)
    _, hits, _ = index.search(q, fulltext.Filters(), 20, sort_by_date=False)
    marked = [hit.snippet for hit in hits]
    monkeypatch.setattr(fulltext, "_matched", lambda *args: None)  # Whoosh's search(terms=True)
    index.mark(q, hits)
    assert [hit.snippet for hit in hits] == marked


def test_kept_records_drop_the_least_recently_used_past_their_budget():
    import numpy as np

    kept = fulltext_vectors.KeptRecords(budget=10)
    made = []

    def array_of(n):
        return lambda: made.append(n) or (np.arange(n),)

    kept.get("a", array_of(4))
    kept.get("b", array_of(4))
    kept.get("a", array_of(4))  # kept: not made again, and now the most recent
    kept.get("c", array_of(4))  # 12 records: "b" goes
    assert made == [4, 4, 4] and list(kept.values) == ["a", "c"] and kept.held == 8
    kept.get("huge", array_of(50))  # alone over the budget, but kept until the next
    assert list(kept.values) == ["huge"]
