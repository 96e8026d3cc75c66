"""Storage benchmark: one load-transition-commit with a million assessments in SQLite."""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from flows import machine
from storage.database import create_engine, create_schema
from storage.repository import StateRepository

SAMPLES = 2_000


def _fill(path: Path, rows: int) -> None:
    """Bulk-insert `rows` assessments (a tenth unfinished), fast, outside the bot's code."""
    now = datetime.now(UTC).isoformat(sep=" ")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    batch = []
    for user in range(1, rows + 1):
        active = user % 10 == 0
        batch.append((
            user, machine.FLOW_VERSION, machine.FIRST_QUESTION if active else "done", "{}", "[]",
            "active" if active else "finished", None if active else "R3", 1, now, now,
            None if active else now,
        ))  # fmt: skip
        if len(batch) == 50_000:
            _insert(connection, batch)
            batch = []
    if batch:
        _insert(connection, batch)
    connection.close()


def _insert(connection: sqlite3.Connection, batch: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO assessments (user_id, flow_version, state, answers, history, status,"
        " referral, version, started_at, updated_at, finished_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
    connection.commit()


async def storage_run(path: Path, rows: int) -> dict[str, float]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await create_schema(engine)
    started = time.perf_counter()
    _fill(path, rows)
    print(f"  storage: {rows} assessments written in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)  # fmt: skip
    repository = StateRepository(engine)
    active_users = list(range(10, rows + 1, 10))
    timings = []
    for user in random.Random(1).sample(active_users, min(SAMPLES, len(active_users))):
        began = time.perf_counter()
        async with repository.transaction() as tx:
            stored = await tx.active_assessment(user)
            assert stored is not None
            snapshot = machine.Snapshot(stored.state, stored.answers, stored.history)
            after = machine.answer(snapshot, snapshot.state, "no")
            await tx.save_progress(
                stored, state=after.state, answers=after.answers, history=after.history,
                answered=(snapshot.state, "no"),
            )  # fmt: skip
        timings.append(time.perf_counter() - began)
    await engine.dispose()
    timings.sort()
    return {
        "storage_assessments": float(rows),
        "storage_p50_ms": 1000 * statistics.median(timings),
        "storage_p99_ms": 1000 * timings[int(len(timings) * 0.99)],
    }
