"""`backpath backup` and `backpath restore` on SQLite files, while users are answering."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.__main__ import main
from storage import backup
from storage.database import create_engine, create_schema
from storage.repository import StateRepository
from tests.conftest import SQLITE_DRIVER

# Some tests run `main()` here, which sets up logging.
pytestmark = pytest.mark.usefixtures("logging_restored")

WRITERS = 6
# Answers each writer gives before the backup and while it runs.
ANSWERS_BEFORE = 40
ANSWERS_AFTER = 400


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def answer_in_a_loop(
    repository: StateRepository, user_id: int, committed: list[tuple[int, int]], until: int
) -> None:
    """One user answering question after question, one transaction each; an answer goes
    into `committed` once its transaction has committed."""
    async with repository.transaction() as tx:
        active = await tx.start_assessment(user_id, "v", "q0")
    for n in range(until):
        async with repository.transaction() as tx:
            active = await tx.save_progress(
                active, state=f"q{n + 1}", answers={}, history=(), answered=(f"q{n}", str(n))
            )
        committed.append((user_id, n))
        await asyncio.sleep(0)  # let the other writers and the backup's thread run


def stored_answers(database: Path) -> set[tuple[int, int]]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT a.user_id, n.value FROM answers n JOIN assessments a ON a.id = n.assessment_id"
        ).fetchall()
    return {(user_id, int(value)) for user_id, value in rows}


@pytest.mark.sqlite_only
async def test_a_backup_taken_while_users_answer_restores_every_committed_answer(
    tmp_path: Path,
) -> None:
    live = tmp_path / "backpath.db"
    engine = create_engine(sqlite_url(live), sqlite_driver=SQLITE_DRIVER)
    await create_schema(engine)
    repository = StateRepository(engine)
    committed: list[tuple[int, int]] = []
    await asyncio.gather(
        *(answer_in_a_loop(repository, u, committed, ANSWERS_BEFORE) for u in range(WRITERS))
    )
    writers = [
        asyncio.create_task(answer_in_a_loop(repository, u, committed, ANSWERS_AFTER))
        for u in range(WRITERS, 2 * WRITERS)
    ]
    await asyncio.sleep(0.05)  # some of them are under way
    before_backup = set(committed)
    # In a thread, as another process would: the writers go on on this loop meanwhile.
    await asyncio.to_thread(backup.backup, live, tmp_path / "copy.db")
    after_backup = set(committed)
    await asyncio.gather(*writers)
    await engine.dispose()

    restored = tmp_path / "restored.db"
    await asyncio.to_thread(backup.restore, tmp_path / "copy.db", restored)
    in_copy = stored_answers(restored)
    assert before_backup <= in_copy, "an answer committed before the backup is missing"
    # One snapshot: nothing that was not committed, and each user's answers a prefix.
    assert in_copy <= after_backup
    for user_id in range(2 * WRITERS):
        numbers = sorted(n for u, n in in_copy if u == user_id)
        assert numbers == list(range(len(numbers)))
    # The restored file is a working database at the newest schema.
    engine = create_engine(sqlite_url(restored), sqlite_driver=SQLITE_DRIVER)
    await create_schema(engine)
    async with StateRepository(engine).transaction() as tx:
        assert await tx.active_assessment(0) is not None
    await engine.dispose()


def run_cli(monkeypatch: pytest.MonkeyPatch, database: Path, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", sqlite_url(database))
    monkeypatch.chdir(database.parent)  # no .env of the developer's
    return main(list(args))


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "backpath.db"
    assert main_with(path, "migrate") == 0
    return path


def main_with(database: Path, *args: str) -> int:
    with pytest.MonkeyPatch.context() as patch:
        return run_cli(patch, database, *args)


def test_backup_and_restore_say_what_they_did_and_refuse_to_overwrite(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = database.with_name("copy.db")
    assert main_with(database, "backup", str(copy)) == 0
    assert "backed up to" in capsys.readouterr().out
    assert main_with(database, "backup", str(copy)) == 1
    assert capsys.readouterr().err.strip().endswith("already exists; add --force to overwrite it")
    assert main_with(database, "backup", "--force", str(copy)) == 0

    assert main_with(database, "restore", str(copy)) == 1
    assert "add --force" in capsys.readouterr().err
    assert main_with(database, "restore", "--force", str(copy)) == 0
    assert "restored" in capsys.readouterr().out
    elsewhere = database.with_name("new.db")
    assert main_with(elsewhere, "restore", str(copy)) == 0
    backup.check(elsewhere)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all", "cannot be opened as an SQLite database"),
        (None, "is not a BackPath database"),
    ],
)
def test_a_restore_of_a_bad_file_is_one_line_and_leaves_the_database_alone(
    database: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    bad = database.with_name("bad.db")
    if content is None:
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE something_else (n INTEGER)")
    else:
        bad.write_bytes(content)
    before = database.read_bytes()
    assert main_with(database, "restore", "--force", str(bad)) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir()) == ["backpath.db", "bad.db"]


async def test_a_restore_is_refused_while_the_bot_has_the_database_open(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = database.with_name("copy.db")
    backup.backup(database, copy)
    engine = create_engine(sqlite_url(database), sqlite_driver=SQLITE_DRIVER)
    await create_schema(engine)  # its pooled connection stays open, as the bot's does
    try:
        code = await asyncio.to_thread(
            run_cli, monkeypatch, database, "restore", "--force", str(copy)
        )
    finally:
        await engine.dispose()
    assert code == 1
    assert "is in use: stop the bot first" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "line"),
    [
        ("backup", "pg_dump --format=custom --file=nightly.dump postgresql://backpath@db/backpath"),
        ("restore", "pg_restore --clean --if-exists --dbname=postgresql://backpath@db/backpath "
                    "nightly.dump"),
    ],
)  # fmt: skip
def test_postgresql_is_pointed_to_pg_dump_without_the_password(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    line: str,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://backpath:s3cret@db/backpath")
    monkeypatch.chdir(tmp_path)
    assert main([command, "nightly.dump"]) == 2
    err = capsys.readouterr().err
    assert err.endswith(f"e.g. {line}\n") and err.count("\n") == 1
    assert "s3cret" not in err
