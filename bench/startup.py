"""The start-up run: each bot launched N times, the bots taking turns, each time measured
from its launch to its first getUpdates (ready for users): seconds, the process's CPU
seconds, and its resident memory then. Medians are printed side by side.

CPU seconds are printed beside the wall-clock ones because this machine is shared: the
wall clock of a launch moves with everyone else's load, its CPU seconds much less.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from testing.fake_telegram import FakeTelegram

READY_WITHIN = 60  # seconds a bot may take to ask for updates


@dataclass
class Startup:
    bot: str
    seconds: float  # median, launch to the first getUpdates
    cpu_seconds: float  # median, the bot process's user + system time by then
    rss_mb: float  # median, resident memory by then
    launches: int


async def _launch(
    argv: list[str], env: dict[str, str], workdir: Path
) -> tuple[float, float, float]:
    telegram = FakeTelegram()
    await telegram.start()
    argv = [a.replace("PORT", str(telegram.port)) for a in argv]
    env = {k: v.replace("PORT", str(telegram.port)) for k, v in env.items()}
    started = time.perf_counter()
    child = await asyncio.create_subprocess_exec(
        *argv, cwd=workdir, env=os.environ | env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        process = psutil.Process(child.pid)
        await telegram.wait_for(lambda: "getUpdates" in telegram.calls, READY_WITHIN)
        seconds = time.perf_counter() - started
        cpu = process.cpu_times()
        rss = process.memory_info().rss / 2**20
    finally:
        child.terminate()
        await child.wait()
        await telegram.stop()
    return seconds, cpu.user + cpu.system, rss


async def startup_run(
    bots: dict[str, tuple[list[str], dict[str, str]]], launches: int, workdir: Path
) -> list[Startup]:
    """`launches` launches of each bot, in turns (a bot's later launches are restarts:
    BackPath's database is migrated on the first only)."""
    measured: dict[str, list[tuple[float, float, float]]] = {name: [] for name in bots}
    for _ in range(launches):
        for name, (argv, env) in bots.items():
            measured[name].append(await _launch(argv, env, workdir))
    return [
        Startup(
            name,
            statistics.median(m[0] for m in runs),
            statistics.median(m[1] for m in runs),
            statistics.median(m[2] for m in runs),
            len(runs),
        )
        for name, runs in measured.items()
    ]


def startup_table(rows: list[Startup]) -> str:
    floor = next((r for r in rows if r.bot == "bare aiogram"), None)
    lines = [
        "| bot | start-up s | start-up CPU s | RSS after start-up MB | RSS vs aiogram |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = f"{row.rss_mb / floor.rss_mb:.2f}x" if floor else "-"
        lines.append(
            f"| {row.bot} | {row.seconds:.2f} | {row.cpu_seconds:.2f} | {row.rss_mb:.1f} "
            f"| {ratio} |"
        )
    return "\n".join(lines)
