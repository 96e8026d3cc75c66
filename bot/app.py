"""Builds the Telegram application and runs it with long polling until a stop signal."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from telegram import Update
from telegram.ext import Application, ApplicationBuilder

from bot.config import Settings
from bot.handlers import add_handlers
from bot.service import TriageService
from storage.database import create_engine, create_schema
from storage.repository import StateRepository

log = logging.getLogger(__name__)

# Updates of different users run in parallel; one user's stay in order (TriageService).
CONCURRENT_UPDATES = 64


def build_application(settings: Settings, service: TriageService) -> Application:  # type: ignore[type-arg]
    application = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.telegram_api_base_url)
        .concurrent_updates(CONCURRENT_UPDATES)
        .build()
    )
    add_handlers(application, service)
    return application


async def serve(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Run the bot with long polling until `stop` is set or SIGINT/SIGTERM arrives.

    Raises DatabaseUnavailable or telegram.error.InvalidToken before serving anything if
    the database or the token is unusable.
    """
    stop = stop or _stop_on_signals()
    engine = create_engine(settings.database_url, busy_timeout_ms=settings.database_busy_timeout_ms)
    try:
        await create_schema(engine)
        application = build_application(settings, TriageService(StateRepository(engine)))
        async with application:
            await application.start()
            assert application.updater is not None
            # Pending updates are kept: presses sent while the bot was down still count.
            await application.updater.start_polling(
                timeout=settings.polling_timeout,
                allowed_updates=Update.ALL_TYPES,
                drop_pending_updates=False,
            )
            log.info("BackPath is polling for updates")
            try:
                await stop.wait()
            finally:
                log.info("stopping")
                if application.updater.running:
                    await application.updater.stop()
                if application.running:
                    await application.stop()
    finally:
        await engine.dispose()


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    return stop
