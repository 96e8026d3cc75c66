"""Command line: `backpath` (or `python -m bot`) runs the Telegram bot with long polling;
`backpath console` runs the same assessment in the terminal, with no token needed."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Coroutine
from typing import Any

from pydantic import ValidationError
from pydantic_settings import SettingsError

from bot.config import ConfigError, Settings
from bot.logs import configure_logging
from storage.database import DatabaseUnavailable

EXIT_CONFIG = 2


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="backpath", description=__doc__)
    parser.add_argument(
        "command",
        nargs="?",
        default="run",
        choices=("run", "console", "migrate", "healthcheck"),
        help="run: the Telegram bot (default); console: try the assessment in this terminal; "
        "migrate: bring the database schema up to date and exit; healthcheck: exit 0 if "
        "the running bot answers GET /healthz (a container's HEALTHCHECK)",
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        return _fail(_describe(error))
    except (OSError, UnicodeDecodeError, SettingsError) as error:  # an unreadable .env
        return _fail(f"cannot read the settings: {error}")

    try:
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


async def _migrate(settings: Settings) -> None:
    from storage.database import create_schema

    engine = settings.create_engine()
    try:
        await create_schema(engine, migrate=True)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
