"""One writer at a time on a shared store: a PostgreSQL advisory lock, per store schema.

The server releases it when the holding session ends, however the writer died, so a
crashed ingest never leaves the store locked (as flock does for the data directory).
"""
from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg

from ..lock import StoreLocked
from .connection import schema_of

_LOCK_CLASS = 0x7061  # "pa": the first key of the pair; the second is the schema's hash
_HOLDER = ("select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid "
           "where l.locktype = 'advisory' and l.classid = %s and l.objid = hashtext(%s)::oid "
           "and l.granted limit 1")


@contextmanager
def advisory_lock(url: str, where: str, wait: bool = True,
                  on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    conn = psycopg.connect(url, autocommit=True)
    try:
        conn.execute("select set_config('application_name', %s, false)",
                     [f"papers writer pid {os.getpid()} on {socket.gethostname()}"[:63]])
        key = [_LOCK_CLASS, schema_of(conn)]
        if not conn.execute("select pg_try_advisory_lock(%s, hashtext(%s))", key).fetchone()[0]:
            row = conn.execute(_HOLDER, key).fetchone()
            message = f"another papers ingest ({row[0] if row else 'unknown'}) is writing to {where}"
            if not wait:
                raise StoreLocked(message)
            if on_wait:
                on_wait(f"{message}; waiting for it to finish")
            conn.execute("select pg_advisory_lock(%s, hashtext(%s))", key)
        yield
    finally:
        conn.close()
