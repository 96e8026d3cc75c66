"""The installed entry points, run as real processes: start-up errors, kill -9, console."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import Settings
from storage.database import create_engine
from testing.fake_telegram import TOKEN, FakeTelegram, SentMessage
from testing.paths import PATHS
from testing.ports import free_port
from tests.conftest import Chat


def bot_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env |= {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", "POLLING_TIMEOUT": "1"}
    return env | overrides


# Repeated runs of a failing start-up; at most `_AT_ONCE` processes at a time, so that each
# stays well inside its hang guard on a 2-core machine.
RUNS = 20
_AT_ONCE = asyncio.Semaphore(4)


async def run_to_exit(tmp_path: Path, *args: str, **env: str) -> tuple[int, str]:
    async with _AT_ONCE:
        return await _run_to_exit(tmp_path, *args, **env)


async def _run_to_exit(tmp_path: Path, *args: str, **env: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        cwd=tmp_path, env=bot_env(tmp_path, **env),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, stderr = await asyncio.wait_for(process.communicate(), 60)  # a hang guard only
    assert process.returncode is not None
    return process.returncode, stderr.decode()


async def console_screen(tmp_path: Path, lines: list[str], within: float = 30) -> str:
    """What `backpath console` prints for these typed lines; it must end with exit 0."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "console",
        cwd=tmp_path, env=bot_env(tmp_path),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate("\n".join(lines).encode()), within)
    assert process.returncode == 0, err.decode()
    return out.decode()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN is malformed"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": "sqlite+aiosqlite:////nonexistent/x/y.db"},
         "cannot use the database"),
        ({"LOG_LEVEL": "LOUD"}, "setting LOG_LEVEL is invalid"),
    ],
)  # fmt: skip
async def test_bad_configuration_is_one_line_and_exit_code_2(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    code, stderr = await run_to_exit(tmp_path, **env)
    assert code == 2
    assert stderr.count("\n") == 1, stderr
    assert message in stderr
    assert "Traceback" not in stderr


async def test_an_unusable_database_is_one_line_every_time(tmp_path: Path) -> None:
    # aiosqlite's thread used to report to a closed event loop after the error, adding a
    # traceback about one run in six: twenty runs make that race show.
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": "sqlite+aiosqlite:////nonexistent/x/y.db"}
    runs = await asyncio.gather(*(run_to_exit(tmp_path, **env) for _ in range(RUNS)))
    for code, stderr in runs:
        assert code == 2
        assert stderr.count("\n") == 1, stderr
        assert "cannot use the database" in stderr


# Telegram's address where nothing listens: a start-up that got as far as the network
# would end with exit code 1, "cannot reach the Telegram Bot API".
NO_TELEGRAM = "http://127.0.0.1:9/bot"
PASSWORD = "hunter2-not-for-logs"
ACCEPTED = ("sqlite (sqlite:///", "postgresql (postgresql://")
WEBHOOK = {
    "BOT_MODE": "webhook",
    "WEBHOOK_URL": "https://bot.example.org/telegram",
    "WEBHOOK_SECRET": "a-webhook-secret-of-32-characters",
}

# name -> (settings, what the one line must say)
BAD_SETTINGS: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "database-empty": ({"DATABASE_URL": ""}, ("DATABASE_URL is empty", *ACCEPTED)),
    "database-words": ({"DATABASE_URL": "not a url"},
                       ("DATABASE_URL is not a database URL", *ACCEPTED)),
    "database-no-scheme": ({"DATABASE_URL": "://"},
                           ("DATABASE_URL is not a database URL", *ACCEPTED)),
    "database-mysql": ({"DATABASE_URL": f"mysql://backpath:{PASSWORD}@db.internal/backpath"},
                       ("DATABASE_URL is for mysql (mysql://backpath:***@db.internal/backpath)",
                        *ACCEPTED)),
    "database-oracle": ({"DATABASE_URL": "oracle://"}, ("DATABASE_URL is for oracle", *ACCEPTED)),
    "webhook-no-url": (WEBHOOK | {"WEBHOOK_URL": ""},
                       ("WEBHOOK_URL is required in webhook mode",)),
    "webhook-http": (WEBHOOK | {"WEBHOOK_URL": "http://bot.example.org/telegram"},
                     ("WEBHOOK_URL must start with https://", "it starts with http://")),
    "webhook-no-host": (WEBHOOK | {"WEBHOOK_URL": "https:///telegram"},
                        ("WEBHOOK_URL has no valid host name",)),
    "webhook-url-port": (WEBHOOK | {"WEBHOOK_URL": "https://bot.example.org:8080/telegram"},
                         ("WEBHOOK_URL uses port 8080", "443, 80, 88 or 8443")),
    "webhook-listen-port": (WEBHOOK | {"WEBHOOK_PORT": "0"},
                            ("setting WEBHOOK_PORT is invalid",)),
    "webhook-no-secret": (WEBHOOK | {"WEBHOOK_SECRET": ""},
                          ("WEBHOOK_SECRET is required in webhook mode",)),
    "webhook-secret-characters": (WEBHOOK | {"WEBHOOK_SECRET": f"{PASSWORD}.with spaces"},
                                  ("WEBHOOK_SECRET has characters Telegram does not allow",)),
}  # fmt: skip


