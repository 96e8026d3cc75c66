"""The round-trip benchmark: BackPath against bare PTB and aiogram bots, same run.

The floors: bare PTB (httpx, as installed), the same bare bot on BackPath's aiohttp
request class ("PTB + aiohttp"), and bare aiogram 3.

    python -m bench [--seconds 10] [--users 1,20,100] [--memory-users 100000]
                    [--storage-rows 1000000] [--skip memory,storage]
                    [--database-url postgresql+asyncpg://...]

A fake Bot API server (testing/fake_telegram.py) runs here; each bot runs as its own
process against it with long polling. U simulated users each press a button of the
bot's newest message (or send /start after a result) and wait for the bot's next
message with buttons: one round trip. Prints a table and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from bench.storage_run import storage_run
from testing.fake_telegram import TOKEN, FakeTelegram, SentMessage

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


@dataclass
class Row:
    bot: str
    users: int
    round_trips: int
    per_second: float
    p50_ms: float
    p99_ms: float
    cpu_s_per_1000: float


class Driver:
    """Simulated users talking to one bot through the fake server."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram
        self.latest: dict[int, SentMessage] = {}
        self.waiters: dict[int, asyncio.Future[SentMessage]] = {}
        telegram.on_message = self._arrived

    def _arrived(self, message: SentMessage) -> None:
        if not message.buttons:
            return
        self.latest[message.chat_id] = message
        waiter = self.waiters.pop(message.chat_id, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(message)

    async def round_trip(self, user: int) -> None:
        """One action of `user` and the wait for the bot's next question."""
        waiter = asyncio.get_running_loop().create_future()
        self.waiters[user] = waiter
        latest = self.latest.get(user)
        if latest is None or any("new assessment" in label for label in latest.button_labels):
            await self.telegram.send_text(user, "/start")
        else:
            data = latest.buttons[min(1, len(latest.buttons) - 1)][0]["callback_data"]
            if len(latest.buttons[0]) > 1:  # a bare bot: two buttons in one row
                data = latest.buttons[0][1]["callback_data"]
            await self.telegram.press(user, latest, data)
        await asyncio.wait_for(waiter, 30)


async def measure(driver: Driver, process: psutil.Process, users: int, seconds: float) -> Row:
    latencies: list[float] = []
    base = 1_000_000 * users
    for user in range(base, base + users):  # warm up: every user has a question on screen
        await driver.round_trip(user)
    cpu_before = sum(process.cpu_times()[:2])
    deadline = time.perf_counter() + seconds

    async def loop(user: int) -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            await driver.round_trip(user)
            latencies.append(time.perf_counter() - started)

    began = time.perf_counter()
    await asyncio.gather(*(loop(u) for u in range(base, base + users)))
    elapsed = time.perf_counter() - began
    cpu = sum(process.cpu_times()[:2]) - cpu_before
    latencies.sort()
    return Row(
        bot="",
        users=users,
        round_trips=len(latencies),
        per_second=len(latencies) / elapsed,
        p50_ms=1000 * statistics.median(latencies),
        p99_ms=1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        cpu_s_per_1000=1000 * cpu / len(latencies),
    )


def commands(
    base_url: str, workdir: Path, database_url: str | None
) -> dict[str, tuple[list[str], dict[str, str]]]:
    python = sys.executable
    backpath_env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": base_url,
        "DATABASE_URL": database_url or f"sqlite+aiosqlite:///{workdir / 'bench.db'}",
        "LOG_LEVEL": "WARNING",
        "POLLING_TIMEOUT": "1",
    }
    return {
        "backpath": ([python, "-m", "bot"], backpath_env),
        "bare PTB": ([python, str(ROOT / "bench" / "bare_ptb.py"), TOKEN, base_url], {}),
        "PTB + aiohttp": (
            [python, str(ROOT / "bench" / "bare_ptb.py"), TOKEN, base_url, "aiohttp"],
            {"PYTHONPATH": str(ROOT)},
        ),
        "bare aiogram": ([python, str(ROOT / "bench" / "bare_aiogram.py"), TOKEN, base_url], {}),
    }


