"""Reading typed messages (flows/understanding) and what the flow decides on a reading."""

from __future__ import annotations

from datetime import date

import pytest

from bot.ui.i18n import LANGUAGES
from flows.questions import QUESTIONS_BY_ID
from flows.typed import Outcome, option_named, read
from flows.understanding import Certainty, understand
from flows.understanding.lexicons import LEXICONS

TODAY = date(2026, 11, 29)


def decide(text: str, at: str = "location", language: str = "en"):  # type: ignore[no-untyped-def]
    return read(text, language, QUESTIONS_BY_ID[at], TODAY)


def test_every_language_the_bot_speaks_has_a_lexicon() -> None:
    assert set(LANGUAGES) <= set(LEXICONS)
    assert all(LEXICONS[code].code == code for code in LEXICONS)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I've lost bladder control", "bowel_bladder"),
        ("I lost control of my bladder at work", "bowel_bladder"),
        ("my legs collapsed under me", "leg_weakness"),
        ("I fell off a ladder", "trauma"),
        ("2 months, and my legs gave way today", "leg_weakness"),
        ("my wife says I wet the bed last night", "bowel_bladder"),
    ],
)
def test_clear_emergencies_end_the_assessment(text: str, flag: str) -> None:
    decision = decide(text)
    assert (decision.outcome, decision.flag) == (Outcome.EMERGENCY, flag)


@pytest.mark.parametrize(
    "text",
    [
        "numbess down there since tuesday",  # a typo
        "bladdder not working properly",  # a typo
        "I had an accident",  # which kind?
        "maybe my groin is a bit numb?",  # a hedge
        "I fell off a ladder years ago",  # long past, not said to be unchanged
    ],
)
def test_unclear_emergencies_are_confirmed_first(text: str) -> None:
    decision = decide(text)
    assert decision.outcome is Outcome.CONFIRM_EMERGENCY


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("No, I can't pee", "bowel_bladder"),
        ("no fever, but I can't pee", "bowel_bladder"),
        ("Without warning I lost control of my bladder", "bowel_bladder"),
        ("I can't pee?", "bowel_bladder"),
        ("is it bad that my legs gave way this morning?", "leg_weakness"),
        ("I think I fell off a ladder", "trauma"),
    ],
)
def test_a_sign_with_a_negation_question_or_hedge_anywhere_is_confirmed_first(
    text: str, flag: str
) -> None:
    """Contract v3: straight to the emergency result only when stated plainly."""
    decision = decide(text)
    assert (decision.outcome, decision.flag) == (Outcome.CONFIRM_EMERGENCY, flag)


@pytest.mark.parametrize(
    "text",
    [
        "I can't stand this pain anymore",
        "my dad was in a car accident years ago",
        "my sister can't walk after her surgery",
        "my groin isn't numb",
        "numbness in the groin: no",
        "I never lost control of my bladder",
        "nearly wet myself laughing at that",
        "incontinence after childbirth years ago, nothing new",
        "mri showed a slipped disc",
    ],
)
def test_negated_or_irrelevant_signs_never_go_straight_to_the_emergency_result(
    text: str,
) -> None:
    assert decide(text).outcome not in (Outcome.EMERGENCY,)


def test_a_negation_counts_only_in_its_own_clause() -> None:
    reading = understand("no fever, but I can't pee", "en", "location", (), TODAY)
    assert [s.flag for s in reading.signs] == ["bowel_bladder"]
    assert reading.denied == ("fever",)
    sign = reading.signs[0]
    assert reading.words(sign.span) == "can't pee"
    # Reported, not denied; but a negation elsewhere makes it a one-tap confirmation (v3).
    assert sign.certainty is Certainty.POSSIBLE


@pytest.mark.parametrize(
    ("text", "at", "flag"),
    [
        ("I had breast cancer 5 years ago", "duration", "cancer_history"),
        ("temp is 39.2 and shivering", "duration", "fever"),
        ("both legs tingle now", "location", "nerve_progressive"),
        ("it wakes me up at night", "pain_type", "rest_pain"),
    ],
)
def test_urgent_signs_ask_their_red_flag_and_are_never_durations(
    text: str, at: str, flag: str
) -> None:
    decision = decide(text, at)
    assert (decision.outcome, decision.flag) == (Outcome.ASK_RED_FLAG, flag)


def test_an_urgent_sign_at_its_own_question_is_a_yes() -> None:
    decision = decide("yes, 38.5 last night", "fever")
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, "yes")


