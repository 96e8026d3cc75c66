"""PostgreSQL failing under a webhook replica (issue 21): every connection ended from the
server side, and the server restarted. Telegram's retry is the recovery: the update the
database failed is answered 503 and delivered again (the fake Bot API retries as Telegram
does), it is applied exactly once, `/healthz` says 503 while the database is gone and 200
after, and the replica recovers without a restart of its own."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.config import Settings
from storage.database import create_engine
from storage.repository import StateRepository
from testing.fake_telegram import FakeTelegram
from testing.postgres import Server, end_every_connection
from tests.conftest import Chat
from tests.e2e.test_webhook import webhook_instance

USER = 41


@pytest.fixture
def postgresql(database_url: str) -> str:
    if not database_url.startswith("postgresql"):
        pytest.skip("about PostgreSQL only")
    return database_url


async def health(base: str) -> int:
    async with aiohttp.ClientSession() as http, http.get(f"{base}/healthz") as response:
        return response.status


async def database_gauge(base: str) -> float:
    """backpath_database_up as Prometheus scrapes it from /metrics."""
    async with aiohttp.ClientSession() as http, http.get(f"{base}/metrics") as response:
        exposition = await response.text()
    (value,) = (
        sample.value
        for family in text_string_to_metric_families(exposition)
        for sample in family.samples
        if sample.name == "backpath_database_up"
    )
    return value


async def trail_of(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    try:
        async with StateRepository(engine).transaction() as tx:
            active = await tx.active_assessment(USER)
            assert active is not None
            return [(a.question_id, a.value) for a in await tx.answer_trail(active.id)]
    finally:
        await engine.dispose()


async def test_every_connection_ended_by_the_server(
    settings: Settings, telegram: FakeTelegram, postgresql: str
) -> None:
    user = Chat(telegram, USER)
    async with webhook_instance(settings) as base:
        telegram.push_to = f"{base}/telegram"
        _, first = await user.send("/start", expect=2)
        assert await end_every_connection(postgresql) >= 1
        _, (second,) = await user.tap("No", first)
        assert second.visible.startswith("Question 2 of 16")
        _, (third,) = await user.tap("No", second)
        assert third.visible.startswith("Question 3 of 16")
        assert await health(base) == 200
    assert await trail_of(postgresql) == [("bowel_bladder", "no"), ("leg_weakness", "no")]


async def test_postgresql_restarted_under_a_replica(
    settings: Settings, telegram: FakeTelegram, postgresql: str
) -> None:
    server = Server.of_the_suite()
    if server is None:
        pytest.skip("the suite's PostgreSQL server cannot be restarted here (no PGDATA_BACKPATH)")
    user = Chat(telegram, USER)
    async with webhook_instance(settings) as base:
        telegram.push_to = f"{base}/telegram"
        _, first = await user.send("/start", expect=2)
        await server.stop()
        down = await health(base)
        gauge_down = await database_gauge(base)
        pressed = asyncio.create_task(user.tap("No", first))  # delivered while it is down
        await asyncio.sleep(0.3)
        await server.start()
        _, (second,) = await pressed
        assert second.visible.startswith("Question 2 of 16")
        up = await health(base)
        gauge_up = await database_gauge(base)
    assert (down, up) == (503, 200)
    assert (gauge_down, gauge_up) == (0, 1)  # the BackPathDatabaseDown alert's metric
    assert telegram.webhook_retries >= 1  # answered 503 while down, then delivered again
    assert await trail_of(postgresql) == [("bowel_bladder", "no")]
