"""A store rebuilt beside the old one and swapped in, so a kill at any moment loses nothing.

The new store is built in `<home>/.rebuild/`; when it is complete a COMPLETE mark is
written and the files change places in two journaled phases (old files to
`<home>/.replaced/`, then new files into place). Whoever holds the writer lock next
finishes an interrupted swap, or throws away an incomplete rebuild, leaving the
old store as it was.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .home import DB_NAME, WHOOSH_DIR

REBUILD_DIR = ".rebuild"
REPLACED_DIR = ".replaced"
_COMPLETE = "COMPLETE"
_OLD_MOVED = "OLD_MOVED"
STORE_FILES = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", WHOOSH_DIR)


def rebuild_home(home: Path) -> Path:
    return home / REBUILD_DIR


def swap_in(home: Path) -> None:
    """Mark the rebuild in <home>/.rebuild complete and put it in the old store's place."""
    (rebuild_home(home) / _COMPLETE).touch()
    finish_interrupted_swap(home)


def finish_interrupted_swap(home: Path) -> str | None:
    """Complete or undo what a killed rebuild left; says what it did, if anything."""
    new, old = rebuild_home(home), home / REPLACED_DIR
    if (new / _COMPLETE).exists():
        if not (old / _OLD_MOVED).exists():
            old.mkdir(exist_ok=True)
            _move(home, old)
            (old / _OLD_MOVED).touch()
        _move(new, home)
        shutil.rmtree(new)
        shutil.rmtree(old)
        return "finished swapping in a rebuilt store"
    if new.exists():
        shutil.rmtree(new)
        if old.exists():  # cannot happen before COMPLETE; kept for a hand-made mess
            _move(old, home)
            shutil.rmtree(old)
        return "discarded an unfinished rebuild; the store is as it was before it"
    if old.exists():
        shutil.rmtree(old)  # the swap had finished; only the old files were left
    return None


def _move(source: Path, target: Path) -> None:
    for name in STORE_FILES:
        if (source / name).exists() and not (target / name).exists():
            (source / name).rename(target / name)
