"""The container image, built and run for real: the console, and webhook mode against the
fake Bot API (its /healthz, the image's HEALTHCHECK, one assessment, a clean SIGTERM)."""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from testing.fake_telegram import FakeTelegram
from testing.paths import HEADLINES, PATHS
from testing.ports import free_port
from tests.conftest import POSTGRES_URL, Chat, fresh_postgres_database

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "deploy" / "build-offline.sh"
TAG = "localhost/backpath:test"
SECRET = "a-webhook-secret-of-32-characters"
PODMAN = shutil.which("podman") or "podman"


def _limits() -> list[str]:
    """The test's own open-file and process limits, capped: a container engine that runs
    inside a container may not raise a limit (no CAP_SYS_RESOURCE), only keep or lower it."""
    options = []
    for name, limit in (("nofile", resource.RLIMIT_NOFILE), ("nproc", resource.RLIMIT_NPROC)):
        soft, hard = (
            4096 if v == resource.RLIM_INFINITY else min(v, 4096) for v in resource.getrlimit(limit)
        )
        options += ["--ulimit", f"{name}={min(soft, 1024)}:{hard}"]
    return options


RUN = ["run", "--network=host", *_limits()]


@pytest.fixture(scope="module")
def image() -> Iterator[str]:
    """The image deploy/build-offline.sh builds (from a local base, with local wheels)."""
    if shutil.which("podman") is None:
        pytest.skip("podman is not installed, so the image is not built (.ci/run installs it)")
    if not os.environ.get("BACKPATH_BASE_IMAGE") and shutil.which("mmdebstrap") is None:
        pytest.skip("no base image: install mmdebstrap or set BACKPATH_BASE_IMAGE")
    base = subprocess.run([BUILD, "--base"], capture_output=True, text=True, check=False)
    assert base.returncode == 0, base.stderr
    probe = subprocess.run(
        [PODMAN, *RUN, "--rm", base.stdout.strip(), "true"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        reason = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"podman cannot start containers here: {reason}")
    build = subprocess.run([BUILD, TAG], capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr[-3000:]
    yield TAG
    # Each run builds anew; the base image stays for the next one.
    subprocess.run([PODMAN, "rmi", "--force", TAG], capture_output=True, check=False)


async def podman(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        PODMAN, *args,
        stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(stdin), 120)  # a hang guard only
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_the_console_runs_an_assessment_in_the_container(image: str) -> None:
    # An adult without risk factors, pain under 2 weeks in the lower back, movement-related.
    typed = ["2"] * 8 + ["2", "2"] + ["1", "1", "2"]
    code, screen, err = await podman(
        *RUN, "--rm", "-i", "--no-healthcheck", image, "console",
        stdin="\n".join(typed).encode(),
    )  # fmt: skip
    assert code == 0, err
    assert "Question 1 of 16" in screen
    assert HEADLINES["R3"] in screen


@asynccontextmanager
async def database() -> AsyncIterator[dict[str, str]]:
    """PostgreSQL (a new database) when the tests have a server, else the image's SQLite."""
    if not POSTGRES_URL:
        yield {}
        return
    async with fresh_postgres_database(POSTGRES_URL) as url:
        yield {"DATABASE_URL": url}


async def wait_healthy(base: str, name: str) -> dict[str, object]:
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            try:
                async with http.get(f"{base}/healthz") as response:
                    if response.status == 200:
                        return dict(await response.json())
            except aiohttp.ClientConnectionError:
                pass
            code, state, _ = await podman("inspect", "--format", "{{.State.Running}}", name)
            assert code == 0 and state.strip() == "true", (await podman("logs", name))[2]
            await asyncio.sleep(0.1)
    raise AssertionError("the webhook never answered /healthz")


async def test_a_webhook_replica_migrates_serves_health_and_an_assessment(image: str) -> None:
    port = free_port()
    name = f"backpath-test-{uuid.uuid4().hex[:8]}"
    telegram = FakeTelegram(push_to=f"http://127.0.0.1:{port}/telegram")
    async with AsyncExitStack() as stack:
        await telegram.start()
        stack.push_async_callback(telegram.stop)
        db = await stack.enter_async_context(database())
        env = db | {
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_BASE_URL": telegram.base_url,
            "BOT_MODE": "webhook",
            "WEBHOOK_URL": "https://bot.example.org/telegram",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
        }
        options = [f"--env={key}={value}" for key, value in env.items()]
        code, _, err = await podman(*RUN, "-d", f"--name={name}", *options, image)
        assert code == 0, err
        stack.push_async_callback(podman, "rm", "-f", name)

        # Started on an empty database: the schema was made at start-up.
        assert await wait_healthy(f"http://127.0.0.1:{port}", name) == {
            "status": "ok",
            "database": True,
        }
        assert telegram.webhook == ("https://bot.example.org/telegram", SECRET)
        code, out, err = await podman("healthcheck", "run", name)
        assert code == 0, out + err
        assert (await podman("exec", name, "id", "-u"))[1].strip() != "0"

        user = Chat(telegram, 77)
        await user.send("/start", expect=2)
        for label in PATHS["R3"]:
            await user.tap(label)
        await telegram.wait_for(
            lambda: any(m.visible.startswith(HEADLINES["R3"]) for m in user.received)
        )

        code, _, err = await podman("stop", "--time=20", name)
        assert code == 0, err
        _, exit_code, _ = await podman("inspect", "--format", "{{.State.ExitCode}}", name)
        _, out, err = await podman("logs", name)
        logs = out + err
    assert exit_code.strip() == "0", logs  # SIGTERM: a clean stop
    assert "BackPath serves its webhook" in logs
