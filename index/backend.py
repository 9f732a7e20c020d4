"""Which store a command opens: the data directory's own (SQLite and Whoosh), or a shared
PostgreSQL store named by --store or PAPERS_STORE (psycopg is imported only then)."""
from __future__ import annotations

import os
from pathlib import Path

from .store import Store, StoreVersionError

STORE_ENV = "PAPERS_STORE"


def open_store(home: Path, url: str | None = None, read_only: bool = False) -> Store:
    url = url or os.environ.get(STORE_ENV) or None
    if not url:
        return Store(home, read_only=read_only)
    if not url.startswith(("postgresql://", "postgres://")):
        raise StoreVersionError(f"--store {url!r}: give a postgresql://... URL")
    try:
        from .pg.store import PgStore
    except ImportError as exc:
        raise StoreVersionError(f"--store {url.split('://')[0]}://...: {exc.name} is not installed; "
                                "pip install 'panel-papers[pg]'") from None
    return PgStore(home, url, read_only=read_only)
