"""Shared fixtures: a real SQLite store and a real Whoosh index in a temporary data directory."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# OCR of a scan, once per test session however many stores ingest it (ingest/ocr_pages.py CACHE).
os.environ.setdefault("PAPERS_OCR_CACHE", tempfile.mkdtemp(prefix="papers-ocr-cache-"))
atexit.register(shutil.rmtree, os.environ["PAPERS_OCR_CACHE"], True)

import pytest  # noqa: E402

from panel_papers.index.store import Store  # noqa: E402
from panel_papers.ingest.pipeline import ingest  # noqa: E402
from support import CORPUS  # noqa: E402


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "home")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The bundled corpus ingested once, shared by read-only tests.

    Its scans (corpus/scanned/) wait for OCR: copies of papers also stored with a text layer, they
    would answer the sample's questions twice; tests/ingest/test_ocr_gold.py reads them.
    """
    s = Store(tmp_path_factory.mktemp("corpus") / "home")
    report = ingest(s, [str(CORPUS)], jobs=2, ocr="never")
    assert report.ingested == 7 and not report.failed
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a throwaway PostgreSQL server, started once (tests/pg_server.py)."""
    import pg_server as pg

    folder = pg.binaries()
    if folder is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl, postgres) are not installed: the PostgreSQL "
                    "store is not tested (Debian: apt-get install postgresql)")
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[pg]'")
    server = pg.Server(folder)
    url = server.start()
    yield url
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A store URL of its own (a fresh schema) on the test server."""
    from pg_server import schema_url

    return schema_url(pg_server)


@pytest.fixture
def pg_store(tmp_path, pg_url) -> Store:
    from panel_papers.index.pg.store import PgStore

    s = PgStore(tmp_path / "home", pg_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_corpus_store(tmp_path_factory, pg_server) -> Store:
    """The bundled corpus ingested once into PostgreSQL, as corpus_store is into SQLite."""
    from panel_papers.index.pg.store import PgStore
    from pg_server import schema_url

    s = PgStore(tmp_path_factory.mktemp("pg-corpus") / "home", schema_url(pg_server, "corpus"))
    report = ingest(s, [str(CORPUS)], jobs=2, ocr="never")
    assert report.ingested == 7 and not report.failed
    yield s
    s.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def any_corpus_store(request, backend) -> Store:
    """The corpus store on each backend in turn: the same assertions hold on both."""
    return request.getfixturevalue("corpus_store" if backend == "sqlite" else "pg_corpus_store")


@pytest.fixture(scope="session")
def corpus_export(corpus_store) -> dict:
    """`papers export` of the bundled corpus: what every sample-gold test scores."""
    from panel_papers.search.export import export_store

    return export_store(corpus_store)