@pytest.mark.parametrize(
    ("text", "value", "days"),
    [
        ("3 weeks", "acute_2_4", 21),
        ("about 2 months", "persistent", None),
        ("a fortnight", "acute_2_4", 14),
        ("one and a half months", "persistent", None),
        ("a month and a half", "persistent", None),
        ("less than 6 weeks", "acute_0_2", 0),
        ("on and off for 10 years", "persistent", None),
        ("on and off for years", "persistent", None),
        ("between 1 and 2 weeks", "acute_0_2", 7),
        ("since March", "persistent", None),
        ("since yesterday", "acute_0_2", 1),
        ("twenty one days", "acute_2_4", 21),
        ("3 semanas", None, None),
    ],
)
def test_durations(text: str, value: str | None, days: int | None) -> None:
    decision = decide(text, "duration")
    if value is None:  # "3 semanas" is Spanish: read in Spanish below
        decision = decide(text, "duration", "es")
        value, days = "acute_2_4", 21
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, value)
    if days is not None:
        assert decision.days == days


@pytest.mark.parametrize(
    "text",
    [
        "I'm 45 years old",
        "I am not sure",
        "my back and hip both hurt",
        "a few weeks",
        "about 6 weeks",
        "4 to 8 weeks",
        "seeing the doctor in 2 weeks",
        "pain is 8/10",
        "i normally walk 10000 steps a day",
        "39.5",
        "6",
    ],
)
def test_what_is_not_a_sure_duration_is_asked_again(text: str) -> None:
    assert decide(text, "duration").outcome in (Outcome.ASK_AGAIN, Outcome.NOT_UNDERSTOOD)


@pytest.mark.parametrize(
    ("text", "language", "outcome"),
    [
        ("me he meado encima", "es", Outcome.EMERGENCY),
        ("se me doblan las piernas", "es", Outcome.EMERGENCY),
        ("me caí de una escalera", "es", Outcome.EMERGENCY),
        ("ноги отнялись", "ru", Outcome.EMERGENCY),
        ("мочиться не могу", "ru", Outcome.EMERGENCY),
        ("недержания нет", "ru", Outcome.NOT_UNDERSTOOD),
        ("у соседей авария была", "ru", Outcome.NOT_UNDERSTOOD),
        ("mi hermano tuvo un accidente de coche", "es", Outcome.NOT_UNDERSTOOD),
    ],
)
def test_spanish_and_russian_signs(text: str, language: str, outcome: Outcome) -> None:
    decision = decide(text, "location", language)
    assert decision.outcome in (
        (outcome, Outcome.CONFIRM_EMERGENCY) if outcome is Outcome.EMERGENCY else (outcome,)
    )


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [("мне 45 лет", "ru", None), ("tengo 45 años", "es", None), ("2 месяца", "ru", "persistent"),
     ("полтора месяца", "ru", "persistent"), ("неделю", "ru", "acute_0_2"),
     ("una quincena", "es", "acute_2_4"), ("mes y medio", "es", "persistent")],
)  # fmt: skip
def test_spanish_and_russian_durations(text: str, language: str, value: str | None) -> None:
    decision = decide(text, "duration", language)
    assert decision.value == value
    assert decision.outcome is (Outcome.ANSWER if value else decision.outcome)


@pytest.mark.parametrize(
    "text",
    ["x" * 4096, "я" * 5000, "😣😣😣", "שלום, כואב לי הגב", "مرحبا", "hola привет hello",
     "Guten Tag, mein Rücken tut weh", "", "   ", "\u200f\u200e", "39.5", "6"],
)  # fmt: skip
def test_any_text_gets_a_decision(text: str) -> None:
    for language in LANGUAGES:
        for question in ("bowel_bladder", "duration", "imaging_structural"):
            assert decide(text, question, language).outcome in set(Outcome)


def test_typed_option_labels_still_count() -> None:
    flag = QUESTIONS_BY_ID["fever"]
    assert option_named(flag, "Yes") == "yes"
    assert option_named(flag, " not sure. ") == "unsure"
    assert option_named(flag, "maybe") is None
    assert option_named(QUESTIONS_BY_ID["duration"], "4 to 6 weeks") == "acute_4_6"


def test_a_cyrillic_emergency_is_caught_whatever_the_app_language() -> None:
    assert decide("у меня недержание", "location", "en").outcome is Outcome.EMERGENCY


@pytest.mark.parametrize(
    ("text", "language"),
    [("no estoy seguro", "es"), ("no estoy segura", "es"), ("No lo sé", "es"),
     ("не уверен", "ru"), ("не уверена", "ru"), ("not sure", "en")],
)  # fmt: skip
def test_not_sure_typed_in_either_gender_is_the_not_sure_answer(text: str, language: str) -> None:
    decision = decide(text, "fever", language)
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, "unsure")
