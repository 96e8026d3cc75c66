"""Whether the database answers now, kept in the `backpath_database_up` gauge.

/healthz asks it, and so does a job every `CHECK_SECONDS`: a polling bot that no load
balancer probes has the gauge too. A slow answer counts as none
(`storage.database.HEALTH_CHECK_SECONDS`).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core import metrics
from storage.database import database_is_reachable

CHECK_SECONDS = 15.0


async def database_up(engine: AsyncEngine) -> bool:
    """True if a trivial query succeeds in time; the gauge says the same."""
    up = await database_is_reachable(engine)
    metrics.database_checked(up)
    return up
