"""SQLAlchemy's aiosqlite driver with one trip to the SQLite thread per statement.

aiosqlite runs every sqlite3 call on its own thread, and each call is a round trip: the
caller's task sleeps until the thread answers and the event loop gets back to it. The
stock adapter makes three or four trips per statement (open a cursor, execute, fetch the
rows, close the cursor); on a busy bot those waits, not SQLite, bounded how many events
per second the single writer connection could commit (README, "Benchmark"). This cursor
does all of it in one function on the SQLite thread, and a transaction's BEGIN travels
with its first statement.

It leans on the same aiosqlite internals as SQLAlchemy's own adapter (`_execute`, `_conn`,
`_thread`),
which is why pyproject.toml bounds both versions; every storage test runs through it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from collections.abc import Sequence
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

# How long a failed connection's thread may take to stop (it only closes a handle).
_THREAD_STOP_SECONDS = 5.0
# What one statement leaves behind: description, rowcount, lastrowid and the rows.
_Outcome = tuple[Any, int, int | None, list[Any]]


def _run(
    connection: sqlite3.Connection, begin: str | None, operation: str, parameters: Any, many: bool
) -> _Outcome:
    """One statement, start to finish, on the SQLite thread (after `begin`, if given)."""
    cursor = connection.cursor()
    try:
        if begin is not None:
            cursor.execute(begin)
        if many:
            cursor.executemany(operation, parameters)
        else:
            cursor.execute(operation, () if parameters is None else parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A client-side cursor whose execute runs, fetches and closes in one trip."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
        # No sqlite3 cursor is opened here (that would be a trip of its own).
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows: deque[Any] = deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    def execute(self, operation: Any, parameters: Any = None) -> None:
        self._trip(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> None:
        self._trip(operation, seq_of_parameters, many=True)

    def _trip(self, operation: Any, parameters: Any, *, many: bool) -> None:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        adapted: OneTripConnection = self._adapt_connection  # type: ignore[assignment]
        begin, adapted.pending_begin = adapted.pending_begin, None
        try:
            outcome: _Outcome = await_(
                connection._execute(_run, connection._conn, begin, operation, parameters, many)
            )
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self._description, self._rowcount, self._lastrowid, rows = outcome
        self._rows = deque(rows)

    async def _async_soft_close(self) -> None:
        return None  # nothing is open on the SQLite thread

    def close(self) -> None:
        self._rows.clear()


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("pending_begin",)
    _cursor_cls = OneTripCursor

    def __init__(self, dbapi: Any, connection: aiosqlite.Connection) -> None:
        super().__init__(dbapi, connection)
        self.pending_begin: str | None = None

    def begin_with_next_statement(self, begin: str) -> None:
        """Run `begin` (e.g. BEGIN IMMEDIATE) in the same trip as the next statement."""
        self.pending_begin = begin

    @property
    def in_transaction(self) -> bool:
        return self.pending_begin is not None or self._connection.in_transaction  # type: ignore[attr-defined]

    def commit(self) -> None:
        if self.pending_begin is not None:
            self.pending_begin = None  # nothing ran, so there is nothing to commit
            return
        super().commit()

    def rollback(self) -> None:
        if self.pending_begin is not None:
            self.pending_begin = None
            return
        super().rollback()


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module handed to `create_async_engine(module=...)`."""

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        connection = aiosqlite.connect(*arg, **kw)
        thread = getattr(connection, "_thread", None)
        if thread is not None:
            thread.daemon = True  # as SQLAlchemy's adapter does
        try:
            return OneTripConnection(self, await_(connection))
        except BaseException:
            # A failed connect stops aiosqlite's thread without waiting for it; the thread
            # then reports to the event loop, which may have closed by then ("Event loop
            # is closed" printed after a one-line start-up error). Wait for it here.
            if thread is not None:
                await_(asyncio.to_thread(thread.join, _THREAD_STOP_SECONDS))
            raise


def missing_capability() -> str | None:
    """None if the installed aiosqlite and SQLAlchemy have what this driver relies on;
    otherwise what is missing (the engine then uses the stock adapter)."""
    needs = {
        aiosqlite.Connection: ("_execute", "_conn", "stop"),
        AsyncAdapt_aiosqlite_connection: ("_handle_exception", "commit", "rollback"),
        AsyncAdapt_aiosqlite_cursor: ("_rows", "description"),
    }
    for owner, names in needs.items():
        for name in names:
            if not hasattr(owner, name):
                return f"{owner.__module__}.{owner.__qualname__}.{name}"
    return None


def one_trip_dbapi() -> OneTripDBAPI:
    return OneTripDBAPI(aiosqlite, sqlite3)
