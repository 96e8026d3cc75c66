"""What BackPath logs at the default level, with the real logging set-up: lines that help
the operator, and nothing of what a user answered or typed (bot/logs.py)."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from bot.logs import configure_logging
from flows.questions import QUESTIONS
from storage.repository import StateRepository
from testing.fake_telegram import FakeTelegram
from testing.paths import HEADLINES, PATHS, TO_DURATION
from tests.conftest import Chat, RunningBot

# Messages users type, each a kind the bot acts on: an emergency (confirmed with a tap or
# clear at once) and a duration.
UNCLEAR_EMERGENCY = "numbess down there since tuesday"
CLEAR_EMERGENCY = "suddenly lost bladder control"
DURATION = "about 3 months"

SECRETS_OF_ANSWERS = sorted(
    {q.id for q in QUESTIONS} | {o.value for q in QUESTIONS for o in q.options} | set(PATHS)
)
# Libraries whose lines reveal the answers or repeat all day (bot/logs.py).
SILENCED = ("transitions", "fontTools", "fpdf", "apscheduler", "aiosqlite")


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self) -> list[str]:
        return [f"{r.levelname} {r.name}: {self.format(r)}" for r in self.records]


@contextmanager
def logging_as_in_production(level: str = "INFO") -> Iterator[Recorder]:
    """configure_logging as `backpath` calls it, with a handler beside its own that keeps
    every record reaching the root logger; the previous set-up is restored after."""
    root = logging.getLogger()
    handlers, root_level = root.handlers[:], root.level
    levels = {
        name: logger.level
        for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    configure_logging(level, None)
    recorder = Recorder()
    root.addHandler(recorder)
    try:
        yield recorder
    finally:
        root.handlers[:] = handlers
        root.setLevel(root_level)
        for name, logger in list(logging.Logger.manager.loggerDict.items()):
            if isinstance(logger, logging.Logger):
                logger.setLevel(levels.get(name, logging.NOTSET))


def leaks(lines: list[str], typed: list[str]) -> list[str]:
    """The question ids, answer values, referral rows and typed words found in `lines`."""
    log = "\n".join(lines)
    found = [s for s in SECRETS_OF_ANSWERS if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", log)]
    words = {w.lower() for text in typed for w in re.findall(r"[^\W\d_]{3,}", text)}
    found += [w for w in sorted(words) if re.search(rf"(?<!\w){w}(?!\w)", log, re.IGNORECASE)]
    return found


def from_silenced(recorder: Recorder) -> list[str]:
    return [
        line
        for record, line in zip(recorder.records, recorder.lines(), strict=True)
        if record.name.split(".")[0] in SILENCED
    ]


def button(reply: Reply, label: str) -> str:
    return next(
        b.data for m in reply.messages for row in m.buttons for b in row if b.label == label
    )


async def press_all(service: TriageService, who: Sender, reply: Reply, labels: list[str]) -> Reply:
    for label in labels:
        reply = await service.press(who, button(reply, label))
    return reply


async def test_assessments_typed_messages_and_summaries_log_nothing_a_user_said(
    repository: StateRepository,
) -> None:
    with logging_as_in_production() as recorder:
        service = TriageService(repository)
        for user, row in enumerate(PATHS, start=100):
            who = Sender(user)
            result = await press_all(service, who, await service.command("start", who), PATHS[row])
            assert HEADLINES[row] in html.unescape(result.messages[0].text)
            assert (await service.command("summary", who)).documents  # the PDF

        who = Sender(200)
        await service.command("start", who)
        confirm = await service.text(who, UNCLEAR_EMERGENCY)
        result = await service.press(who, button(confirm, "Yes, this is happening"))
        assert HEADLINES["R1"] in result.messages[0].text

        who = Sender(201)
        await press_all(service, who, await service.command("start", who), ["No", "No"])
        result = await service.text(who, CLEAR_EMERGENCY)
        assert HEADLINES["R1"] in result.messages[0].text
        assert (await service.command("summary", who)).documents

        who = Sender(202)
        await press_all(service, who, await service.command("start", who), TO_DURATION)
        noted = await service.text(who, DURATION)
        assert f'You wrote "{DURATION}"' in noted.messages[0].text
        result = await press_all(
            service, who, noted, ["Lower back", "Movement-related", "No, not yet"]
        )
        assert HEADLINES["R5"] in result.messages[0].text
        assert (await service.command("summary", who)).documents

    lines = recorder.lines()
    assert sum("finished" in line for line in lines) == len(PATHS) + 3  # not simply empty
    assert from_silenced(recorder) == []
    assert leaks(lines, [UNCLEAR_EMERGENCY, CLEAR_EMERGENCY, DURATION]) == []


async def test_the_running_bot_logs_start_up_and_errors_but_nothing_a_user_said(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user, other = chat(501), chat(502)
    with logging_as_in_production() as recorder:
        async with running_bot():
            await user.send("/start", expect=2)
            await user.answer_all(TO_DURATION)
            await user.send(DURATION, expect=2)
            await user.answer_all(["Lower back", "Movement-related", "No, not yet"])
            await user.send("/summary")
            await telegram.wait_for(lambda: telegram.documents)
            await other.send("/start", expect=2)
            await other.send(CLEAR_EMERGENCY)
            # The periodic jobs run (housekeeping a second after start, then hourly).
            await telegram.wait_for(
                lambda: any(r.name == "bot.core.housekeeping" for r in recorder.records)
            )

    lines = recorder.lines()
    for expected in ["Running upgrade", "Application started", "BackPath is polling"]:
        assert any(expected in line for line in lines), expected
    assert from_silenced(recorder) == []
    assert not [line for line in lines if "aiohttp.access" in line or "Running job" in line]
    assert leaks(lines, [DURATION, CLEAR_EMERGENCY]) == []


@pytest.mark.parametrize("level", ["DEBUG", "INFO", "WARNING"])
def test_debug_is_for_backpath_only(level: str) -> None:
    with logging_as_in_production(level):
        assert logging.getLogger("bot.core.service").getEffectiveLevel() == logging.getLevelName(
            level
        )
        for name in ["transitions.core", "fontTools.subset", "apscheduler.executors.default"]:
            assert logging.getLogger(name).getEffectiveLevel() == logging.WARNING
        # PTB's and Alembic's INFO lines are kept; their DEBUG ones show updates in full.
        expected = max(logging.INFO, logging.getLevelName(level))
        assert logging.getLogger("telegram.ext.Application").getEffectiveLevel() == expected
        assert logging.getLogger("alembic.runtime.migration").getEffectiveLevel() == expected


def test_a_level_set_by_hand_before_start_up_is_kept() -> None:
    transitions = logging.getLogger("transitions")
    previous = transitions.level
    transitions.setLevel(logging.DEBUG)
    try:
        with logging_as_in_production():
            assert transitions.level == logging.DEBUG
    finally:
        transitions.setLevel(previous)
