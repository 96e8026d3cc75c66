"""Retrying Bot API calls that fail for passing reasons: flood control, 5xx, time-outs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 4
FIRST_BACKOFF_SECONDS = 0.5
# Errors that another try cannot fix (PTB derives some of them from NetworkError).
_FINAL = (BadRequest, Forbidden, InvalidToken, Conflict, ChatMigrated)


async def with_retry(
    call: Callable[[], Awaitable[T]],
    *,
    attempts: int = ATTEMPTS,
    backoff: float | None = None,
    retry_timeouts: bool = True,
) -> T:
    """Run `call`; on 429 wait as long as Telegram asks, on 5xx or time-outs back off.

    With `retry_timeouts=False` a time-out is final: the call may have reached Telegram,
    and for a call that must happen at most once (answering a button press) a second try
    would be refused.
    """
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except RetryAfter as error:
            if attempt == attempts:
                raise
            delay = _seconds(error.retry_after)
        except NetworkError as error:
            if isinstance(error, _FINAL) or attempt == attempts:
                raise
            if isinstance(error, TimedOut) and not retry_timeouts:
                raise
            delay = (backoff or FIRST_BACKOFF_SECONDS) * 2 ** (attempt - 1)
        log.warning("Bot API call failed (attempt %d of %d); retrying in %.1fs", attempt,
                    attempts, delay)  # fmt: skip
        await asyncio.sleep(delay)
    raise AssertionError("unreachable")


def _seconds(value: int | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
