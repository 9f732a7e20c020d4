"""Find the files to ingest and tell which changed since the last run."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Candidate:
    path: str  # absolute
    size: int
    mtime_ns: int


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[Candidate | tuple[str, str]]:
    """Yield a Candidate per file; (path, reason) for a named path that does not exist.

    Folders are walked recursively for *.pdf (any case). A file named
    explicitly is taken whatever its extension, so that a non-PDF gets a clear
    failure rather than silence.
    """
    seen: set[str] = set()
    for given in paths:
        root = Path(given).expanduser()
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
        elif root.is_file():
            files = [root]
        else:
            yield (str(root), "no such file or folder")
            continue
        for file in files:
            absolute = str(file.resolve())
            if absolute in seen:
                continue
            seen.add(absolute)
            stat = file.stat()
            yield Candidate(absolute, stat.st_size, stat.st_mtime_ns)


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
