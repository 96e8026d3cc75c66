"""The statements of a button press straight on asyncpg, in SQLAlchemy's transaction.

Through SQLAlchemy each statement costs a greenlet switch, an execution context, a cursor
and a result object, more CPU than PostgreSQL spends running it (issue 21). Here a
`Prepared` statement (storage/prepared.py: compiled once, SQLAlchemy's own converters)
runs on the asyncpg connection SQLAlchemy's adapter holds, as the adapter's cursor would
run it: the transaction begun lazily by the adapter itself, the prepared statement from
the adapter's own cache, the row count read from asyncpg's status message. An error goes
through SQLAlchemy's own handling, so it is the exception SQLAlchemy would raise (a
terminated backend invalidates the connection and the pool, `connection_invalidated`).

These are private parts of SQLAlchemy's asyncpg adapter: `missing_capability()` checks
them, and the repository runs everything through SQLAlchemy if one is gone.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from typing import Any

from sqlalchemy.dialects.postgresql.asyncpg import (
    AsyncAdapt_asyncpg_connection,
    PGDialect_asyncpg,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql import Executable
from sqlalchemy.util import is_exit_exception

from storage.prepared import Outcome, PreparedStatements, Statements

# What the adapter's cursor reads a row count from ("UPDATE 1", "INSERT 0 1", "SELECT 1").
_ROWCOUNT = re.compile(r"(?:SELECT|UPDATE|DELETE|INSERT \d+) (\d+)")

# Engines whose hot statements run here (storage.database.create_engine marks them).
_DIRECT: weakref.WeakSet[Engine] = weakref.WeakSet()


def mark_direct(engine: AsyncEngine) -> None:
    _DIRECT.add(engine.sync_engine)


def runs_direct(engine: AsyncEngine) -> bool:
    """Whether the engine's hot statements run straight on asyncpg."""
    return engine.sync_engine in _DIRECT


def on_asyncpg(prepared: PreparedStatements, connection: AsyncConnection) -> Statements:
    """Straight on the asyncpg connection under `connection` (its transaction begun)."""
    # The pooled connection SQLAlchemy checked out; past begin(), no I/O to get it.
    pooled = connection.sync_connection.connection  # type: ignore[union-attr]
    adapted: AsyncAdapt_asyncpg_connection = pooled.dbapi_connection  # type: ignore[assignment]
    dialect: PGDialect_asyncpg = connection.dialect  # type: ignore[assignment]

    async def run(statement: Executable, values: Mapping[str, Any]) -> Outcome:
        compiled = prepared(statement, values)
        parameters = compiled.parameters(values)
        try:
            async with adapted._execute_mutex:
                if adapted._transaction is None:
                    await adapted._start_transaction()
                ready, _ = await adapted._prepare(
                    compiled.sql, dialect._invalidate_schema_cache_asof
                )
                rows = await ready.fetch(*parameters)
                status = ready.get_statusmsg()
        except BaseException as error:
            await _as_sqlalchemy_would(connection, adapted, error, compiled.sql, parameters)
            raise
        counted = _ROWCOUNT.match(status or "")
        return Outcome(int(counted.group(1)) if counted else -1, compiled.rows(rows))

    return run


async def _as_sqlalchemy_would(
    connection: AsyncConnection,
    adapted: AsyncAdapt_asyncpg_connection,
    error: BaseException,
    sql: str,
    parameters: tuple[Any, ...],
) -> None:
    """Raise what SQLAlchemy raises for `error` on its own execution of `sql`, with the
    same invalidation of the connection; return for an error SQLAlchemy lets through."""
    dbapi = adapted.dbapi
    if isinstance(error, Exception) and not isinstance(error, dbapi.Error):
        try:
            adapted._handle_exception(error)  # asyncpg's error -> the adapter's DBAPI error
        except dbapi.Error as translated:
            error = translated
        except Exception:  # not asyncpg's: SQLAlchemy lets it through as it is
            return
    if not isinstance(error, dbapi.Error) and not is_exit_exception(error):
        return
    if isinstance(error, (dbapi.InvalidCachedStatementError, dbapi.InternalServerError)):
        connection.dialect._invalidate_schema_cache()  # type: ignore[attr-defined]

    def handle(sync: Connection) -> None:
        # Raised here, since SQLAlchemy's handler reads the error being handled from
        # sys.exc_info(), which is this greenlet's own.
        try:
            raise error
        except BaseException as raised:
            sync._handle_dbapi_exception(raised, sql, parameters, None, None)

    await connection.run_sync(handle)


def missing_capability() -> str | None:
    """None if the installed SQLAlchemy's asyncpg adapter has what `on_asyncpg` relies on;
    otherwise what is missing (the statements then run through SQLAlchemy)."""
    needs: dict[type, tuple[str, ...]] = {
        AsyncAdapt_asyncpg_connection: (
            "_connection", "_transaction", "_start_transaction", "_prepare",
            "_execute_mutex", "_handle_exception", "dbapi",
        ),
        PGDialect_asyncpg: ("_invalidate_schema_cache_asof", "_invalidate_schema_cache"),
        Connection: ("_handle_dbapi_exception",),
    }  # fmt: skip
    for owner, names in needs.items():
        for name in names:
            if not any(
                name in vars(base) or name in getattr(base, "__slots__", ())
                for base in owner.__mro__
            ):
                return f"{owner.__module__}.{owner.__qualname__}.{name}"
    return None
