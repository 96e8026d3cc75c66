"""The Telegram-free service on a real SQLite file: flow versions and odd input."""

from __future__ import annotations

import pytest

from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from flows import machine
from storage.repository import StateRepository
from testing.paths import PATHS

USER = 7


@pytest.fixture
def service(repository: StateRepository) -> TriageService:
    return TriageService(repository)


async def store_old_assessment(repository: StateRepository, answers: dict[str, str]) -> None:
    """An unfinished assessment saved by an earlier flow definition ("0")."""
    async with repository.transaction() as tx:
        old = await tx.start_assessment(USER, "0", "some_old_question")
        await tx.save_progress(old, state="some_old_question", answers=answers, history=[])


def texts(reply: Reply) -> list[str]:
    return [m.text for m in reply.messages]


def button(reply: Reply, label: str) -> str:
    return next(
        b.data for m in reply.messages for row in m.buttons for b in row if b.label == label
    )


def test_replay_keeps_the_answers_that_still_fit() -> None:
    snapshot = machine.replay(
        {"bowel_bladder": "no", "a_removed_question": "yes", "leg_weakness": "no",
         "trauma": "no longer an option", "fever": "no"}
    )  # fmt: skip
    assert snapshot.history == ("bowel_bladder", "leg_weakness")
    assert snapshot.state == "trauma"
    assert "a_removed_question" not in snapshot.answers


async def test_an_assessment_of_an_older_flow_resumes_with_the_answers_that_fit(
    service: TriageService, repository: StateRepository
) -> None:
    await store_old_assessment(
        repository, {"bowel_bladder": "no", "leg_weakness": "no", "gone": "yes"}
    )
    reply = await service.command("start", Sender(USER))
    assert "My questions have changed a little" in texts(reply)[0]
    assert "unfinished assessment" in texts(reply)[1]
    resumed = await service.press(Sender(USER), button(reply, "Resume"))
    # Contract v2 widened the bladder and bowel question, so a "No" to the old one is asked
    # again first; the answers after it stay.
    (question,) = resumed.messages
    assert question.text.startswith("<b>Question 1 of 16</b>")
    assert "Your earlier answer" not in question.text  # that "No" answered a narrower question
    after = await service.press(Sender(USER), button(resumed, "No"))
    assert after.messages[0].text.startswith("<b>Question 3 of 16</b>")
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
    assert active is not None and active.flow_version == machine.FLOW_VERSION


def test_replay_asks_a_revised_question_again_unless_it_was_a_yes_or_not_sure() -> None:
    answers = {"bowel_bladder": "no", "leg_weakness": "no", "trauma": "no"}
    under_v3 = machine.replay(answers, "3")
    assert (under_v3.state, under_v3.history) == ("bowel_bladder", ())
    assert under_v3.answers == {"leg_weakness": "no", "trauma": "no"}
    again = machine.answer(under_v3, "bowel_bladder", "no")
    assert again.state == "fever"  # straight back to where the user was
    assert machine.replay(answers, machine.FLOW_VERSION).state == "fever"
    # Doubt only escalates: a "not sure" to the narrower question stands.
    unsure = machine.replay({**answers, "bowel_bladder": "unsure"}, "3")
    assert unsure.state == "fever" and unsure.answers["bowel_bladder"] == "unsure"


def test_replay_keeps_the_words_a_user_typed() -> None:
    from testing.paths import NO_RED_FLAGS

    answers = {q.id: "no" for q in machine.RED_FLAGS}
    answers |= {"duration": "acute_2_4", "duration:words": "3 weeks", "duration:days": "21"}
    assert len(NO_RED_FLAGS) == len(machine.RED_FLAGS)
    replayed = machine.replay(answers, "4")
    assert replayed.state == "age_band"  # new in v5: asked next, the duration kept for after
    assert replayed.answers["duration:words"] == "3 weeks"
    assert replayed.answers["duration:days"] == "21"
    after = machine.answer(machine.answer(replayed, "age_band", "18_49"), "risk_factors", "no")
    assert after.state == "location" and after.answers["duration:words"] == "3 weeks"


