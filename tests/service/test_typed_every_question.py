"""Typed at every question (issue 19): each labelled emergency, urgent and harmless
message of the tuning corpus and the held-out set, typed while each question of the flow
is pending, through the service on a real SQLite file. An emergency must end in the
emergency result or its one-tap confirmation, wherever it is typed; a harmless message
never in the emergency result; an urgent sign is never recorded as the duration."""

from __future__ import annotations

import pytest

from bot.core.actions import ConfirmEmergencyAction, decode
from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from bot.ui.i18n import LANGUAGES
from flows import machine
from flows.questions import QUESTIONS, RED_FLAG_IDS, RISK_FACTORS
from flows.understanding import corpus
from storage.repository import StateRepository
from testing.paths import every_ending

pytestmark = pytest.mark.sqlite_only
USER = 77


def _pending_at_each_question() -> dict[str, machine.Snapshot]:
    """A snapshot waiting at each question, found on the flow's own paths."""
    found: dict[str, machine.Snapshot] = {}
    for ending in every_ending():
        walked = machine.start()
        for question_id in ending.history:
            found.setdefault(question_id, walked)
            walked = machine.answer(walked, question_id, ending.answers[question_id])
    return found


PENDING = _pending_at_each_question()


def test_every_question_of_the_flow_is_tried() -> None:
    assert set(PENDING) == {q.id for q in QUESTIONS}


def _confirms(reply: Reply) -> bool:
    return any(
        isinstance(decode(button.data), ConfirmEmergencyAction)
        for message in reply.messages
        for row in message.buttons
        for button in row
    )


async def _type_at(
    service: TriageService,
    repository: StateRepository,
    at: machine.Snapshot,
    typed: Sender,
    text: str,
) -> tuple[Reply, str | None, machine.Snapshot | None]:
    """Type `text` with the assessment waiting at `at`: the reply, the referral if it
    ended, the snapshot if it did not."""
    async with repository.transaction() as tx:
        started = await tx.start_assessment(USER, machine.FLOW_VERSION, at.state)
        await tx.save_progress(started, state=at.state, answers=at.answers, history=at.history)
    reply = await service.text(typed, text)
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
        if active is not None:
            return reply, None, machine.Snapshot(active.state, active.answers, active.history)
        finished = await tx.latest_finished(USER)
    return reply, finished.referral if finished else None, None


@pytest.mark.parametrize("language", sorted(LANGUAGES))
async def test_typed_messages_read_the_same_at_every_question(
    repository: StateRepository, language: str
) -> None:
    service, typed = TriageService(repository), Sender(USER, language_code=language)
    wrong: list[str] = []
    examples = [e for e in corpus.load(language) if e.kind in ("emergency", "none", "urgent")]
    for question_id, at in PENDING.items():
        for example in examples:
            reply, referral, after = await _type_at(service, repository, at, typed, example.text)
            emergency = referral == "R1" or _confirms(reply)
            if example.kind == "emergency" and not emergency:
                wrong.append(f"missed at {question_id}: {example.text}")
            if example.kind != "emergency" and referral == "R1":
                wrong.append(f"false emergency at {question_id}: {example.text}")
            # An urgent sign (or a v3 risk factor) asks its own question, never moves on.
            asking = (question_id, *RED_FLAG_IDS, RISK_FACTORS.id)
            moved_on = after is not None and after.state not in asking
            if example.kind == "urgent" and question_id == "duration" and moved_on:
                wrong.append(f"urgent sign taken as the duration: {example.text}")
    assert not wrong, "\n".join(wrong)
