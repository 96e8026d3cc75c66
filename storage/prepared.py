"""Core statements compiled once, for running straight on the driver's connection.

SQLAlchemy compiles a statement, converts its parameters and wraps its result on every
execution; for the few short statements of a button press that cost more CPU than the
database took to run them (issue 14). A `Prepared` does the compiling and the choice of
converters once, from SQLAlchemy's own compiler and type converters, so what it writes
and reads is exactly what the same statement run by SQLAlchemy would.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import Executable
from sqlalchemy.sql.compiler import SQLCompiler

from storage.sqlite_driver import OnLoopConnection, OnLoopDBAPI

_Convert = Callable[[Any], Any] | None


class Prepared:
    """One statement, compiled for one dialect with a positional parameter style, for
    the parameter names given."""

    __slots__ = ("_columns", "_fixed", "_names", "_parameter_converters", "_row", "sql")

    def __init__(self, statement: Executable, dialect: Dialect, names: Iterable[str]) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(names))
        assert isinstance(compiled, SQLCompiler) and compiled.positiontup is not None
        self.sql: str = compiled.string
        self._names = tuple(compiled.positiontup)
        binds = compiled.binds
        self._fixed = {n: binds[n].effective_value for n in self._names if not binds[n].required}
        self._parameter_converters = tuple(
            binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in self._names
        )
        columns = list(getattr(statement, "selected_columns", ()))
        self._row = namedtuple("_Row", [c.key for c in columns])  # type: ignore[misc]
        self._columns: tuple[_Convert, ...] = tuple(
            c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns
        )

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """The driver's positional parameters for `values` (by name)."""
        fixed = self._fixed
        return tuple(
            convert(value) if convert is not None else value
            for convert, value in zip(
                self._parameter_converters,
                (values[n] if n in values else fixed[n] for n in self._names),
                strict=True,
            )
        )

    def rows(self, raw: Iterable[tuple[Any, ...]]) -> list[Any]:
        """The driver's rows, converted, with the columns as attributes; none for a
        statement that selects nothing (PostgreSQL's INSERT returns the new key, which
        SQLAlchemy keeps for itself too)."""
        converters, row = self._columns, self._row
        if not converters:
            return []
        return [
            row(*(c(v) if c is not None else v for c, v in zip(converters, r, strict=True)))
            for r in raw
        ]


class PreparedStatements:
    """`Prepared` statements of one dialect, made on first use."""

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        self._made: dict[tuple[Executable, frozenset[str]], Prepared] = {}

    def __call__(self, statement: Executable, values: Mapping[str, Any]) -> Prepared:
        key = (statement, frozenset(values))
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = Prepared(statement, self._dialect, values)
        return found


class Outcome(NamedTuple):
    rowcount: int
    rows: list[Any]


class Statements(Protocol):
    """Runs a statement with its values in the open transaction."""

    async def __call__(self, statement: Executable, values: Mapping[str, Any]) -> Outcome: ...


def through_sqlalchemy(connection: AsyncConnection) -> Statements:
    """Every statement through SQLAlchemy (PostgreSQL, and the stock SQLite adapter)."""

    async def run(statement: Executable, values: Mapping[str, Any]) -> Outcome:
        result = await connection.execute(statement, values)
        return Outcome(result.rowcount, result.all() if result.returns_rows else [])

    return run


def on_loop(prepared: PreparedStatements, driver: OnLoopConnection) -> Statements:
    """Straight on the on-loop SQLite driver, in the transaction SQLAlchemy began on it;
    sqlite3's errors become SQLAlchemy's, as if SQLAlchemy had run the statement."""

    async def run(statement: Executable, values: Mapping[str, Any]) -> Outcome:
        compiled = prepared(statement, values)
        parameters = compiled.parameters(values)
        try:
            _, rowcount, _, rows = await driver.run(compiled.sql, parameters)
        except sqlite3.Error as error:
            raise DBAPIError.instance(
                compiled.sql, parameters, error, sqlite3.Error, hide_parameters=True
            ) from error
        return Outcome(rowcount, compiled.rows(rows))

    return run


def runs_on_loop(dialect: Dialect) -> bool:
    """Whether the engine's connections are the on-loop SQLite driver's."""
    return isinstance(dialect.loaded_dbapi, OnLoopDBAPI)
