"""SIGKILL at random moments during a 50-user run: nothing lost, nothing doubled."""

from __future__ import annotations

from bench.chaos import run


async def test_fifty_users_finish_correctly_through_repeated_sigkills() -> None:
    outcome = await run(users=50, kills=4, seed=7)
    assert outcome.kills == 4
    assert outcome.problems == []
