"""The cheaper index writer gives the postings Whoosh's own code gives, word for word."""
from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index

from panel_papers.index.fulltext import FullTextIndex, IndexedRecord, _schema
from panel_papers.index.fulltext_writer import _BlockPool, _WordPostings
from support import CORPUS

TEXTS = [
    "",
    "the and of",  # stop words only
    "The Panel RESOLVED that the report be noted.",  # a stop word first: the first word keeps place 1
    "a b c x: 3.141 big-time under_score e.g. U.K. £1,200.50 20/21",
    "İstanbul STRASSE Straße ǅemal ﬁnance naïve café’s résumé",  # lower() changing length or letters
    "children's children looked after; looked-after children (LAC) 12.5% 0.5",
    "word " * 300 + "ending",
    "\u00a0non\u2011breaking\u2009spaces\ttabs\nlines\r\n",
]


def _corpus_texts() -> list[str]:
    import pypdfium2 as pdfium

    texts = []
    for path in sorted(CORPUS.glob("*.pdf"))[:2]:
        pdf = pdfium.PdfDocument(str(path))
        texts += [pdf[i].get_textpage().get_text_range() for i in range(min(len(pdf), 20))]
    return texts


@pytest.mark.parametrize("name", ["content", "title", "committee"])
def test_word_postings_are_whooshs(name):
    field = _schema()[name]
    words = _WordPostings.of(field)
    assert words is not None
    for text in TEXTS + _corpus_texts():
        assert list(words.index(text)) == list(field.index(text)), text[:80]


def test_other_fields_keep_whooshs_indexing():
    schema = _schema()
    assert all(_WordPostings.of(schema[name]) is None for name in ("id", "people", "page", "meeting_date"))


def test_block_pool_runs_sort_as_one(tmp_path: Path):
    ix = index.create_in(str(tmp_path), _schema())
    writer = ix.writer()
    pool = _BlockPool(writer._tempstorage, writer.newsegment, limitmb=1)
    items = [("content", f"w{i % 997:04}".encode(), i, 1.0, b"v" * (i % 7)) for i in range(30_000)]
    for item in reversed(items):
        pool.add(item)
    assert pool.runs  # it spilled
    assert list(pool.items()) == sorted(items)
    writer.cancel()


def test_index_written_cheaply_saves_the_plain_schema(tmp_path: Path):
    text = FullTextIndex(tmp_path / "ix")
    text.create()
    writer = text.writer()
    writer.add_records([IndexedRecord(id="d:page:1", doc_id="d", record="page", file="f.pdf", page=1,
                                      text="Looked after children", title="Corporate Parenting", committee="Panel")])
    writer.commit()
    saved = index.open_dir(str(tmp_path / "ix")).schema
    assert saved.names() == _schema().names()
    assert not any("index" in vars(saved[name]) for name in saved.names())
    assert text.page_count() == 1
