"""Backing up and restoring an SQLite database file (PostgreSQL has pg_dump for that).

A backup is taken with SQLite's online backup API in one step: one consistent snapshot of
every committed transaction, while the bot goes on writing (in WAL mode readers do not
block writers). A restore checks that the copy opens, is whole and migrates before it
takes the place of the database file, and never leaves a half-written file behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import make_url

from storage.database import async_database_url, create_engine
from storage.migrate import upgrade

# Tables every BackPath database has (from the first migration on).
_OWN_TABLES = ("alembic_version", "assessments", "answers")
# How long a backup waits for a lock (a checkpoint, a switch of journal mode).
_BUSY_TIMEOUT_S = 10.0
# SQLite's files beside the database in WAL mode.
_SIDECARS = ("-wal", "-shm", "-journal")


class BackupError(RuntimeError):
    """A backup or restore cannot be done; the message is one line for the operator."""


def sqlite_file(database_url: str) -> Path | None:
    """The file an SQLite URL names; None for any other database."""
    url = make_url(async_database_url(database_url))
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise BackupError("DATABASE_URL names an in-memory SQLite database: nothing to back up")
    return Path(url.database)


def pg_dump_command(database_url: str, path: str) -> str:
    """The pg_dump line that backs up this PostgreSQL database."""
    return f"pg_dump --format=custom --file={shlex.quote(path)} {_libpq_url(database_url)}"


def pg_restore_command(database_url: str, path: str) -> str:
    """The pg_restore line that puts such a backup in place of this PostgreSQL database."""
    url = _libpq_url(database_url)
    return f"pg_restore --clean --if-exists --dbname={url} {shlex.quote(path)}"


def _libpq_url(database_url: str) -> str:
    """The URL as libpq reads it, quoted for a shell, with no password (pg_dump reads it
    from ~/.pgpass or PGPASSWORD)."""
    url = make_url(async_database_url(database_url))
    query = dict(url.query)
    if "ssl" in query and "sslmode" not in query:  # asyncpg's name for libpq's sslmode
        query["sslmode"] = query.pop("ssl")
    # URL.set() cannot remove a part; URL is a NamedTuple.
    url = url._replace(drivername="postgresql", password=None).set(query=query)
    return shlex.quote(url.render_as_string(hide_password=False))


def backup(database: Path, target: Path, *, force: bool = False) -> None:
    """Copy the database at `database` to `target` as one consistent snapshot.

    Refuses to overwrite `target` unless `force`; `target` is written whole or not at all.
    """
    if not database.is_file():
        raise BackupError(f"there is no database file at {database}")
    _refuse_existing(target, force)
    with _temporary_beside(target) as temporary:
        with _open(database) as source, contextlib.closing(sqlite3.connect(temporary)) as copy:
            # pages=-1: every page in one step, so the copy is one snapshot; in steps, a
            # write by the bot would restart it.
            source.backup(copy, pages=-1)
            # A single file, with no write-ahead log beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        check(temporary)
        _replace(temporary, target)


def restore(backup_file: Path, database: Path, *, force: bool = False) -> None:
    """Put `backup_file` in place of the database file `database`, after checking that it
    opens, is whole and migrates to the newest schema (on a copy, first).

    Refuses when `database` exists unless `force`, and while another process has it open.
    """
    if not backup_file.is_file():
        raise BackupError(f"there is no backup file at {backup_file}")
    check(backup_file)
    _refuse_existing(database, force)
    with _temporary_beside(database) as temporary:
        with _open(backup_file) as source, contextlib.closing(sqlite3.connect(temporary)) as copy:
            source.backup(copy, pages=-1)
        asyncio.run(migrate_file(temporary))
        with contextlib.closing(sqlite3.connect(temporary)) as copy:
            copy.execute("PRAGMA journal_mode = DELETE")
        check(temporary)
        if database.exists():
            _take_from_its_users(database)
        _replace(temporary, database)
        for suffix in _SIDECARS:  # none should be left; a stale log must never meet the copy
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{database}{suffix}")


def check(path: Path) -> None:
    """Raise BackupError unless `path` is a whole SQLite database holding BackPath's tables."""
    try:
        with _open(path, read_only=True) as connection:
            (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be opened as an SQLite database: {error}") from None
    if verdict != "ok":
        raise BackupError(f"{path} is damaged (SQLite's integrity check: {verdict})")
    missing = [table for table in _OWN_TABLES if table not in names]
    if missing:
        raise BackupError(f"{path} is not a BackPath database (no {', '.join(missing)} table)")


async def migrate_file(path: Path) -> None:
    """Bring the SQLite database at `path` to the newest schema."""
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        await upgrade(engine)
    except Exception as error:  # any failure means "this copy cannot be used"
        raise BackupError(f"the backup does not migrate to the newest schema: {error}") from None
    finally:
        await engine.dispose()


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise BackupError(f"{path} already exists; add --force to overwrite it")
    if not path.parent.is_dir():
        raise BackupError(f"there is no folder {path.parent}")


@contextlib.contextmanager
def _open(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"{path.resolve().as_uri()}{'?mode=ro' if read_only else ''}"
    connection = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_S)
    try:
        yield connection
    finally:
        connection.close()


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    """A new file name in `target`'s folder (so os.replace is atomic), removed with its
    SQLite sidecars unless it was moved into place."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    _remove(temporary)  # left by a run that was killed
    try:
        yield temporary
    finally:
        _remove(temporary)


def _remove(database: Path) -> None:
    for name in (str(database), *(f"{database}{suffix}" for suffix in _SIDECARS)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def _take_from_its_users(database: Path) -> None:
    """Fold the database's write-ahead log into it and leave WAL mode, which SQLite allows
    only when no other connection has the file open: a running bot is refused here."""
    try:
        with contextlib.closing(sqlite3.connect(database, timeout=0)) as connection:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise BackupError(f"{database} is in use: stop the bot first") from None
        return  # not a database at all: nothing of it to keep (the caller has --force)
    if mode != "delete":
        raise BackupError(f"{database} is in use: stop the bot first")


def _replace(temporary: Path, target: Path) -> None:
    with open(temporary, "rb") as written:
        os.fsync(written.fileno())  # on disk before it takes the place of the old file
    os.replace(temporary, target)
