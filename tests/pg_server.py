"""A throwaway PostgreSQL server for the tests: initdb in a temporary directory, a unix socket
there and a free port, stopped at the end of the session. Each store gets its own schema."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

BINARIES = ("initdb", "pg_ctl", "postgres")
_SEARCHED = [os.environ.get("PAPERS_PG_BIN", ""), "/usr/local/bin", *sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                                                                          reverse=True)]


def binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    for folder in map(Path, filter(None, map(str, _SEARCHED))):
        if all((folder / name).exists() for name in BINARIES):
            return folder
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, folder: Path):
        self.bin = folder
        self.root = Path(tempfile.mkdtemp(prefix="papers-pg-", dir="/tmp"))
        self.data, self.socket_dir, self.port = self.root / "data", self.root / "s", _free_port()
        # PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self) -> str:
        self.socket_dir.mkdir()
        if self.as_user:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._run("initdb", "-D", self.data, "-A", "trust", "-U", "papers", "-E", "UTF8", "--locale=C", "--no-sync")
        options = f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", self.data, "-l", self.root / "log", "-o", options, "-w", "start")
        return f"postgresql://papers@/postgres?host={self.socket_dir}&port={self.port}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, name: str, *args) -> None:
        subprocess.run([*self.as_user, str(self.bin / name), *map(str, args)], check=True, capture_output=True)


def schema_url(server_url: str, name: str | None = None) -> str:
    """A URL whose tables live in a schema of their own (made on first connect)."""
    return f"{server_url}&options=-csearch_path%3D{name or 'test_' + uuid.uuid4().hex[:12]}"
