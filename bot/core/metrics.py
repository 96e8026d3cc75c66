"""Prometheus metrics of the bot (served at /metrics).

Labels take values from bounded sets only (update types, question ids, referral rows,
error types): never a user id, never anything a user typed. `deploy/monitoring/` holds
the dashboard and the alerts built on these names.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from prometheus_client import Counter, Gauge, Histogram, Info

from bot.core.replies import Reply
from flows.questions import QUESTIONS
from flows.referral import REFERRAL_TABLE

# The kinds of update counted apart; any other is "other".
UPDATE_TYPES = ("callback_query", "message", "edited_message", "my_chat_member")
UPDATES = Counter("backpath_updates", "Telegram updates handled, by type", ["type"])
HANDLER_SECONDS = Histogram(
    "backpath_handler_seconds",
    "Time to handle one update, database and replies included",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
LAST_UPDATE = Gauge(
    "backpath_last_update_timestamp_seconds",
    "Unix time the last update arrived (the process's start before the first one)",
)
ERRORS = Counter("backpath_errors", "Updates whose handling failed, by error type", ["error"])
ASSESSMENTS_STARTED = Counter("backpath_assessments_started", "Assessments started")
ASSESSMENTS_FINISHED = Counter(
    "backpath_assessments_finished", "Assessments finished, by referral row", ["referral"]
)
QUESTIONS_SHOWN = Counter(
    "backpath_questions_shown", "Question messages sent, by question id", ["question"]
)
QUESTIONS_ANSWERED = Counter(
    "backpath_questions_answered", "Questions answered (button or typed), by question id",
    ["question"],
)  # fmt: skip
DATABASE_UP = Gauge(
    "backpath_database_up", "1 if the database answered the last check (SELECT 1), else 0"
)
INFO = Info("backpath", "How this process runs: mode is polling or webhook")

# Every update type, question and referral row from the start, at 0: a dashboard shows
# the questions nobody reached yet, and rate() sees the first increment of each.
for _type in (*UPDATE_TYPES, "other"):
    UPDATES.labels(_type)
for _question in QUESTIONS:
    QUESTIONS_SHOWN.labels(_question.id)
    QUESTIONS_ANSWERED.labels(_question.id)
for _rule in REFERRAL_TABLE:
    ASSESSMENTS_FINISHED.labels(_rule.referral.row)


def started(mode: Literal["polling", "webhook"]) -> None:
    """The process serves now: its mode, the clock of 'no updates since', and the
    database reached by the start-up's migrations."""
    INFO.info({"mode": mode})
    LAST_UPDATE.set(time.time())
    DATABASE_UP.set(1)


@contextmanager
def handling(update: object) -> Iterator[None]:
    """Count one update by its type, note when it came and time its handling."""
    UPDATES.labels(update_type(update)).inc()
    LAST_UPDATE.set(time.time())
    with HANDLER_SECONDS.time():
        yield


def failed(error: BaseException | None) -> None:
    ERRORS.labels(type(error).__name__).inc()


def database_checked(up: bool) -> None:
    DATABASE_UP.set(1 if up else 0)


@dataclass(slots=True)
class Tally:
    """What one event did to assessments, counted once its transaction has committed: an
    attempt rolled back (a lost compare-and-set, a database failure) counts nothing."""

    started: int = 0
    answered: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)

    def record(self, reply: Reply) -> None:
        """Add this event's counts, with the questions its reply shows."""
        ASSESSMENTS_STARTED.inc(self.started)
        for question in self.answered:
            QUESTIONS_ANSWERED.labels(question).inc()
        for row in self.finished:
            ASSESSMENTS_FINISHED.labels(row).inc()
        for question in questions_in(reply):
            QUESTIONS_SHOWN.labels(question).inc()


def questions_in(reply: Reply) -> Iterable[str]:
    shown = (*reply.messages, *((reply.edit,) if reply.edit else ()))
    return (m.question for m in shown if m.question is not None)


def update_type(update: object) -> str:
    """The kind of a Telegram update: message, callback_query, edited_message, ..."""
    if isinstance(known := getattr(update, "kind", None), str):  # read without PTB
        return known
    for kind in UPDATE_TYPES:
        if getattr(update, kind, None) is not None:
            return kind
    return "other"
