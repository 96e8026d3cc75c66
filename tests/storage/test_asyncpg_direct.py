"""The statements of a button press run straight on asyncpg (storage/asyncpg_direct.py):
what they store and read, the errors they raise and the row counts the compare-and-set
relies on must be SQLAlchemy's own."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy import event, insert
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import asyncpg_direct
from storage.asyncpg_direct import on_asyncpg, runs_direct
from storage.database import POSTGRESQL_POOL_SIZE, create_engine, create_schema, unavailable
from storage.models import AnswerRow
from storage.prepared import PreparedStatements
from storage.repository import ConcurrentUpdate, StateRepository, StoredAssessment
from tests.conftest import fresh_postgres_database
from tests.storage.test_prepared import MOMENT, USER, _a_press_and_a_result

DRIVERS = ("direct", "stock")
TABLES = ("assessments", "answers", "processed_updates", "users", "daily_counts")


@pytest.fixture
async def admin_url(request: pytest.FixtureRequest) -> str:
    url: str = request.config.getoption("--postgres-url")
    if not url:
        pytest.skip("no PostgreSQL server: set BACKPATH_TEST_POSTGRES_URL or --postgres-url")
    return url


@pytest.fixture
async def engines(admin_url: str) -> AsyncIterator[dict[str, AsyncEngine]]:
    """A migrated, empty database for each way of running the statements."""
    made = {}
    async with fresh_postgres_database(admin_url) as one, fresh_postgres_database(admin_url) as two:
        for driver, url in zip(DRIVERS, (one, two), strict=True):
            made[driver] = create_engine(url, postgresql_driver=driver)
            await create_schema(made[driver])
        try:
            yield made
        finally:
            for engine in made.values():
                await engine.dispose()


def plain_dsn(engine: AsyncEngine) -> str:
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


async def stored_rows(engine: AsyncEngine) -> dict[str, list[tuple[object, ...]]]:
    connection = await asyncpg.connect(plain_dsn(engine))
    try:
        return {
            table: [tuple(r) for r in await connection.fetch(f"SELECT * FROM {table} ORDER BY 1")]
            for table in TABLES
        }
    finally:
        await connection.close()


async def test_the_direct_statements_store_and_read_exactly_what_sqlalchemy_does(
    engines: dict[str, AsyncEngine],
) -> None:
    assert runs_direct(engines["direct"]) and not runs_direct(engines["stock"])
    stored, read = {}, {}
    for driver, engine in engines.items():
        repository = StateRepository(engine, clock=lambda: MOMENT)
        await _a_press_and_a_result(repository)
        async with repository.transaction() as tx:
            await tx.set_language(USER, "es")
            started = await tx.start_assessment(USER, "4", "bowel_bladder")
        async with repository.transaction() as tx:  # loaded by the statement under test
            read[driver] = (await tx.language(USER), await tx.active_assessment(USER), started)
        stored[driver] = await stored_rows(engine)
    assert stored["direct"]["answers"][0][3:] == (
        "no", MOMENT, "nope, nothing like that", "typed",
    )  # fmt: skip
    assert stored["direct"] == stored["stock"]
    language, loaded, started = read["direct"]
    assert (language, loaded) == ("es", started) and isinstance(loaded, StoredAssessment)
    assert read["direct"] == read["stock"]


async def test_a_terminated_backend_is_the_database_unavailable_as_through_sqlalchemy(
    engines: dict[str, AsyncEngine],
) -> None:
    # What the webhook answers 503 for, so that Telegram delivers the update again.
    for update_id, engine in enumerate(engines.values()):
        repository = StateRepository(engine)
        async with repository.transaction() as tx:
            assert await tx.claim_update(update_id, USER)
        admin = await asyncpg.connect(plain_dsn(engine))
        try:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        finally:
            await admin.close()
        with pytest.raises(DBAPIError) as caught:
            async with repository.transaction() as tx:
                await tx.claim_update(100 + update_id, USER)
        assert caught.value.connection_invalidated and unavailable(caught.value)
        async with repository.transaction() as tx:  # a new connection: the press goes in
            assert await tx.claim_update(100 + update_id, USER)


async def test_a_failing_statement_never_shows_the_users_words(
    engines: dict[str, AsyncEngine],
) -> None:
    words = "my legs went numb this morning"
    orphan = {"assessment_id": 999, "question_id": "bowel_bladder", "value": "yes",
              "typed": words, "answered_at": MOMENT}  # fmt: skip
    async with engines["direct"].begin() as connection:
        direct = on_asyncpg(PreparedStatements(connection.dialect), connection)
        with pytest.raises(IntegrityError) as straight:
            await direct(insert(AnswerRow.__table__), orphan)
    async with engines["stock"].begin() as connection:
        with pytest.raises(IntegrityError) as through_sqlalchemy:
            await connection.execute(insert(AnswerRow.__table__), orphan)
    for error in (straight.value, through_sqlalchemy.value):
        assert "foreign key" in str(error) and words not in str(error)
    assert type(straight.value.orig) is type(through_sqlalchemy.value.orig)


async def test_of_two_saves_of_one_version_at_once_exactly_one_wins(
    repository: StateRepository,
) -> None:
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, "1", "a")
    first_saved = asyncio.Event()

    async def save(state: str, wait: asyncio.Event | None) -> str:
        try:
            async with repository.transaction() as tx:
                await tx.save_progress(started, state=state, answers={}, history=[])
                first_saved.set()
                if wait is not None:  # hold the row until the other save is under way
                    await wait.wait()
        except ConcurrentUpdate:
            return "lost"
        return state

    other_started = asyncio.Event()

    async def second() -> str:
        await first_saved.wait()
        other_started.set()
        return await save("c", None)

    outcomes = await asyncio.gather(save("b", other_started), second())
    assert sorted(outcomes) == ["b", "lost"]
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
    assert active is not None and (active.state, active.version) == ("b", 2)


def test_an_adapter_without_what_the_direct_statements_use_is_found_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert asyncpg_direct.missing_capability() is None
    monkeypatch.delattr(AsyncAdapt_asyncpg_connection, "_prepare")
    missing = asyncpg_direct.missing_capability()
    assert missing is not None and missing.endswith("AsyncAdapt_asyncpg_connection._prepare")


async def test_without_it_every_statement_runs_through_sqlalchemy_and_says_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(asyncpg_direct, "missing_capability", lambda: "a.gone.Name")
    url = make_url("postgresql://backpath@127.0.0.1:1/none").render_as_string()
    with caplog.at_level(logging.WARNING, logger="storage.database"):
        engine = create_engine(url)
    assert not runs_direct(engine)
    assert "runs through SQLAlchemy (direct: a.gone.Name)" in caplog.text
    await engine.dispose()


async def test_busy_transactions_wait_for_a_pooled_connection_instead_of_opening_new_ones(
    engines: dict[str, AsyncEngine],
) -> None:
    engine = engines["direct"]
    opened = []
    event.listen(engine.sync_engine, "connect", lambda *_: opened.append(1))
    repository = StateRepository(engine)

    async def claim(update_id: int) -> bool:
        async with repository.transaction() as tx:
            return await tx.claim_update(update_id, USER)

    for round_ in range(3):
        assert all(await asyncio.gather(*(claim(100 * round_ + n) for n in range(40))))
    assert len(opened) <= POSTGRESQL_POOL_SIZE


@pytest.mark.parametrize("driver", DRIVERS)
async def test_a_press_cancelled_while_it_waits_for_a_row_leaves_the_pool_usable(
    engines: dict[str, AsyncEngine], driver: str
) -> None:
    # A webhook request whose client went away is cancelled mid-statement: the connection
    # must not go back to the pool with the statement still running on it.
    repository = StateRepository(engines[driver])
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, "1", "a")
    holding = asyncio.Event()
    release = asyncio.Event()

    async def hold() -> None:
        async with repository.transaction() as tx:
            await tx.save_progress(started, state="b", answers={}, history=[])
            holding.set()
            await release.wait()

    holder = asyncio.create_task(hold())
    await holding.wait()

    async def blocked() -> None:
        async with repository.transaction() as tx:
            await tx.save_progress(started, state="c", answers={}, history=[])

    waiting = asyncio.create_task(blocked())
    await asyncio.sleep(0.2)  # its UPDATE waits for the row the holder has
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    release.set()
    await holder
    for _ in range(POSTGRESQL_POOL_SIZE + 1):  # every pooled connection, once
        async with repository.transaction() as tx:
            active = await tx.active_assessment(USER)
    assert active is not None and (active.state, active.version) == ("b", 2)
