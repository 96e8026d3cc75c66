"""Faults on the scale-out path: two webhook replicas behind nginx on one PostgreSQL,
simulated patients answering, and one fault after another with quiet time between.

    python -m bench.chaos --scale [--users 100] [--quiet 5] [--seed 1]

The faults: a replica killed (SIGKILL, restarted 5 s later), a replica stopped as a deploy
stops it (SIGTERM, restarted once it has exited), PostgreSQL restarted (`pg_ctl restart -m
fast`), PostgreSQL frozen for 5 s (SIGSTOP, then SIGCONT) and every connection ended from
the server side (`pg_terminate_backend`). The users are the patients of `bench.chaos`: they
answer the newest question of their path, press again when told to try again, write "hi"
when the bot stays silent, and start a new assessment after each result. Nobody sees the
database; afterwards it is read to check that every acknowledged press is stored once.
With BACKPATH_DRILL_TRANSCRIPTS=FILE, what each user was shown and did is written there.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from bench.chaos import path_plans
from bench.scale import nginx, postgres_server, replica_env
from bot.ui import texts
from storage.database import create_engine
from storage.models import Status
from testing.fake_telegram import FakeTelegram, SentMessage
from testing.ports import free_port
from testing.postgres import Server, end_every_connection

# What the bot says when the user must try again (English: the drill's users' language).
TRY_AGAIN = (texts.DATABASE_BUSY, texts.SOMETHING_WENT_WRONG)
RESTART_AFTER_KILL = 5.0  # seconds a killed replica stays down
FREEZE_SECONDS = 5.0
HEALTH_EVERY = 0.25  # seconds between two looks at each replica's /healthz
# Seconds a patient waits for an answer before writing "hi". Longer than `bench.chaos`'s:
# on a loaded machine a shorter wait makes impatient users a load of their own.
SILENCE = 5.0


@dataclass
class Watch:
    """What the users and the health probe saw, with the time they saw it."""

    presses: list[tuple[float, float | None]] = field(default_factory=list)  # sent, answered
    try_again: list[float] = field(default_factory=list)
    told: Counter[int] = field(default_factory=Counter)  # "try again" messages per user
    did: dict[int, list[str]] = field(default_factory=dict)  # each user's actions, in order
    # Each press the bot acknowledged (showed the next step): user, question, when the
    # user's assessment began, when the acknowledgement was seen.
    acknowledged: list[tuple[int, str, float, float]] = field(default_factory=list)
    health: list[tuple[float, int, int | None]] = field(default_factory=list)  # None: silent
    rounds: Counter[int] = field(default_factory=Counter)  # results each user reached


@dataclass
class FaultReport:
    name: str
    started: float
    ended: float = 0.0  # the next fault's start, or the run's end
    recovery_s: float | None = None  # until the first press sent after the fault is answered
    longest_wait_s: float = 0.0  # the longest a press sent meanwhile waited for its answer
    try_again: int = 0
    redelivered: int = 0  # webhook requests Telegram had to deliver again
    lost: int = 0
    doubled: int = 0
    health_seen: set[str] = field(default_factory=set)  # what /healthz answered meanwhile
    health_last: set[str] = field(default_factory=set)  # its last answers of the window
    unanswered: int = 0  # presses without an answer for SILENCE (the user wrote "hi")
    retries_before: int = 0


class Replica:
    """One BackPath webhook process on a fixed port (nginx knows the port, not the pid)."""

    def __init__(self, workdir: Path, telegram: FakeTelegram, database_url: str) -> None:
        self.port = free_port()
        self._env = os.environ | replica_env(telegram, database_url, self.port)
        self._workdir = workdir
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        log = (self._workdir / f"replica-{self.port}.log").open("ab")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=self._workdir, env=self._env,
            stdout=asyncio.subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        log.close()
        await _until_healthy(self.port)

    async def signal(self, number: int) -> None:
        """Send a signal and wait for the exit."""
        assert self.process is not None
        self.process.send_signal(number)
        await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            await self.signal(signal.SIGTERM)


async def _until_healthy(port: int) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as reply:
                    if reply.status == 200:
                        return
            await asyncio.sleep(0.05)
    raise RuntimeError(f"the replica on port {port} never became healthy")


async def probe_health(replicas: list[Replica], watch: Watch, stop: asyncio.Event) -> None:
    """Look at every replica's /healthz all the time (a load balancer's probe)."""
    timeout = aiohttp.ClientTimeout(total=3)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        while not stop.is_set():
            for index, replica in enumerate(replicas):
                status: int | None = None
                with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                    async with http.get(f"http://127.0.0.1:{replica.port}/healthz") as reply:
                        status = reply.status
                watch.health.append((time.time(), index, status))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), HEALTH_EVERY)


async def take_assessment(
    telegram: FakeTelegram, user: int, answers: dict[str, str], watch: Watch
) -> None:
    """One assessment, from /start to its result, as a patient takes it."""
    first, began = len(telegram.messages_to(user)), time.time()

    def newest() -> SentMessage | None:
        """What the user acts on: the bottom message of the chat if it has buttons, or,
        under a "try again", the question above it; None while the bot is still writing."""
        shown = telegram.messages_to(user)[first:]
        for message in reversed(shown):
            if message.buttons:
                return message
            if not message.text.startswith(TRY_AGAIN):
                return None
        return None

    def shown_id() -> int | None:
        return (latest := newest()) and latest.message_id

    async def act(sent: Awaitable[object], what: str) -> None:
        """Do something and wait for the bot to show something new: new buttons, or a
        "try again"; if it stays silent, write "hi", as people do."""
        before, told = shown_id(), watch.told[user]
        watch.did.setdefault(user, []).append(f"after {before}: {what}")

        def moved() -> bool:  # an answered question loses its buttons before the next comes
            return ((now := shown_id()) is not None and now != before) or watch.told[user] > told

        await sent
        for _ in range(2):
            with contextlib.suppress(TimeoutError):
                await telegram.wait_for(moved, within=SILENCE)
            if moved():
                return
            watch.did[user].append("silence: hi")
            await telegram.send_text(user, "hi")

    def question_of(message: SentMessage) -> str | None:
        data = message.buttons[0][0]["callback_data"].split(":")
        return data[2] if len(data) > 2 and data[2] in answers else None

    order = list(answers)  # the path's questions, in the order they are asked

    def moved_on(question: str, following: SentMessage | None) -> bool:
        """Whether the bot shows a later step than `question` (not a stale repeat of an
        earlier one, which a reply held up on another replica can be)."""
        if following is None:
            return False
        later = question_of(following)
        if later is None:
            return "Start a new assessment" in following.button_labels
        return order.index(later) > order.index(question)

    await act(telegram.send_text(user, "/start"), "/start")
    for _ in range(500):
        latest = newest()
        if latest is None:
            await act(telegram.send_text(user, "hi"), "hi")
            continue
        labels = latest.button_labels
        if "Start a new assessment" in labels:
            return
        question = question_of(latest)
        if question is None:  # Resume, or Start when the bot died before /start was stored
            label = next(x for x in ("Resume", "Start the assessment") if x in labels)
            await act(telegram.press(user, latest, latest.data_of(label)), label)
            continue
        data = next(
            b["callback_data"] for row in latest.buttons for b in row
            if b["callback_data"].endswith(f":{answers[question]}")
        )  # fmt: skip
        sent = time.time()
        await act(telegram.press(user, latest, data), f"{question}={answers[question]}")
        if moved_on(question, newest()):
            watch.presses.append((sent, time.time()))
            watch.acknowledged.append((user, question, began, time.time()))
        else:
            watch.presses.append((sent, None))
    raise RuntimeError(f"user {user} never finished")


async def patient(
    telegram: FakeTelegram,
    user: int,
    answers: dict[str, str],
    watch: Watch,
    stop: asyncio.Event,
    think: Callable[[], float],
) -> None:
    """Assessment after assessment until the drill ends; the last one is finished."""
    while not stop.is_set():
        await take_assessment(telegram, user, answers, watch)
        watch.rounds[user] += 1
        await asyncio.sleep(think())


@dataclass
class Drill:
    replicas: list[Replica]
    server: Server
    database_url: str
    telegram: FakeTelegram
    faults: list[FaultReport] = field(default_factory=list)

    def _begin(self, name: str) -> None:
        self.end()
        self.faults.append(FaultReport(name, time.time(), retries_before=self._retries()))

    def end(self) -> None:
        """The current fault's window closes here."""
        if self.faults and not self.faults[-1].ended:
            self.faults[-1].ended = time.time()
            self.faults[-1].redelivered = self._retries() - self.faults[-1].retries_before

    def _retries(self) -> int:
        return self.telegram.webhook_retries

    async def kill_a_replica(self) -> None:
        self._begin(f"replica killed (SIGKILL), back after {RESTART_AFTER_KILL:g} s")
        await self.replicas[0].signal(signal.SIGKILL)
        await asyncio.sleep(RESTART_AFTER_KILL)
        await self.replicas[0].start()

    async def deploy_a_replica(self) -> None:
        self._begin("replica stopped by a deploy (SIGTERM)")
        await self.replicas[1].signal(signal.SIGTERM)
        await self.replicas[1].start()

    async def restart_postgresql(self) -> None:
        self._begin("PostgreSQL restarted (pg_ctl restart -m fast)")
        await self.server.restart()

    async def freeze_postgresql(self) -> None:
        self._begin(f"PostgreSQL frozen {FREEZE_SECONDS:g} s (SIGSTOP, SIGCONT)")
        self.server.freeze()
        try:
            await asyncio.sleep(FREEZE_SECONDS)
        finally:
            self.server.thaw()

    async def end_connections(self) -> None:
        self._begin("every connection ended by the server")
        await end_every_connection(self.database_url)

    def replica_faults(self) -> list[Callable[[], Awaitable[None]]]:
        """The faults after which the drill starts a replica again."""
        return [self.kill_a_replica, self.deploy_a_replica]

    def database_faults(self) -> list[Callable[[], Awaitable[None]]]:
        """The faults the replicas must live through without a restart."""
        return [self.restart_postgresql, self.freeze_postgresql, self.end_connections]


