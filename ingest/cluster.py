"""Parsing on a Dask cluster: the local pool's worker function, run on Dask workers.

The parent stays the only writer; this module only turns parse tasks into results,
in completion order, as workers.parse_all does. A worker reads the file from the
path it was found at when that path holds the same bytes there (a shared folder);
otherwise the parent sends the bytes. Dask is imported only when connecting, so a
bad address is refused, and a run without --cluster goes on, where Dask is absent.
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from .discover import sha256_of
from .parse import Failure
from .workers import WORKER_MEMORY_MB, cap_memory

# Seconds to reach a scheduler, and for a first worker to join it.
TIMEOUT = float(os.environ.get("PAPERS_CLUSTER_TIMEOUT", 10))
_LOCAL = re.compile(r"local:(\d{1,2})")
_REMOTE = re.compile(r"(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?")
USAGE = "expected tcp://HOST:PORT (a Dask scheduler) or local:N (N worker processes here, N from 1 to 64)"
DIED = "the Dask worker reading it died, alone too (over its memory limit, or a crash in the PDF library)"
_ABSENT = "absent"  # what a worker answers for a path it cannot see with the same bytes
_DIED = object()


class ClusterError(Exception):
    """The cluster cannot be used (no Dask, unreachable, lost); the message is one line for a person."""


def check_address(address: str) -> str:
    """The address as given, or ValueError(USAGE)."""
    local = _LOCAL.fullmatch(address)
    if (local and 1 <= int(local.group(1)) <= 64) or _REMOTE.fullmatch(address):
        return address
    raise ValueError(f"--cluster {address!r}: {USAGE}")


@contextmanager
def connect(address: str):
    """A dask.distributed Client on the scheduler at address, or on a LocalCluster for local:N."""
    check_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask distributed: pip install 'panel-papers[cluster]'") from None
    _quiet_dask_logs()
    local = _LOCAL.fullmatch(address)
    if local:
        with _start_local(LocalCluster, int(local.group(1))) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=TIMEOUT)
    except Exception as exc:  # refused, timed out, TLS without its settings, ...
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {_one_line(exc)}") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=TIMEOUT)
        except (OSError, TimeoutError):
            raise ClusterError(f"the Dask scheduler at {address} has no worker (none joined in {TIMEOUT:g}s)") from None
        yield client


def _quiet_dask_logs() -> None:
    """Failures are reported once, per file or as one line; Dask's config gives its loggers their own levels."""
    for name in [n for n in logging.root.manager.loggerDict if n.split(".")[0] == "distributed"]:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _start_local(local_cluster, workers: int):
    """Single-threaded worker processes, as the local pool's; no dashboard, no fixed port. A task on a
    worker that dies is not tried again elsewhere: parse_on_cluster runs it again alone."""
    import dask

    try:
        _fork_workers_warm(dask)
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
            return local_cluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # its HTTP server (health) on any free port
                silence_logs=logging.CRITICAL, preload=[__name__],  # dask_setup below
            )
    except Exception as exc:
        raise ClusterError(f"cannot start a local Dask cluster of {workers} workers: {_one_line(exc)}") from None


# What a worker runs, imported once by the server that local:N workers are forked from, as the local
# pool's forked workers inherit it from the parent: spawned, each worker imported papers, Dask and
# spaCy itself, seconds of CPU time apiece before its first page.
_WARM = ["distributed", "panel_papers.ingest.parse", __name__, "spacy"]


def _fork_workers_warm(dask) -> None:
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    from distributed.utils import get_mp_context

    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})  # restarts too
    get_mp_context().set_forkserver_preload(_WARM)  # after Dask has set its own list: this one wins


def parse_on_cluster(client, parse: Callable, tasks: list[tuple], send_bytes: bool = False) -> Iterator:
    """parse(task) for every task on the cluster's workers, in completion order. A task whose
    worker died is run again alone at the end, as the local pool does, so that a death names its
    file; one that kills its worker alone too yields a Failure."""
    suspects = yield from _parse_batch(client, parse, tasks, send_bytes)
    for task in suspects:
        again = yield from _parse_batch(client, parse, [task], send_bytes)
        if again:
            path, _, size, mtime_ns = task[:4]
            yield Failure(path, size, mtime_ns, DIED)


def _parse_batch(client, parse: Callable, tasks: list[tuple], send_bytes: bool):
    """Yields results; returns the tasks whose worker died. A few tasks per worker are in
    flight, so that neither results nor sent bytes pile up in the parent."""
    from distributed import as_completed

    pending = iter(tasks)
    flying, task_of, suspects = as_completed(), {}, []

    def submit(task, with_bytes: bool) -> Failure | None:
        try:
            data = client.scatter(Path(task[0]).read_bytes(), hash=False) if with_bytes else None
        except OSError as exc:  # gone or unreadable since it was found: as the local pool says
            return Failure(task[0], task[2], task[3], exc.strerror or str(exc))
        future = client.submit(parse_where_seen, parse, task, data, pure=False)
        task_of[future] = task
        flying.add(future)

    def fill() -> Iterator[Failure]:
        ahead = 2 * max(1, sum(client.nthreads().values()))  # workers may come and go
        while flying.count() < ahead:
            task = next(pending, None)
            if task is None:
                return
            failed = submit(task, send_bytes)
            if failed:
                yield failed

    try:
        yield from fill()
        for future in flying:
            task = task_of.pop(future)
            result = _result(future, task)
            future.release()
            if result is _DIED:
                suspects.append(task)
                result = None
            elif result == _ABSENT:
                result = submit(task, with_bytes=True)
            if result:
                yield result
            yield from fill()
        return suspects
    finally:
        if task_of:  # the run was stopped: nothing is left running for it
            client.cancel(list(task_of))


def _result(future, task: tuple):
    from distributed import KilledWorker

    path, _, size, mtime_ns = task[:4]
    try:
        return future.result()
    except KilledWorker:
        return _DIED
    except ImportError as exc:
        raise ClusterError(f"the Dask workers cannot run papers ({_one_line(exc)}): install the same "
                           "panel-papers on them") from None
    except Exception as exc:
        if future.cancelled():
            why = getattr(exc, "reason", None) or _one_line(exc)
            raise ClusterError(f"lost the Dask cluster ({why}) while parsing {path}: run the same command "
                               "again to finish") from None
        return Failure(path, size, mtime_ns, f"the Dask worker failed on it ({type(exc).__name__}: {_one_line(exc)})")


def parse_where_seen(parse: Callable, task: tuple, data: bytes | None):
    """On a worker: parse(task) from the path when it holds the task's bytes here, else from data
    (written to a private folder under the same file name), else _ABSENT."""
    path, sha = task[:2]
    if data is None:
        return parse(task) if _holds(path, sha) else _ABSENT
    with tempfile.TemporaryDirectory(prefix="papers-") as folder:
        copy = Path(folder) / Path(path).name
        copy.write_bytes(data)
        return replace(parse((str(copy), *task[1:])), path=path)


def _holds(path: str, sha: str) -> bool:
    try:
        return sha256_of(path) == sha
    except OSError:
        return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def dask_setup(worker) -> None:
    """A local:N worker (this module is its preload) has the local pool's memory cap: a file
    that inflates past it fails alone instead of taking the machine."""
    cap_memory(WORKER_MEMORY_MB)
