"""Builds the Telegram application and runs it with long polling until a stop signal."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from datetime import datetime, timedelta

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder

from bot import texts
from bot.config import Settings
from bot.handlers import add_handlers
from bot.housekeeping import INTERVAL, Housekeeping
from bot.i18n import DEFAULT, LANGUAGES, _, language
from bot.keyboards import inline_keyboard
from bot.reminders import ReminderSender
from bot.replies import Message
from bot.retry import with_retry
from bot.service import TriageService
from storage.database import create_engine, create_schema
from storage.models import utcnow
from storage.repository import StateRepository

log = logging.getLogger(__name__)

# Housekeeping runs soon after start, then hourly.
HOUSEKEEPING_FIRST_RUN = timedelta(seconds=1)

# Updates of different users run in parallel; one user's stay in order (TriageService).
CONCURRENT_UPDATES = 64


def build_application(
    settings: Settings,
    service: TriageService,
    housekeeping: Housekeeping,
    repository: StateRepository,
    clock: Callable[[], datetime] = utcnow,
) -> Application:  # type: ignore[type-arg]
    application = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.telegram_api_base_url)
        .concurrent_updates(CONCURRENT_UPDATES)
        .build()
    )
    add_handlers(application, service)
    assert application.job_queue is not None  # installed with the job-queue extra

    async def clean_up(_context: object) -> None:
        await housekeeping.run()

    application.job_queue.run_repeating(
        clean_up, interval=INTERVAL, first=HOUSEKEEPING_FIRST_RUN, name="housekeeping"
    )

    async def send(user_id: int, message: Message) -> None:
        await with_retry(
            lambda: application.bot.send_message(
                user_id,
                message.text,
                parse_mode=ParseMode.HTML,
                reply_markup=inline_keyboard(message.buttons),
            )
        )

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
    """Run the bot with long polling until `stop` is set or SIGINT/SIGTERM arrives.

    Raises DatabaseUnavailable or telegram.error.InvalidToken before serving anything if
    the database or the token is unusable.
    """
    stop = stop or _stop_on_signals()
    engine = create_engine(settings.database_url, busy_timeout_ms=settings.database_busy_timeout_ms)
    try:
        await create_schema(engine, migrate=settings.auto_migrate)
        repository = StateRepository(engine)
        housekeeping = Housekeeping(repository, timedelta(days=settings.retention_days), clock)
        service = TriageService(repository, retention_days=settings.retention_days, now=clock)
        application = build_application(settings, service, housekeeping, repository, clock)
        async with application:
            await _set_command_menus(application)
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


async def _set_command_menus(application: Application) -> None:  # type: ignore[type-arg]
    """Telegram's command menu in every language (the default one in English)."""
    for code in LANGUAGES:
        with language(code):
            commands = [BotCommand(name, _(description)) for name, description in texts.COMMANDS]
        await application.bot.set_my_commands(
            commands, language_code=None if code == DEFAULT else code
        )


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    return stop
