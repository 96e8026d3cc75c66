"""Property-based: random sequences of odd and valid input never break the bot.

Hypothesis drives one running bot (over real HTTP, through the fake Bot API) with random
sequences of texts of any size and script, commands with arguments, button presses valid,
stale, forged or random, presses without a message, stickers, edits and group messages.
After every event the bot must have answered visibly, and the stored assessment must be
a state the flow itself could have reached from its stored answers.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import Settings
from bot.telegram.app import serve
from flows import machine
from storage.database import create_engine
from storage.repository import StateRepository
from testing.fake_telegram import FakeTelegram

PHRASES = [
    "3 weeks", "2 months", "a year", "yes", "Not sure", "hi", "I can't control my bladder",
    "my legs gave way", "مرحبا، ظهري يؤلمني", "שלום", "😣🔥💥", "\u200f\u202e", "",
    "/start", "/start deep-link-arg", "/restart now", "/cancel", "/help me", "/privacy",
    "/delete", "/unknown arg", "x" * 4096, "💥" * 1024,
]  # fmt: skip

# Callback data the bot never sent to this user: other users' or made up.
FORGED_DATA = [
    "a:1:bowel_bladder:yes", "r:1", "o:1", "n", "d:y", "d:x", "a:99999999999:fever:no",
    "a:1:done:yes",
]  # fmt: skip

texts = st.one_of(st.sampled_from(PHRASES), st.text(min_size=1, max_size=300))
events = st.one_of(
    st.tuples(st.just("text"), texts),
    st.tuples(st.just("tap"), st.integers(min_value=0, max_value=5)),
    st.tuples(st.just("tap_old"), st.integers(min_value=0, max_value=5)),
    st.tuples(st.just("forged"), st.sampled_from(FORGED_DATA)),
    st.tuples(st.just("random_data"), st.text(max_size=64)),
    st.tuples(st.just("tap_without_message"), st.integers(min_value=0, max_value=5)),
    st.tuples(st.just("sticker"), st.none()),
    st.tuples(st.just("edited"), texts),
    st.tuples(st.just("group"), st.sampled_from(["/start", "/help"])),
)

_users: Iterator[int] = itertools.count(10_000)


class Harness:
    """One event loop with the fake server and the bot, kept across examples."""

    def __init__(self, tmp: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.telegram = FakeTelegram()
        self.database_url = f"sqlite+aiosqlite:///{tmp / 'hostile.db'}"
        self.stop = asyncio.Event()
        self.run(self._start())

    def run(self, coroutine: Any) -> Any:
        return self.loop.run_until_complete(coroutine)

    async def _start(self) -> None:
        await self.telegram.start()
        config = Settings(
            _env_file=None,  # type: ignore[call-arg]
            telegram_bot_token=self.telegram.token,
            telegram_api_base_url=self.telegram.base_url,
            database_url=self.database_url,
            polling_timeout=1,
        )
        self.task = asyncio.create_task(serve(config, self.stop))
        await self.telegram.wait_for(
            lambda: "getUpdates" in self.telegram.calls or self.task.done()
        )
        self.engine = create_engine(self.database_url)
        self.repository = StateRepository(self.engine)

    def close(self) -> None:
        async def stop() -> None:
            self.stop.set()
            await asyncio.wait_for(self.task, 15)
            await self.engine.dispose()
            await self.telegram.stop()

        self.run(stop())
        self.loop.close()


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    harness = Harness(tmp_path_factory.mktemp("hostile"))
    yield harness
    harness.close()


async def play(harness: Harness, user: int, event: tuple[str, Any]) -> None:
    telegram = harness.telegram
    kind, value = event
    mine = [m for m in telegram.messages_to(user) if m.buttons]
    message_fields = {"message_id": 1, "date": 0, "chat": {"id": user, "type": "private"},
                      "from": {"id": user, "is_bot": False, "first_name": "H"}}  # fmt: skip
    effects_before = sum(1 for _, who in telegram.effects if who in (user, -1000 - user))
    match kind:
        case "text":
            await telegram.send_text(user, value)
        case "tap" | "tap_old" | "tap_without_message" if mine:
            message = mine[-1] if kind != "tap_old" else mine[value % len(mine)]
            buttons = [b["callback_data"] for row in message.buttons for b in row]
            data = buttons[value % len(buttons)]
            await telegram.press(user, None if kind == "tap_without_message" else message, data)
        case "tap" | "tap_old" | "tap_without_message":
            await telegram.send_text(user, "/start")
        case "forged" | "random_data":
            await telegram.press(user, mine[-1] if mine else None, value)
        case "sticker":
            sticker = {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1,
                       "height": 1, "is_animated": False, "is_video": False}  # fmt: skip
            await telegram.send_update(user, {"message": {**message_fields, "sticker": sticker}})
        case "edited":
            edited = {**message_fields, "text": value or "x", "edit_date": 1}
            await telegram.send_update(user, {"edited_message": edited})
        case "group":
            await telegram.send_text(user, value, chat_type="group")
    # Always a visible answer: a message, an edit, or at least the button's spinner stopped.
    await telegram.wait_for(
        lambda: (
            sum(1 for _, who in telegram.effects if who in (user, -1000 - user)) > effects_before
        ),
        within=10,
    )


async def assert_stored_state_is_valid(harness: Harness, user: int) -> None:
    async with harness.repository.transaction() as tx:
        active = await tx.active_assessment(user)
    if active is None:
        return
    assert active.flow_version == machine.FLOW_VERSION
    assert active.state in machine.STATES and active.state != machine.DONE
    # The stored state is exactly where the flow goes with the answers on its path
    # (after Back, answers to later questions stay stored until they are changed).
    on_path = {q: active.answers[q] for q in active.history}
    replayed = machine.replay(on_path)
    assert (replayed.state, replayed.history) == (active.state, active.history)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=st.lists(events, min_size=1, max_size=12))
def test_any_sequence_of_input_gets_answers_and_keeps_a_valid_state(
    harness: Harness, sequence: list[tuple[str, Any]]
) -> None:
    user = next(_users)

    async def scenario() -> None:
        for event in sequence:
            await play(harness, user, event)
            await assert_stored_state_is_valid(harness, user)

    harness.run(scenario())
    assert not harness.task.done(), "the bot stopped"
