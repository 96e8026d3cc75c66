"""What the bot does with typed messages (contract v2, section 1), through the
Telegram-free service on a real database, in each language."""

from __future__ import annotations

import pytest

from bot.core.actions import ConfirmEmergencyAction, decode
from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from storage.repository import StateRepository
from testing.paths import TO_DURATION

USER = 11


@pytest.fixture
def service(repository: StateRepository) -> TriageService:
    return TriageService(repository)


def texts(reply: Reply) -> list[str]:
    return [m.text for m in reply.messages]


def labels(reply: Reply) -> list[str]:
    return [b.label for m in reply.messages for row in m.buttons for b in row]


def button(reply: Reply, label: str) -> str:
    return next(
        b.data for m in reply.messages for row in m.buttons for b in row if b.label == label
    )


async def answer_all(service: TriageService, reply: Reply, answers: list[str]) -> Reply:
    for label in answers:
        reply = await service.press(Sender(USER), button(reply, label))
    return reply


async def trail(repository: StateRepository) -> list[tuple[str, str, str | None]]:
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER) or await tx.latest_finished(USER)
        assert active is not None
        return [(a.question_id, a.value, a.typed) for a in await tx.answer_trail(active.id)]


async def test_an_unclear_emergency_is_confirmed_and_no_changes_nothing(
    service: TriageService, repository: StateRepository
) -> None:
    first = await service.command("start", Sender(USER))
    confirm = await service.text(Sender(USER), "numbess down there since tuesday")
    (message,) = confirm.messages
    assert "If this is happening now, it is an emergency" in message.text
    assert labels(confirm) == ["Yes, this is happening", "No, I meant something else"]

    back = await service.press(Sender(USER), button(confirm, "No, I meant something else"))
    assert "no emergency was recorded" in back.messages[0].text
    assert back.messages[1].text == first.messages[1].text  # the same pending question
    assert back.edit is not None and "No, I meant something else" in back.edit.text
    assert await trail(repository) == []


async def test_a_confirmed_emergency_ends_in_the_emergency_result(service: TriageService) -> None:
    await service.command("start", Sender(USER))
    confirm = await service.text(Sender(USER), "my bum has gone numb i think")
    result = await service.press(Sender(USER), button(confirm, "Yes, this is happening"))
    assert texts(result)[0].startswith("<b>Emergency: go to the emergency department")


async def test_a_clear_emergency_keeps_the_users_words(
    service: TriageService, repository: StateRepository
) -> None:
    reply = await service.command("start", Sender(USER))
    await answer_all(service, reply, ["No", "No"])
    result = await service.text(Sender(USER), "since this morning I can't pee")
    assert texts(result)[0].startswith("<b>Emergency: go to the emergency department")
    assert (await trail(repository))[-1] == ("reported_emergency", "bowel_bladder", "can't pee")


async def test_an_urgent_sign_asks_its_red_flag_again_and_a_yes_gives_the_urgent_result(
    service: TriageService,
) -> None:
    reply = await service.command("start", Sender(USER))
    location = await answer_all(service, reply, [*TO_DURATION, "6 weeks or more"])
    assert "Where is the pain?" in texts(location)[-1]
    asked = await service.text(Sender(USER), "I had breast cancer 5 years ago")
    assert "You mentioned <b>cancer now or in the past</b>" in texts(asked)[0]
    assert "treated for cancer" in texts(asked)[1]
    result = await service.press(Sender(USER), button(asked, "Yes"))
    assert texts(result)[0].startswith("<b>Urgent: see a doctor today")


async def test_an_urgent_sign_answered_no_goes_back_to_where_the_user_was(
    service: TriageService,
) -> None:
    reply = await service.command("start", Sender(USER))
    await answer_all(service, reply, [*TO_DURATION, "6 weeks or more"])
    asked = await service.text(Sender(USER), "temp is 39.2 and shivering")
    again = await service.press(Sender(USER), button(asked, "No"))
    assert "Where is the pain?" in texts(again)[-1]


