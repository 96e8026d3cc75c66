"""Webhook mode: the secret header, health and metrics, and two replicas on one database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from bot.config import Settings
from bot.telegram.app import serve
from bot.telegram.web import SECRET_HEADER
from storage.database import create_engine
from storage.repository import StateRepository
from testing.fake_telegram import FakeTelegram
from testing.paths import HEADLINES, PATHS
from testing.ports import free_port
from tests.conftest import Chat

SECRET = "a-webhook-secret-of-32-characters"
# What each instance registers with setWebhook; a reverse proxy would forward it to the
# instance's own http://127.0.0.1:<port>/telegram, where the tests post directly.
PUBLIC_URL = "https://bot.example.org/telegram"


@asynccontextmanager
async def webhook_instance(settings: Settings) -> AsyncIterator[str]:
    """One bot process's worth of webhook server; yields its base URL."""
    port = free_port()
    config = settings.model_copy(
        update={
            "bot_mode": "webhook",
            "webhook_url": PUBLIC_URL,
            "webhook_listen": "127.0.0.1",
            "webhook_port": port,
            "webhook_secret": SecretStr(SECRET),
        }
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(config, stop))
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as http:
        for _ in range(200):
            if task.done():
                task.result()
            try:
                async with http.get(f"{base}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
    try:
        yield base
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


async def post(base: str, update: dict[str, Any], secret: str | None = SECRET) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{base}/telegram", json=update, headers=headers) as response,
    ):
        return response.status


async def test_webhook_needs_the_secret_and_serves_health_and_metrics(
    settings: Settings, telegram: FakeTelegram
) -> None:
    user = Chat(telegram, 31)
    async with webhook_instance(settings) as base:
        assert telegram.webhook == (PUBLIC_URL, SECRET)
        assert await post(base, telegram.text_update(31, "/start"), secret=None) == 403
        assert await post(base, telegram.text_update(31, "/start"), secret="wrong" * 8) == 403
        assert user.received == []  # nothing was processed

        assert await post(base, telegram.text_update(31, "/start")) == 200
        _, first = user.received
        assert first.visible.startswith("Question 1 of 16")
        update = telegram.press_update(31, first, first.data_of("Yes"))
        assert await post(base, update) == 200
        assert await post(base, update) == 200  # Telegram retrying: applied once
        assert user.last.visible.startswith("Emergency: go to the emergency department")
        assert len(user.received) == 3

        async with aiohttp.ClientSession() as http:
            async with http.get(f"{base}/healthz") as response:
                assert response.status == 200
                assert await response.json() == {"status": "ok", "database": True}
            async with http.get(f"{base}/metrics") as response:
                metrics = await response.text()
    assert 'backpath_updates_total{type="message"}' in metrics
    assert 'backpath_updates_total{type="callback_query"}' in metrics
    assert 'backpath_assessments_finished_total{referral="R1"}' in metrics
    assert "backpath_handler_seconds_bucket" in metrics
    assert "backpath_assessments_started_total" in metrics