@pytest.mark.parametrize(("env", "says"), list(BAD_SETTINGS.values()), ids=list(BAD_SETTINGS))
async def test_each_bad_setting_is_one_line_and_exit_code_2(
    tmp_path: Path, env: dict[str, str], says: tuple[str, ...]
) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": NO_TELEGRAM} | env
    code, stderr = await run_to_exit(tmp_path, **env)
    assert code == 2, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("backpath: "), stderr
    assert all(part in stderr for part in says), stderr
    assert PASSWORD not in stderr
    # Refused when the settings load: the database was never opened.
    assert not (tmp_path / "bot.db").exists()


@pytest.mark.parametrize(("env", "says"), list(BAD_SETTINGS.values()), ids=list(BAD_SETTINGS))
def test_each_bad_setting_is_refused_the_same_way_every_time(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    env: dict[str, str],
    says: tuple[str, ...],
) -> None:
    # Settings are refused before any thread or event loop exists, so twenty runs of the
    # command line in this process show whether the answer ever varies.
    use_only(monkeypatch, tmp_path, {"TELEGRAM_API_BASE_URL": NO_TELEGRAM} | env)
    for _ in range(RUNS):
        assert main([]) == 2
        stderr = capsys.readouterr().err
        assert stderr.count("\n") == 1 and all(part in stderr for part in says), stderr
        assert PASSWORD not in stderr


@pytest.mark.parametrize(("given", "kept"), [("", ""), (" 112 ", "112"), ("911", "911")])
def test_a_valid_emergency_number_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, given: str, kept: str
) -> None:
    use_only(monkeypatch, tmp_path, {"EMERGENCY_NUMBER": given})
    assert Settings().emergency_number == kept


def use_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str]) -> None:
    """Run `main()` in this process with exactly these settings (and a valid token)."""
    monkeypatch.chdir(tmp_path)  # no .env
    for name in os.environ:
        if name.startswith(
            ("TELEGRAM_", "DATABASE_", "BOT_", "WEBHOOK_", "METRICS_", "EMERGENCY_")
        ):
            monkeypatch.delenv(name)
    for name, value in bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, **env).items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"DATABASE_URL": "sqlite://bot.db"}, "DATABASE_URL puts a host in an sqlite URL"),
        ({"DATABASE_URL": f"postgresql+psycopg2://backpath:{PASSWORD}@db/backpath"},
         "DATABASE_URL asks for the psycopg2 driver"),
        ({"DATABASE_URL": f"postgresql://backpath:{PASSWORD}@db:port/backpath"},
         "DATABASE_URL is not a database URL"),
        (WEBHOOK | {"WEBHOOK_URL": "https://bot.example.org:99999/telegram"},
         "WEBHOOK_URL has an invalid port"),
        (WEBHOOK | {"WEBHOOK_URL": "https://[::1/telegram"}, "WEBHOOK_URL is not a valid URL"),
        (WEBHOOK | {"WEBHOOK_SECRET": "short"}, "WEBHOOK_SECRET must be 16-256 characters"),
        (WEBHOOK | {"WEBHOOK_SECRET": "a-webhook-secret-of-32-characters\n"},
         "WEBHOOK_SECRET has characters Telegram does not allow"),
        (WEBHOOK | {"WEBHOOK_PORT": "https"}, "setting WEBHOOK_PORT is invalid"),
        ({"METRICS_PORT": "70000"}, "setting METRICS_PORT is invalid"),
        ({"EMERGENCY_NUMBER": "1"}, "EMERGENCY_NUMBER must be the local emergency number"),
        ({"EMERGENCY_NUMBER": "1234567"}, "EMERGENCY_NUMBER must be"),
        ({"EMERGENCY_NUMBER": "+1 911"}, "EMERGENCY_NUMBER must be"),
        ({"EMERGENCY_NUMBER": "９１１"}, "EMERGENCY_NUMBER must be"),  # full-width digits
    ],
)  # fmt: skip
def test_more_bad_settings_are_one_line_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    env: dict[str, str],
    says: str,
) -> None:
    use_only(monkeypatch, tmp_path, env)
    assert main([]) == 2
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1 and stderr.startswith(f"backpath: {says}"), stderr
    assert PASSWORD not in stderr
    assert not (tmp_path / "bot.db").exists()


