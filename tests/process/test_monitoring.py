"""deploy/monitoring against Debian's real Prometheus: the alerts check and pass their own
tests, and every dashboard query answers with data scraped from a running bot that has
seen one assessment."""

from __future__ import annotations

import asyncio
import math
import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest

from flows.questions import QUESTIONS
from testing.fake_telegram import TOKEN, FakeTelegram
from testing.monitoring import (
    RULES,
    RULES_TEST,
    SCRAPE_CONFIG,
    alert_names,
    as_prometheus_runs,
    queries,
)
from testing.paths import PATHS, asked_along
from testing.ports import free_port
from tests.conftest import Chat
from tests.process.test_cli import bot_env

PROMETHEUS = shutil.which("prometheus")
PROMTOOL = shutil.which("promtool")
pytestmark = pytest.mark.skipif(
    PROMETHEUS is None or PROMTOOL is None,
    reason="Debian's prometheus is not installed (apt-get install prometheus; .ci/run does)",
)

# Grafana's $__rate_interval and $__range, as the queries are run here: long enough to hold
# the samples from before the assessment and after it.
WINDOW = "5m"
# Generous deadlines for conditions on a busy 2-core machine (waits, not assertions).
DEADLINE = 90.0

T = TypeVar("T")


async def promtool(*args: str) -> str:
    assert PROMTOOL is not None
    process = await asyncio.create_subprocess_exec(
        PROMTOOL, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)  # a hang guard only
    assert process.returncode == 0, out.decode()
    return out.decode()


async def test_promtool_checks_the_rules_the_scrape_config_and_the_alert_tests() -> None:
    assert "SUCCESS: 5 rules found" in await promtool("check", "rules", str(RULES))
    assert "SUCCESS" in await promtool("check", "config", str(SCRAPE_CONFIG))
    assert "SUCCESS" in await promtool("test", "rules", str(RULES_TEST))


@asynccontextmanager
async def running(
    *command: str, cwd: Path, env: dict[str, str] | None = None
) -> AsyncIterator[None]:
    process = await asyncio.create_subprocess_exec(
        *command, cwd=cwd, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()


async def eventually(probe: Callable[[], Awaitable[T | None]], what: str) -> T:
    """The first result of `probe` that is not None, trying until DEADLINE."""
    loop = asyncio.get_running_loop()
    give_up = loop.time() + DEADLINE
    while loop.time() < give_up:
        try:
            found = await probe()
        except aiohttp.ClientConnectionError:
            found = None
        if found is not None:
            return found
        await asyncio.sleep(0.5)
    raise AssertionError(f"not within {DEADLINE} s: {what}")


def scrape_config(bot_port: int, directory: Path) -> Path:
    path = directory / "prometheus.yml"
    path.write_text(
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        f"rule_files: ['{RULES}']\n"
        "scrape_configs:\n"
        "  - job_name: backpath\n"
        f"    static_configs: [{{targets: ['127.0.0.1:{bot_port}']}}]\n",
        encoding="utf-8",
    )
    return path


async def test_prometheus_scrapes_the_bot_and_answers_every_dashboard_query(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    assert PROMETHEUS is not None
    bot_port, web_port = free_port(), free_port()
    bot = bot_env(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=telegram.base_url,
        METRICS_PORT=str(bot_port),
        WEBHOOK_LISTEN="127.0.0.1",
    )
    prometheus = (
        PROMETHEUS,
        f"--config.file={scrape_config(bot_port, tmp_path)}",
        f"--storage.tsdb.path={tmp_path / 'tsdb'}",
        f"--web.listen-address=127.0.0.1:{web_port}",
    )
    api = f"http://127.0.0.1:{web_port}/api/v1"

    async with (
        running(sys.executable, "-m", "bot", cwd=tmp_path, env=bot),
        running(*prometheus, cwd=tmp_path),
        aiohttp.ClientSession() as http,
    ):

        async def query(expr: str) -> list[dict[str, Any]]:
            async with http.get(f"{api}/query", params={"query": expr}) as response:
                body = await response.json()
            assert body["status"] == "success", (expr, body)
            assert body["data"]["resultType"] == "vector", expr
            result: list[dict[str, Any]] = body["data"]["result"]
            return result

        async def scraped_value(expr: str, value: float) -> bool | None:
            found = await query(expr)
            return True if found and float(found[0]["value"][1]) == value else None

        await eventually(lambda: scraped_value('up{job="backpath"}', 1), "the bot scraped")
        user = Chat(telegram, 77)
        await user.send("/start", expect=2)
        result = await user.answer_all(PATHS["R3"])
        assert result.visible.startswith("See your primary care doctor")
        finished = 'backpath_assessments_finished_total{referral="R3"}'
        await eventually(lambda: scraped_value(finished, 1), "the finished assessment scraped")

        answers = {q.expr: await query(as_prometheus_runs(q.expr, WINDOW)) for q in queries()}

        async def evaluated_rules() -> list[dict[str, Any]] | None:
            async with http.get(f"{api}/rules") as response:
                body = await response.json()
            rules = [r for g in body["data"]["groups"] for r in g["rules"]]
            done = all(not r["lastEvaluation"].startswith("0001") for r in rules)
            return rules if rules and done else None

        rules = await eventually(evaluated_rules, "every rule evaluated")

    def by(expr_start: str, label: str) -> dict[str, float]:
        (expr,) = (e for e in answers if e.startswith(expr_start))
        return {s["metric"].get(label, ""): float(s["value"][1]) for s in answers[expr]}

    # No update failed, so only the errors by kind have no series; the share is 0.
    panels = {q.expr: q.panel for q in queries()}
    assert [panels[expr] for expr, found in answers.items() if not found] == ["Errors by kind"]
    assert by("(sum(rate(backpath_errors_total", "") == {"": 0}
    for expr, found in answers.items():
        for series in found:
            assert not math.isnan(float(series["value"][1])), expr

    path = set(asked_along(PATHS["R3"]))
    shown = by("sum by (question) (increase(backpath_questions_shown_total", "question")
    answered = by("sum by (question) (increase(backpath_questions_answered_total", "question")
    assert set(shown) == set(answered) == {q.id for q in QUESTIONS}
    assert {q for q, n in shown.items() if n > 0} == path
    assert {q for q, n in answered.items() if n > 0} == path
    finished = by("sum by (referral) (increase(backpath_assessments_finished_total", "referral")
    assert {row for row, n in finished.items() if n > 0} == {"R3"}
    updates = by("sum by (type) (rate(backpath_updates_total", "type")
    assert {kind for kind, n in updates.items() if n > 0} == {"message", "callback_query"}
    assert by("min(backpath_database_up)", "") == {"": 1}
    assert by("count by (mode) (backpath_info)", "mode") == {"polling": 1}

    assert sorted(r["name"] for r in rules) == sorted(alert_names())
    assert all(r["health"] == "ok" for r in rules), rules
