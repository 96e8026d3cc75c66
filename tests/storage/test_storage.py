"""The state repository against a real SQLite file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.database import DatabaseUnavailable, create_engine, create_schema
from storage.models import Status
from storage.repository import ConcurrentUpdate, StateRepository
from tests.conftest import SQLITE_DRIVER
from tests.storage.ticker import LoopTicker

USER = 42


@pytest.mark.sqlite_only
async def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(repository: StateRepository) -> None:
    async with repository.engine.connect() as connection:
        assert (await connection.scalar(text("PRAGMA journal_mode"))) == "wal"
        busy_timeout = await connection.scalar(text("PRAGMA busy_timeout"))
    if SQLITE_DRIVER == "on-loop":  # the driver waits itself, asleep, not SQLite on the loop
        assert busy_timeout == 0
        assert repository.engine.dialect.dbapi.busy_timeout_ms == 5000  # type: ignore[union-attr]
    else:
        assert busy_timeout == 5000


@pytest.mark.sqlite_only
async def test_the_sqlite_driver_returns_rows_counts_and_errors(
    repository: StateRepository,
) -> None:
    # storage/sqlite_driver.py runs each statement start to finish at once; everything a
    # DBAPI cursor reports must still come back.
    async with repository.engine.begin() as connection:
        await connection.execute(text("CREATE TEMP TABLE t (n INTEGER PRIMARY KEY)"))
        await connection.execute(
            text("INSERT INTO t (n) VALUES (:n)"), [{"n": i} for i in (1, 2, 3)]
        )
        assert (await connection.execute(text("DELETE FROM t WHERE n > 1"))).rowcount == 2
        assert (await connection.execute(text("SELECT n FROM t"))).scalars().all() == [1]
        assert (await connection.execute(text("SELECT n FROM t WHERE n = 9"))).first() is None
        with pytest.raises(IntegrityError):
            await connection.execute(text("INSERT INTO t (n) VALUES (1)"))


@pytest.mark.sqlite_only
async def test_a_transaction_begins_with_its_first_statement(repository: StateRepository) -> None:
    # BEGIN IMMEDIATE travels with the first statement; a transaction that runs none must
    # leave nothing pending for the next one.
    if SQLITE_DRIVER != "on-loop":
        pytest.skip("about the on-loop driver")
    async with repository.engine.begin():
        pass
    async with repository.engine.begin() as connection:
        await connection.execute(text("CREATE TEMP TABLE t (n INTEGER)"))
        await connection.execute(text("INSERT INTO t VALUES (1)"))
        assert connection.sync_connection.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    async with repository.engine.connect() as connection:
        assert (await connection.execute(text("SELECT n FROM t"))).scalar_one() == 1
        await connection.rollback()
        assert not connection.sync_connection.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]


async def test_progress_is_kept_across_engines(repository: StateRepository, database_url: str):
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, "1", "bowel_bladder")
        await tx.save_progress(
            started,
            state="leg_weakness",
            answers={"bowel_bladder": "no"},
            history=["bowel_bladder"],
            answered=("bowel_bladder", "no"),
        )
    await repository.engine.dispose()

    reopened = create_engine(database_url)
    async with StateRepository(reopened).transaction() as tx:
        active = await tx.active_assessment(USER)
        assert active is not None
        trail = await tx.answer_trail(active.id)
    await reopened.dispose()
    assert (active.state, dict(active.answers), active.history) == (
        "leg_weakness",
        {"bowel_bladder": "no"},
        ("bowel_bladder",),
    )
    assert active.version == 2
    assert active.started_at.tzinfo is not None
    assert [(a.question_id, a.value) for a in trail] == [("bowel_bladder", "no")]


async def test_finishing_records_the_referral(repository: StateRepository) -> None:
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, "1", "bowel_bladder")
        await tx.save_progress(
            started, state="done", answers={"bowel_bladder": "yes"}, history=[], referral="R1"
        )
    async with repository.transaction() as tx:
        assert await tx.active_assessment(USER) is None
        finished = await tx.latest_finished(USER)
    assert finished is not None
    assert (finished.status, finished.referral) == (Status.FINISHED, "R1")
    assert finished.finished_at is not None


async def test_a_stale_version_loses_the_compare_and_set(repository: StateRepository) -> None:
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, "1", "a")
        await tx.save_progress(started, state="b", answers={}, history=[])
    with pytest.raises(ConcurrentUpdate):
        async with repository.transaction() as tx:
            await tx.save_progress(started, state="c", answers={}, history=[])
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
    assert active is not None and active.state == "b"


async def test_an_update_is_claimed_once(repository: StateRepository) -> None:
    async with repository.transaction() as tx:
        assert await tx.claim_update(7, USER)
    async with repository.transaction() as tx:
        assert not await tx.claim_update(7, USER)
        assert await tx.claim_update(8, USER)


async def test_a_claim_rolls_back_with_its_transaction(repository: StateRepository) -> None:
    with pytest.raises(RuntimeError):
        async with repository.transaction() as tx:
            await tx.claim_update(9, USER)
            raise RuntimeError("handler failed")
    async with repository.transaction() as tx:
        assert await tx.claim_update(9, USER)


async def test_a_cancelled_event_leaves_nothing_open(repository: StateRepository) -> None:
    # A task cancelled mid-transaction (a shutdown, a timeout) must hand its connection
    # back rolled back: SQLite has one pooled connection, so the next event would hang.
    claimed = asyncio.Event()

    async def stuck() -> None:
        async with repository.transaction() as tx:
            await tx.claim_update(10, USER)
            claimed.set()
            await asyncio.Event().wait()

    task = asyncio.create_task(stuck())
    await claimed.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with asyncio.timeout(10), repository.transaction() as tx:
        assert await tx.claim_update(10, USER)


async def test_only_one_active_assessment_per_user(repository: StateRepository) -> None:
    async with repository.transaction() as tx:
        first = await tx.start_assessment(USER, "1", "a")
        second = await tx.start_assessment(USER, "1", "a")  # replaces the first
        assert second.id > first.id
        assert (await tx.active_assessment(USER)).id == second.id  # type: ignore[union-attr]
    with pytest.raises(IntegrityError):
        async with repository.transaction() as tx:
            await tx._connection.execute(
                text(
                    "INSERT INTO assessments (user_id, flow_version, state, answers, history,"
                    " status, version, started_at, updated_at) VALUES (:u, '1', 'a', '{}',"
                    " '[]', 'active', 1, '2026-01-01', '2026-01-01')"
                ),
                {"u": USER},
            )


async def test_ids_of_deleted_assessments_are_never_reused(repository: StateRepository) -> None:
    async with repository.transaction() as tx:
        first = await tx.start_assessment(USER, "1", "a")
        await tx.discard_active(USER)
        second = await tx.start_assessment(USER, "1", "a")
    assert second.id != first.id


async def test_delete_user_leaves_no_row_about_them(repository: StateRepository) -> None:
    async with repository.transaction() as tx:
        done = await tx.start_assessment(USER, "1", "a")
        await tx.save_progress(
            done, state="done", answers={}, history=[], answered=("a", "yes"), referral="R1"
        )
        active = await tx.start_assessment(USER, "1", "a")
        await tx.save_progress(active, state="b", answers={}, history=[], answered=("a", "no"))
        await tx.claim_update(1, USER)
        other = await tx.start_assessment(USER + 1, "1", "a")
        await tx.claim_update(2, USER + 1)
        assert await tx.count_rows_about(USER) == 5
    async with repository.transaction() as tx:
        assert await tx.delete_user(USER) == 2
    async with repository.transaction() as tx:
        assert await tx.count_rows_about(USER) == 0
        assert (await tx.active_assessment(USER + 1)).id == other.id  # type: ignore[union-attr]
        assert await tx.count_rows_about(USER + 1) == 2


async def test_concurrent_writers_queue_instead_of_failing(repository: StateRepository) -> None:
    async def start(user: int) -> None:
        async with repository.transaction() as tx:
            await tx.claim_update(user, user)
            await tx.start_assessment(user, "1", "a")

    await asyncio.gather(*(start(user) for user in range(50)))
    async with repository.transaction() as tx:
        assert all([await tx.active_assessment(user) for user in range(50)])


async def test_an_unusable_database_is_reported_in_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/missing/dir/x.db")
    with pytest.raises(DatabaseUnavailable) as caught:
        await create_schema(engine)
    await engine.dispose()
    assert "\n" not in str(caught.value)
    assert "unable to open database file" in str(caught.value)


async def test_purge_removes_only_stale_unfinished_assessments(
    repository: StateRepository,
) -> None:
    from datetime import timedelta

    from storage.models import utcnow

    long_ago = StateRepository(repository.engine, lambda: utcnow() - timedelta(days=100))
    async with long_ago.transaction() as tx:
        stale = await tx.start_assessment(1, "1", "a")
        await tx.save_progress(stale, state="b", answers={}, history=[], answered=("a", "no"))
        finished = await tx.start_assessment(3, "1", "a")
        await tx.save_progress(finished, state="done", answers={}, history=[], referral="R3")
    async with repository.transaction() as tx:
        await tx.start_assessment(2, "1", "a")  # recent
        await tx.claim_update(1, 1)
    async with repository.transaction() as tx:
        assert await tx.purge_unfinished(untouched_since=utcnow() - timedelta(days=90)) == 1
        assert await tx.prune_processed_updates(older_than=utcnow() - timedelta(hours=1)) == 0
        assert await tx.prune_processed_updates(older_than=utcnow() + timedelta(seconds=1)) == 1
    async with repository.transaction() as tx:
        assert await tx.count_rows_about(1) == 0
        assert await tx.active_assessment(2) is not None
        assert await tx.latest_finished(3) is not None


def test_the_on_loop_driver_falls_back_to_the_stock_adapter_when_a_library_changed(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection

    from storage import database

    monkeypatch.delattr(AsyncAdapt_dbapi_connection, "_handle_exception")
    database._log_stock_driver_once.cache_clear()
    engine = database.create_engine(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    assert engine.dialect.dbapi.__class__.__name__ != "OnLoopDBAPI"
    assert "stock aiosqlite adapter" in caplog.text and "_handle_exception" in caplog.text


@pytest.mark.sqlite_only
async def test_a_write_waits_for_another_writers_lock_without_blocking_the_loop(
    tmp_path: Path,
) -> None:
    if SQLITE_DRIVER != "on-loop":
        pytest.skip("about the on-loop driver")
    from sqlalchemy.exc import OperationalError

    url = f"sqlite+aiosqlite:///{tmp_path / 'locked.db'}"
    holder, waiter, impatient = (
        create_engine(url, busy_timeout_ms=ms) for ms in (5_000, 5_000, 50)
    )
    async with holder.begin() as connection:
        await connection.execute(text("CREATE TABLE t (n INTEGER)"))
    try:
        async with LoopTicker() as loop, holder.begin() as connection:  # holds the write lock...
            await connection.execute(text("INSERT INTO t VALUES (1)"))

            async def write() -> None:
                async with waiter.begin() as other:
                    await other.execute(text("INSERT INTO t VALUES (2)"))

            waiting = asyncio.create_task(write())
            await asyncio.sleep(0.2)
            assert not waiting.done()  # ...so the other write waits...
            assert loop.ticks > 20  # ...asleep: the loop kept serving everything else
            with pytest.raises(OperationalError, match="locked"):
                async with impatient.begin() as other:  # a short busy timeout gives up
                    await other.execute(text("INSERT INTO t VALUES (3)"))
        await asyncio.wait_for(waiting, 5)  # the lock is free: the waiting write goes in
        async with holder.connect() as connection:
            rows = (await connection.execute(text("SELECT n FROM t ORDER BY n"))).scalars()
            assert rows.all() == [1, 2]
    finally:
        for engine in (holder, waiter, impatient):
            await engine.dispose()


def test_every_kind_of_busy_is_waited_for_and_nothing_else() -> None:
    import sqlite3

    from storage.sqlite_driver import _is_busy

    def error(code: int) -> sqlite3.OperationalError:
        raised = sqlite3.OperationalError("database is locked")
        raised.sqlite_errorcode = code  # type: ignore[attr-defined]
        return raised

    busy_recovery, locked_sharedcache, constraint_primarykey = 261, 262, 1555
    assert _is_busy(error(sqlite3.SQLITE_BUSY)) and _is_busy(error(busy_recovery))
    assert _is_busy(error(locked_sharedcache))
    assert not _is_busy(error(constraint_primarykey))
    assert not _is_busy(sqlite3.OperationalError("no such table: t"))


async def test_two_processes_starting_for_one_user_at_once_lose_like_a_stale_version(
    repository: StateRepository, database_url: str
) -> None:
    """Two replicas, each handling a /start of the same user: the one that inserts second
    is told it lost a concurrent write (and runs again), not that the database broke."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite's BEGIN IMMEDIATE runs the second start after the first")
    other_process = StateRepository(create_engine(database_url))

    async def start_in_the_other_process() -> None:
        async with other_process.transaction() as tx:
            await tx.start_assessment(USER, "1", "b")

    try:
        async with repository.transaction() as tx:
            await tx.start_assessment(USER, "1", "a")
            racing = asyncio.create_task(start_in_the_other_process())
            async with repository.engine.connect() as look:
                waiting = text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                )
                for _ in range(1000):  # until the other insert waits on this one's row
                    if (await look.execute(waiting)).scalar():
                        break
                    await asyncio.sleep(0.01)
        with pytest.raises(ConcurrentUpdate):
            await racing
        async with repository.transaction() as tx:
            active = await tx.active_assessment(USER)
        assert active is not None and active.state == "a"
    finally:
        await other_process.engine.dispose()
