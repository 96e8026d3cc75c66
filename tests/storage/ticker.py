"""A witness that the event loop kept serving others while a test's block waited."""

from __future__ import annotations

import asyncio
from types import TracebackType


class LoopTicker:
    """Counts how often the loop let a 1 ms sleeper run during the `async with` block."""

    def __init__(self) -> None:
        self.ticks = 0
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> LoopTicker:
        self._task = asyncio.create_task(self._tick())
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._task is not None
        self._task.cancel()

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.001)
            self.ticks += 1