async def stored_answers(
    connection: AsyncConnection, first: int, last: int
) -> list[tuple[int, int, str, float]]:
    """Every stored answer of the users: user, assessment, question, when it was stored."""
    rows = await connection.execute(
        text(
            "SELECT a.user_id, r.assessment_id, r.question_id, r.answered_at "
            "FROM answers AS r JOIN assessments AS a ON a.id = r.assessment_id "
            "WHERE a.user_id BETWEEN :first AND :last ORDER BY r.id"
        ),
        {"first": first, "last": last},
    )
    return [(u, a, q, _seconds(at)) for u, a, q, at in rows]


def doubled(stored: list[tuple[int, int, str, float]]) -> list[float]:
    """When each answer stored a second time for the same question was stored (the users
    never go back, so an assessment answers each question once)."""
    seen: set[tuple[int, str]] = set()
    twice = []
    for _, assessment, question, moment in stored:
        if (assessment, question) in seen:
            twice.append(moment)
        seen.add((assessment, question))
    return twice


def lost(watch: Watch, stored: list[tuple[int, int, str, float]]) -> list[float]:
    """When each acknowledged press was seen whose answer is not stored: no answer to that
    question was stored between the start of the user's assessment and the acknowledgement
    (an answer stored later came from pressing again, after the first was lost)."""
    by_question: dict[tuple[int, str], list[float]] = {}
    for user, _, question, moment in stored:
        by_question.setdefault((user, question), []).append(moment)
    return [
        seen
        for user, question, began, seen in watch.acknowledged
        if not any(began <= m <= seen for m in by_question.get((user, question), []))
    ]


