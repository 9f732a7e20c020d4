"""Find the files to ingest and tell which changed since the last run.

Every path that cannot be used is reported, each on its own: a dangling or looping
symbolic link, something that is not a regular file (a FIFO, a folder named x.pdf),
a folder that cannot be read, a name that is not valid UTF-8.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Candidate:
    path: str  # absolute
    size: int
    mtime_ns: int


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[Candidate | tuple[str, str]]:
    """Yield a Candidate per file; (path, reason) for every path that cannot be used.

    Folders are walked recursively for *.pdf (any case), following links to folders
    but walking each real folder once (a link loop cannot trap the walk). A file named explicitly is taken
    whatever its extension, so that a non-PDF gets a clear failure rather than silence.
    """
    seen: set[str] = set()
    for given in paths:
        root = os.path.expanduser(os.fspath(given))
        if os.path.isdir(root):
            found = _walk(root)
        elif os.path.lexists(root):
            found = [root]
        else:
            yield (printable(root), "no such file or folder")
            continue
        for path in found:
            if isinstance(path, tuple):
                yield path
                continue
            checked = _candidate(path)
            if isinstance(checked, Candidate):
                if checked.path in seen:
                    continue
                seen.add(checked.path)
            yield checked


def _walk(root: str) -> Iterator[str | tuple[str, str]]:
    """PDF paths under root; links to folders are followed, each real folder once."""
    problems: list[tuple[str, str]] = []
    on_error = lambda exc: problems.append((printable(exc.filename or root), f"cannot read folder ({exc.strerror})"))  # noqa: E731
    visited: set[str] = set()
    for folder, folders, files in os.walk(root, onerror=on_error, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:
            problems.append((printable(folder), "symbolic link loop (a folder already walked)"))
            folders[:] = []
        else:
            visited.add(real)
            folders.sort()
            pdf_folders = [d for d in folders if d.lower().endswith(".pdf")]  # "x.pdf" that is a folder
            for name in sorted(files + pdf_folders):
                if name.lower().endswith(".pdf"):
                    yield os.path.join(folder, name)
        yield from problems
        problems.clear()


def _candidate(path: str) -> Candidate | tuple[str, str]:
    shown = printable(path)
    if not _valid_name(path):
        return (shown, "file name is not valid UTF-8; rename the file to ingest it")
    try:
        info = os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            reason = "symbolic link loop" if exc.errno == 40 else "dangling symbolic link"
            return (shown, reason)
        return (shown, exc.strerror or str(exc))
    if not stat.S_ISREG(info.st_mode):
        return (shown, "not a regular file")
    return Candidate(os.path.realpath(path), info.st_size, info.st_mtime_ns)


def _valid_name(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes arrive as surrogates
        return False
    return True


def printable(path: str) -> str:
    """A path as one safe line: control characters and undecodable bytes escaped."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