async def run_bot(
    name: str, argv: list[str], env: dict[str, str], workdir: Path, args: argparse.Namespace
) -> tuple[list[Row], dict[str, float]]:
    telegram = FakeTelegram()
    await telegram.start()
    argv = [a.replace("PORT", str(telegram.port)) for a in argv]
    env = {k: v.replace("PORT", str(telegram.port)) for k, v in env.items()}
    child = await asyncio.create_subprocess_exec(
        *argv, cwd=workdir, env=os.environ | env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    process = psutil.Process(child.pid)
    memory: dict[str, float] = {}
    try:
        await telegram.wait_for(lambda: "getUpdates" in telegram.calls, 60)
        driver = Driver(telegram)
        rows = []
        for users in args.users:
            row = await measure(driver, process, users, args.seconds)
            row.bot = name
            rows.append(row)
            print(f"  {name:13} U={users:<4} {row.per_second:8.1f} rt/s", file=sys.stderr)
        if name == "backpath" and args.memory_users:
            memory = await memory_run(driver, process, args.memory_users)
    finally:
        child.terminate()
        await child.wait()
        await telegram.stop()
    return rows, memory


async def memory_run(driver: Driver, process: psutil.Process, total: int) -> dict[str, float]:
    """Distinct users each start an assessment and answer two questions; RSS on the way."""
    rss: dict[str, float] = {}
    checkpoints = {1_000, total}
    batch = 100
    first = 500_000_000
    for start in range(0, total, batch):
        users = range(first + start, first + min(total, start + batch))
        await asyncio.gather(*(_three_round_trips(driver, u) for u in users))
        done = min(total, start + batch)
        if done in checkpoints:
            rss[f"rss_mb_at_{done}_users"] = process.memory_info().rss / 2**20
            print(f"  memory: {done} users, RSS {rss[f'rss_mb_at_{done}_users']:.1f} MB",
                  file=sys.stderr)  # fmt: skip
        driver.latest.clear()  # the driver forgets users too
    return rss


async def _three_round_trips(driver: Driver, user: int) -> None:
    for _ in range(3):  # /start, then two answers
        await driver.round_trip(user)


def table(rows: list[Row]) -> str:
    floors = {(r.bot, r.users): r for r in rows}
    lines = [
        "| bot | U | round trips/s | p50 ms | p99 ms | CPU s / 1000 rt | vs PTB | vs aiogram |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ptb = floors.get(("bare PTB", row.users))
        aiogram = floors.get(("bare aiogram", row.users))
        lines.append(
            f"| {row.bot} | {row.users} | {row.per_second:.0f} | {row.p50_ms:.1f} | "
            f"{row.p99_ms:.1f} | {row.cpu_s_per_1000:.2f} | "
            f"{row.per_second / ptb.per_second:.2f}x | {row.per_second / aiogram.per_second:.2f}x |"
            if ptb and aiogram
            else f"| {row.bot} | {row.users} | {row.per_second:.0f} | {row.p50_ms:.1f} | "
            f"{row.p99_ms:.1f} | {row.cpu_s_per_1000:.2f} | - | - |"
        )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    rows: list[Row] = []
    extra: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        base_url = "http://127.0.0.1:PORT/bot"
        for name, (argv, env) in commands(base_url, workdir, args.database_url).items():
            if name in args.skip:
                continue
            bot_rows, memory = await run_bot(name, argv, env, workdir, args)
            rows.extend(bot_rows)
            extra.update(memory)
        if "storage" not in args.skip:
            extra.update(await storage_run(workdir / "storage.db", args.storage_rows))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    return {"machine": machine, "rows": [asdict(r) for r in rows], **extra}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--users", default="1,20,100")
    parser.add_argument("--memory-users", type=int, default=100_000)
    parser.add_argument("--storage-rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="BackPath's DATABASE_URL (default: a fresh "
                        "SQLite file); e.g. an empty PostgreSQL database")  # fmt: skip
    parser.add_argument("--skip", default="", help="comma-separated: backpath, bare PTB, "
                        "PTB + aiohttp, bare aiogram, memory, storage")  # fmt: skip
    args = parser.parse_args()
    args.users = [int(u) for u in args.users.split(",")]
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if "memory" in args.skip:
        args.memory_users = 0
    result = asyncio.run(main_async(args))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2))
    print(f"machine: {result['machine']}")
    print(table([Row(**r) for r in result["rows"]]))  # type: ignore[arg-type]
    for key, value in result.items():
        if key not in ("machine", "rows"):
            print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
