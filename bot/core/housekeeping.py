"""The periodic clean-up: stale unfinished assessments and old processed-update records."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.models import utcnow
from storage.repository import StateRepository

log = logging.getLogger(__name__)

# Telegram keeps an unconfirmed update for at most 24 hours, so a redelivery older than
# two days cannot happen; their ids need not be remembered longer.
PROCESSED_UPDATES_WINDOW = timedelta(hours=48)
INTERVAL = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Housekeeping:
    repository: StateRepository
    retention: timedelta
    now: Callable[[], datetime] = utcnow

    async def run(self) -> tuple[int, int]:
        """Delete what is past its time; (assessments purged, update records pruned)."""
        now = self.now()
        async with self.repository.transaction() as tx:
            purged = await tx.purge_unfinished(untouched_since=now - self.retention)
            pruned = await tx.prune_processed_updates(older_than=now - PROCESSED_UPDATES_WINDOW)
        log.info("housekeeping: %d stale assessments purged, %d update ids pruned", purged, pruned)
        return purged, pruned
