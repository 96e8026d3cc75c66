"""The statements of a button press run straight on the on-loop SQLite driver
(storage/prepared.py): what they store and read must be what SQLAlchemy would (on
PostgreSQL: tests/storage/test_asyncpg_direct.py)."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError, OperationalError

from storage.database import create_engine, create_schema
from storage.models import AnswerRow, AnswerSource, Status
from storage.prepared import PreparedStatements, on_loop
from storage.repository import StateRepository
from tests.storage.ticker import LoopTicker

MOMENT = datetime(2026, 11, 29, 22, 45, 1, 123456, tzinfo=UTC)
USER = 7


async def _a_press_and_a_result(repository: StateRepository) -> None:
    """Every statement a button press runs, and a finished assessment."""
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, "4", "bowel_bladder")
    async with repository.transaction() as tx:
        assert await tx.claim_update(1001, USER)
        active = await tx.active_assessment(USER)
        assert active == started
        saved = await tx.save_progress(
            active,
            state="duration",
            answers={"bowel_bladder": "no", "note": 'ünïcode "quoted"'},
            history=["bowel_bladder"],
            answered=("bowel_bladder", "no"),
            typed="nope, nothing like that",
            source=AnswerSource.TYPED,
        )
    async with repository.transaction() as tx:
        assert await tx.claim_update(1002, USER)
        assert await tx.active_assessment(USER) == saved
        await tx.save_progress(
            saved, state="done", answers=saved.answers, history=[], referral="R3",
            answered=("duration", "under_6_weeks"),
        )  # fmt: skip


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("assessments", "answers", "processed_updates", "users")
        }


@pytest.mark.sqlite_only
async def test_the_direct_statements_store_exactly_what_sqlalchemy_stores(tmp_path: Path) -> None:
    stored = {}
    for driver in ("on-loop", "stock"):
        path = tmp_path / f"{driver}.db"
        engine = create_engine(f"sqlite:///{path}", sqlite_driver=driver)
        await create_schema(engine)
        await _a_press_and_a_result(StateRepository(engine, clock=lambda: MOMENT))
        await engine.dispose()
        stored[driver] = _rows(path)
    assert stored["on-loop"]["answers"][0][3:] == (
        "no", "2026-11-29 22:45:01.123456", "nope, nothing like that", "typed",
    )  # fmt: skip
    assert stored["on-loop"] == stored["stock"]


async def test_the_direct_load_reads_what_sqlalchemy_reads(repository: StateRepository) -> None:
    await _a_press_and_a_result(repository)
    async with repository.transaction() as tx:
        assert await tx.active_assessment(USER) is None  # finished, so not active
        finished = await tx.latest_finished(USER)  # read through SQLAlchemy
        await tx.set_language(USER, "es")
        started = await tx.start_assessment(USER, "4", "bowel_bladder")
    async with repository.transaction() as tx:
        assert await tx.language(USER) == "es"
        assert await tx.active_assessment(USER) == started
    assert finished is not None and finished.status == Status.FINISHED
    assert finished.answers == {"bowel_bladder": "no", "note": 'ünïcode "quoted"'}
    assert finished.finished_at is not None and finished.finished_at.tzinfo is UTC


@pytest.mark.sqlite_only
async def test_a_press_waits_asleep_for_another_writer_then_gives_up_as_sqlalchemy_does(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    holder, patient, impatient = (
        create_engine(url, busy_timeout_ms=ms) for ms in (5_000, 5_000, 50)
    )
    await create_schema(holder)

    async def claim(engine_of_press: object, update_id: int) -> bool:
        async with StateRepository(engine_of_press).transaction() as tx:  # type: ignore[arg-type]
            return await tx.claim_update(update_id, USER)

    try:
        async with LoopTicker() as loop, holder.begin() as connection:  # another process writes
            await connection.execute(text("CREATE TABLE t (n INTEGER)"))
            waiting = asyncio.create_task(claim(patient, 1))
            await asyncio.sleep(0.2)
            assert not waiting.done() and loop.ticks > 20  # waits; the loop keeps serving
            with pytest.raises(OperationalError, match="locked"):  # what the service catches
                await claim(impatient, 2)
        assert await asyncio.wait_for(waiting, 5)  # the lock is free: the claim goes in
        assert not await claim(impatient, 1)  # and it was committed once
    finally:
        for engine in (holder, patient, impatient):
            await engine.dispose()


@pytest.mark.sqlite_only
async def test_a_failing_statement_never_shows_the_users_words(tmp_path: Path) -> None:
    # Errors are logged; a statement's parameters hold what the user typed.
    words = "my legs went numb this morning"
    engine = create_engine(f"sqlite:///{tmp_path / 'words.db'}")
    await create_schema(engine)
    orphan = {"assessment_id": 999, "question_id": "bowel_bladder", "value": "yes",
              "typed": words, "answered_at": MOMENT}  # fmt: skip
    try:
        async with engine.begin() as connection:
            driver = (await connection.get_raw_connection()).dbapi_connection
            direct = on_loop(PreparedStatements(connection.dialect), driver)  # type: ignore[arg-type]
            with pytest.raises(IntegrityError) as straight:
                await direct(insert(AnswerRow.__table__), orphan)
            with pytest.raises(IntegrityError) as through_sqlalchemy:
                await connection.execute(insert(AnswerRow.__table__), orphan)
    finally:
        await engine.dispose()
    for error in (straight.value, through_sqlalchemy.value):
        assert "FOREIGN KEY" in str(error) and words not in str(error)
