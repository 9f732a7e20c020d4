"""The PostgreSQL store against a real server: the same records, exports and answers as SQLite's."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.index.lock import StoreLocked
from panel_papers.ingest.pipeline import ingest
from panel_papers.search.export import export_store
from panel_papers.search.pages import search_pages
from panel_papers.search.timeline import when_discussed
from support import PACK, STRATEGY, store_args


def _cli(store, *args) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*store_args(store), *args])
    return result.exit_code, result.output


def test_export_is_identical_to_the_sqlite_stores(pg_corpus_store, corpus_export):
    assert export_store(pg_corpus_store) == corpus_export


@pytest.mark.parametrize("args", [
    ["items", "--json"], ["meetings", "--json"], ["resolutions", "--json"], ["requests", "--json"],
    ["recommendations", "--json"], ["indicators", "--json"], ["series", "dental checks", "--json"],
    ["trace", "table showing performance trends", "--json"], ["followups", "--json"], ["who", "Hedley", "--json"],
    ["glossary", "SGO", "--json"],
])
def test_listings_answer_as_on_sqlite(pg_corpus_store, corpus_store, args):
    assert _same_run(_cli(pg_corpus_store, *args)) == _same_run(_cli(corpus_store, *args))


def _same_run(result: tuple[int, str]) -> tuple[int, str]:
    """Without the times of ingest (an undated paper's publication falls back to it)."""
    return result[0], re.sub(r'"\d{4}-\d\d-\d\dT[\d:]+\+00:00"', '"ingest time"', result[1])


# The README's examples; scores differ (ts_rank, not BM25), the items found must not.
@pytest.mark.parametrize("query, options", [
    ('"special guardianship"', {"sort": "date"}), ("dental checks", {"kind": "minutes"}),
    ("when was SGO performance last discussed?", {}), ("care leavers", {"since": "2017-01-01", "until": "2018-12-31"}),
    ("health", {"committee": "corporate parenting", "pages_only": True}), ("kind:minutes foster*", {}),
])
def test_search_finds_the_same_items(pg_corpus_store, corpus_store, query, options):
    # An item (one meeting's item with its report pages) may be shown by another of its pages,
    # and a page printed in two papers by either copy.
    if options.get("pages_only"):
        keys = lambda h: {f"{h.file}, page {h.page}", *h.also_in}  # noqa: E731
    else:
        keys = lambda h: {(h.file, h.title, h.meeting_date)}  # noqa: E731
    found = [set().union(*(keys(h) for h in search_pages(s, query, limit=None, **options).hits))
             for s in (corpus_store, pg_corpus_store)]
    assert found[0] == found[1]


@pytest.mark.parametrize("term", ["SGO", "dental checks", "special guardianship", "housing"])
def test_when_finds_the_same_meetings(pg_corpus_store, corpus_store, term):
    found = [{(d.meeting_date, d.document_id) for d in when_discussed(s, term).discussions}
             for s in (corpus_store, pg_corpus_store)]
    assert found[0] == found[1]


def test_one_writer_at_a_time(pg_store):
    with pg_store.writer_lock(wait=False):
        with pytest.raises(StoreLocked, match="papers writer pid"):
            with pg_store.writer_lock(wait=False):
                pass
    with pg_store.writer_lock(wait=False):  # released with its session
        pass


def test_ingest_forget_and_search_on_a_fresh_schema(pg_store, tmp_path):
    report = ingest(pg_store, [str(STRATEGY), str(PACK)], jobs=1, ocr="never")
    assert report.ingested == 2 and not report.failed
    assert search_pages(pg_store, "guardianship", limit=None).total > 0
    assert ingest(pg_store, [str(STRATEGY)], jobs=1).unchanged == 1
    code, output = _cli(pg_store, "forget", str(STRATEGY))
    assert code == 0 and "1 document removed" in output
    assert {h.file for h in search_pages(pg_store, "guardianship", limit=None).hits} == {PACK.name}
    code, output = _cli(pg_store, "check", "--json")
    assert code == 0 and json.loads(output)["sound"]


def test_the_default_store_never_imports_the_driver(tmp_path):
    script = ("import sys; from click.testing import CliRunner; from panel_papers.cli import cli; "
              "CliRunner().invoke(cli, ['--home', sys.argv[1], 'status']); sys.exit('psycopg' in sys.modules)")
    env = {"PATH": "/usr/bin:/bin"}
    assert subprocess.run([sys.executable, "-c", script, str(tmp_path / "home")], env=env).returncode == 0


def test_rebuild_swaps_in_a_new_schema_and_keeps_unreachable_documents(pg_store, tmp_path):
    import shutil

    gone = shutil.copyfile(STRATEGY, tmp_path / "gone.pdf")
    assert not ingest(pg_store, [str(PACK), str(gone)], jobs=1, ocr="never").failed
    before = export_store(pg_store)
    gone.unlink()
    code, output = _cli(pg_store, "rebuild", "-j", "1")
    assert code == 0 and "rebuilt" in output
    assert export_store(pg_store) == before  # the unreachable paper kept its records
    rows = pg_store.db.execute("select nspname from pg_namespace where nspname like ?", [f"{pg_store.schema}%"])
    assert [row[0] for row in rows] == [pg_store.schema]


def test_ocr_of_waiting_pages_stores_what_sqlite_stores(pg_store, store):
    import shutil

    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed: no OCR to compare")
    scans = [str(p) for p in sorted((PACK.parent / "scanned").glob("*.pdf"))]
    for s in (pg_store, store):
        assert not ingest(s, scans, jobs=1, ocr="never").failed
        code, output = _cli(s, "ocr", "-q", "-j", "1")
        assert code == 0, output
    assert export_store(pg_store) == export_store(store)


@pytest.mark.parametrize("path, query", [("/", "q=dental+checks"), ("/meetings", ""), ("/followups", ""),
                                         ("/indicators", ""), ("/", "q=special+guardianship&format=json")])
def test_the_web_page_answers_from_the_shared_store(pg_corpus_store, path, query):
    from wsgiref.util import setup_testing_defaults

    from panel_papers.search.web.app import WebApp

    app = WebApp(pg_corpus_store.home, store_url=pg_corpus_store.url)
    environ = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING=query)
    status = []
    body = b"".join(app(environ, lambda code, headers: status.append(code)))
    assert status == ["200 OK"] and (b"dental" in body.lower() or not query.startswith("q=dental"))


def test_a_store_url_of_another_kind_is_refused_on_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), "--store", "mysql://db/x", "status"])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: --store 'mysql://db/x': give a postgresql://... URL"


def test_an_unreachable_server_is_named_on_one_line_without_the_password(tmp_path):
    pytest.importorskip("psycopg", reason="the pg extra is not installed: no driver to fail")
    url = "postgresql://reader:s3cret@127.0.0.1:1/papers"
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), "--store", url, "status"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "s3cret" not in result.output
    assert result.output.startswith("Error: postgresql://reader:***@127.0.0.1:1/papers: ")