async def test_two_replicas_on_one_database_give_the_same_results_as_one(
    settings: Settings, telegram: FakeTelegram, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("replicas share a PostgreSQL server")
    rows = list(PATHS) * 2

    async with webhook_instance(settings) as first, webhook_instance(settings) as second:
        replicas = (first, second)

        async def walk(user_id: int, row: str) -> str:
            user = Chat(telegram, user_id)
            steps = ["/start", *PATHS[row]]
            for step, label in enumerate(steps):
                before = len(user.received)
                if step == 0:
                    update = telegram.text_update(user_id, label)
                else:
                    question = user.last_with_buttons()
                    update = telegram.press_update(user_id, question, question.data_of(label))
                # Half the updates go to each replica; every third goes to both at once.
                targets = replicas if step % 3 == 0 else (replicas[step % 2],)
                statuses = await asyncio.gather(*(post(r, update) for r in targets))
                assert set(statuses) == {200}
                await telegram.wait_for_messages(user_id, before + (2 if step == 0 else 1))
            return user.last.visible

        results = await asyncio.gather(*(walk(7000 + i, row) for i, row in enumerate(rows)))

    for row, result in zip(rows, results, strict=True):
        assert result.startswith(HEADLINES[row]), (row, result)
    engine = create_engine(database_url)
    async with StateRepository(engine).transaction() as tx:
        for i, row in enumerate(rows):
            finished = await tx.latest_finished(7000 + i)
            assert finished is not None and finished.referral == row
            trail = [a.question_id for a in await tx.answer_trail(finished.id)]
            assert trail == list(finished.history)  # each answer recorded exactly once
            assert len(trail) == len(PATHS[row])
    await engine.dispose()
    for i in range(len(rows)):  # no message was sent twice
        assert len(telegram.messages_to(7000 + i)) == 2 + len(PATHS[rows[i]])


async def test_the_fake_posts_updates_to_a_webhook_with_the_secret_and_retries() -> None:
    """The fake Bot API as the scale bench uses it: updates pushed like Telegram pushes."""
    from aiohttp import web

    received: list[tuple[int, str | None]] = []
    refuse_first = [True]

    async def hook(request: web.Request) -> web.Response:
        if refuse_first:
            refuse_first.clear()
            return web.Response(status=502)  # a replica restarting behind the balancer
        update = await request.json()
        received.append((update["update_id"], request.headers.get(SECRET_HEADER)))
        return web.Response()

    app = web.Application()
    app.router.add_post("/telegram", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    telegram = FakeTelegram()
    await telegram.start()
    try:
        telegram.webhook = (PUBLIC_URL, SECRET)
        telegram.push_to = f"http://127.0.0.1:{port}/telegram"
        first = await telegram.send_text(7, "/start")
        second = await telegram.send_text(8, "/start")
        for _ in range(200):
            if len(received) == 2:
                break
            await asyncio.sleep(0.05)
    finally:
        await telegram.stop()
        await runner.cleanup()
    assert sorted(received) == [(first, SECRET), (second, SECRET)]
    assert telegram.webhook_retries == 1
    assert telegram.updates == []  # nothing left for getUpdates


@pytest.fixture
def database_restarting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """`transactions[0]` transactions from now on fail as a database restarting does."""
    from sqlalchemy.exc import OperationalError

    transactions = [0]
    original = StateRepository.transaction

    @asynccontextmanager
    async def flaky(self: StateRepository) -> AsyncIterator[Any]:
        if transactions[0]:
            transactions[0] -= 1
            raise OperationalError("BEGIN", {}, ConnectionError("the database is restarting"))
        async with original(self) as tx:
            yield tx

    monkeypatch.setattr(StateRepository, "transaction", flaky)
    return transactions


async def test_an_update_the_database_failed_is_answered_503_and_applied_on_redelivery(
    settings: Settings, telegram: FakeTelegram, database_restarting: list[int]
) -> None:
    """Issue 21: Telegram's retry is the recovery. Nothing of the failed update was
    committed, so the webhook says 503, the user is not told to try again, and the
    delivery Telegram makes again is applied once."""
    user = Chat(telegram, 32)
    async with webhook_instance(settings) as base:
        assert await post(base, telegram.text_update(32, "/start")) == 200
        _, first = user.received
        update = telegram.press_update(32, first, first.data_of("No"))
        database_restarting[0] = 1
        assert await post(base, update) == 503
        assert len(user.received) == 2  # no "please try again"
        assert await post(base, update) == 200  # Telegram delivers it again
        assert await post(base, update) == 200  # and once more: applied once
    assert len(user.received) == 3
    assert user.last.visible.startswith("Question 2 of 16")
    assert first.edits and "Your answer:" in first.text


async def test_a_typed_message_the_database_failed_reaches_the_user_through_telegrams_retry(
    settings: Settings, telegram: FakeTelegram, database_restarting: list[int]
) -> None:
    """The same through the fake's push, which retries a non-2xx answer as Telegram does."""
    user = Chat(telegram, 33)
    async with webhook_instance(settings) as base:
        telegram.push_to = f"{base}/telegram"
        await user.send("/start", expect=2)
        database_restarting[0] = 2
        not_understood, again = await user.send("hello there", expect=2)
    assert telegram.webhook_retries >= 2
    assert "didn't understand" in not_understood.visible
    assert again.visible.startswith("Question 1 of 16")
    # The two messages of /start and these two: nothing about a failure.
    assert len(user.received) == 4


async def test_a_press_is_answered_in_the_webhooks_own_answer(
    settings: Settings, telegram: FakeTelegram
) -> None:
    """Issue 21: the Bot API runs one method returned in the webhook's HTTP answer, so the
    button's answer costs no request of its own; the fake runs it as Telegram does."""
    user = Chat(telegram, 34)
    async with webhook_instance(settings) as base:
        telegram.push_to = f"{base}/telegram"
        _, first = await user.send("/start", expect=2)
        notice, (second,) = await user.tap("No", first)
        why, _ = await user.tap("Why?", second, expect=0)
    assert notice is None and why is not None and "nerve" in why  # the alert's text
    assert telegram.webhook_replies == ["answerCallbackQuery", "answerCallbackQuery"]
    assert telegram.calls.count("answerCallbackQuery") == 2  # both from the answers
    assert second.visible.startswith("Question 2 of 16")


async def test_a_typed_emergency_does_not_wait_for_the_database(
    settings: Settings, telegram: FakeTelegram, database_restarting: list[int]
) -> None:
    """Review W2: while the database is gone, Telegram keeps delivering the update again
    and the user would hear nothing; typed words that may report an emergency get the
    emergency signs and what to do at once (once), the reader needing no records."""
    user = Chat(telegram, 35)
    async with webhook_instance(settings) as base:
        telegram.push_to = f"{base}/telegram"
        await user.send("/start", expect=2)
        database_restarting[0] = 3
        guidance, confirm = await user.send("my bladder control has gone", expect=2)
    assert "go to the emergency department now" in guidance.visible
    assert confirm.button_labels == ["Yes, this is happening", "No, I meant something else"]
    assert telegram.webhook_retries >= 3  # one guidance for three failed deliveries


async def test_a_failed_commit_is_told_to_the_user_not_delivered_again(
    settings: Settings, telegram: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review W1: when the database goes away during the COMMIT itself, the work may be
    stored; a redelivery would then be skipped as done and show nothing. So the webhook
    answers 200 and the user is told to try again, which is right either way."""
    from sqlalchemy.exc import OperationalError

    failures = [0]
    original = StateRepository._open

    @asynccontextmanager
    async def commit_fails(self: StateRepository) -> AsyncIterator[Any]:
        async with original(self) as tx:
            yield tx
            if failures[0]:
                failures[0] -= 1
                raise OperationalError("COMMIT", {}, ConnectionError("gone during COMMIT"))

    monkeypatch.setattr(StateRepository, "_open", commit_fails)
    user = Chat(telegram, 36)
    async with webhook_instance(settings) as base:
        assert await post(base, telegram.text_update(36, "/start")) == 200
        _, first = user.received
        failures[0] = 1
        assert await post(base, telegram.press_update(36, first, first.data_of("No"))) == 200
        told = user.last
        assert "try again in a minute" in told.visible
        assert await post(base, telegram.press_update(36, first, first.data_of("No"))) == 200
    assert user.last.visible.startswith("Question 2 of 16")
