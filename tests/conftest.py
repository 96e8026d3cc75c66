"""Shared fixtures: a fake Bot API server, settings pointing at it, and a running bot."""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime
from pathlib import Path

import pytest

from bot.config import Settings
from bot.telegram.app import serve
from storage.database import create_engine, create_schema
from storage.models import utcnow
from storage.repository import StateRepository
from testing.fake_telegram import FakeTelegram, SentMessage

POSTGRES_URL = os.environ.get("BACKPATH_TEST_POSTGRES_URL", "")


# CI runs the storage suite once more on SQLAlchemy's stock aiosqlite adapter, the
# fallback of the on-loop driver (`.ci/run`).
SQLITE_DRIVER = os.environ.get("BACKPATH_TEST_SQLITE_DRIVER", "on-loop")
# ... and on PostgreSQL with every statement through SQLAlchemy, the fallback of the direct
# statements (storage/asyncpg_direct.py).
POSTGRESQL_DRIVER = os.environ.get("BACKPATH_TEST_POSTGRESQL_DRIVER", "direct")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres-url",
        default=POSTGRES_URL,
        help="an admin URL of a PostgreSQL server (postgresql+asyncpg://...) to run the "
        "storage and end-to-end tests against as well; default: $BACKPATH_TEST_POSTGRES_URL",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite itself")
    config.addinivalue_line(
        "markers", "slow: starts real bot processes (tests/process); `-m 'not slow'` skips them"
    )

    config.addinivalue_line(
        "markers", "refused_calls: the test makes the fake Bot API refuse calls on purpose"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "process" in item.path.parts:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def telegram_refuses_nothing(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every conversation keeps Telegram's rules: no fake Bot API server (whoever started
    it) answered any of the bot's calls with HTTP 400."""
    before = len(FakeTelegram.every_refusal)
    yield
    refused = FakeTelegram.every_refusal[before:]
    if request.node.get_closest_marker("refused_calls") is None:
        assert refused == [], f"Telegram would refuse these calls: {refused}"


@pytest.fixture
def logging_restored() -> Iterator[None]:
    """For a test that runs `bot.__main__.main()` in this process: the logging set up
    there is undone afterwards, so the tests after it see the logging they set up."""
    import bot.logs

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    loggers = logging.Logger.manager.loggerDict
    levels = {n: x.level for n, x in loggers.items() if isinstance(x, logging.Logger)}
    given = dict(bot.logs._given)
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, logger in loggers.items():
        if isinstance(logger, logging.Logger):
            logger.setLevel(levels.get(name, logging.NOTSET))
    bot.logs._given.clear()
    bot.logs._given.update(given)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A new, empty database for each test: an SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'backpath.db'}"
        return
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about SQLite only")
    admin_url = request.config.getoption("--postgres-url")
    if not admin_url:
        pytest.skip("no PostgreSQL server: set BACKPATH_TEST_POSTGRES_URL or --postgres-url")
    async with fresh_postgres_database(admin_url) as url:
        yield url


@pytest.fixture
async def repository(database_url: str) -> AsyncIterator[StateRepository]:
    """The state repository on a migrated, empty database."""
    engine = create_engine(
        database_url, sqlite_driver=SQLITE_DRIVER, postgresql_driver=POSTGRESQL_DRIVER
    )
    await create_schema(engine)
    yield StateRepository(engine)
    await engine.dispose()


@asynccontextmanager
async def fresh_postgres_database(admin_url: str) -> AsyncIterator[str]:
    import asyncpg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    name = f"backpath_test_{uuid.uuid4().hex[:12]}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        try:
            await connection.execute(drop)
        except (asyncpg.InterfaceError, asyncpg.PostgresConnectionError, ConnectionError):
            # The server was restarted meanwhile (a fault drill): drop it anew.
            connection = await asyncpg.connect(dsn)
            await connection.execute(drop)
        await connection.close()


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def settings(telegram: FakeTelegram, database_url: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=telegram.token,
        telegram_api_base_url=telegram.base_url,
        database_url=database_url,
        sqlite_driver=SQLITE_DRIVER,
        postgresql_driver=POSTGRESQL_DRIVER,
        polling_timeout=1,
    )


RunningBot = Callable[..., AbstractAsyncContextManager[None]]


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sending retries back off for milliseconds instead of seconds."""
    import bot.telegram.retry

    monkeypatch.setattr(bot.telegram.retry, "FIRST_BACKOFF_SECONDS", 0.01)


@pytest.fixture
def running_bot(settings: Settings, telegram: FakeTelegram) -> RunningBot:
    """`async with running_bot():` serves the real application until the block ends."""

    @asynccontextmanager
    async def run(clock: Callable[[], datetime] = utcnow) -> AsyncIterator[None]:
        stop = asyncio.Event()
        polls_before = telegram.calls.count("getUpdates")
        task = asyncio.create_task(serve(settings, stop, clock))
        await telegram.wait_for(
            lambda: task.done() or telegram.calls.count("getUpdates") > polls_before
        )
        if task.done():
            task.result()  # re-raise the start-up failure
        try:
            yield
        finally:
            stop.set()
            await asyncio.wait_for(task, 15)

    return run


class Chat:
    """One user talking to the bot through the fake server."""

    def __init__(self, telegram: FakeTelegram, user_id: int) -> None:
        self.telegram = telegram
        self.user_id = user_id

    @property
    def received(self) -> list[SentMessage]:
        return self.telegram.messages_to(self.user_id)

    @property
    def last(self) -> SentMessage:
        return self.received[-1]

    def last_with_buttons(self) -> SentMessage:
        return next(m for m in reversed(self.received) if m.buttons)

    async def send(self, text: str, expect: int = 1) -> list[SentMessage]:
        """Send text; wait for `expect` new messages and return them."""
        before = len(self.received)
        await self.telegram.send_text(self.user_id, text)
        messages = await self.telegram.wait_for_messages(self.user_id, before + expect)
        return messages[before:]

    async def tap(
        self, label: str, message: SentMessage | None = None, expect: int = 1
    ) -> tuple[str | None, list[SentMessage]]:
        """Press a button by its label; the callback notice and the new messages."""
        message = message or self.last_with_buttons()
        before = len(self.received)
        query = await self.telegram.press(self.user_id, message, message.data_of(label))
        notice = await self.telegram.wait_for_answer(query)
        messages = await self.telegram.wait_for_messages(self.user_id, before + expect)
        return notice, messages[before:]

    async def answer_all(self, labels: list[str]) -> SentMessage:
        """Tap each label on the latest question in turn; the last message received."""
        for label in labels:
            await self.tap(label)
        return self.last


@pytest.fixture
def chat(telegram: FakeTelegram) -> Callable[[int], Chat]:
    return lambda user_id: Chat(telegram, user_id)
