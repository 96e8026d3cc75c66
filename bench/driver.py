"""Simulated users and the measurement of their round trips, shared by the benchmarks."""

from __future__ import annotations

import asyncio
import contextlib
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass

import psutil

from testing.fake_telegram import FakeTelegram, SentMessage

# How long a simulated user waits for the bot's next question before giving up on it.
WAIT_SECONDS = 30


@dataclass
class Row:
    bot: str
    users: int
    round_trips: int
    per_second: float
    p50_ms: float
    p99_ms: float
    cpu_s_per_1000: float
    # Round trips never answered within WAIT_SECONDS (the user then starts over).
    lost: int = 0


class Driver:
    """Simulated users talking to one bot through the fake server."""

    def __init__(self, telegram: FakeTelegram, typed: bool = False) -> None:
        self.telegram = telegram
        self.typed = typed
        # Answers each user gave (presses or typed answers; /start not counted).
        self.answers: Counter[int] = Counter()
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
            row = latest.buttons[min(1, len(latest.buttons) - 1)]
            if len(latest.buttons[0]) > 1:  # a bare bot: two buttons in one row
                row = latest.buttons[0][1:]
            if self.typed:  # the user types the answer's words instead of pressing
                await self.telegram.send_text(user, row[0]["text"])
            else:
                await self.telegram.press(user, latest, row[0]["callback_data"])
            self.answers[user] += 1
        await asyncio.wait_for(waiter, WAIT_SECONDS)


@dataclass(frozen=True)
class Watched:
    """A process whose CPU a measurement reports; `with_children` adds its children's
    (nginx's worker, PostgreSQL's backends)."""

    process: psutil.Process
    with_children: bool = False


async def measure(
    driver: Driver,
    processes: list[Watched],
    users: int,
    seconds: float,
    first: int = 0,
    think: float = 0.0,
) -> tuple[Row, list[float]]:
    """`users` users act for `seconds`, each pausing about `think` seconds (0.5x to 1.5x,
    at random) after each answer as a person reading the next question would; the row,
    and each process's CPU seconds per 1000 round trips."""
    pause = random.Random(users).uniform
    latencies: list[float] = []
    lost = 0
    base = first or 1_000_000 * users
    for user in range(base, base + users):  # warm up: every user has a question on screen
        await driver.round_trip(user)
    cpu_before = [_cpu(p) for p in processes]
    deadline = time.perf_counter() + seconds

    async def loop(user: int) -> None:
        nonlocal lost
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                await driver.round_trip(user)
            except TimeoutError:  # reported, not fatal: one lost reply ends no run
                lost += 1
                driver.latest.pop(user, None)
                continue
            latencies.append(time.perf_counter() - started)
            if think:
                await asyncio.sleep(pause(0.5 * think, 1.5 * think))

    began = time.perf_counter()
    await asyncio.gather(*(loop(u) for u in range(base, base + users)))
    elapsed = time.perf_counter() - began
    cpu = [_spent(before, _cpu(p)) for p, before in zip(processes, cpu_before, strict=True)]
    latencies.sort()
    per_1000 = [1000 * c / len(latencies) for c in cpu]
    row = Row(
        bot="",
        users=users,
        round_trips=len(latencies),
        per_second=len(latencies) / elapsed,
        p50_ms=1000 * statistics.median(latencies),
        p99_ms=1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        cpu_s_per_1000=per_1000[0],
        lost=lost,
    )
    return row, per_1000


def _cpu(watched: Watched) -> dict[int, float]:
    """User and system CPU seconds so far, by process id."""
    processes = [watched.process]
    if watched.with_children:
        processes += watched.process.children(recursive=True)
    seconds = {}
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):  # a backend that has just ended
            seconds[process.pid] = sum(process.cpu_times()[:2])
    return seconds


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    # A process started meanwhile counts whole; one that ended meanwhile is lost (SQLAlchemy
    # keeps its connections, so PostgreSQL's backends live through a measurement).
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())
