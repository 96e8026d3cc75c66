"""Engine set-up: SQLite tuned for a concurrent bot, anything else used as configured."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import PoolResetState

from storage.sqlite_driver import OneTripConnection, one_trip_dbapi

DEFAULT_BUSY_TIMEOUT_MS = 5_000


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or written."""


def create_engine(
    url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, **kwargs: Any
) -> AsyncEngine:
    """An async engine; for SQLite, `busy_timeout_ms` is how long a write waits for a lock."""
    if make_url(url).get_backend_name() == "sqlite":
        # SQLite has one writer at a time, and every transaction here writes. One pooled
        # connection makes this process's transactions queue fairly (FIFO) in the pool
        # instead of racing on SQLite's busy handler, which lets a waiter starve under load.
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_reset_on_return": None} | kwargs
        engine = create_async_engine(url, module=one_trip_dbapi(), **kwargs)
        _tune_sqlite(engine, busy_timeout_ms)
        return engine
    return create_async_engine(url, **kwargs)


def _tune_sqlite(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    # pysqlite opens transactions lazily and as DEFERRED, so two writers can both read and
    # then one fails with "database is locked". Taking control of BEGIN and making every
    # transaction IMMEDIATE makes them queue on the busy timeout instead (SQLAlchemy's
    # documented recipe for aiosqlite).
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    # The pool's usual reset is a ROLLBACK on every check-in, even after a COMMIT: one more
    # round trip to the SQLite thread per event. SQLAlchemy already ends every transaction
    # we open (commit, or rollback on an error or cancellation); this only catches one
    # left open some other way.
    @event.listens_for(engine.sync_engine, "reset")
    def on_reset(dbapi_connection: OneTripConnection, _record: Any, state: PoolResetState) -> None:
        if state.asyncio_safe and dbapi_connection.in_transaction:
            dbapi_connection.rollback()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        driver: OneTripConnection = connection.connection.dbapi_connection
        driver.begin_with_next_statement("BEGIN IMMEDIATE")


async def create_schema(engine: AsyncEngine, *, migrate: bool = True) -> None:
    """Apply pending migrations (or, with `migrate=False`, only check the connection);
    raise DatabaseUnavailable with a readable reason."""
    from storage.migrate import upgrade  # Alembic loads only where migrations run

    try:
        if migrate:
            await upgrade(engine)
        else:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except Exception as error:  # any driver error means "cannot use this database"
        raise DatabaseUnavailable(describe_failure(engine, error)) from error


async def database_is_reachable(engine: AsyncEngine) -> bool:
    """True if a trivial query succeeds now (for health checks)."""
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception:  # any failure means "not reachable right now"
        return False
    return True


def describe_failure(engine: AsyncEngine, error: BaseException) -> str:
    """One line naming the database (never its password) and what went wrong."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = lines[0] if lines else type(error).__name__
    return f"cannot use the database {engine.url.render_as_string(hide_password=True)}: {reason}"


# A database that is locked, gone or unreachable right now; worth retrying later.
DatabaseError = (OperationalError, InterfaceError, PoolTimeout)