async def test_an_older_assessment_with_nothing_usable_starts_again(
    service: TriageService, repository: StateRepository
) -> None:
    await store_old_assessment(repository, {"a_question_that_is_gone": "yes"})
    reply = await service.text(Sender(USER), "hi, I'm back")
    assert "none of your answers fit the new ones" in texts(reply)[0]
    assert [b.label for m in reply.messages for row in m.buttons for b in row] == [
        "Start the assessment"
    ]


async def test_an_older_assessment_that_the_new_flow_can_finish_shows_the_result(
    service: TriageService, repository: StateRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from flows.questions import QUESTIONS, QUESTIONS_BY_ID

    # As if no question had changed its meaning since: the old answers finish the flow.
    for question in QUESTIONS:
        monkeypatch.setitem(QUESTIONS_BY_ID, question.id, replace(question, revised=0))
    labels = iter(PATHS["R3"])
    answers = {}
    snapshot = machine.start()
    while (question := snapshot.question) is not None:
        label = next(labels)
        value = next(o.value for o in question.options if o.label == label)
        answers[question.id] = value
        snapshot = machine.answer(snapshot, question.id, value)
    assert len(answers) < len(QUESTIONS)
    await store_old_assessment(repository, answers)

    reply = await service.text(Sender(USER), "hello")
    assert "See your primary care doctor" in texts(reply)[1]


async def test_a_lost_compare_and_set_is_retried_on_fresh_state(
    service: TriageService, repository: StateRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer bumps the version between our read and our write: we run again."""
    from sqlalchemy import text

    from storage.repository import Transaction

    first = (await service.command("start", Sender(USER))).messages[-1]
    data = first.buttons[1][0].data  # "No" on question 1
    real_save = Transaction.save_progress
    conflicts = 0

    async def save_after_a_rival(self: Transaction, assessment, **changes):  # type: ignore[no-untyped-def]
        nonlocal conflicts
        if conflicts == 0:
            conflicts += 1
            # SQLite's write lock keeps real rivals out; this stands in for a PostgreSQL
            # writer in another process that committed after our read.
            await self._connection.execute(text("UPDATE assessments SET version = version + 1"))
        return await real_save(self, assessment, **changes)

    monkeypatch.setattr(Transaction, "save_progress", save_after_a_rival)
    reply = await service.press(Sender(USER), data)

    assert conflicts == 1
    assert reply.messages[0].text.startswith("<b>Question 2 of 16</b>")
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
        assert active is not None
        trail = await tx.answer_trail(active.id)
    assert [(a.question_id, a.value) for a in trail] == [("bowel_bladder", "no")]


async def test_a_follow_up_answered_better_closes_without_a_new_assessment(
    repository: StateRepository,
) -> None:
    from datetime import timedelta

    from bot.core.reminders import ReminderSender
    from storage.models import utcnow

    later = utcnow() + timedelta(days=43)
    service = TriageService(repository)
    sent: list[tuple[int, str, list[str]]] = []

    async def send(user_id: int, message) -> None:  # type: ignore[no-untyped-def]
        sent.append((user_id, message.text, [b.data for row in message.buttons for b in row]))

    reply = await service.command("start", Sender(USER))
    for label in PATHS["R3"]:
        reply = await service.press(Sender(USER), button(reply, label))
    await service.press(Sender(USER), button(reply, "Remind me in 42 days if it's not better"))

    assert await ReminderSender(repository, send, lambda: later).run() == 1
    assert await ReminderSender(repository, send, lambda: later).run() == 0  # never twice
    (user_id, text, data) = sent[0]
    assert user_id == USER and "Is your pain better?" in text

    better = await service.press(Sender(USER), data[0])
    assert "Good to hear" in texts(better)[0]
    again = await service.press(Sender(USER), data[1])  # the other button, afterwards
    assert again.notice == "You already answered this check-in."
    async with repository.transaction() as tx:
        assert await tx.active_assessment(USER) is None
        assert await tx.count_rows_about(USER) > 0
        await tx.delete_user(USER)
        assert await tx.count_rows_about(USER) == 0  # the reminder is erased too
