"""A PostgreSQL server started by `.ci/postgres.sh`, and the faults a drill does to it:
stop, start, restart, freeze (SIGSTOP) and every connection ended from the server side."""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import signal
import subprocess
from pathlib import Path

import asyncpg
import psutil
from sqlalchemy.engine import make_url


def plain_dsn(url: str) -> str:
    """The URL as asyncpg takes it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def end_every_connection(url: str) -> int:
    """pg_terminate_backend for every connection to the database but this one."""
    admin = await asyncpg.connect(plain_dsn(url))
    try:
        ended = await admin.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    finally:
        await admin.close()
    return len(ended)


class Server:
    """A server in `data` (its `postmaster.opts` says how it was started), controlled as
    its owner, the postgres user, with pg_ctl."""

    def __init__(self, data: str, pg_ctl: str, options: str) -> None:
        self.data, self._pg_ctl, self._options = data, pg_ctl, options

    @classmethod
    def in_directory(cls, data: str | None) -> Server | None:
        """The server of a data directory, or None where it cannot be controlled here."""
        opts = Path(data or "/nonexistent") / "postmaster.opts"
        if not data or not opts.exists() or shutil.which("runuser") is None:
            return None
        binary, *arguments = shlex.split(opts.read_text())
        at = arguments.index("-D")
        kept = arguments[:at] + arguments[at + 2 :]  # pg_ctl gives the data directory itself
        return cls(data, str(Path(binary).with_name("pg_ctl")), shlex.join(kept))

    @classmethod
    def of_the_suite(cls) -> Server | None:
        """The test suite's server (`.ci/postgres.sh` exports PGDATA_BACKPATH)."""
        return cls.in_directory(os.environ.get("PGDATA_BACKPATH"))

    async def _run(self, *arguments: str) -> None:
        command = ["runuser", "-u", "postgres", "--", self._pg_ctl, "-D", self.data, *arguments]
        await asyncio.to_thread(subprocess.run, command, check=True, capture_output=True)

    async def stop(self) -> None:
        await self._run("-m", "fast", "-w", "stop")

    async def start(self) -> None:
        await self._run("-w", "-l", f"{self.data}/server.log", "-o", self._options, "start")

    async def restart(self) -> None:
        """`pg_ctl restart -m fast`, as a minor upgrade or a failover does it."""
        await self._run("-m", "fast", "-w", "-l", f"{self.data}/server.log", "restart")

    def freeze(self) -> None:
        """SIGSTOP the server and its backends: requests hang instead of failing."""
        for process in self._processes():
            process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        for process in reversed(self._processes()):
            process.send_signal(signal.SIGCONT)

    def _processes(self) -> list[psutil.Process]:
        pid = int((Path(self.data) / "postmaster.pid").read_text().split()[0])
        postmaster = psutil.Process(pid)
        return [postmaster, *postmaster.children(recursive=True)]
