"""Kill -9 the bot at random moments while many users take assessments; check nothing is
lost or doubled and that every user finishes with the right referral.

    python -m bench.chaos [--users 50] [--kills 5] [--seed 1]
    python -m bench.chaos --scale [--users 100] [--quiet 5]    (bench/chaos_scale.py)

The bot runs as a real `python -m bot` process against the fake Bot API of `tests/`.
Users behave like people: they tap the answer of their path on the newest question, tap
Resume when offered, and when the bot stays silent (it was killed before replying) they
write "hi" and carry on from whatever the bot shows them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import random
import sys
import tempfile
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path

from flows import machine
from flows.referral import referral
from storage.database import create_engine
from storage.repository import StateRepository
from testing.fake_telegram import TOKEN, FakeTelegram
from testing.paths import PATHS

SILENCE = 2.0  # seconds without an answer before the user writes again


@dataclass
class Outcome:
    users: int
    kills: int = 0
    seconds: float = 0.0
    updates: int = 0
    problems: list[str] = field(default_factory=list)


def expected_answers(labels: list[str]) -> dict[str, str]:
    """The answers (question id -> value) that a path of button labels gives."""
    snapshot, answers = machine.start(), {}
    for label in labels:
        question = snapshot.question
        assert question is not None
        value = next(o.value for o in question.options if o.label == label)
        answers[question.id] = value
        snapshot = machine.answer(snapshot, question.id, value)
    return answers


def path_plans(users: int, first: int) -> dict[int, tuple[str, dict[str, str]]]:
    """User ids from `first`, each with a referral row of the test paths, in turn, and the
    answers that path gives."""
    rows = list(PATHS)
    return {
        first + i: (row, expected_answers(PATHS[row]))
        for i, row in ((i, rows[i % len(rows)]) for i in range(users))
    }


class BotProcess:
    def __init__(self, telegram: FakeTelegram, database_url: str, workdir: Path) -> None:
        self._env = os.environ | {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": telegram.base_url,
            "DATABASE_URL": database_url,
            "POLLING_TIMEOUT": "1",
            "LOG_LEVEL": "WARNING",
        }
        self._workdir = workdir
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=self._workdir, env=self._env,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()


async def drive(telegram: FakeTelegram, user: int, answers: dict[str, str]) -> None:
    """Take the assessment like a person until the result is on screen."""

    def received() -> int:
        return len(telegram.messages_to(user))

    async def act(sent: Awaitable[object]) -> None:
        """Do something; if the bot shows nothing new, write "hi" as a person would."""
        before = received()
        query = await sent

        def refused() -> bool:  # a notice such as "already answered", and nothing else
            return isinstance(query, str) and bool(telegram.callback_answers.get(query))

        with contextlib.suppress(TimeoutError):
            await telegram.wait_for(lambda: received() > before or refused(), within=SILENCE)
        if received() == before:
            await telegram.send_text(user, "hi")
            with contextlib.suppress(TimeoutError):
                await telegram.wait_for(lambda: received() > before, within=SILENCE)

    await act(telegram.send_text(user, "/start"))
    for _ in range(300):
        shown = [m for m in telegram.messages_to(user) if m.buttons]
        if not shown:
            await act(telegram.send_text(user, "hi"))
            continue
        latest = shown[-1]
        labels = latest.button_labels
        if "Start a new assessment" in labels:
            return
        if "Resume" in labels:
            await act(telegram.press(user, latest, latest.data_of("Resume")))
            continue
        if "Start the assessment" in labels:  # the bot died before /start was committed
            await act(telegram.press(user, latest, latest.data_of("Start the assessment")))
            continue
        question_id = latest.buttons[0][0]["callback_data"].split(":")[2]
        value = answers[question_id]
        data = next(
            b["callback_data"] for row in latest.buttons for b in row
            if b["callback_data"].endswith(f":{value}")
        )  # fmt: skip
        await act(telegram.press(user, latest, data))
        await asyncio.sleep(0)
    raise RuntimeError(f"user {user} never finished")


async def check(database_url: str, plans: dict[int, tuple[str, dict[str, str]]]) -> list[str]:
    engine = create_engine(database_url)
    problems = []
    async with StateRepository(engine).transaction() as tx:
        for user, (row, answers) in plans.items():
            finished = await tx.latest_finished(user)
            if finished is None:
                problems.append(f"user {user}: no finished assessment")
                continue
            trail = [a.question_id for a in await tx.answer_trail(finished.id)]
            if finished.referral != row or referral(finished.answers).row != row:
                problems.append(f"user {user}: referral {finished.referral}, expected {row}")
            if dict(finished.answers) != answers:
                problems.append(f"user {user}: answers {dict(finished.answers)} != {answers}")
            if sorted(trail) != sorted(set(trail)) or list(finished.history) != trail:
                problems.append(f"user {user}: answer trail {trail} vs {finished.history}")
    await engine.dispose()
    return problems


async def run(users: int = 50, kills: int = 5, seed: int = 1) -> Outcome:
    rng = random.Random(seed)
    outcome = Outcome(users=users)
    plans = path_plans(users, first=50_000)
    with tempfile.TemporaryDirectory() as tmp:
        database_url = f"sqlite+aiosqlite:///{Path(tmp) / 'chaos.db'}"
        telegram = FakeTelegram()
        await telegram.start()
        bot = BotProcess(telegram, database_url, Path(tmp))
        await bot.start()
        started = time.perf_counter()
        drivers = asyncio.gather(*(drive(telegram, u, a) for u, (_, a) in plans.items()))

        async def chaos() -> None:
            for _ in range(kills):
                await asyncio.sleep(rng.uniform(0.3, 1.5))
                if drivers.done():
                    return
                await bot.kill()
                outcome.kills += 1
                await bot.start()

        await asyncio.gather(drivers, chaos())
        outcome.seconds = time.perf_counter() - started
        outcome.updates = len(telegram.updates)
        await bot.stop()
        await telegram.stop()
        outcome.problems = await check(database_url, plans)
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=None, help="50; with --scale, 100")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", action="store_true", help="faults under two replicas")
    parser.add_argument("--quiet", type=float, default=5.0, help="--scale: s between faults")
    args = parser.parse_args()
    # The fake server logs every request cut short by a kill; that is the point here.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    if args.scale:
        from bench import chaos_scale

        return asyncio.run(chaos_scale.main(args.users or 100, args.quiet, args.seed))
    args.users = args.users or 50
    outcome = asyncio.run(run(args.users, args.kills, args.seed))
    print(f"users            {outcome.users}")
    print(f"SIGKILLs         {outcome.kills}")
    print(f"updates sent     {outcome.updates}")
    print(f"wall time        {outcome.seconds:.1f} s")
    print(f"problems         {len(outcome.problems)}")
    for problem in outcome.problems:
        print(f"  {problem}")
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
