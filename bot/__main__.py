"""Command line: `backpath` (or `python -m bot`) runs the Telegram bot with long polling;
`backpath console` runs the same assessment in the terminal, with no token needed;
`migrate`, `backup`, `restore` and `stats` are the operator's tools."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Coroutine
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic_settings import SettingsError

from bot.config import ConfigError, Settings
from bot.logs import configure_logging
from storage.database import DatabaseUnavailable

if TYPE_CHECKING:
    from storage.stats import Numbers

EXIT_CONFIG = 2
# A backup, restore or report that could not be done (the settings were fine).
EXIT_FAILED = 1


def _fail(message: str, code: int = EXIT_CONFIG) -> int:
    one_line = " ".join(message.split())
    print(f"backpath: {one_line}", file=sys.stderr)
    return code


def _describe(error: ValidationError) -> str:
    """The first invalid setting, in one line that never holds the value given."""
    first = error.errors()[0]
    reason = first.get("ctx", {}).get("error")
    if isinstance(reason, ConfigError):  # our own checks name the setting themselves
        return str(reason)
    name = ".".join(str(p) for p in first["loc"]).upper()
    return f"setting {name} is invalid: {first['msg']}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="backpath", description=__doc__)
    commands = parser.add_subparsers(dest="command", metavar="command")
    commands.add_parser("run", help="the Telegram bot (the default)")
    commands.add_parser("console", help="try the assessment in this terminal")
    commands.add_parser("migrate", help="bring the database schema up to date and exit")
    commands.add_parser(
        "healthcheck",
        help="exit 0 if the running bot answers GET /healthz (a container's HEALTHCHECK)",
    )
    backup = commands.add_parser(
        "backup",
        help="copy the SQLite database to PATH while the bot runs (PostgreSQL: pg_dump)",
    )
    backup.add_argument("path", metavar="PATH", type=Path)
    backup.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    restore = commands.add_parser(
        "restore",
        help="put the backup at PATH in place of the SQLite database, once it opens and "
        "migrates (stop the bot first)",
    )
    restore.add_argument("path", metavar="PATH", type=Path)
    restore.add_argument(
        "--force", action="store_true", help="replace the database file if it exists"
    )
    stats = commands.add_parser(
        "stats",
        help="the clinic's numbers per language: assessments, referrals, typed answers, "
        "emergency confirmations, where unfinished ones stopped (no one's answers)",
    )
    stats.add_argument("--since", metavar="DATE", help="from this day on (UTC), e.g. 2026-01-31")
    stats.add_argument("--json", action="store_true", help="as JSON")
    stats.add_argument(
        "--exact", action="store_true", help="show counts below 5 too, instead of <5"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.command = args.command or "run"
    try:
        settings = Settings()
    except ValidationError as error:
        return _fail(_describe(error))
    except (OSError, UnicodeDecodeError, SettingsError) as error:  # an unreadable .env
        return _fail(f"cannot read the settings: {error}")

    try:
        if args.command == "stats":
            return _print_stats(settings, args.since, as_json=args.json, exact=args.exact)
        if args.command in ("backup", "restore"):
            return _backup_or_restore(settings, args.command, args.path, args.force)
        if args.command == "migrate":
            configure_logging(settings.log_level, None)
            asyncio.run(_migrate(settings))
            print("backpath: the database schema is up to date")
            return 0
        if args.command == "healthcheck":
            return _healthcheck(settings)
        if args.command == "console":
            from bot.console import run_console

            configure_logging("WARNING", None)
            asyncio.run(run_console(settings))
            return 0
        if settings.telegram_bot_token is None and sys.stdin.isatty() and sys.stdout.isatty():
            # A newcomer without a token gets the same assessment in the terminal.
            print("No TELEGRAM_BOT_TOKEN set: starting the terminal version instead.\n")
            return main(["console"])
        token = settings.require_token()
        configure_logging(settings.log_level, token, settings.log_format)
        from bot.telegram.app import TelegramUnreachable, TokenRejected, serve

        try:
            _run_on_uvloop(serve(settings))
        except TokenRejected:
            return _fail("Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather")
        except TelegramUnreachable as error:
            return _fail(f"cannot reach the Telegram Bot API: {error}", code=1)
    except ConfigError as error:
        return _fail(str(error))
    except DatabaseUnavailable as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        pass
    return 0


def _run_on_uvloop(main: Coroutine[Any, Any, None]) -> None:
    """Run the bot on uvloop where it exists (not on Windows): its event loop costs about
    a third less CPU per round trip than asyncio's (README, "Benchmark")."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(main)
    else:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(main)


def _healthcheck(settings: Settings) -> int:
    """0 if the bot these settings describe answers /healthz with 200, else 1."""
    import urllib.request

    url = settings.health_url
    if url is None:
        return _fail("no health endpoint: set METRICS_PORT (polling mode)", code=1)
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return 0 if response.status == 200 else 1
    except OSError as error:  # refused, timed out, or an HTTP error such as 503
        return _fail(f"{url} does not answer: {error}", code=1)


def _backup_or_restore(settings: Settings, command: str, path: Path, force: bool) -> int:
    from storage import backup

    try:
        database = backup.sqlite_file(settings.database_url)
        if database is None:
            what = "back up" if command == "backup" else "restore"
            tool = backup.pg_dump_command if command == "backup" else backup.pg_restore_command
            line = tool(settings.database_url, str(path))
            return _fail(
                f"BackPath does not {what} PostgreSQL itself; pg_dump and pg_restore do "
                f'(README, "Backups and numbers"), e.g. {line}'
            )
        if command == "backup":
            backup.backup(database, path, force=force)
            print(f"backpath: {database} backed up to {path}")
        else:
            configure_logging("WARNING", None)  # Alembic's notes are not the operator's
            backup.restore(path, database, force=force)
            print(f"backpath: {path} restored to {database}; start the bot again")
    except backup.BackupError as error:
        return _fail(str(error), EXIT_FAILED)
    except OSError as error:
        return _fail(f"cannot {command}: {error}", EXIT_FAILED)
    return 0


def _print_stats(settings: Settings, since: str | None, *, as_json: bool, exact: bool) -> int:
    from bot.core import stats
    from storage.backup import sqlite_file

    try:
        day = date.fromisoformat(since) if since is not None else None
    except ValueError:
        return _fail("--since wants a day as YYYY-MM-DD, e.g. --since 2026-01-31")
    database = sqlite_file(settings.database_url)
    if database is not None and not database.is_file():
        return _fail(f"there is no database file at {database}", EXIT_FAILED)
    numbers = asyncio.run(_clinic_numbers(settings, day))
    report = stats.lines(numbers, exact=exact)
    print((stats.as_json if as_json else stats.as_text)(report, day, exact))
    return 0


async def _clinic_numbers(settings: Settings, since: date | None) -> Numbers:
    from bot.core.stats import stopped_before
    from storage.database import describe_failure
    from storage.models import utcnow
    from storage.stats import clinic_numbers

    engine = settings.create_engine()
    try:
        return await clinic_numbers(engine, since, stopped_before(utcnow()))
    except Exception as error:  # any driver error: these numbers cannot be read here
        hint = " (if the bot was upgraded since, run: backpath migrate)"
        raise DatabaseUnavailable(describe_failure(engine, error) + hint) from error
    finally:
        await engine.dispose()


async def _migrate(settings: Settings) -> None:
    from storage.database import create_schema

    engine = settings.create_engine()
    try:
        await create_schema(engine, migrate=True)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
