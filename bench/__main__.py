"""The round-trip benchmark: BackPath against bare PTB and aiogram bots, same run.

The floors: bare PTB (httpx, as installed), the same bare bot on BackPath's aiohttp
request class ("PTB + aiohttp"), and bare aiogram 3.

    python -m bench [--seconds 10] [--users 1,20,100] [--memory-users 100000]
                    [--patients 1000] [--think 5]
                    [--launches 5] [--storage-rows 1000000] [--skip memory,storage]
                    [--typed] [--database-url postgresql+asyncpg://...]
    python -m bench --scale [--seconds 10] [--users 100]     (bench/scale.py)

A fake Bot API server (testing/fake_telegram.py) runs here; each bot runs as its own
process against it with long polling. U simulated users each press a button of the
bot's newest message (or send /start after a result) and wait for the bot's next
message with buttons: one round trip. Before that, each bot is launched `--launches`
times to measure its start-up (bench/startup.py): seconds to its first getUpdates and its
resident memory then, side by side. Prints the tables and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

import psutil

from bench.driver import Driver, Row, Watched, measure
from bench.scale import postgres_to_sqlite, scale_run, scale_table
from bench.startup import Startup, startup_run, startup_table
from bench.storage_run import storage_run
from testing.fake_telegram import TOKEN, FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


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
    log = open(args.logs / f"{name}.log", "ab") if args.logs else None  # noqa: SIM115, ASYNC230
    child = await asyncio.create_subprocess_exec(
        *argv, cwd=workdir, env=os.environ | env,
        stdout=asyncio.subprocess.DEVNULL, stderr=log or asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    process = psutil.Process(child.pid)
    memory: dict[str, float] = {}
    try:
        await telegram.wait_for(lambda: "getUpdates" in telegram.calls, 60)
        driver = Driver(telegram, typed=args.typed)
        rows = []
        for users in args.users:
            row, _ = await measure(driver, [Watched(process)], users, args.seconds)
            row.bot = name
            rows.append(row)
            print(f"  {name:13} U={users:<4} {row.per_second:8.1f} rt/s", file=sys.stderr)
        if name == "backpath" and args.patients:
            # Ten times the users, as patients who read before they answer: the cost per
            # round trip must not grow with the number of people in the middle of one.
            row, _ = await measure(
                driver, [Watched(process)], args.patients, 3 * args.seconds, think=args.think
            )
            row.bot = f"backpath, think {args.think:g} s"
            rows.append(row)
            memory["rss_mb_after_patients"] = process.memory_info().rss / 2**20
            print(f"  {name:13} U={args.patients} patients {row.per_second:8.1f} rt/s",
                  file=sys.stderr)  # fmt: skip
        if name == "backpath" and args.memory_users:
            memory.update(await memory_run(driver, process, args.memory_users))
    finally:
        child.terminate()
        await child.wait()
        await telegram.stop()
        if log:
            log.close()
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
        "| bot | U | round trips/s | p50 ms | p99 ms | CPU s / 1000 rt | vs PTB | vs aiogram "
        "| lost |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratios = []
        for floor in ("bare PTB", "bare aiogram"):
            base = floors.get((floor, row.users))
            ratios.append(f"{row.per_second / base.per_second:.2f}x" if base else "-")
        lines.append(
            f"| {row.bot} | {row.users} | {row.per_second:.0f} | {row.p50_ms:.1f} | "
            f"{row.p99_ms:.1f} | {row.cpu_s_per_1000:.2f} | {' | '.join(ratios)} | {row.lost} |"
        )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    rows: list[Row] = []
    extra: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        base_url = "http://127.0.0.1:PORT/bot"
        bots = {
            name: command
            for name, command in commands(base_url, workdir, args.database_url).items()
            if name not in args.skip
        }
        if args.launches:
            launched = workdir / "startup"
            launched.mkdir()
            database = f"sqlite+aiosqlite:///{launched / 'bench.db'}"
            startup_bots = commands(base_url, launched, args.database_url or database)
            startups = await startup_run(
                {name: startup_bots[name] for name in bots}, args.launches, launched
            )
            extra["startup"] = [asdict(s) for s in startups]
        for name, (argv, env) in bots.items():
            bot_rows, memory = await run_bot(name, argv, env, workdir, args)
            rows.extend(bot_rows)
            extra.update(memory)
            # The fake server and users of a run form reference cycles; after the memory
            # run they are millions of objects, and a collection of them in the middle of
            # the next bot's run stalled this process (the fake Bot API) for seconds.
            gc.collect()
        if "storage" not in args.skip:
            extra.update(await storage_run(workdir / "storage.db", args.storage_rows))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    return {"machine": machine, "rows": [asdict(r) for r in rows], **extra}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--users", default="1,20,100")
    parser.add_argument("--memory-users", type=int, default=100_000)
    parser.add_argument("--launches", type=int, default=5, help="launches of each bot "
                        "for the start-up run (0: none)")  # fmt: skip
    parser.add_argument("--patients", type=int, default=1000, help="BackPath only: this "
                        "many users who pause --think s between answers (0: none)")  # fmt: skip
    parser.add_argument("--think", type=float, default=5.0)
    parser.add_argument("--storage-rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="BackPath's DATABASE_URL (default: a fresh "
                        "SQLite file); e.g. an empty PostgreSQL database")  # fmt: skip
    parser.add_argument("--skip", default="", help="comma-separated: backpath, bare PTB, PTB "
                        "+ aiohttp, bare aiogram, startup, patients, memory, storage")  # fmt: skip
    parser.add_argument("--typed", action="store_true", help="users type each answer's "
                        "words instead of pressing its button")  # fmt: skip
    parser.add_argument("--logs", type=Path, help="a folder for each bot's standard error "
                        "(to see why a round trip was lost)")  # fmt: skip
    parser.add_argument("--scale", action="store_true", help="1 and 2 webhook replicas "
                        "behind nginx on PostgreSQL, then 1 on SQLite "
                        "(bench/scale.py)")  # fmt: skip
    args = parser.parse_args()
    if args.scale:
        return scale_main(args)
    args.users = [int(u) for u in args.users.split(",")]
    if args.logs:
        args.logs.mkdir(parents=True, exist_ok=True)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if "memory" in args.skip:
        args.memory_users = 0
    if "startup" in args.skip:
        args.launches = 0
    if "patients" in args.skip:
        args.patients = 0
    result = asyncio.run(main_async(args))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2))
    print(f"machine: {result['machine']}")
    print(table([Row(**r) for r in result["rows"]]))  # type: ignore[arg-type]
    if "startup" in result:
        print(startup_table([Startup(**s) for s in result["startup"]]))  # type: ignore[attr-defined]
    for key, value in result.items():
        if key not in ("machine", "rows", "startup"):
            print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


def scale_main(args: argparse.Namespace) -> int:
    users = int(args.users.split(",")[-1])
    with tempfile.TemporaryDirectory() as tmp:
        results = asyncio.run(scale_run(Path(tmp), users, args.seconds))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    RESULTS.mkdir(exist_ok=True)
    ratio = postgres_to_sqlite(results)
    (RESULTS / "scale.json").write_text(
        json.dumps({"machine": machine, "phases": results, "postgresql_to_sqlite": ratio}, indent=2)
    )
    print(f"machine: {machine}")
    print(scale_table(results))
    if ratio is not None:
        print(f"replica CPU per round trip, one replica, PostgreSQL / SQLite: {ratio:.2f}x")
    return 0 if all(r["mismatched_users"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
