"""SQLite for SQLAlchemy's async engine, run on the event loop's own thread.

aiosqlite runs every sqlite3 call on a thread of its own, and each call is a round trip:
the caller sleeps until that thread answers and the event loop gets back to it. A
BackPath transaction is five short statements in WAL mode, tens of microseconds of
SQLite work, so the trips cost far more than the work (about 40% of the CPU of a button
press, measured in issue 14). This driver runs each statement, start to finish, right on
the loop: blocking the loop for that long is cheaper than any hop to a thread, and one
process is the SQLite deployment anyway.

The one wait that could be long, another process holding the lock, never blocks the
loop: SQLite is told not to wait (busy_timeout 0), and a BEGIN or COMMIT that finds the
lock taken sleeps asynchronously and tries again until the configured busy timeout. What
still runs on the loop is SQLite's own work: a WAL checkpoint after a commit, and the
housekeeping's daily bulk deletes, milliseconds on a local disk.

SQLAlchemy's aiosqlite adapter classes carry the DBAPI plumbing (errors, the cursor
protocol); `missing_capability()` checks that the installed SQLAlchemy still has what
these subclasses rely on, and the engine falls back to the stock aiosqlite adapter if not.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

_T = TypeVar("_T")
# What one statement leaves behind: description, rowcount, lastrowid and the rows.
_Outcome = tuple[Any, int, int | None, list[Any]]
# Between two tries for a write lock another process holds.
_FIRST_RETRY_SECONDS = 0.001
_LONGEST_RETRY_SECONDS = 0.05


def _run(
    connection: sqlite3.Connection, begin: str | None, operation: str, parameters: Any, many: bool
) -> _Outcome:
    """One statement, start to finish (after `begin`, if given)."""
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


def _is_busy(error: sqlite3.OperationalError) -> bool:
    # The code is SQLite's extended one (SQLITE_BUSY_RECOVERY is 261): its low byte is the
    # primary code.
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class _Handle:
    """What SQLAlchemy's aiosqlite adapter uses of an aiosqlite connection, over a plain
    sqlite3 connection."""

    __slots__ = ("_conn", "_connection")

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        self._connection: sqlite3.Connection | None = connection  # None once closed

    async def close(self) -> None:
        self.stop()

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._conn.create_function(*args, **kw)

    def stop(self) -> None:
        self._connection = None
        self._conn.close()


class OnLoopCursor(AsyncAdapt_aiosqlite_cursor):
    """A client-side cursor whose execute runs, fetches and closes at once."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    arraysize = 1  # DBAPI: rows per fetchmany() without a size

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
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
        self._statement(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> None:
        self._statement(operation, seq_of_parameters, many=True)

    def _statement(self, operation: Any, parameters: Any, *, many: bool) -> None:
        adapted: OnLoopConnection = self._adapt_connection  # type: ignore[assignment]
        # `run` suspends only to wait for a lock: SQLAlchemy's AsyncConnection requires
        # every statement to await something (it refuses drivers that block by mistake),
        # and awaiting it costs one greenlet switch, not a thread hop.
        try:
            outcome = await_(adapted.run(operation, parameters, many=many))
        except Exception as error:
            adapted._handle_exception(error)
        self._description, self._rowcount, self._lastrowid, rows = outcome
        self._rows = deque(rows)

    async def _async_soft_close(self) -> None:
        return None  # nothing stays open

    def close(self) -> None:
        self._rows.clear()


class OnLoopConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("pending_begin",)
    _cursor_cls = OnLoopCursor

    def __init__(self, dbapi: OnLoopDBAPI, handle: _Handle) -> None:
        super().__init__(dbapi, handle)
        self.pending_begin: str | None = None

    @property
    def sqlite(self) -> sqlite3.Connection:
        return self._connection._conn  # type: ignore[no-any-return]

    @property
    def isolation_level(self) -> str | None:
        return self.sqlite.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self.sqlite.isolation_level = value

    def begin_with_next_statement(self, begin: str) -> None:
        """Run `begin` (e.g. BEGIN IMMEDIATE) together with the next statement."""
        self.pending_begin = begin

    @property
    def in_transaction(self) -> bool:
        return self.pending_begin is not None or self.sqlite.in_transaction

    def commit(self) -> None:
        if self.pending_begin is not None:
            self.pending_begin = None  # nothing ran, so there is nothing to commit
            return
        try:
            self.sqlite.commit()
        except sqlite3.OperationalError as error:
            # Outside WAL mode a commit needs every reader gone: wait for them as for BEGIN.
            if not _is_busy(error):
                self._handle_exception(error)
            self.when_free(lambda _again: self.sqlite.commit())
        except Exception as error:
            self._handle_exception(error)

    def rollback(self) -> None:
        if self.pending_begin is not None:
            self.pending_begin = None
            return
        if self._connection._connection is None:  # closed
            return
        try:
            self.sqlite.rollback()
        except Exception as error:
            self._handle_exception(error)

    def close(self) -> None:
        self._connection.stop()

    async def run(self, operation: str, parameters: Any = None, *, many: bool = False) -> _Outcome:
        """One statement (after a pending BEGIN), start to finish; sqlite3's errors raised
        as they are. The repository calls this directly for the statements of a button
        press, past SQLAlchemy's per-execution work (storage/prepared.py)."""
        begin, self.pending_begin = self.pending_begin, None
        try:
            return _run(self.sqlite, begin, operation, parameters, many)
        except sqlite3.OperationalError as error:
            if begin is None or not _is_busy(error):
                raise
        return await self.until_free(
            lambda again: _run(self.sqlite, begin if again else None, operation, parameters, many)
        )

    def when_free(self, attempt: Callable[[bool], _T]) -> _T:
        """`until_free` for SQLAlchemy's synchronous side (its greenlet)."""
        try:
            return await_(self.until_free(attempt))
        except Exception as error:
            self._handle_exception(error)
            raise

    async def until_free(self, attempt: Callable[[bool], _T]) -> _T:
        """Another process holds the lock: sleep (the loop serves everyone else meanwhile)
        and try again until the busy timeout has passed. `attempt` is told whether a
        transaction still has to begin: should BEGIN have gone through and the statement
        after it been the busy one, only the statement runs again."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.dbapi.busy_timeout_ms / 1000  # type: ignore[attr-defined]
        delay = _FIRST_RETRY_SECONDS
        while True:
            await asyncio.sleep(min(delay, max(0.0, deadline - loop.time())))
            try:
                return attempt(not self.sqlite.in_transaction)
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or loop.time() >= deadline:
                    raise
            delay = min(delay * 2, _LONGEST_RETRY_SECONDS)


class OnLoopDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module handed to `create_async_engine(module=...)`."""

    def __init__(self, busy_timeout_ms: int) -> None:
        super().__init__(aiosqlite, sqlite3)
        self.busy_timeout_ms = busy_timeout_ms

    def connect(self, *arg: Any, **kw: Any) -> OnLoopConnection:
        kw.pop("loop", None)  # an aiosqlite argument
        # SQLAlchemy may open or close it from another task, never from another thread
        # while in use; the check would only forbid the pool's garbage collection.
        kw["check_same_thread"] = False
        return OnLoopConnection(self, _Handle(sqlite3.connect(*arg, **kw)))


def missing_capability() -> str | None:
    """None if the installed SQLAlchemy has what this driver relies on; otherwise what is
    missing (the engine then uses the stock aiosqlite adapter)."""
    needs = {
        AsyncAdapt_aiosqlite_connection: ("_handle_exception", "_connection", "dbapi"),
        AsyncAdapt_aiosqlite_cursor: ("_rows", "_adapt_connection", "_soft_closed_memoized"),
    }
    for owner, names in needs.items():
        for name in names:
            if not hasattr(owner, name) and name not in getattr(owner, "__slots__", ()):
                return f"{owner.__module__}.{owner.__qualname__}.{name}"
    return None
