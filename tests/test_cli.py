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

from testing.fake_telegram import TOKEN, FakeTelegram, SentMessage
from testing.paths import PATHS
from tests.conftest import Chat


def bot_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env |= {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", "POLLING_TIMEOUT": "1"}
    return env | overrides


async def run_to_exit(tmp_path: Path, *args: str, **env: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        cwd=tmp_path, env=bot_env(tmp_path, **env),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


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
    runs = await asyncio.gather(*(run_to_exit(tmp_path, **env) for _ in range(20)))
    for code, stderr in runs:
        assert code == 2
        assert stderr.count("\n") == 1, stderr
        assert "cannot use the database" in stderr


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
        assert question.text.startswith("<b>Question 5 of 14</b>")
        assert "losing weight" in question.text
        process.kill()

    # While the bot is down, the user answers that question: Telegram keeps the update.
    received = len(user.received)
    await telegram.press(77, question, question.data_of("No"))

    async with bot_process():
        (following,) = (await telegram.wait_for_messages(77, received + 1, 20))[received:]
        assert following.text.startswith("<b>Question 6 of 14</b>")
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
    async def console(lines: list[str]) -> str:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "console",
            cwd=tmp_path, env=bot_env(tmp_path),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(process.communicate("\n".join(lines).encode()), 30)
        assert process.returncode == 0, err.decode()
        return out.decode()

    first = await console(["2", "2", "2"])  # three red flags answered "No", then leave
    assert "Question 4 of 14" in first
    resumed = await console(["1", "2", "2", "2", "2", "2", "1", "1", "2"])  # Resume, answers
    assert "You have an unfinished assessment" in resumed
    assert "Question 4 of 14" in resumed
    assert "See your primary care doctor" in resumed


async def test_webhook_mode_without_a_secret_is_refused_at_start(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    code, stderr = await run_to_exit(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        BOT_MODE="webhook",
        WEBHOOK_URL="https://bot.example.org/telegram",
    )
    assert code == 2
    assert "WEBHOOK_SECRET is required in webhook mode" in stderr
    assert "Traceback" not in stderr


async def test_polling_with_metrics_port_serves_health_and_json_logs(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    import json
    import socket

    import aiohttp

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
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
    finally:
        process.terminate()
        _, stderr = await asyncio.wait_for(process.communicate(), 20)
    assert process.returncode == 0  # SIGTERM: a clean stop
    assert health == (200, {"status": "ok", "database": True})
    assert "backpath_updates_total" in metrics
    records = [json.loads(line) for line in stderr.decode().splitlines() if line.strip()]
    assert any(r["message"] == "BackPath is polling for updates" for r in records)
    assert all({"levelname", "name", "message"} <= r.keys() for r in records)
