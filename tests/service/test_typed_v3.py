"""Typed text, contract v3, through the Telegram-free service on a real database: a message
is read whole (a sign first, the answer it also gives kept for after), a topic without a
clear "no" is confirmed, questions the user types are not reports."""

from __future__ import annotations

import pytest

from bot.core.service import Sender, TriageService
from storage.repository import StateRepository
from testing.paths import TO_DURATION
from tests.service.test_typed_service import answer_all, button, labels, texts, trail

USER = 11
CONFIRM_YES, CONFIRM_NO = "Yes, this is happening", "No, I meant something else"


@pytest.fixture
def service(repository: StateRepository) -> TriageService:
    return TriageService(repository)


async def at_duration(service: TriageService) -> None:
    reply = await service.command("start", Sender(USER))
    await answer_all(service, reply, TO_DURATION)


async def test_a_duration_typed_with_a_possible_emergency_is_kept_until_the_sign_is_ruled_out(
    service: TriageService, repository: StateRepository
) -> None:
    await at_duration(service)
    confirm = await service.text(Sender(USER), "3 weeks, and my bladder control has gone")
    assert labels(confirm) == [CONFIRM_YES, CONFIRM_NO]  # the sign first, nothing else
    assert len(confirm.messages) == 1
    carry_on = await service.press(Sender(USER), button(confirm, CONFIRM_NO))
    said, noted, location = texts(carry_on)
    assert "no emergency was recorded" in said
    assert 'You wrote "3 weeks": I noted <b>2 to 4 weeks</b>' in noted
    assert "Where is the pain?" in location
    assert (await trail(repository))[-1] == ("duration", "acute_2_4", "3 weeks")


async def test_a_confirmed_sign_ends_in_the_emergency_result_whatever_else_was_typed(
    service: TriageService, repository: StateRepository
) -> None:
    await at_duration(service)
    confirm = await service.text(Sender(USER), "about 3 weeks, and I can't feel my legs")
    result = await service.press(Sender(USER), button(confirm, CONFIRM_YES))
    assert texts(result)[0].startswith("<b>Emergency: go to the emergency department")
    assert (await trail(repository))[-1][:2] == ("reported_emergency", "leg_weakness")


async def test_a_duration_typed_with_an_urgent_sign_is_kept_while_that_red_flag_is_asked(
    service: TriageService, repository: StateRepository
) -> None:
    await at_duration(service)
    reply = await service.text(Sender(USER), "3 weeks, and I have had a fever since yesterday")
    noted, mentioned, fever = texts(reply)
    assert 'You wrote "3 weeks"' in noted
    assert "You mentioned <b>a high fever with the pain</b>" in mentioned
    assert "high temperature" in fever
    location = await service.press(Sender(USER), button(reply, "No"))
    assert "Where is the pain?" in texts(location)[-1]  # the duration was not asked again


async def test_an_answer_typed_with_a_later_red_flag_is_recorded_and_the_flag_noted(
    service: TriageService,
) -> None:
    first = await service.command("start", Sender(USER))
    await answer_all(service, first, ["No", "No", "No"])  # up to the fever question
    reply = await service.text(Sender(USER), "no fever, but I have lost weight without trying")
    later, got, question = texts(reply)
    assert "I will ask about it in a moment" in later
    assert "Got it: <b>No</b>" in got
    assert "losing weight without trying" in question  # the next red flag, asked in turn


async def test_an_answer_typed_with_an_earlier_urgent_sign_is_kept_while_it_is_asked(
    service: TriageService, repository: StateRepository
) -> None:
    await at_duration(service)
    await service.text(Sender(USER), "3 weeks")
    reply = await service.text(Sender(USER), "lower back, and I wake up at night with the pain")
    got, mentioned, rest = texts(reply)
    assert "Got it: <b>Lower back</b>" in got and "You mentioned" in mentioned
    assert "when you rest" in rest
    after = await service.press(Sender(USER), button(reply, "No"))
    assert "Which description fits your pain best?" in texts(after)[-1]


async def test_a_yes_or_no_at_a_red_flag_is_not_taken_from_words_about_another_flag(
    service: TriageService, repository: StateRepository
) -> None:
    first = await service.command("start", Sender(USER))
    reply = await service.text(Sender(USER), "no, but I have lost weight without trying")
    later, again = texts(reply)
    assert "I will ask about it in a moment" in later
    assert again == texts(first)[-1]  # the bladder question again: its "no" is unclear
    assert await trail(repository) == []


