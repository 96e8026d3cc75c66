"""Typed durations (issue 19), as the user meets them at the `duration` question: numbers
that are not durations, amounts not reached yet, day words, sums, how often, a number
after its unit and single-letter units, in every language of the corpus."""

from __future__ import annotations

from datetime import date

import pytest

from flows.questions import ACUTE_RANGES, PERSISTENT, QUESTIONS_BY_ID
from flows.typed import Decision, Outcome, read
from flows.understanding import understand

TODAY = date(2026, 11, 29)
DURATION_VALUES = {*ACUTE_RANGES, PERSISTENT}


def read_at(text: str, language: str, question: str = "duration") -> Decision:
    return read(text, language, QUESTIONS_BY_ID[question], TODAY)


def by_language(cases: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(language, text) for language, texts in cases.items() for text in texts]


# Distances, weights, money, steps, scores, ages, clock times, how often, and a day word
# with no "since": none of them says how long the pain has lasted.
NOT_DURATIONS = by_language(
    {
        "en": [
            "I walk 500 m to work",
            "can only walk 200m before my legs ache",
            "paid 50 euros",
            "10000 steps",
            "pain 7/10",
            "8 out of 10",
            "I'm 52",
            "52 y/o",
            "52y/o",
            "at 5 pm",
            "today it hurts more",
            "this morning it was worse",
            "yesterday it got worse",
            "a couple of times a year",
            "twice a week",
            "every 2 weeks",
        ],
        "es": [
            "camino 2 km",
            "camino 500 m al trabajo",
            "pagué 50 euros",
            "10000 pasos",
            "dolor 7/10",
            "8 de 10",
            "tengo 52",
            "tengo 17 años",
            "a las 8",
            "hoy me duele más",
            "esta mañana estaba peor",
            "un par de veces al año",
            "una vez al mes",
            "cada 2 semanas",
        ],
        "ru": [
            "прохожу 3 км",
            "хожу 500 м до работы",
            "заплатил 50 евро",
            "10000 шагов",
            "боль 7/10",
            "8 из 10",
            "мне 60",
            "мне 52 года",
            "в 7 утра",
            "сегодня болит сильнее",
            "утром хуже",
            "пару раз в год",
            "раз в неделю",
            "каждые 2 недели",
        ],
    }
)


@pytest.mark.parametrize(("language", "text"), NOT_DURATIONS)
def test_what_is_no_duration_is_never_recorded_as_one(language: str, text: str) -> None:
    decision = read_at(text, language)
    assert decision.outcome in (Outcome.ASK_AGAIN, Outcome.NOT_UNDERSTOOD)
    assert (decision.value, decision.days) == (None, None)


@pytest.mark.parametrize(("language", "text"), NOT_DURATIONS)
def test_what_is_no_duration_is_none_at_another_question_either(language: str, text: str) -> None:
    question = QUESTIONS_BY_ID["location"]
    options = tuple(o.value for o in question.options)
    assert understand(text, language, question.id, options, TODAY).duration is None
    decision = read_at(text, language, "location")
    assert decision.days is None
    assert decision.value not in DURATION_VALUES


# An amount not reached yet is under it: reading it as the amount itself turned "not 6
# weeks yet" into persistent pain, the worst kind of duration error.
NOT_REACHED = [
    ("en", "not 6 weeks yet", "acute_0_2"),
    ("en", "it hasn't been 6 weeks yet", "acute_0_2"),
    ("en", "not yet 6 weeks", "acute_0_2"),
    ("en", "6 weeks not yet", "acute_0_2"),
    ("en", "not even a month", "acute_0_2"),
    ("en", "not a month yet", "acute_0_2"),
    ("es", "todavía no hace un mes", "acute_0_2"),
    ("es", "aún no llevo 6 semanas", "acute_0_2"),
    ("es", "un mes todavía no", "acute_0_2"),
    ("es", "no hace ni un mes", "acute_0_2"),
    ("ru", "ещё нет месяца", "acute_0_2"),
    ("ru", "меньше месяца", "acute_0_2"),
    ("ru", "не больше двух недель", "acute_0_2"),
    ("ru", "месяца ещё нет", "acute_0_2"),
    ("ru", "шести недель ещё нет", "acute_0_2"),
]


