"""What every use case works with: one user's event inside its open transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.core.metrics import Tally
from bot.core.replies import Reply
from flows import machine
from storage.repository import StoredAssessment, Transaction

# Someone who comes back after this long is asked whether to resume or start over,
# rather than being told to use the buttons.
RESUME_OFFER_AFTER = timedelta(minutes=30)


class Channel(StrEnum):
    """Where the user reads the replies: a few texts differ (reminders come only in
    Telegram)."""

    TELEGRAM = "telegram"
    CONSOLE = "console"


@dataclass(frozen=True, slots=True)
class Event:
    tx: Transaction
    user_id: int
    now: datetime
    retention_days: int
    # When this process started: an assessment last touched before it gets the resume
    # offer, since the user may not have seen the bot answer their last press.
    process_started: datetime
    # The local emergency number the operator set ("" names none: "emergency services").
    emergency_number: str = ""
    channel: Channel = Channel.TELEGRAM
    # What the event did to assessments, counted once the transaction has committed.
    tally: Tally = field(default_factory=Tally)

    def is_returning(self, active: StoredAssessment) -> bool:
        """Whether the user comes back to `active` after a pause (or a restart)."""
        return (
            active.updated_at < self.process_started
            or self.now - active.updated_at > RESUME_OFFER_AFTER
        )


def snapshot(stored: StoredAssessment) -> machine.Snapshot:
    return machine.Snapshot(stored.state, stored.answers, stored.history)


UseCase = Callable[[Event], Awaitable[Reply]]
