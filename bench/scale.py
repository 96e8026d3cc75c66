"""Scale-out, measured: 1 and then 2 webhook replicas behind nginx, on one PostgreSQL,
then one replica on SQLite behind the same nginx set-up, for the cost of PostgreSQL.

PostgreSQL is started as `.ci/run` starts it (`.ci/postgres.sh`, on its own port:
$BACKPATH_BENCH_PG_PORT, default 55433), nginx from Debian's package is the load balancer
(round robin over the replicas), and the fake Bot API posts every update to nginx as
Telegram posts to a webhook. The same simulated users as `python -m bench` press buttons;
each phase reports round trips per second, p50/p99 and the CPU of every process, then
checks in the database that every answer was applied exactly once.

    python -m bench --scale [--seconds 10] [--users 100]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import psutil
from sqlalchemy import text

from bench.driver import Driver, Watched, measure
from storage.database import create_engine
from testing.fake_telegram import TOKEN, FakeTelegram
from testing.ports import free_port

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-webhook-secret-of-32-chars"
PUBLIC_URL = "https://bot.example.org/telegram"  # what the replicas register
# Not the test suite's 55432, so both may run at once; BACKPATH_BENCH_PG_PORT moves it.
PG_PORT = os.environ.get("BACKPATH_BENCH_PG_PORT", "55433")
NGINX_CONF = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    upstream replicas {{
        {servers}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://replicas;
            # An update is applied once whichever replica gets it (processed_updates), so a
            # POST that failed on one replica may go to the other at once.
            proxy_next_upstream error timeout http_502 non_idempotent;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}
}}
"""


@contextmanager
def postgres() -> Iterator[str]:
    """A throw-away PostgreSQL server; yields its URL."""
    with postgres_server() as (url, _):
        yield url


@contextmanager
def postgres_server() -> Iterator[tuple[str, str]]:
    """A throw-away PostgreSQL server; yields its URL and its data directory."""
    script = ROOT / ".ci" / "postgres.sh"
    env = os.environ | {"BACKPATH_PG_PORT": PG_PORT}
    out = subprocess.run(
        ["bash", str(script), "start"], env=env, check=True, capture_output=True, text=True
    ).stdout
    exported = dict(
        line.removeprefix("export ").split("=", 1) for line in out.splitlines() if "=" in line
    )
    try:
        yield exported["BACKPATH_TEST_POSTGRES_URL"], exported["PGDATA_BACKPATH"]
    finally:
        subprocess.run(
            ["bash", str(script), "stop", exported["PGDATA_BACKPATH"]],
            env=env, check=False, capture_output=True,
        )  # fmt: skip


def nginx_binary() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if found is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=True,
                       env=os.environ | {"DEBIAN_FRONTEND": "noninteractive"})  # fmt: skip
        found = "/usr/sbin/nginx"
    return found


@asynccontextmanager
async def nginx(
    workdir: Path, replica_ports: list[int]
) -> AsyncIterator[tuple[int, psutil.Process]]:
    """nginx balancing over the replicas; yields its port and process."""
    port = free_port()
    directory = workdir / f"nginx-{port}"
    directory.mkdir()
    servers = "\n        ".join(f"server 127.0.0.1:{p} fail_timeout=2s;" for p in replica_ports)
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=directory, servers=servers, port=port))
    process = await asyncio.create_subprocess_exec(
        nginx_binary(), "-c", str(conf), "-p", str(directory),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await _until_listening(port)
        yield port, psutil.Process(process.pid)
    finally:
        process.terminate()
        await process.wait()


async def _until_listening(port: int, path: str = "/") -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(400):
            try:
                async with http.get(f"http://127.0.0.1:{port}{path}"):
                    return
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def replica_env(telegram: FakeTelegram, database_url: str, port: int) -> dict[str, str]:
    """The settings of one webhook replica listening on `port`."""
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": telegram.base_url,
        "DATABASE_URL": database_url,
        "BOT_MODE": "webhook",
        "WEBHOOK_URL": PUBLIC_URL,
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": SECRET,
        "LOG_LEVEL": "WARNING",
    }


@asynccontextmanager
async def replica(
    workdir: Path, telegram: FakeTelegram, database_url: str
) -> AsyncIterator[tuple[int, psutil.Process]]:
    """One BackPath process in webhook mode; yields its port and process."""
    port = free_port()
    env = os.environ | replica_env(telegram, database_url, port)
    log = (workdir / f"replica-{port}.log").open("wb")  # read when a phase fails
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=workdir, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    try:
        await _until_listening(port, "/healthz")
        yield port, psutil.Process(process.pid)
    finally:
        process.terminate()
        await process.wait()
        log.close()


