"""Reading commands work on a home the user may only read (a read-only share, say);
writing commands say so in one line."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from panel_papers.cli import cli
from support import PACK, variant

READERS = [
    ["status"], ["search", "performance"], ["when", "performance"], ["meetings"], ["items"],
    ["resolutions"], ["recommendations"], ["requests"], ["indicators"], ["export"],
    ["who", "Ofsted"], ["check"], ["glossary"],
]
WRITERS = [["ingest", "-q"], ["rebuild"]]


def _run(home, *args):
    return CliRunner().invoke(cli, ["--home", str(home), *args])


@pytest.fixture
def read_only_home(tmp_path):
    home = tmp_path / "home"
    paper = variant(PACK, tmp_path / "pack.pdf", "p")
    assert _run(home, "ingest", "-q", str(paper)).exit_code == 0
    view = tmp_path / "view"
    view.mkdir()
    if os.geteuid() == 0:  # root writes through file modes: mount a read-only view instead
        mounted = subprocess.run(["mount", "--bind", str(home), str(view)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"running as root and cannot mount a read-only view: {mounted.stderr.decode().strip()}")
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        yield view, paper
        subprocess.run(["umount", "--lazy", str(view)], check=True)  # a cached reader may still hold a file
    else:
        view.rmdir()
        shutil.move(home, view)
        for path in [view, *view.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        yield view, paper
        for path in [view, *view.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)


def test_every_reading_command_works_on_a_read_only_home(read_only_home):
    home, _ = read_only_home
    assert not os.access(home, os.W_OK)
    for command in READERS:
        result = _run(home, *command)
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output
    assert "read-only: checking without repairing" in _run(home, "check").output


def test_writing_commands_name_the_read_only_home_in_one_line(read_only_home):
    home, paper = read_only_home
    for command in WRITERS:
        result = _run(home, *command, *([str(paper)] if command[0] == "ingest" else []))
        assert result.exit_code == 1, (command, result.output)
        assert "cannot be written" in result.output and str(home) in result.output
        assert len(result.output.strip().splitlines()) == 1