@pytest.mark.parametrize(("language", "text", "value"), NOT_REACHED)
def test_an_amount_not_reached_yet_is_acute_from_day_zero(
    language: str, text: str, value: str
) -> None:
    decision = read_at(text, language)
    assert (decision.outcome, decision.value, decision.days) == (Outcome.ANSWER, value, 0)
    assert decision.words is not None and len(decision.words.split()) >= 2


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "its not even been 3 months"),
        ("es", "todavía no son dos meses"),
        ("ru", "ещё не прошло и двух месяцев"),
        ("ru", "двух месяцев ещё нет"),
    ],
)
def test_a_long_amount_not_reached_yet_is_asked_again(language: str, text: str) -> None:
    assert read_at(text, language).outcome is Outcome.ASK_AGAIN


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "3 months yet i can still work"),
        ("en", "still no pain relief after 3 months"),
        ("es", "todavia no mejora y llevo 3 meses"),
    ],
)
def test_a_yet_elsewhere_leaves_a_persistent_amount_alone(language: str, text: str) -> None:
    decision = read_at(text, language)
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, PERSISTENT)


# A day word counts from "since" / "started", not on its own.
SINCE_TODAY = by_language(
    {
        "en": ["since this morning", "since today", "started this morning", "it started today"],
        "es": ["desde hoy", "desde esta mañana", "empezó hoy", "esta mañana empezó"],
        "ru": ["с сегодняшнего утра", "с утра", "сегодня началось", "с 7 утра"],
    }
)


@pytest.mark.parametrize(("language", "text"), SINCE_TODAY)
def test_since_this_morning_is_still_a_duration(language: str, text: str) -> None:
    decision = read_at(text, language)
    assert (decision.outcome, decision.value, decision.days) == (Outcome.ANSWER, "acute_0_2", 0)


@pytest.mark.parametrize(
    ("language", "text", "value", "days"),
    [
        # the parts of a duration add up
        ("en", "a month and a week", "acute_4_6", 37.4),
        ("en", "2 weeks and 3 days", "acute_2_4", 17),
        ("en", "1 year 2 months", PERSISTENT, 425.8),
        ("es", "un mes y una semana", "acute_4_6", 37.4),
        ("es", "un mes y 2 semanas", PERSISTENT, 44.4),
        ("ru", "1 месяц и неделя", "acute_4_6", 37.4),
        ("ru", "месяц и 2 недели", PERSISTENT, 44.4),
        # a range between numbers stays a range
        ("en", "between 1 and 2 weeks", "acute_0_2", 7),
        ("es", "entre 2 y 3 semanas", "acute_2_4", 14),
        # a number after its unit
        ("en", "weeks 3", "acute_2_4", 21),
        ("es", "semanas 2", "acute_2_4", 14),
        ("ru", "недели 3", "acute_2_4", 3 * 7 * 0.85),  # Russian inversion: about 3
        ("ru", "дней 10", "acute_0_2", 10 * 0.85),
        # a singular unit before it is the Nth one: "week 6" is not six weeks for sure
        ("en", "week 6", "acute_4_6", 35),
        ("es", "semana 6", "acute_4_6", 35),
        # a single letter glued to its number, or alone with it
        ("en", "3m", PERSISTENT, 3 * 30.4),
        ("en", "3 m", PERSISTENT, 3 * 30.4),
        ("en", "2w", "acute_2_4", 14),
        ("es", "5d", "acute_0_2", 5),
        ("ru", "5д", "acute_0_2", 5),
        ("ru", "2г", PERSISTENT, 730),
        # how often, then how long
        ("en", "twice a week for 3 months", PERSISTENT, 3 * 30.4),
        ("es", "dos veces por semana desde hace 3 meses", PERSISTENT, 3 * 30.4),
        ("ru", "2 раза в месяц уже полгода", PERSISTENT, 182),
    ],
)
def test_durations_read_by_the_new_rules(language: str, text: str, value: str, days: float) -> None:
    decision = read_at(text, language)
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, value)
    assert decision.days == pytest.approx(days)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "a month or two"),
        ("en", "a month or more"),
        ("en", "5 weeks and a bit"),
        ("es", "1 mes y pico"),
        ("es", "un mes o más"),
        ("ru", "месяц-два"),
        ("ru", "месяц с хвостиком"),
        ("ru", "месяц или больше"),
        ("ru", "больше месяца"),
    ],
)
def test_either_side_of_six_weeks_is_asked_again(language: str, text: str) -> None:
    assert read_at(text, language).outcome is Outcome.ASK_AGAIN


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "3 weeks and a bit", "acute_2_4"),
        ("es", "una semana y pico", "acute_0_2"),
        ("ru", "неделю с хвостиком", "acute_0_2"),
    ],
)
def test_a_bit_more_than_a_short_amount_is_still_acute(
    language: str, text: str, value: str
) -> None:
    decision = read_at(text, language)
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, value)