def test_an_unreadable_env_file_is_one_line_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_bytes(b"LOG_LEVEL=\xff\xfe\n")
    assert main([]) == 2
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1 and stderr.startswith("backpath: cannot read the settings")


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://backpath:s3cret@db.internal:5432/backpath",
         "postgresql+asyncpg://backpath:s3cret@db.internal:5432/backpath"),
        ("postgres://backpath@db.internal/backpath", "postgresql+asyncpg://backpath@db.internal/backpath"),
        ("PostgreSQL://db.internal/backpath", "postgresql+asyncpg://db.internal/backpath"),
        ("postgresql+asyncpg://db.internal/backpath", "postgresql+asyncpg://db.internal/backpath"),
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        ("sqlite:////var/lib/backpath/x.db", "sqlite+aiosqlite:////var/lib/backpath/x.db"),
        ("sqlite+aiosqlite:///x.db", "sqlite+aiosqlite:///x.db"),
    ],
)  # fmt: skip
def test_database_urls_get_the_async_driver_when_the_settings_load(
    monkeypatch: pytest.MonkeyPatch, given: str, used: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", given)
    assert Settings(_env_file=None).database_url == used  # type: ignore[call-arg]


async def test_a_postgresql_url_without_a_driver_gets_an_asyncpg_engine() -> None:
    engine = create_engine("postgresql://backpath:s3cret@db.internal:5432/backpath")
    try:  # nothing connects: the driver is chosen when the engine is made
        assert engine.url.drivername == "postgresql+asyncpg"
        assert engine.dialect.driver == "asyncpg"
    finally:
        await engine.dispose()


async def test_token_rejected_by_telegram_is_exit_code_2(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    other_token = "987654321:some-other-token-that-telegram-rejects"
    code, stderr = await run_to_exit(
        tmp_path, TELEGRAM_BOT_TOKEN=other_token, TELEGRAM_API_BASE_URL=telegram.base_url
    )
    assert code == 2
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in stderr
    assert other_token not in stderr
    assert "Unclosed" not in stderr  # the HTTP sessions are closed on the way out


async def test_unreachable_telegram_is_one_clear_line_and_exit_code_1(tmp_path: Path) -> None:
    code, stderr = await run_to_exit(
        tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot"
    )
    assert code == 1
    assert "backpath: cannot reach the Telegram Bot API" in stderr
    assert "Traceback" not in stderr
    assert "Unclosed" not in stderr


BotProcess = Callable[[], "asynccontextmanager[asyncio.subprocess.Process]"]


@pytest.fixture
def bot_process(tmp_path: Path, telegram: FakeTelegram):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def start(log_level: str = "INFO") -> AsyncIterator[asyncio.subprocess.Process]:
        polls = telegram.calls.count("getUpdates")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot",
            cwd=tmp_path,
            env=bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN,
                        TELEGRAM_API_BASE_URL=telegram.base_url, LOG_LEVEL=log_level),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            await telegram.wait_for(lambda: telegram.calls.count("getUpdates") > polls, 20)
            yield process
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()

    return start


async def test_sigkill_mid_assessment_loses_nothing(
    bot_process: BotProcess, telegram: FakeTelegram
) -> None:
    user = Chat(telegram, 77)

    def answered() -> list[SentMessage]:
        return [m for m in user.received if "Your answer:" in m.text]

    async with bot_process() as process:
        await user.send("/start", expect=2)
        await user.answer_all(["No", "No", "No", "No"])
        process.kill()  # SIGKILL: no chance to clean up

    async with bot_process() as process:
        # A returning user who types anything is offered to resume...
        (offer,) = await user.send("hi")
        assert "You have an unfinished assessment" in offer.text
        # ...and Resume asks exactly the question that was pending.
        _, (question,) = await user.tap("Resume", offer)
        assert question.text.startswith("<b>Question 5 of 16</b>")
        assert "losing weight" in question.text
        process.kill()

    # While the bot is down, the user answers that question: Telegram keeps the update.
    received = len(user.received)
    await telegram.press(77, question, question.data_of("No"))

    async with bot_process():
        (following,) = (await telegram.wait_for_messages(77, received + 1, 20))[received:]
        assert following.text.startswith("<b>Question 6 of 16</b>")
        result = await user.answer_all(PATHS["R3"][5:])
        # Each answered question is edited beside the next one going out, so its edit
        # may land just after it: wait for the edits, then count them.
        await telegram.wait_for(lambda: "Your answer:" in question.text)
        await telegram.wait_for(lambda: len(answered()) >= len(PATHS["R3"]))

    assert result.visible.startswith("See your primary care doctor")
    assert len(answered()) == len(PATHS["R3"])  # each question answered exactly once


async def test_sigterm_stops_cleanly_without_leaking_the_token(bot_process: BotProcess) -> None:
    async with bot_process(log_level="DEBUG") as process:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 20)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "Traceback" not in log
    assert "stopping" in log
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log