async def finished_assessments(
    connection: AsyncConnection,
    plans: dict[int, tuple[str, dict[str, str]]],
    rounds: Counter[int],
) -> list[str]:
    """Problems with the users' assessments: each result a user reached is a finished
    assessment with the path's answers and referral. (One may be left open: a patient who
    pressed Start on a welcome that came late, after a result, began another.)"""
    problems = []
    rows = await connection.execute(
        text(
            "SELECT user_id, referral, answers FROM assessments "
            "WHERE user_id BETWEEN :first AND :last AND status = :finished"
        ),
        {"first": min(plans), "last": max(plans), "finished": Status.FINISHED},
    )
    finished: dict[int, list[tuple[str | None, object]]] = {}
    for user, referral, answers in rows:
        finished.setdefault(user, []).append((referral, answers))
    for user, (row, answers) in plans.items():
        done = finished.get(user, [])
        if len(done) < rounds[user]:  # more: a stale question pressed, then Start
            problems.append(f"user {user}: saw {rounds[user]} results, {len(done)} stored")
        for referral, given in done:
            if referral != row or given != answers:
                problems.append(f"user {user}: a finished assessment is not the path's")
    return problems


def _seconds(moment: datetime) -> float:
    """A stored time (UTC, with or without its zone) as seconds since the epoch."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def attribute(
    faults: list[FaultReport], watch: Watch, lost: list[float], doubled: list[float]
) -> None:
    """What happened in each fault's window, from the users' and the probe's records."""
    for fault in faults:

        def inside(moment: float, fault: FaultReport = fault) -> bool:
            return fault.started <= moment < fault.ended

        after = [answered for sent, answered in watch.presses if inside(sent) and answered]
        fault.recovery_s = min(after) - fault.started if after else None
        fault.longest_wait_s = max(
            (seen - sent for sent, seen in watch.presses if inside(sent) and seen), default=0.0
        )
        fault.unanswered = sum(
            1 for sent, answered in watch.presses if inside(sent) and not answered
        )
        fault.try_again = sum(1 for moment in watch.try_again if inside(moment))
        fault.lost = sum(1 for moment in lost if inside(moment))
        fault.doubled = sum(1 for moment in doubled if inside(moment))
        said = {}  # each replica's last answer in the window
        for moment, replica, status in watch.health:
            if inside(moment):
                said[replica] = "no answer" if status is None else str(status)
                fault.health_seen.add(said[replica])
        fault.health_last = set(said.values())


