"""Where the store lives: --home, then $PAPERS_HOME, then ./papers-data."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = "papers-data"
DB_NAME = "papers.db"
WHOOSH_DIR = "whoosh"
LOCK_NAME = "ingest.lock"


def resolve_home(option: str | os.PathLike | None = None) -> Path:
    chosen = option or os.environ.get("PAPERS_HOME") or DEFAULT_HOME
    return Path(chosen).expanduser().resolve()
