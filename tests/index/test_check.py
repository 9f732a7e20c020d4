"""papers check, and what commands say when they meet a damaged store."""
from __future__ import annotations

import json

from click.testing import CliRunner

from panel_papers.cli import cli
from support import REPORT, variant


def _run(home, *args):
    return CliRunner().invoke(cli, ["--home", str(home), *args])


def _ingested(tmp_path):
    home = tmp_path / "home"
    assert _run(home, "ingest", "-q", str(variant(REPORT, tmp_path / "r.pdf", "r"))).exit_code == 0
    return home


def test_a_sound_store_is_said_to_be_sound(tmp_path):
    home = _ingested(tmp_path)
    result = _run(home, "check", "--json")
    assert result.exit_code == 0 and json.loads(result.output)["problems"] == []


def test_a_damaged_index_is_named_by_readers_repaired_by_check_and_by_ingest(tmp_path):
    home = _ingested(tmp_path)
    for segment in (home / "whoosh").glob("*.seg"):
        segment.unlink()
    searched = _run(home, "search", "performance")
    assert searched.exit_code == 1 and "papers check" in searched.output and "Traceback" not in searched.output
    checked = _run(home, "check")
    assert checked.exit_code == 0 and "repaired: search index rebuilt" in checked.output
    assert _run(home, "search", "performance").exit_code == 0

    for segment in (home / "whoosh").glob("*.seg"):
        segment.unlink()
    assert _run(home, "ingest", "-q", str(tmp_path / "r.pdf")).exit_code == 0
    assert _run(home, "search", "performance").exit_code == 0


def test_a_damaged_database_is_named_and_left_alone(tmp_path):
    home = _ingested(tmp_path)
    db = home / "papers.db"
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # garbage over the second page
    db.write_bytes(bytes(data))
    (home / "papers.db-wal").unlink(missing_ok=True)
    result = _run(home, "check")
    assert result.exit_code == 1 and "cannot be repaired here" in result.output
    assert db.read_bytes() == bytes(data)


def test_readers_of_a_damaged_database_say_so_in_one_line(tmp_path):
    home = _ingested(tmp_path)
    db = home / "papers.db"
    (home / "papers.db-wal").unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    for start in range(8192, len(data), 3 * 4096):  # 4 KB of garbage in every third page
        data[start:start + 4096] = b"\xff" * 4096
    db.write_bytes(bytes(data))
    for command in (["status"], ["search", "performance"], ["when", "performance"], ["export"]):
        result = _run(home, *command)
        assert "Traceback" not in result.output and not result.exception or isinstance(result.exception, SystemExit)
        if result.exit_code:
            assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1, (command, result.output)
            assert "is damaged" in result.output and "papers check" in result.output
    assert _run(home, "status").exit_code == 1