@dataclass
class Result:
    faults: list[FaultReport]
    problems: list[str]
    users: int
    assessments: int
    presses: int
    seconds: float
    lost: int  # over the whole run, quiet times included
    doubled: int


FIRST_USER = 70_000


async def run(users: int = 100, quiet: float = 5.0, seed: int = 1) -> Result:
    """The whole drill: start everything, let the users answer, do every fault in turn,
    let the users finish, then read the database."""
    rng = random.Random(seed)
    plans = path_plans(users, first=FIRST_USER)
    watch = Watch()
    telegram = FakeTelegram()

    def arrived(message: SentMessage) -> None:
        if message.text.startswith(TRY_AGAIN):
            watch.try_again.append(time.time())
            watch.told[message.chat_id] += 1

    telegram.on_message = arrived
    await telegram.start()
    problems: list[str] = []
    began = time.time()
    try:
        with tempfile.TemporaryDirectory() as tmp, postgres_server() as (database_url, data):
            server = Server.in_directory(data)
            assert server is not None, "the drill's PostgreSQL server cannot be controlled"
            workdir = Path(tmp)
            replicas = [Replica(workdir, telegram, database_url) for _ in range(2)]
            for replica in replicas:
                await replica.start()
            drill = Drill(replicas, server, database_url, telegram)
            async with nginx(workdir, [r.port for r in replicas]) as (port, _):
                telegram.push_to = f"http://127.0.0.1:{port}/telegram"
                stop, probed = asyncio.Event(), asyncio.Event()
                probe = asyncio.create_task(probe_health(replicas, watch, probed))
                people = asyncio.gather(
                    *(
                        patient(telegram, user, answers, watch, stop, lambda: rng.uniform(0, 0.2))
                        for user, (_, answers) in plans.items()
                    ),
                    return_exceptions=True,
                )
                await asyncio.sleep(quiet)
                for fault in drill.replica_faults():
                    await fault()
                    await asyncio.sleep(quiet)
                pids = [r.process.pid for r in replicas if r.process]
                for fault in drill.database_faults():
                    await fault()
                    await asyncio.sleep(quiet)
                drill.end()
                stop.set()
                for outcome in await people:
                    if isinstance(outcome, BaseException):
                        problems.append(f"a user could not finish: {outcome}")
                probed.set()
                await probe
                if [r.process.pid for r in replicas if r.process] != pids or any(
                    r.process is None or r.process.returncode is not None for r in replicas
                ):
                    problems.append("a replica restarted during the database faults")
            for replica in replicas:
                await replica.stop()
            engine = create_engine(database_url)
            try:
                async with engine.connect() as connection:
                    stored = await stored_answers(connection, min(plans), max(plans))
                    problems += await finished_assessments(connection, plans, watch.rounds)
            finally:
                await engine.dispose()
            if os.environ.get("BACKPATH_DRILL_TRANSCRIPTS"):
                _write_transcripts(Path(os.environ["BACKPATH_DRILL_TRANSCRIPTS"]), telegram, watch)
    finally:
        await telegram.stop()
    missing, twice = lost(watch, stored), doubled(stored)
    attribute(drill.faults, watch, missing, twice)
    return Result(
        drill.faults,
        problems,
        users,
        sum(watch.rounds.values()),
        len(watch.presses),
        time.time() - began,
        len(missing),
        len(twice),
    )


