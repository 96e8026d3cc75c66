"""Typed messages end to end, through the fake Bot API, in each language (contract v2)."""

from __future__ import annotations

from testing.fake_telegram import FakeTelegram
from testing.paths import NO_RED_FLAGS
from tests.conftest import Chat, RunningBot

USER = 601
NO = {"en": "No", "es": "No", "ru": "Нет"}
ADULT = {"en": "18 to 49", "es": "De 18 a 49", "ru": "От 18 до 49"}


def to_duration(language: str) -> list[str]:
    """No to every warning sign, an adult without risk factors: up to the duration."""
    return [NO[language]] * len(NO_RED_FLAGS) + [ADULT[language], NO[language]]


async def start(user: Chat, telegram: FakeTelegram, language: str) -> None:
    telegram.app_languages[USER] = language
    await user.send("/start", expect=2)


async def test_an_unclear_emergency_is_confirmed_with_one_tap(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, "en")
        (confirm,) = await user.send("numbess down there since tuesday")
        assert "If this is happening now, it is an emergency" in confirm.visible
        assert confirm.button_labels == ["Yes, this is happening", "No, I meant something else"]
        _, (carry_on, question) = await user.tap("No, I meant something else", confirm, expect=2)
        assert "no emergency was recorded" in carry_on.visible
        assert question.visible.startswith("Question 1 of 16")
        assert confirm.buttons == []  # answered: the buttons are gone

        (again,) = await user.send("my bum has gone numb i think")
        _, (result,) = await user.tap("Yes, this is happening", again)
    assert result.visible.startswith("Emergency: go to the emergency department now")


async def test_spanish_wet_myself_at_the_location_question(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, "es")
        await user.answer_all([*to_duration("es"), "Menos de 2 semanas"])
        (reply,) = await user.send("me he meado encima")
        if "Sí, me está pasando" in reply.button_labels:  # the one-tap confirmation
            _, (reply,) = await user.tap("Sí, me está pasando", reply)
    assert "urgencias" in reply.visible.split("\n", 1)[0].lower()
    assert "Empezar una nueva evaluación" in reply.button_labels  # not the English label


async def test_russian_age_at_the_duration_question_is_asked_again(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, "ru")
        duration = await user.answer_all(to_duration("ru"))
        hint, again = await user.send("мне 45 лет", expect=2)
        assert again.visible == duration.visible
        assert again.buttons == duration.buttons
        assert "приёмное отделение" in hint.visible


async def test_a_russian_urgent_sign_asks_its_red_flag_and_a_yes_is_urgent(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, "ru")
        await user.answer_all([*to_duration("ru"), "Меньше 2 недель"])
        mentioned, fever = await user.send("температура 39 и знобит", expect=2)
        assert "температур" in mentioned.visible
        assert "температур" in fever.visible and "Да" in fever.button_labels
        _, (result,) = await user.tap("Да", fever)
    assert "сегодня" in result.visible.split("\n", 1)[0]


async def test_a_spanish_typed_duration_is_shown_back_and_back_fixes_it(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await start(user, telegram, "es")
        duration = await user.answer_all(to_duration("es"))
        noted, location = await user.send("mes y medio", expect=2)
        assert "mes y medio" in noted.visible and "6 semanas o más" in noted.visible
        _, (asked_again,) = await user.tap("◀ Atrás", location)
    assert asked_again.visible.split("\n")[2:][:1] == duration.visible.split("\n")[2:][:1]
    assert "6 semanas o más" in asked_again.visible  # the earlier answer, to keep or change
