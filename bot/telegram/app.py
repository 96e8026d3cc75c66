"""Builds the Telegram application and runs it, by long polling or behind a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder

from bot.config import Settings
from bot.core import metrics
from bot.core.commands import DESCRIPTIONS
from bot.core.health import CHECK_SECONDS, database_up
from bot.core.housekeeping import INTERVAL, Housekeeping
from bot.core.reminders import ReminderSender
from bot.core.replies import Message
from bot.core.service import TriageService, load_typed_text_reader
from bot.telegram.aiohttp_request import AiohttpRequest
from bot.telegram.api import send_text
from bot.telegram.handlers import add_handlers
from bot.telegram.retry import with_retry
from bot.telegram.updates import UpdateReadingBot
from bot.telegram.web import HealthCheck, web_app
from bot.ui.i18n import DEFAULT, LANGUAGES, _, language
from storage.database import create_schema
from storage.models import utcnow
from storage.repository import StateRepository

log = logging.getLogger(__name__)

# Housekeeping runs soon after start, then hourly.
HOUSEKEEPING_FIRST_RUN = timedelta(seconds=1)

# A few keep-alive connections serve many concurrent updates better than PTB's 256.
HTTP_POOL_SIZE = 16

# Updates of different users run in parallel; one user's stay in order (TriageService).
# More slots than users pressing at once: at 64, with 100 users, the wait for a free slot
# was unfair (p50 0.13 s but p99 1.39 s); at 256 p99 is 0.57 s at the same throughput.
CONCURRENT_UPDATES = 256


def build_application(
    settings: Settings,
    service: TriageService,
    housekeeping: Housekeeping,
    repository: StateRepository,
    clock: Callable[[], datetime] = utcnow,
) -> Application:  # type: ignore[type-arg]
    polling = AiohttpRequest(connection_pool_size=1)
    bot = UpdateReadingBot(
        settings.require_token(),
        base_url=settings.telegram_api_base_url,
        request=AiohttpRequest(connection_pool_size=HTTP_POOL_SIZE),
        get_updates_request=polling,
        polling_read_timeout=polling.read_timeout or 0,
    )
    application = ApplicationBuilder().bot(bot).concurrent_updates(CONCURRENT_UPDATES).build()
    add_handlers(application, service)
    assert application.job_queue is not None  # installed with the job-queue extra

    async def clean_up(_context: object) -> None:
        await housekeeping.run()

    application.job_queue.run_repeating(
        clean_up, interval=INTERVAL, first=HOUSEKEEPING_FIRST_RUN, name="housekeeping"
    )

    async def send(user_id: int, message: Message) -> None:
        await with_retry(lambda: send_text(application.bot, user_id, message))

    reminders = ReminderSender(repository, send, clock)

    async def send_due_reminders(_context: object) -> None:
        await reminders.run()

    application.job_queue.run_repeating(
        send_due_reminders, interval=settings.reminder_check_seconds, first=1, name="reminders"
    )
    return application


async def serve(
    settings: Settings,
    stop: asyncio.Event | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> None:
    """Run the bot until `stop` is set or SIGINT/SIGTERM arrives: long polling, or a
    webhook server with `BOT_MODE=webhook`.

    Raises ConfigError, DatabaseUnavailable, TokenRejected or TelegramUnreachable before
    serving anything if a setting, the database, the token or Telegram is unusable.
    """
    if settings.bot_mode == "webhook":
        settings.require_webhook()  # before any database or network work
    stop = stop or _stop_on_signals()
    engine = settings.create_engine()
    try:
        await create_schema(engine, migrate=settings.auto_migrate)
        load_typed_text_reader()
        repository = StateRepository(engine, clock)
        housekeeping = Housekeeping(repository, timedelta(days=settings.retention_days), clock)
        service = TriageService(
            repository,
            retention_days=settings.retention_days,
            emergency_number=settings.emergency_number,
            now=clock,
        )
        application = build_application(settings, service, housekeeping, repository, clock)
        # What start-up made (modules, the reader's tables and patterns: about 140,000
        # objects) lives as long as the process; kept out of the collector's view, a full
        # collection no longer walks them all (about 70 ms each, a stall for every user).
        gc.freeze()

        async def database_reachable() -> bool:
            return await database_up(engine)

        async def check_database(_context: object) -> None:
            await database_reachable()

        assert application.job_queue is not None
        application.job_queue.run_repeating(
            check_database, interval=CHECK_SECONDS, first=CHECK_SECONDS, name="database check"
        )
        metrics.started(settings.bot_mode)

        try:
            async with _telegram_errors(), application:
                await _set_command_menus(application)
                await application.start()
                try:
                    if settings.bot_mode == "webhook":
                        await _serve_webhook(settings, application, database_reachable, stop)
                    else:
                        await _serve_polling(settings, application, database_reachable, stop)
                finally:
                    log.info("stopping")
                    if application.running:
                        await application.stop()
        finally:
            # When start-up fails half-way (getMe refused or unreachable), PTB skips the
            # bot's shutdown and would leave its HTTP sessions open; this one is idempotent.
            await application.bot.shutdown()
    finally:
        await engine.dispose()


class TokenRejected(RuntimeError):
    """Telegram refused the bot token (getMe)."""


class TelegramUnreachable(RuntimeError):
    """The Bot API could not be reached at start-up."""


@contextlib.asynccontextmanager
async def _telegram_errors() -> AsyncIterator[None]:
    """PTB's start-up errors as BackPath's own, so that only this package knows PTB."""
    try:
        yield
    except InvalidToken:
        raise TokenRejected from None
    except NetworkError as error:
        raise TelegramUnreachable(str(error)) from None


async def _serve_polling(
    settings: Settings,
    application: Application,  # type: ignore[type-arg]
    health: HealthCheck,
    stop: asyncio.Event,
) -> None:
    assert application.updater is not None
    # Pending updates are kept: presses sent while the bot was down still count.
    await application.updater.start_polling(
        timeout=settings.polling_timeout,
        allowed_updates=Update.ALL_TYPES,
        drop_pending_updates=False,
    )
    log.info("BackPath is polling for updates")
    try:
        if settings.metrics_port is None:
            await stop.wait()
        else:
            server = _http_server(web_app(health), settings.webhook_listen, settings.metrics_port)
            await _until_stopped(server, stop)
    finally:
        if application.updater.running:
            await application.updater.stop()


async def _serve_webhook(
    settings: Settings,
    application: Application,  # type: ignore[type-arg]
    health: HealthCheck,
    stop: asyncio.Event,
) -> None:
    url, secret = settings.require_webhook()
    app = web_app(health, application, urlsplit(url).path or "/", secret)
    server = _http_server(app, settings.webhook_listen, settings.webhook_port)
    await application.bot.set_webhook(url, secret_token=secret, allowed_updates=Update.ALL_TYPES)
    log.info("BackPath serves its webhook on port %s", settings.webhook_port)
    await _until_stopped(server, stop)


# On SIGTERM (a deploy) the server stops taking requests and finishes the ones it holds
# for at most this long: inside the 10 s a container runtime waits before SIGKILL.
GRACE_SECONDS = 8


def _http_server(app: Starlette, host: str, port: int) -> uvicorn.Server:
    # log_config=None: uvicorn's lines go through our handlers (format, token filter).
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", lifespan="off", log_config=None,
        timeout_graceful_shutdown=GRACE_SECONDS,
    )  # fmt: skip
    return uvicorn.Server(config)


async def _until_stopped(server: uvicorn.Server, stop: asyncio.Event) -> None:
    """Serve HTTP until `stop` is set or the server ends (uvicorn handles SIGTERM too)."""
    serving = asyncio.create_task(server.serve())
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    stopping.cancel()
    await serving


async def _set_command_menus(application: Application) -> None:  # type: ignore[type-arg]
    """Telegram's command menu in every language (the default one in English)."""
    for code in LANGUAGES:
        with language(code):
            commands = [BotCommand(name, _(description)) for name, description in DESCRIPTIONS]
        try:
            await application.bot.set_my_commands(
                commands, language_code=None if code == DEFAULT else code
            )
        except TelegramError as error:
            # The menu is a convenience: the commands work without it.
            log.warning("command menu (%s) not set: %s", code, type(error).__name__)


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    return stop
