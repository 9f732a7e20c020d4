"""Worker processes that parse files: capped, tied to their parent, and survivable.

A worker that dies (its memory cap reached inside PDFium, a crash on a hostile
file) must cost only its own file. When the pool breaks, the files that were in
flight are parsed again one at a time in a fresh pool; the one that breaks that
pool too is reported as failed, and the batch goes on.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..index.lock import close_inherited_locks
from .parse import Failure

# A worker's heap beyond this fails its file ("too large to read in memory") instead
# of taking the machine: a 1.5 MB PDF can inflate to gigabytes.
WORKER_MEMORY_MB = int(os.environ.get("PAPERS_WORKER_MEMORY_MB", 1024))
_PR_SET_PDEATHSIG = 1
DIED = "the worker reading it died (over the memory cap of {} MB, or a crash in the PDF library)"


def parse_all(parse: Callable, tasks: list[tuple], jobs: int) -> Iterator:
    """parse(task) for every task, in completion order; a task whose worker dies yields a Failure."""
    if jobs <= 1:
        yield from map(parse, tasks)
        return
    rest = list(tasks)
    while rest:
        suspects, rest = yield from _run_pool(parse, rest, jobs)
        for task in suspects:  # alone, so that a death names its file
            broke, _ = yield from _run_pool(parse, [task], 1)
            if broke:
                path, _, size, mtime_ns = task[:4]
                yield Failure(path, size, mtime_ns, DIED.format(WORKER_MEMORY_MB))


def _run_pool(parse: Callable, tasks: list[tuple], jobs: int):
    """Yields results; returns (tasks in flight when the pool broke, tasks not yet started)."""
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_start, initargs=(os.getpid(),))
    pending = iter(tasks)
    flying: dict[Future, tuple] = {}
    try:
        _fill(pool, parse, pending, flying, jobs * 2)  # a few ahead: results do not pile up
        while flying:
            done, _ = wait(flying, return_when=FIRST_COMPLETED)
            for future in done:
                task = flying.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    return [task, *flying.values()], list(pending)
            _fill(pool, parse, pending, flying, jobs * 2)
        return [], []
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _fill(pool, parse, pending, flying: dict, ahead: int) -> None:
    while len(flying) < ahead:
        task = next(pending, None)
        if task is None:
            return
        flying[pool.submit(parse, task)] = task


def _worker_start(parent: int) -> None:
    """A worker dies with its parent, holds no lock, leaves Ctrl-C to the parent, and has a memory cap."""
    close_inherited_locks()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cap_memory(WORKER_MEMORY_MB)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still ends workers
        pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def cap_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    limit = megabytes << 20
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
