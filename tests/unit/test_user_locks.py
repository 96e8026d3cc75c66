"""Per-user locks: one user's events in order, different users in parallel, no leak."""

from __future__ import annotations

import asyncio

from bot.core.user_locks import UserLocks


async def test_one_users_events_run_one_at_a_time_in_arrival_order() -> None:
    locks = UserLocks()
    order: list[int] = []
    inside = 0

    async def event(n: int) -> None:
        nonlocal inside
        async with locks.hold("alice"):
            inside += 1
            assert inside == 1
            await asyncio.sleep(0.001)
            order.append(n)
            inside -= 1

    await asyncio.gather(*(event(n) for n in range(20)))
    assert order == list(range(20))


async def test_different_users_do_not_wait_for_each_other() -> None:
    locks = UserLocks()
    alice_inside = asyncio.Event()
    release = asyncio.Event()

    async def alice() -> None:
        async with locks.hold("alice"):
            alice_inside.set()
            await release.wait()

    task = asyncio.create_task(alice())
    await alice_inside.wait()
    async with asyncio.timeout(1), locks.hold("bob"):
        pass  # bob gets in while alice still holds hers
    release.set()
    await task


async def test_locks_are_forgotten_when_nobody_holds_or_waits() -> None:
    locks = UserLocks()

    async def event(user: int) -> None:
        async with locks.hold(user):
            await asyncio.sleep(0)

    await asyncio.gather(*(event(user % 50) for user in range(1000)))
    assert len(locks) == 0
