"""Alembic owns the schema: head builds exactly what the models describe."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage.database import create_engine, create_schema
from storage.models import Base


async def test_an_empty_database_upgraded_to_head_matches_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    await create_schema(engine)
    await create_schema(engine)  # a second run finds nothing to do

    def differences(connection) -> list:  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    def tables(connection) -> set[str]:  # type: ignore[no-untyped-def]
        return set(inspect(connection).get_table_names())

    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []
        assert await connection.run_sync(tables) >= {
            "alembic_version", "assessments", "answers", "processed_updates", "reminders", "users"
        }  # fmt: skip
    await engine.dispose()


async def test_backpath_migrate_brings_a_database_up_to_date(tmp_path: Path) -> None:
    database = tmp_path / "fresh.db"
    env = os.environ | {"DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "migrate", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    assert "up to date" in out.decode()
    assert database.exists()
