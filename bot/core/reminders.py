"""Sends the follow-up questions that have fallen due (a job run every minute)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.core.replies import Message
from bot.ui import render
from bot.ui.i18n import language
from storage.models import utcnow
from storage.repository import StateRepository

log = logging.getLogger(__name__)

# Telegram allows about 30 messages a second in bulk; stay well below it.
SECONDS_BETWEEN_SENDS = 0.05
BATCH = 50

Send = Callable[[int, Message], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ReminderSender:
    repository: StateRepository
    send: Send
    now: Callable[[], datetime] = utcnow

    async def run(self) -> int:
        """Send every due reminder once; the number sent."""
        sent = 0
        while True:
            # Marked sent in their own transaction before sending: a crash loses a
            # reminder instead of sending it twice, and another replica skips them.
            async with self.repository.transaction() as tx:
                due = await tx.claim_due_reminders(self.now(), BATCH)
            for reminder in due:
                try:
                    with language(reminder.language):
                        message = render.follow_up_message(reminder.id)
                    await self.send(reminder.user_id, message)
                    sent += 1
                except Exception as error:  # one blocked user must not stop the others
                    log.warning("reminder %s not delivered: %s", reminder.id, type(error).__name__)
                await asyncio.sleep(SECONDS_BETWEEN_SENDS)
            if len(due) < BATCH:
                return sent
