"""Typed text, contract v3, end to end through the fake Bot API, in each language: a topic
of an emergency sign is confirmed; a message is read whole (the sign first, the duration
it also gives shown back after); questions typed back are denials or questions; numbers
that are not durations are not recorded as one."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.ui import texts
from bot.ui.i18n import _, language
from flows.questions import DURATION, LOCATION, QUESTIONS_BY_ID
from flows.referral import REFERRAL_TABLE
from testing.fake_telegram import FakeTelegram
from testing.paths import TO_DURATION
from tests.conftest import Chat, RunningBot

USER = 602


@dataclass(frozen=True)
class Words:
    """What a user of one language types, one message per behaviour."""

    topic: str  # touches an emergency sign's topic: confirmed
    duration_and_topic: str  # "3 weeks" and a topic, at the duration question
    duration: str  # the "3 weeks" of it, as shown back
    denied_echo: str  # a sign typed back as a question, then denied
    question: str  # a question about a sign
    not_a_duration: str  # numbers that are not how long the pain has lasted


TYPED = {
    "en": Words(
        "my bladder control has gone",
        "3 weeks, and my bladder control has gone",
        "3 weeks",
        "Incontinence? Never.",
        "what counts as a big fall?",
        "I walk 500 m to work",
    ),
    "es": Words(
        "no siento las piernas",
        "3 semanas, y no siento las piernas",
        "3 semanas",
        "¿Incontinencia? Nunca.",
        "¿qué cuenta como una caída fuerte?",
        "camino 2 km al trabajo",
    ),
    "ru": Words(
        "не чувствую ног",
        "3 недели, и не чувствую ног",
        "3 недели",
        "Недержание? Нет.",
        "что считается сильным падением?",
        "хожу на работу 3 км",
    ),
}
LANGUAGES = sorted(TYPED)


def in_(code: str, text: str) -> str:
    with language(code):
        return _(text)


def question_text(code: str, question_id: str) -> str:
    """The first line of a question as the user reads it."""
    return in_(code, QUESTIONS_BY_ID[question_id].text).split("\n")[0]


async def start(user: Chat, telegram: FakeTelegram, code: str) -> None:
    telegram.app_languages[USER] = code
    await user.send("/start", expect=2)


async def at_duration(user: Chat, telegram: FakeTelegram, code: str) -> None:
    await start(user, telegram, code)
    await user.answer_all([in_(code, label) for label in TO_DURATION])


@pytest.mark.parametrize("code", LANGUAGES)
async def test_a_touched_emergency_topic_is_confirmed_and_yes_is_the_emergency_result(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, code: str
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, code)
        (confirm,) = await user.send(TYPED[code].topic)
        assert confirm.button_labels == [in_(code, texts.CONFIRM_YES), in_(code, texts.CONFIRM_NO)]
        _notice, (result,) = await user.tap(in_(code, texts.CONFIRM_YES), confirm)
    emergency = in_(code, REFERRAL_TABLE[0].referral.headline).split("{call}")[0]
    assert result.visible.startswith(emergency)


@pytest.mark.parametrize("code", LANGUAGES)
async def test_the_sign_comes_first_and_the_duration_typed_with_it_is_kept(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, code: str
) -> None:
    user = chat(USER)
    async with running_bot():
        await at_duration(user, telegram, code)
        (confirm,) = await user.send(TYPED[code].duration_and_topic)
        _notice, (carry_on, noted, location) = await user.tap(
            in_(code, texts.CONFIRM_NO), confirm, expect=3
        )
    assert in_(code, texts.CONFIRMED_NOT) in carry_on.visible
    assert TYPED[code].duration in noted.visible
    assert in_(code, DURATION.options[1].label) in noted.visible  # 2 to 4 weeks
    assert question_text(code, LOCATION.id) in location.visible


@pytest.mark.parametrize("code", LANGUAGES)
async def test_a_sign_typed_back_and_denied_is_a_no_and_a_question_is_not_a_report(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, code: str
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, code)
        got, legs = await user.send(TYPED[code].denied_echo, expect=2)
        assert in_(code, "No") in got.visible
        assert question_text(code, "leg_weakness") in legs.visible
        await user.tap(in_(code, "No"), legs)
        note, trauma = await user.send(TYPED[code].question, expect=2)
    with language(code):
        assert note.visible.startswith(_(texts.QUESTION_TYPED))
        assert texts.emergency_reminder("").split(":")[0] in note.visible
    assert question_text(code, "trauma") in trauma.visible
    assert trauma.button_labels[:3] == [in_(code, o) for o in ("Yes", "No", "Not sure")]


@pytest.mark.parametrize("code", LANGUAGES)
async def test_numbers_that_are_not_a_duration_are_not_recorded_as_one(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, code: str
) -> None:
    user = chat(USER)
    async with running_bot():
        await at_duration(user, telegram, code)
        _hint, again = await user.send(TYPED[code].not_a_duration, expect=2)
    assert question_text(code, DURATION.id) in again.visible