async def test_console_runs_the_assessment_and_resumes_it(tmp_path: Path) -> None:
    first = await console_screen(tmp_path, ["2", "2", "2"])  # three red flags "No", leave
    assert "Question 4 of 16" in first
    # Resume, then the remaining answers
    resumed = await console_screen(tmp_path, ["1", "2", "2", "2", "2", "2", "1", "1", "2"])
    assert "You have an unfinished assessment" in resumed
    assert "Question 4 of 16" in resumed
    assert "See your primary care doctor" in resumed


async def test_console_keys_never_collide_with_answers_and_help_shows_the_question_again(
    tmp_path: Path,
) -> None:
    screen = await console_screen(tmp_path, ["2", "?", "/help", "b", "/privacy"])
    assert "Tap" not in screen and "Telegram user id" not in screen
    assert "b to go back, ? to see why" in screen
    assert "  [b] ◀ Back\n  [?] Why?" in screen
    assert "  [4]" not in screen  # three answers: 1-3; Back and Why are letters
    assert "(Legs that suddenly go weak" in screen  # "?" answered with the reason
    after_help = screen.split("How BackPath works", 1)[1]
    assert "Question 2 of 16" in after_help.split("You went back", 1)[0]  # shown again
    assert "Question 1 of 16" in screen.split("You went back", 1)[1]  # "b" went back
    assert "A number made from your user name on this computer" in screen
    assert screen.rstrip().endswith("[?] Why?")  # /privacy, then the question again


async def test_ctrl_c_in_the_console_stops_at_once_and_keeps_the_answers(tmp_path: Path) -> None:
    async def start() -> asyncio.subprocess.Process:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "console",
            cwd=tmp_path, env=bot_env(tmp_path),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip

    async def read_until(process: asyncio.subprocess.Process, text: str) -> str:
        assert process.stdout is not None
        seen = ""
        while text not in seen:
            line = await asyncio.wait_for(process.stdout.readline(), 30)
            assert line, f"the console ended before {text!r}: {seen}"
            seen += line.decode()
        return seen

    process = await start()
    assert process.stdin is not None
    process.stdin.write(b"2\n2\n")  # stdin stays open: the console waits for more
    await read_until(process, "Question 3 of 16")
    await read_until(process, "[?] Why?")
    process.send_signal(signal.SIGINT)
    rest, err = await asyncio.wait_for(process.communicate(), 10)
    assert "Your answers are saved" in rest.decode(), err.decode()
    assert "Traceback" not in err.decode()

    again = await start()
    out, _ = await asyncio.wait_for(again.communicate(b"1\n"), 30)  # Resume
    assert "Question 3 of 16" in out.decode()


async def test_polling_with_metrics_port_serves_health_and_json_logs(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    import json

    import aiohttp

    port = free_port()
    env = bot_env(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        METRICS_PORT=str(port),
        WEBHOOK_LISTEN="127.0.0.1",
        LOG_FORMAT="json",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await telegram.wait_for(lambda: "getUpdates" in telegram.calls, 20)
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                        health = (response.status, await response.json())
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
            async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
                metrics = await response.text()
        # What a container's HEALTHCHECK runs: healthy now, unhealthy on another port.
        assert await run_to_exit(tmp_path, "healthcheck", METRICS_PORT=str(port)) == (0, "")
        code, stderr = await run_to_exit(tmp_path, "healthcheck", METRICS_PORT=str(free_port()))
        assert code == 1 and "/healthz does not answer" in stderr, stderr
    finally:
        process.terminate()
        _, stderr = await asyncio.wait_for(process.communicate(), 20)
    assert process.returncode == 0  # SIGTERM: a clean stop
    assert health == (200, {"status": "ok", "database": True})
    assert "backpath_updates_total" in metrics
    records = [json.loads(line) for line in stderr.decode().splitlines() if line.strip()]
    assert any(r["message"] == "BackPath is polling for updates" for r in records)
    assert all({"levelname", "name", "message"} <= r.keys() for r in records)


async def test_the_console_keeps_the_reminder_list_pickable_after_reminders(
    tmp_path: Path,
) -> None:
    # An R3 result (an adult without risk factors) and its reminder, a new assessment left
    # open, then /reminders and "1".
    typed = ["2"] * 8 + ["2", "2"] + ["1", "1", "2", "1", "/start", "/reminders", "1"]
    screen = await console_screen(tmp_path, typed, within=60)
    assert "Remind me in 42 days" in screen and "Done. On" in screen
    after = screen.split("Your reminders", 1)[1]
    assert "Question 1 of 16" not in after  # the list keeps its numbers...
    assert "Reminder cancelled." in after  # ...so "1" cancelled it and answered nothing
    assert "Emergency" not in after
