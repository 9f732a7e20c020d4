"""Shared fixtures: a real SQLite store and a real Whoosh index in a temporary data directory."""
from __future__ import annotations

import pytest

from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from support import CORPUS


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "home")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The bundled corpus ingested once, shared by read-only tests."""
    s = Store(tmp_path_factory.mktemp("corpus") / "home")
    report = ingest(s, [str(CORPUS)], jobs=2)
    assert report.ingested == 7 and not report.failed
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_export(corpus_store) -> dict:
    """`papers export` of the bundled corpus: what every sample-gold test scores."""
    from panel_papers.search.export import export_store

    return export_store(corpus_store)
