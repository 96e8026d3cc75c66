"""The scale-out fault drill, short: two webhook replicas behind nginx on one PostgreSQL,
a few patients, and each fault once (`python -m bench.chaos --scale` is the full one)."""

from __future__ import annotations

import os

import pytest

from bench.chaos_scale import run


@pytest.mark.skipif(
    not os.environ.get("BACKPATH_TEST_POSTGRES_URL"),
    reason="needs PostgreSQL (.ci/postgres.sh; .ci/run starts it)",
)
async def test_every_fault_once_loses_and_doubles_nothing() -> None:
    result = await run(users=6, quiet=1.0, seed=3)
    assert result.problems == []
    assert (result.lost, result.doubled) == (0, 0)
    by_name = {fault.name.split(" (")[0]: fault for fault in result.faults}
    assert len(by_name) == 5
    for fault in result.faults:
        assert fault.recovery_s is not None, f"no press answered after: {fault.name}"
        assert fault.health_last == {"200"}, f"/healthz after {fault.name}"
    # A frozen database hangs the health check's query: it answers 503 in time instead.
    assert "503" in by_name["PostgreSQL frozen 5 s"].health_seen
    # The killed replica is restarted by the drill; the database faults need no restart.
    assert result.assessments >= 6
