"""SQLite's own full-text tables (for Datasette's ?_search=) stay in step with the store, and forget removes."""
import shutil

from panel_papers.index.schema import FULL_TEXT
from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from panel_papers.search.pages import search_pages
from support import PACK, REPORT, STRATEGY, write_pdf


def _matches(store, table, words):
    return store.db.execute(f"select count(*) from [{table}_fts] where [{table}_fts] match ?", [words]).fetchone()[0]


def test_each_table_has_a_full_text_table_datasette_finds(corpus_store):
    for table in FULL_TEXT:
        sql = corpus_store.db.execute("select sql from sqlite_master where name = ?", [f"{table}_fts"]).fetchone()[0]
        assert "USING FTS5" in sql and f'content="{table}"' in sql  # how Datasette detects it
    assert _matches(corpus_store, "pages", "guardianship") >= 5
    assert _matches(corpus_store, "minute_items", "ofsted") >= 1
    count = lambda sql: corpus_store.db.execute(sql).fetchone()[0]  # noqa: E731
    assert count("select count(*) from pages_fts") == count("select count(*) from pages")


def test_a_changed_file_and_a_forgotten_one_leave_no_stale_text(tmp_path):
    store = Store(tmp_path / "home")
    paper = write_pdf(tmp_path / "papers" / "note.pdf", ["The giraffe enclosure report."])
    shutil.copyfile(REPORT, tmp_path / "papers" / "report.pdf")
    ingest(store, [str(tmp_path / "papers")], jobs=1)
    assert _matches(store, "pages", "giraffe") == 1
    write_pdf(paper, ["The zebra crossing report."])
    ingest(store, [str(tmp_path / "papers")], jobs=1)
    assert (_matches(store, "pages", "giraffe"), _matches(store, "pages", "zebra")) == (0, 1)

    assert store.forget([str(paper.resolve())])
    store.recover()
    assert _matches(store, "pages", "zebra") == 0 and search_pages(store, "zebra").total == 0
    assert search_pages(store, "benchmarking").total >= 1  # the other paper stays
    store.close()
