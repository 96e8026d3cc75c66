"""Engine set-up: SQLite tuned for a concurrent bot, anything else used as configured."""

from __future__ import annotations

import asyncio
import logging
from functools import cache
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import PoolResetState

from storage import asyncpg_direct
from storage.sqlite_driver import OnLoopConnection, OnLoopDBAPI, missing_capability

log = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT_MS = 5_000
# PostgreSQL connections one process keeps; a transaction beyond them waits for one.
POSTGRESQL_POOL_SIZE = 10


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or written."""


# The databases BackPath runs on, by how a URL may name them -> the async driver it uses.
ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}
ACCEPTED_URLS = (
    "BackPath works with sqlite (sqlite:///path/to/backpath.db) "
    "or postgresql (postgresql://user:password@host:5432/backpath)"
)


class UnsupportedDatabaseURL(ValueError):
    """The URL names no database BackPath can use; the message is one line, no password."""


def async_database_url(url: str, name: str = "the database URL") -> str:
    """`url` with BackPath's async driver: `postgresql://` and `postgres://` become
    `postgresql+asyncpg://`, `sqlite://` becomes `sqlite+aiosqlite://`. Anything else
    raises UnsupportedDatabaseURL, whose message starts with `name`."""
    text = url.strip()
    if not text:
        raise UnsupportedDatabaseURL(f"{name} is empty; {ACCEPTED_URLS}")
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError):  # the text may hold a password: never echo it
        raise UnsupportedDatabaseURL(f"{name} is not a database URL; {ACCEPTED_URLS}") from None
    scheme = parsed.drivername.lower()
    shown = parsed.set(query={}).render_as_string(hide_password=True)
    if scheme not in ASYNC_DRIVERS:
        backend, _, driver = scheme.partition("+")
        if backend in ASYNC_DRIVERS and driver:
            problem = f"asks for the {driver} driver ({shown}), which BackPath does not use"
        else:
            problem = f"is for {backend} ({shown}), which BackPath does not support"
        raise UnsupportedDatabaseURL(f"{name} {problem}; {ACCEPTED_URLS}")
    driver = ASYNC_DRIVERS[scheme]
    if driver.startswith("sqlite") and (parsed.host or parsed.username or parsed.port):
        # sqlite://backpath.db reads "backpath.db" as a host name.
        raise UnsupportedDatabaseURL(
            f"{name} puts a host in an sqlite URL ({shown}): write the file after three "
            "slashes, sqlite:///backpath.db (relative) or sqlite:////var/lib/backpath.db"
        )
    return driver + text[text.index("://") :]


# The SQLite drivers: "on-loop" (storage/sqlite_driver.py: sqlite3 on the event loop's
# thread) or "stock" (SQLAlchemy's own aiosqlite adapter, a thread per connection).
SQLITE_DRIVERS = ("on-loop", "stock")
# How PostgreSQL runs the statements of a button press: "direct" (storage/asyncpg_direct.py:
# straight on asyncpg, compiled once) or "stock" (through SQLAlchemy, like all the others).
POSTGRESQL_DRIVERS = ("direct", "stock")


def create_engine(
    url: str,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    sqlite_driver: str = "on-loop",
    postgresql_driver: str = "direct",
    **kwargs: Any,
) -> AsyncEngine:
    """An async engine (`postgresql://` gets asyncpg, `sqlite://` the on-loop driver);
    for SQLite, `busy_timeout_ms` is how long a write waits for a lock.

    The on-loop SQLite driver, and PostgreSQL's direct statements, are used only if the
    installed SQLAlchemy still has what they rely on; otherwise SQLAlchemy's stock adapter
    runs everything, with the same transactions, and the reason is logged once."""
    url = async_database_url(url)
    # A statement's parameters hold users' answers and typed words: never in an error's
    # text, which is logged.
    kwargs = {"hide_parameters": True} | kwargs
    if make_url(url).get_backend_name() != "sqlite":
        # No overflow: SQLAlchemy opens an overflow connection for one checkout and closes
        # it on check-in, so under load every transaction past the pool's size paid for a
        # new connection (TCP, authentication, the adapter's type set-up), more CPU than
        # the transaction itself. Waiting in the pool's queue costs nothing.
        kwargs = {"pool_size": POSTGRESQL_POOL_SIZE, "max_overflow": 0} | kwargs
        engine = create_async_engine(url, **kwargs)
        if postgresql_driver == "direct":
            missing = asyncpg_direct.missing_capability()
        else:
            missing = "POSTGRESQL_DRIVER=stock"
        if missing is None:
            asyncpg_direct.mark_direct(engine)
        else:
            _log_stock_statements_once(missing)
        return engine
    # SQLite has one writer at a time, and every transaction here writes. One pooled
    # connection makes this process's transactions queue fairly (FIFO) in the pool
    # instead of racing on SQLite's busy handler, which lets a waiter starve under load.
    kwargs = {"pool_size": 1, "max_overflow": 0} | kwargs
    missing = missing_capability() if sqlite_driver == "on-loop" else "SQLITE_DRIVER=stock"
    if missing is None:
        engine = create_async_engine(
            url, module=OnLoopDBAPI(busy_timeout_ms), pool_reset_on_return=None, **kwargs
        )
        # The driver waits for a lock itself, asleep; SQLite must not wait on the loop once
        # the connection is set up (switching to WAL may wait for another process, once).
        _tune_sqlite(engine, busy_timeout_ms, afterwards_ms=0)
        _begin_with_first_statement(engine)
    else:
        _log_stock_driver_once(missing)
        engine = create_async_engine(url, **kwargs)
        _tune_sqlite(engine, busy_timeout_ms)
        _stock_transactions(engine)
    return engine


@cache
def _log_stock_driver_once(missing: str) -> None:
    log.warning("SQLite: the stock aiosqlite adapter is in use (on-loop driver: %s)", missing)


@cache
def _log_stock_statements_once(missing: str) -> None:
    log.warning("PostgreSQL: every statement runs through SQLAlchemy (direct: %s)", missing)


def _tune_sqlite(
    engine: AsyncEngine, busy_timeout_ms: int, afterwards_ms: int | None = None
) -> None:
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
        if afterwards_ms is not None:
            cursor.execute(f"PRAGMA busy_timeout = {int(afterwards_ms)}")
        cursor.close()


def _begin_with_first_statement(engine: AsyncEngine) -> None:
    # The pool's usual reset is a ROLLBACK on every check-in, even after a COMMIT.
    # SQLAlchemy already ends every transaction we open (commit, or rollback on an error
    # or cancellation); this only catches one left open some other way.
    @event.listens_for(engine.sync_engine, "reset")
    def on_reset(dbapi_connection: OnLoopConnection, _record: Any, state: PoolResetState) -> None:
        if state.asyncio_safe and dbapi_connection.in_transaction:
            dbapi_connection.rollback()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        driver: OnLoopConnection = connection.connection.dbapi_connection
        driver.begin_with_next_statement("BEGIN IMMEDIATE")


def _stock_transactions(engine: AsyncEngine) -> None:
    # SQLAlchemy's documented recipe for aiosqlite: every transaction begins IMMEDIATE.
    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


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


# A health check answers within this even when the database hangs (a frozen server, a
# dead network path): a load balancer's probe would otherwise time out without a reason.
HEALTH_CHECK_SECONDS = 2.0


async def database_is_reachable(engine: AsyncEngine, within: float = HEALTH_CHECK_SECONDS) -> bool:
    """True if a trivial query succeeds within `within` seconds (for health checks)."""
    check = asyncio.ensure_future(_select_one(engine))
    done, _ = await asyncio.wait({check}, timeout=within)
    if not done:
        # Not awaited: cancelling a query sends the server a cancel request, which a frozen
        # server never answers, so waiting for it would hang the health check after all.
        check.cancel()
        check.add_done_callback(lambda task: task.cancelled() or task.exception())
        return False
    return check.result()  # _select_one answers False for any failure of its own


async def _select_one(engine: AsyncEngine) -> bool:
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


def unavailable(error: BaseException) -> bool:
    """Whether `error` says the database could not be used right now (locked, restarting,
    unreachable, or its connection ended from the server side, as asyncpg reports a
    terminated backend), so that the same work may succeed later; a wrong statement or a
    bug would fail the same way again."""
    return (
        # ConnectionError: a refused connection, before SQLAlchemy wraps anything.
        isinstance(error, (*DatabaseError, ConnectionError))
        or (isinstance(error, DBAPIError) and error.connection_invalidated)
    )
