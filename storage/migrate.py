"""Bring a database's schema to the newest Alembic revision."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant: replicas starting together on PostgreSQL take turns migrating.
_ADVISORY_LOCK = 0x6261636B70617468  # "backpath"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
    command.upgrade(alembic_config(connection), "head")


async def upgrade(engine: AsyncEngine) -> None:
    """Apply every pending migration in one transaction."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
    log.info("database schema is at the newest revision")