def table(faults: list[FaultReport]) -> str:
    lines = [
        '| fault | first press answered after | longest wait | "try again" messages | '
        "delivered again "
        f"by Telegram | presses unanswered for {SILENCE:.0f} s | presses lost | applied twice "
        "| /healthz said |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for f in faults:
        recovery = "never" if f.recovery_s is None else f"{f.recovery_s:.1f} s"
        lines.append(
            f"| {f.name} | {recovery} | {f.longest_wait_s:.1f} s | {f.try_again} | "
            f"{f.redelivered} | {f.unanswered} | "
            f"{f.lost} | {f.doubled} | {', '.join(sorted(f.health_seen))} |"
        )
    return "\n".join(lines)


async def main(users: int, quiet: float, seed: int) -> int:
    result = await run(users, quiet, seed)
    print(table(result.faults))
    print(
        f"\n{result.users} users, {result.assessments} assessments finished, "
        f"{result.presses} presses, {result.seconds:.0f} s; in all {result.lost} presses "
        f"lost, {result.doubled} applied twice"
    )
    print(f"problems: {len(result.problems)}")
    for problem in result.problems:
        print(f"  {problem}")
    broken = result.problems or result.lost or result.doubled
    return 1 if broken else 0


def _write_transcripts(path: Path, telegram: FakeTelegram, watch: Watch) -> None:
    """What every simulated user was shown, for reading a failed drill."""
    with path.open("w") as out:
        for user in sorted({m.chat_id for m in telegram.messages.values()}):
            out.write(f"## user {user}\n")
            for m in telegram.messages_to(user):
                out.write(f"{m.message_id} {m.plain[:50]!r} {m.button_labels[:3]}\n")
            out.writelines(f"  {action}\n" for action in watch.did.get(user, []))