async def answers_per_user(database_url: str, users: range) -> dict[int, int]:
    """How many answers the database holds for each user."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT a.user_id, count(*) FROM answers AS r "
                    "JOIN assessments AS a ON a.id = r.assessment_id "
                    "WHERE a.user_id BETWEEN :low AND :high GROUP BY a.user_id"
                ),
                {"low": users.start, "high": users.stop - 1},
            )
            return {int(user): int(count) for user, count in rows}
    finally:
        await engine.dispose()


async def phase(
    telegram: FakeTelegram,
    workdir: Path,
    database_url: str,
    replicas: int,
    users: int,
    seconds: float,
    first_user: int,
) -> dict[str, Any]:
    on_postgres = database_url.startswith("postgresql")
    retries_before = telegram.webhook_retries
    async with (
        _replicas(workdir, telegram, database_url, replicas) as bots,
        nginx(workdir, [port for port, _ in bots]) as (port, balancer),
    ):
        telegram.push_to = f"http://127.0.0.1:{port}/telegram"
        driver = Driver(telegram)
        processes = [
            *(Watched(p) for _, p in bots),
            Watched(balancer, with_children=True),
            *([Watched(_postmaster(), with_children=True)] if on_postgres else []),
            Watched(psutil.Process()),  # the fake Bot API and the users
        ]
        row, cpu = await measure(driver, processes, users, seconds, first=first_user)
        await asyncio.sleep(0.5)  # the last answers' commits
    stored = await answers_per_user(database_url, range(first_user, first_user + users))
    given = {user: n for user, n in driver.answers.items() if n}
    mismatched = {u: (n, stored.get(u, 0)) for u, n in given.items() if stored.get(u, 0) != n}
    names = [f"replica {i + 1}" for i in range(replicas)] + ["nginx"]
    names += ["postgresql", "bench"] if on_postgres else ["bench"]
    return {
        "database": "postgresql" if on_postgres else "sqlite",
        "replicas": replicas,
        "users": users,
        "per_second": row.per_second,
        "p50_ms": row.p50_ms,
        "p99_ms": row.p99_ms,
        "cpu_ms_per_rt": dict(zip(names, cpu, strict=True)),
        "answers": sum(given.values()),
        "mismatched_users": len(mismatched),
        "webhook_retries": telegram.webhook_retries - retries_before,
    }


@asynccontextmanager
async def _replicas(
    workdir: Path, telegram: FakeTelegram, database_url: str, count: int
) -> AsyncIterator[list[tuple[int, psutil.Process]]]:
    if count == 0:
        yield []
        return
    async with (
        replica(workdir, telegram, database_url) as first,
        _replicas(workdir, telegram, database_url, count - 1) as rest,
    ):
        yield [first, *rest]


def _postmaster() -> psutil.Process:
    """The PostgreSQL server the bench started (its backends are its children)."""
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if "postgres" in (process.info["name"] or "") and f"-p {PG_PORT}" in cmdline:
            return process
    raise RuntimeError("the bench's PostgreSQL server is not running")


async def scale_run(workdir: Path, users: int, seconds: float) -> list[dict[str, Any]]:
    # One fake Bot API for both phases: its update ids keep growing, as Telegram's do (the
    # replicas skip an update id they have seen as a redelivery).
    telegram = FakeTelegram()
    await telegram.start()
    try:
        with postgres() as database_url:
            results = []
            for replicas, first_user in ((1, 10_000_000), (2, 20_000_000)):
                print(f"  scale: {replicas} replica(s), U={users}", file=sys.stderr)
                results.append(
                    await phase(
                        telegram, workdir, database_url, replicas, users, seconds, first_user
                    )
                )
        # The SQLite bot, one process, in the same set-up: what PostgreSQL costs a replica.
        print(f"  scale: 1 replica on SQLite, U={users}", file=sys.stderr)
        sqlite_url = f"sqlite+aiosqlite:///{workdir / 'scale.db'}"
        results.append(await phase(telegram, workdir, sqlite_url, 1, users, seconds, 30_000_000))
        return results
    finally:
        await telegram.stop()


def scale_table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| database | replicas | U | round trips/s | p50 ms | p99 ms | CPU ms per round trip "
        "(each process) | answers | applied exactly once |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        cpu = ", ".join(f"{name} {ms:.2f}" for name, ms in r["cpu_ms_per_rt"].items())
        once = "yes" if r["mismatched_users"] == 0 else f"NO ({r['mismatched_users']} users)"
        lines.append(
            f"| {r['database']} | {r['replicas']} | {r['users']} | {r['per_second']:.0f} | "
            f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {cpu} | {r['answers']} | {once} |"
        )
    return "\n".join(lines)


def postgres_to_sqlite(results: list[dict[str, Any]]) -> float | None:
    """One PostgreSQL replica's CPU per round trip over the SQLite bot's, same run."""
    alone = {r["database"]: r["cpu_ms_per_rt"]["replica 1"] for r in results if r["replicas"] == 1}
    if {"postgresql", "sqlite"} <= alone.keys():
        return alone["postgresql"] / alone["sqlite"]
    return None
