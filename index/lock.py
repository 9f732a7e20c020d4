"""One writer at a time: an advisory lock on a file in the data directory.

flock is released by the kernel when the process dies, even by kill -9, so a
crashed ingest never leaves the store locked.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class StoreLocked(Exception):
    pass


class StoreReadOnly(Exception):
    """Writing commands need a home they may write; reading commands work without."""


# Lock descriptors this process holds. A forked worker inherits them, and an orphaned
# worker would keep the store locked after its parent died: workers close them.
_HELD: set[int] = set()


def close_inherited_locks() -> None:
    """In a forked child: let go of the parent's lock (the parent keeps holding it)."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


@contextmanager
def writer_lock(
    path: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except (PermissionError, OSError) as exc:
        raise StoreReadOnly(
            f"the store at {path.parent} cannot be written ({exc.strerror}): reading commands "
            "(search, when, status, ...) work; this one needs write access"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            message = f"another papers ingest (pid {holder}) is writing to {path.parent}"
            if not wait:
                raise StoreLocked(message) from None
            if on_wait:
                on_wait(f"{message}; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)
