"""Assessments begun under flow version 4 (contract v2) and resumed after the upgrade to
version 5 (contract v3: the age band and the risk factors), through the service on a real
database: the new questions come next, every answer that still fits is kept, and a
finished result is never changed behind the user's back."""

from __future__ import annotations

import pytest

from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from flows import machine
from flows.questions import RED_FLAGS
from storage.repository import StateRepository

USER = 21
NO_FLAGS = {q.id: "no" for q in RED_FLAGS}
V4 = "4"


@pytest.fixture
def service(repository: StateRepository) -> TriageService:
    return TriageService(repository)


async def store_v4(
    repository: StateRepository,
    state: str,
    answers: dict[str, str],
    referral: str | None = None,
) -> None:
    history = [q for q in answers if ":" not in q]
    async with repository.transaction() as tx:
        old = await tx.start_assessment(USER, V4, state)
        await tx.save_progress(
            old, state=state, answers=answers, history=history, referral=referral
        )


def button(reply: Reply, label: str) -> str:
    return next(
        b.data for m in reply.messages for row in m.buttons for b in row if b.label == label
    )


def last_text(reply: Reply) -> str:
    return reply.messages[-1].text


async def press(service: TriageService, reply: Reply, *labels: str) -> Reply:
    for label in labels:
        reply = await service.press(Sender(USER), button(reply, label))
    return reply


async def resume(service: TriageService) -> Reply:
    offer = await service.command("start", Sender(USER))
    return await press(service, offer, "Resume")


async def test_mid_red_flags_the_flags_go_on_and_the_new_questions_follow_them(
    service: TriageService, repository: StateRepository
) -> None:
    await store_v4(repository, "fever", {"bowel_bladder": "no", "leg_weakness": "no",
                                         "trauma": "no"})  # fmt: skip
    fever = await resume(service)
    assert last_text(fever).startswith("<b>Question 4 of 16</b>")
    assert "high temperature" in last_text(fever)
    age = await press(service, fever, *["No"] * 5)
    assert "How old are you?" in last_text(age)
    result = await press(service, age, "50 or over", "No", "Under 2 weeks", "Lower back",
                         "Movement-related")  # fmt: skip
    # Contract v3: 50 or over with new pain is a risk factor, so R12 and not R3.
    assert last_text(result).startswith("<b>See your primary care doctor soon: within a few")


async def test_mid_pathway_the_new_questions_come_next_and_the_pain_answers_are_kept(
    service: TriageService, repository: StateRepository
) -> None:
    answers = {**NO_FLAGS, "duration": "persistent", "duration:words": "about 3 months",
               "location": "back"}  # fmt: skip
    await store_v4(repository, "pain_type", answers)
    age = await resume(service)
    assert last_text(age).startswith("<b>Question 9 of 16</b>")
    assert "How old are you?" in last_text(age)
    pain_type = await press(service, age, "18 to 49", "No")
    # Duration and location are not asked again: straight on to the kind of pain.
    assert "Which description fits your pain best?" in last_text(pain_type)
    assert last_text(pain_type).startswith("<b>Question 13 of 16</b>")
    result = await press(service, pain_type, "Nerve-type", "No, not yet")
    assert "physiatrist" in last_text(result)
    async with repository.transaction() as tx:
        finished = await tx.latest_finished(USER)
    assert finished is not None and finished.flow_version == machine.FLOW_VERSION
    assert finished.answers["duration:words"] == "about 3 months"  # the typed words kept
    assert finished.referral == "R4"


async def test_mid_pathway_a_risk_factor_given_now_changes_the_path_as_v3_says(
    service: TriageService, repository: StateRepository
) -> None:
    answers = {**NO_FLAGS, "duration": "persistent", "location": "back"}
    await store_v4(repository, "pain_type", answers)
    age = await resume(service)
    pain_type = await press(service, age, "18 to 49", "Yes")
    care = await press(service, pain_type, "Nerve-type")
    result = await press(service, care, "No, not yet")
    assert last_text(result).startswith("<b>See your primary care doctor soon")  # R12


async def test_a_finished_result_is_never_changed_behind_the_users_back(
    service: TriageService, repository: StateRepository
) -> None:
    answers = {**NO_FLAGS, "duration": "acute_0_2", "location": "back",
               "pain_type": "mechanical"}  # fmt: skip
    await store_v4(repository, machine.DONE, answers, referral="R3")
    summary = await service.command("summary", Sender(USER))
    assert "primary care doctor (family doctor)" in summary.messages[0].text  # still R3
    first = await service.command("start", Sender(USER))
    assert "Question 1 of 16" in last_text(first)  # a new assessment on the new questions
    async with repository.transaction() as tx:
        finished = await tx.latest_finished(USER)
    assert finished is not None
    assert (finished.referral, finished.flow_version) == ("R3", V4)
