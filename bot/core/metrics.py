"""Prometheus metrics of the bot (served at /metrics)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

UPDATES = Counter("backpath_updates", "Telegram updates handled, by type", ["type"])
HANDLER_SECONDS = Histogram(
    "backpath_handler_seconds",
    "Time to handle one update, database and replies included",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ASSESSMENTS_STARTED = Counter("backpath_assessments_started", "Assessments started")
ASSESSMENTS_FINISHED = Counter(
    "backpath_assessments_finished", "Assessments finished, by referral row", ["referral"]
)
ERRORS = Counter("backpath_errors", "Updates whose handling failed, by error type", ["error"])


def update_type(update: object) -> str:
    """The kind of a Telegram update: message, callback_query, edited_message, ..."""
    if isinstance(known := getattr(update, "kind", None), str):  # read without PTB
        return known
    for kind in ("callback_query", "message", "edited_message", "my_chat_member"):
        if getattr(update, kind, None) is not None:
            return kind
    return "other"
