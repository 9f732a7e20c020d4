"""Saved searches: saved from the Ask page (the one write), new results after an ingest, `papers alerts`."""
from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from panel_papers.cli import cli
from panel_papers.index.store import Store
from panel_papers.ingest.pipeline import ingest
from support import PACK, STRATEGY
from webtools import fetch, running_server

QUERY = "special guardianship"


def _ingest(home, path) -> None:
    store = Store(home)
    try:
        assert not ingest(store, [str(path)], jobs=1, ocr="never").failed
    finally:
        store.close()


def _alerts(home, *options):
    result = CliRunner().invoke(cli, ["--home", str(home), "alerts", *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_saved_search_shows_what_an_ingest_added_and_alerts_print_it(tmp_path):
    home = tmp_path / "home"
    _ingest(home, STRATEGY)
    with running_server(home, tmp_path / "serve.log") as server:
        saved = fetch(f"{server}/saved", data=f"q={QUERY}".encode(), headers={"Origin": server})
        assert saved.status == 303 and saved.headers["Location"] == "/saved?id=1"
        first = json.loads(fetch(f"{server}/saved.json?id=1").body)
        assert first["results"] and first["new"] == 0  # saving it took what it answers today as seen

        _ingest(home, PACK)  # while the server runs: its read-only connection sees the new papers
        listed = json.loads(fetch(f"{server}/saved.json").body)["searches"]
        assert [s["query"] for s in listed] == [QUERY] and listed[0]["new"] > 0

        alerts = json.loads(_alerts(home, "--peek", "--json"))
        assert len(alerts) == listed[0]["new"] and {a["search"] for a in alerts} == {QUERY}
        assert all(a["file"] == PACK.name for a in alerts)

        page = fetch(f"{server}/saved?id=1").text
        assert page.count('class="new-mark"') == listed[0]["new"]
        assert json.loads(fetch(f"{server}/saved.json").body)["searches"][0]["new"] == 0  # seen now
        assert "nothing new for the saved searches" in _alerts(home)

        removed = fetch(f"{server}/saved", data=b"delete=1", headers={"Origin": server})
        assert removed.status == 303
        assert json.loads(fetch(f"{server}/saved.json").body)["searches"] == []


def test_saved_searches_live_in_their_own_file(tmp_path):
    home = tmp_path / "home"
    _ingest(home, STRATEGY)
    with running_server(home, tmp_path / "serve.log") as server:
        assert fetch(f"{server}/saved", data=f"q={QUERY}".encode()).status == 303
        assert fetch(f"{server}/saved", data=b"q=").status == 400
        assert fetch(f"{server}/saved", data=b"q=dental&since=not+a+date").status == 400  # not saved
        assert fetch(f"{server}/saved").status == 200
    tables = sqlite3.connect(home / "papers.db").execute("select name from sqlite_master").fetchall()
    assert "saved_searches" not in {t[0] for t in tables}
    assert sqlite3.connect(home / "saved-searches.db").execute("select query from saved_searches").fetchall() == [(QUERY,)]