async def test_a_question_about_a_sign_is_answered_with_the_question_and_the_safety_line(
    service: TriageService,
) -> None:
    first = await service.command("start", Sender(USER))
    await answer_all(service, first, ["No", "No"])
    reply = await service.text(Sender(USER), "what counts as a major fall?")
    note, again = texts(reply)
    assert "I can't answer typed questions" in note
    assert "go to the emergency department now" in note  # the safety line
    assert "serious injury" in again and "Yes" in labels(reply)


async def test_a_sign_typed_back_as_a_question_and_denied_is_a_no(
    service: TriageService, repository: StateRepository
) -> None:
    await service.command("start", Sender(USER))
    reply = await service.text(Sender(USER), "Incontinence? Never.")
    assert "Got it: <b>No</b>" in texts(reply)[0]
    assert (await trail(repository))[-1][:2] == ("bowel_bladder", "no")


async def test_a_typed_yes_to_an_emergency_question_is_confirmed_first(
    service: TriageService,
) -> None:
    await service.command("start", Sender(USER))
    confirm = await service.text(Sender(USER), "yes")
    assert labels(confirm) == [CONFIRM_YES, CONFIRM_NO]
    result = await service.press(Sender(USER), button(confirm, CONFIRM_YES))
    assert texts(result)[0].startswith("<b>Emergency: go to the emergency department")


async def test_no_i_meant_something_else_after_a_yes_about_the_sign_records_nothing(
    service: TriageService, repository: StateRepository
) -> None:
    first = await service.command("start", Sender(USER))
    confirm = await service.text(Sender(USER), "yes, I leak a bit when I sneeze")
    again = await service.press(Sender(USER), button(confirm, CONFIRM_NO))
    assert "no emergency was recorded" in texts(again)[0]
    assert texts(again)[-1] == texts(first)[-1]  # the bladder question again
    assert await trail(repository) == []


async def test_a_held_answer_does_not_outlive_a_step_back(service: TriageService) -> None:
    reply = await service.command("start", Sender(USER))
    duration = await answer_all(service, reply, TO_DURATION)
    confirm = await service.text(Sender(USER), "3 weeks, and my bladder control has gone")
    await service.press(Sender(USER), button(duration, "◀ Back"))  # the user goes back
    stale = await service.press(Sender(USER), button(confirm, CONFIRM_NO))
    assert not any("I noted" in t for t in texts(stale))
    assert "Does any of these apply to you?" in texts(stale)[-1]  # where the user now is


async def test_an_urgent_sign_beside_a_possible_emergency_is_asked_after_no(
    service: TriageService, repository: StateRepository
) -> None:
    """Review S4: the urgent sign of the same message is not lost behind the
    confirmation; the duration it also gave is kept too."""
    await at_duration(service)
    confirm = await service.text(
        Sender(USER), "3 weeks, since I slipped on the stairs, and I've had a fever of 39"
    )
    assert labels(confirm) == [CONFIRM_YES, CONFIRM_NO]
    asked = await service.press(Sender(USER), button(confirm, CONFIRM_NO))
    said = texts(asked)
    assert "no emergency was recorded" in said[0]
    assert any('You wrote "3 weeks"' in t for t in said)
    assert any("You mentioned <b>a high fever with the pain</b>" in t for t in said)
    assert "high temperature" in said[-1]
    location = await service.press(Sender(USER), button(asked, "No"))
    assert "Where is the pain?" in texts(location)[-1]
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
    assert active is not None
    assert (active.answers["duration"], active.answers["duration:words"]) == (
        "acute_2_4",
        "3 weeks",
    )


async def test_every_urgent_sign_of_one_message_is_asked_again(service: TriageService) -> None:
    """Review S5: the first is asked, and the others lose their old "no" so the flow asks
    them on its way back."""
    await at_duration(service)
    fever = await service.text(Sender(USER), "3 weeks, a fever, and I've lost 10 kg without trying")
    assert "high temperature" in texts(fever)[-1]
    weight = await service.press(Sender(USER), button(fever, "No"))
    assert "losing weight without trying" in texts(weight)[-1]
