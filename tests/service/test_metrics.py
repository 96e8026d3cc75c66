"""What the metrics count as the service runs: each committed step once, labelled by
question id and referral row only (bot/core/metrics.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from prometheus_client import REGISTRY, generate_latest

from bot.core.health import database_up
from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from flows import machine
from flows.questions import QUESTIONS
from storage.database import create_engine
from storage.repository import StateRepository, Transaction
from testing.paths import PATHS, asked_along

USER = 987654321
SHOWN = "backpath_questions_shown_total"
ANSWERED = "backpath_questions_answered_total"
STARTED = "backpath_assessments_started_total"
FINISHED = "backpath_assessments_finished_total"


@pytest.fixture
def service(repository: StateRepository) -> TriageService:
    return TriageService(repository)


def sample(name: str, **labels: str) -> float:
    value = REGISTRY.get_sample_value(name, labels)
    assert value is not None, f"{name}{labels} is not exported"
    return value


def per_question(name: str) -> Counter[str]:
    return Counter({q.id: sample(name, question=q.id) for q in QUESTIONS})


def button(reply: Reply, label: str) -> str:
    return next(
        b.data for m in reply.messages for row in m.buttons for b in row if b.label == label
    )


async def test_an_assessment_counts_each_question_shown_and_answered_and_its_referral(
    service: TriageService,
) -> None:
    shown, answered = per_question(SHOWN), per_question(ANSWERED)
    started, finished = sample(STARTED), sample(FINISHED, referral="R3")

    reply = await service.command("start", Sender(USER))
    for label in PATHS["R3"]:
        reply = await service.press(Sender(USER), button(reply, label))

    path = Counter(asked_along(PATHS["R3"]))
    assert per_question(ANSWERED) - answered == path
    assert per_question(SHOWN) - shown == path  # the result is no question
    assert sample(STARTED) - started == 1
    assert sample(FINISHED, referral="R3") - finished == 1
    # Where users stop: every question has its series, the ones not reached at 0 more.
    assert set(per_question(SHOWN)) == {q.id for q in QUESTIONS}


async def test_a_rolled_back_attempt_counts_nothing_and_a_redelivery_nothing_again(
    service: TriageService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    first = await service.command("start", Sender(USER))
    answered, shown = per_question(ANSWERED), per_question(SHOWN)
    real_save = Transaction.save_progress
    rivals = 0

    async def save_after_a_rival(self: Transaction, assessment, **changes):  # type: ignore[no-untyped-def]
        nonlocal rivals
        if rivals == 0:  # another process committed after our read: this attempt is lost
            rivals += 1
            await self._connection.execute(text("UPDATE assessments SET version = version + 1"))
        return await real_save(self, assessment, **changes)

    monkeypatch.setattr(Transaction, "save_progress", save_after_a_rival)
    press = Sender(USER, update_id=41)
    await service.press(press, button(first, "No"))
    await service.press(press, button(first, "No"))  # the same update delivered again

    assert rivals == 1
    assert per_question(ANSWERED) - answered == Counter({machine.FIRST_QUESTION: 1})
    assert sum((per_question(SHOWN) - shown).values()) == 1  # the second question, once


async def test_the_metrics_name_no_user(service: TriageService) -> None:
    reply = await service.command("start", Sender(USER))
    await service.press(Sender(USER), button(reply, "Yes"))
    assert str(USER) not in generate_latest().decode()


async def test_the_database_gauge_follows_the_check(
    repository: StateRepository, tmp_path: Path
) -> None:
    assert await database_up(repository.engine)
    assert sample("backpath_database_up") == 1
    gone = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")
    try:
        assert not await database_up(gone)
        assert sample("backpath_database_up") == 0
    finally:
        await gone.dispose()