async def test_a_typed_duration_is_shown_back_kept_and_printed_in_the_summary(
    service: TriageService, repository: StateRepository
) -> None:
    reply = await service.command("start", Sender(USER))
    await answer_all(service, reply, TO_DURATION)
    noted = await service.text(Sender(USER), "about 3 months")
    assert texts(noted)[0] == (
        'You wrote "about 3 months": I noted <b>6 weeks or more</b>. Choose ◀ Back to change it.'
    )
    assert "◀ Back" in labels(noted)
    assert (await trail(repository))[-1] == ("duration", "persistent", "about 3 months")
    await answer_all(service, noted, ["Lower back", "Movement-related", "No, not yet"])
    summary = await service.command("summary", Sender(USER))
    assert "6 weeks or more (you wrote: about 3 months)" in texts(summary)[0]

    await service.press(Sender(USER), "d:y")  # /delete, confirmed
    async with repository.transaction() as tx:
        assert await tx.count_rows_about(USER) == 0


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "a few weeks"), ("es", "unas semanas"), ("ru", "мне 45 лет"),
     ("ru", "несколько недель"), ("en", "about 6 weeks")],
)  # fmt: skip
async def test_a_duration_that_is_not_sure_is_asked_again_with_the_emergency_signs(
    service: TriageService, repository: StateRepository, language: str, text: str
) -> None:
    who = Sender(USER, language_code=language)
    reply = await service.command("start", who)
    for _ in TO_DURATION:
        reply = await service.press(who, reply.messages[-1].buttons[1][0].data)  # "No"
    asked = await service.text(who, text)
    assert len(asked.messages) == 2
    assert asked.messages[1].buttons  # the duration question again, with its buttons
    async with repository.transaction() as tx:
        active = await tx.active_assessment(USER)
        assert active is not None and active.state == "duration"


@pytest.mark.parametrize(
    ("language", "text", "reminder"),
    [("en", "my back hurts a lot", "emergency department"),
     ("es", "me duele mucho la espalda", "urgencias"),
     ("ru", "спина сильно болит", "приёмн")],
)  # fmt: skip
async def test_not_understood_repeats_the_emergency_signs_in_the_users_language(
    service: TriageService, language: str, text: str, reminder: str
) -> None:
    who = Sender(USER, language_code=language)
    await service.command("start", who)
    hint, question = (await service.text(who, text)).messages
    assert reminder in hint.text.replace("ё", "е").replace("приемн", "приёмн")
    assert question.buttons


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "I've lost bladder control"), ("es", "me he meado encima"),
     ("es", "se me doblan las piernas"), ("ru", "ноги отнялись"), ("ru", "мочиться не могу")],
)  # fmt: skip
async def test_typed_emergencies_in_each_language(
    service: TriageService, repository: StateRepository, language: str, text: str
) -> None:
    who = Sender(USER, language_code=language)
    reply = await service.command("start", who)
    reply = await service.press(who, reply.messages[-1].buttons[1][0].data)  # "No"
    answer = await service.text(who, text)
    first = answer.messages[0].buttons[0][0].data if answer.messages[0].buttons else ""
    if isinstance(decode(first), ConfirmEmergencyAction):  # the one-tap confirmation
        answer = await service.press(who, first)
    assert (
        "112" in texts(answer)[0]
        or "emerg" in texts(answer)[0].lower()
        or any(word in texts(answer)[0].lower() for word in ("urgencias", "приёмн", "скор"))
    )
    async with repository.transaction() as tx:
        assert await tx.active_assessment(USER) is None
        finished = await tx.latest_finished(USER)
        assert finished is not None and finished.referral == "R1"


async def test_long_and_strange_messages_get_a_clear_answer(service: TriageService) -> None:
    await service.command("start", Sender(USER))
    for text in ["x" * 4096, "😣😣😣", "שלום, כואב לי הגב", "39.5", "6", "Guten Tag"]:
        reply = await service.text(Sender(USER), text)
        assert reply.messages and "emergency department" in texts(reply)[0]
