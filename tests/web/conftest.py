"""A copy of the bundled corpus's store served by a real `papers serve`, shared by the web tests."""
from __future__ import annotations

import shutil

import pytest

from webtools import running_server


@pytest.fixture(scope="session")
def web_home(corpus_store, tmp_path_factory):
    """A copy: saved searches written by the tests stay out of the store other tests read."""
    home = tmp_path_factory.mktemp("web") / "home"
    shutil.copytree(corpus_store.home, home, ignore=shutil.ignore_patterns("ingest.lock"))
    return home


@pytest.fixture(scope="session")
def server(web_home, tmp_path_factory):
    with running_server(web_home, tmp_path_factory.mktemp("web-log") / "serve.log") as url:
        yield url
