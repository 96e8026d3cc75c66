"""Alembic owns the schema: head builds exactly what the models describe."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from storage.database import create_engine, create_schema
from storage.migrate import alembic_config
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


async def test_the_clinic_numbers_migration_keeps_what_is_known_of_existing_rows(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(
            lambda sync: command.upgrade(alembic_config(sync), "5c1d2e7a9b30")
        )
        started = datetime(2026, 11, 30, 10, tzinfo=UTC)
        for user_id, language in ((1, "ru"), (2, None)):
            if language:
                await connection.execute(
                    text("INSERT INTO users VALUES (:u, :l, :t)"),
                    {"u": user_id, "l": language, "t": started},
                )
            await connection.execute(
                text(
                    "INSERT INTO assessments (id, user_id, flow_version, state, answers, history,"
                    " status, referral, version, started_at, updated_at) VALUES (:u, :u, '6',"
                    " 'trauma', '{}', '[]', 'active', NULL, 1, :t, :t)"
                ),
                {"u": user_id, "t": started},
            )
        await connection.execute(
            text(
                "INSERT INTO answers (assessment_id, question_id, value, typed, answered_at)"
                " VALUES (1, 'bowel_bladder', 'no', NULL, :t),"
                " (1, 'leg_weakness', 'no', 'nope', :t)"
            ),
            {"t": started},
        )
    await create_schema(engine)
    async with engine.connect() as connection:
        languages = (
            await connection.execute(text("SELECT id, language FROM assessments ORDER BY id"))
        ).all()
        sources = (
            await connection.execute(text("SELECT question_id, source FROM answers ORDER BY id"))
        ).all()
        counts = (
            await connection.execute(
                text("SELECT day, language, name, count FROM daily_counts ORDER BY language")
            )
        ).all()
    await engine.dispose()
    assert [tuple(r) for r in languages] == [(1, "ru"), (2, None)]
    assert [tuple(r) for r in sources] == [("bowel_bladder", "button"), ("leg_weakness", "typed")]
    assert [(str(d)[:10], lang, name, n) for d, lang, name, n in counts] == [
        ("2026-11-30", "", "started", 1), ("2026-11-30", "ru", "started", 1)
    ]  # fmt: skip
