"""Typed text, contract v3 (section 1): what the reader does with the messages issue 19
found read wrongly, in each language, through `flows.typed.read` at two questions."""

from __future__ import annotations

from datetime import date

import pytest

from flows.questions import QUESTIONS_BY_ID
from flows.typed import Decision, Outcome, read

TODAY = date(2026, 12, 7)
CAUGHT = (Outcome.EMERGENCY, Outcome.CONFIRM_EMERGENCY)


def decide(text: str, language: str, at: str) -> Decision:
    return read(text, language, QUESTIONS_BY_ID[at], TODAY)


@pytest.mark.parametrize("at", ["location", "duration"])
@pytest.mark.parametrize(
    ("language", "text", "flag"),
    [
        ("en", "I don't have control of my bladder anymore", "bowel_bladder"),
        ("en", "my bladder control has gone", "bowel_bladder"),
        ("en", "I try to pee but nothing comes out", "bowel_bladder"),
        ("en", "totalled my car last night", "trauma"),
        ("en", "a lorry went into the back of my car", "trauma"),
        ("es", "no siento las piernas", "leg_weakness"),
        ("es", "no puedo andar nada", "leg_weakness"),
        ("es", "la bejiga no me funciona", "bowel_bladder"),
        ("es", "me estampe con el coche anoche", "trauma"),
        ("ru", "не чувствую ног", "leg_weakness"),
        ("ru", "мочевой не держит", "bowel_bladder"),
        ("ru", "разбил машину вчера", "trauma"),
        ("ru", "ne mogu popisat s utra", "bowel_bladder"),  # Russian in Latin letters
    ],
)
def test_what_the_phrase_list_did_not_know_is_confirmed_at_least(
    language: str, text: str, flag: str, at: str
) -> None:
    decision = decide(text, language, at)
    assert (decision.outcome in CAUGHT, decision.flag) == (True, flag)


@pytest.mark.parametrize(
    ("language", "text", "at"),
    [
        ("en", "Incontinence? Never.", "location"),
        ("en", "Had a car accident? No.", "duration"),
        ("en", "Can't stand sitting at my desk all day", "pain_type"),
        ("en", "my dog can't walk properly either", "leg_weakness"),
        ("en", "sorry slow reply, dropped my phone down the stairs", "rest_pain"),
        ("es", "no puedo estar de pie mucho rato", "pain_type"),
        ("es", "¿Fiebre? Para nada", "fever"),
        ("es", "hoy vi un choque horrible en la autopista", "trauma"),
        ("ru", "Температура? Нет", "fever"),
        ("ru", "не могу долго стоять", "pain_type"),
        ("ru", "у собаки тоже лапы не ходят", "leg_weakness"),
    ],
)
def test_harmless_messages_never_go_straight_to_the_emergency_result(
    language: str, text: str, at: str
) -> None:
    assert decide(text, language, at).outcome is not Outcome.EMERGENCY


@pytest.mark.parametrize(
    ("language", "text", "at"),
    [
        ("en", "Incontinence? Never.", "bowel_bladder"),
        ("en", "Had a car accident? No.", "trauma"),
        ("es", "¿Fiebre? Para nada", "fever"),
        ("ru", "Температура? Нет", "fever"),
        ("ru", "Мочевой? Всё норм", "bowel_bladder"),
    ],
)
def test_a_sign_typed_back_as_a_question_then_denied_is_a_no(
    language: str, text: str, at: str
) -> None:
    decision = decide(text, language, at)
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, "no")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "what counts as a big fall?"),
        ("en", "does bladder trouble matter?"),
        ("es", "¿qué cuenta como una caída fuerte?"),
        ("ru", "что считается сильным падением?"),
    ],
)
def test_a_question_about_a_sign_is_a_question(language: str, text: str) -> None:
    assert decide(text, language, "trauma").outcome is Outcome.QUESTION


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "is it normal that I can't feel my legs?"),
        ("es", "¿es normal que no pueda mear?"),
        ("ru", "что-то с мочевым не так?"),
    ],
)
def test_a_sign_reported_inside_a_question_is_confirmed(language: str, text: str) -> None:
    assert decide(text, language, "location").outcome is Outcome.CONFIRM_EMERGENCY


@pytest.mark.parametrize(
    ("language", "text", "flag", "value"),
    [
        ("en", "three weeks, and my bladder control has gone", "bowel_bladder", "acute_2_4"),
        ("es", "3 semanas, y no siento las piernas", "leg_weakness", "acute_2_4"),
        ("ru", "месяца два, и ноги подкашиваются", "leg_weakness", "persistent"),
        ("en", "3 weeks, and I have had a fever since yesterday", "fever", "acute_2_4"),
    ],
)
def test_a_message_is_read_whole_the_sign_first_and_the_answer_kept(
    language: str, text: str, flag: str, value: str
) -> None:
    decision = decide(text, language, "duration")
    assert decision.flag == flag
    assert decision.outcome is not Outcome.ANSWER
    assert decision.held is not None and decision.held.value == value


def test_a_sign_dates_itself_not_the_pain() -> None:
    decision = decide("since this morning I can't feel my legs properly", "en", "duration")
    assert decision.held is None  # "since this morning" is when the sign began


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "about a month", "acute_4_6"),
        ("es", "hace como un mes", "acute_4_6"),
        ("ru", "около месяца", "acute_4_6"),
        ("en", "not 6 weeks yet", "acute_0_2"),
        ("es", "todavía no hace un mes", "acute_0_2"),
        ("ru", "ещё нет месяца", "acute_0_2"),
    ],
)
def test_durations_never_swap_sides_and_about_a_month_is_4_to_6_weeks(
    language: str, text: str, value: str
) -> None:
    decision = decide(text, language, "duration")
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, value)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I walk 500 m to work"),
        ("en", "today it hurts more"),
        ("es", "hoy me duele más"),
        ("ru", "сегодня болит сильнее"),
    ],
)
def test_numbers_and_days_that_are_not_how_long_the_pain_has_lasted(
    language: str, text: str
) -> None:
    assert decide(text, language, "duration").outcome is not Outcome.ANSWER


@pytest.mark.parametrize(("language", "text"), [("en", "yes"), ("es", "si"), ("ru", "да")])
def test_a_typed_yes_to_an_emergency_question_is_confirmed(language: str, text: str) -> None:
    decision = decide(text, language, "leg_weakness")
    assert (decision.outcome, decision.flag) == (Outcome.CONFIRM_EMERGENCY, "leg_weakness")


@pytest.mark.parametrize(
    "text", ["no fever", "yes 38.5 last night", "ok", "oh btw i have an appointment on friday"]
)
def test_a_yes_or_no_at_an_emergency_question_is_not_read_from_other_words(text: str) -> None:
    assert decide(text, "en", "bowel_bladder").outcome is not Outcome.EMERGENCY
    assert decide(text, "en", "bowel_bladder").value is None


# --- contract v3, section 1a: the age band and the risk factors, typed -------------------


@pytest.mark.parametrize(
    ("language", "text", "band"),
    [
        ("en", "I'm 52", "50_plus"),
        ("en", "16 y/o", "under_18"),
        ("en", "fifty two", "50_plus"),
        ("en", "im 34", "18_49"),
        ("es", "tengo 17 años", "under_18"),
        ("es", "cincuenta y dos", "50_plus"),
        ("ru", "мне 60", "50_plus"),
        ("ru", "мне 16 лет", "under_18"),
    ],
)
def test_an_age_typed_at_the_age_question_answers_it(language: str, text: str, band: str) -> None:
    decision = decide(text, language, "age_band")
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, band)


@pytest.mark.parametrize(
    ("language", "text"), [("en", "I'm 52"), ("es", "tengo 17 años"), ("ru", "мне 60 лет")]
)
def test_an_age_at_another_question_is_never_a_duration(language: str, text: str) -> None:
    assert decide(text, language, "duration").outcome is not Outcome.ANSWER


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "yes, I take prednisolone", "yes"),
        ("en", "I don't take steroids", "no"),
        ("es", "tomo corticoides", "yes"),
        ("es", "no tomo corticoides", "no"),
        ("ru", "у меня остеопороз", "yes"),
        ("ru", "стероиды не принимаю", "no"),
    ],
)
def test_a_risk_factor_typed_at_its_question_answers_it(
    language: str, text: str, value: str
) -> None:
    decision = decide(text, language, "risk_factors")
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, value)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "lower back, and I've been on prednisolone for a year"),
        ("es", "la espalda, y tengo osteoporosis"),
        ("ru", "поясница, и я давно на преднизолоне"),
    ],
)
def test_a_risk_factor_typed_elsewhere_asks_the_risk_factor_question(
    language: str, text: str
) -> None:
    decision = decide(text, language, "location")
    assert (decision.outcome, decision.flag) == (Outcome.ASK_RED_FLAG, "risk_factors")
    assert decision.held is not None and decision.held.value == "back"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I had a steroid injection last month"),
        ("es", "me pusieron una infiltración de corticoides"),
        ("ru", "делали блокаду с дипроспаном"),
    ],
)
def test_a_steroid_injection_for_the_pain_is_not_the_risk_factor(language: str, text: str) -> None:
    assert decide(text, language, "pain_type").flag != "risk_factors"


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "3 weeks"), ("en", "10 days"), ("en", "pain is 8"), ("en", "I'm over 18"),
     ("es", "hace 3 semanas"), ("ru", "3 недели")],
)  # fmt: skip
def test_what_is_not_an_age_never_ends_the_assessment_as_a_child(language: str, text: str) -> None:
    """An age under 18 ends the assessment (R11): a duration, a score or a lower bound
    typed at the age question is no age."""
    assert decide(text, language, "age_band").outcome is not Outcome.ANSWER


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "I'm under 18"), ("en", "younger than 18"), ("en", "almost 18"),
     ("es", "aún no tengo 18"), ("ru", "меньше 18"), ("ru", "мне нет 18")],
)  # fmt: skip
def test_an_age_below_18_said_with_a_bound_is_under_18(language: str, text: str) -> None:
    decision = decide(text, language, "age_band")
    assert (decision.outcome, decision.value) == (Outcome.ANSWER, "under_18")


@pytest.mark.parametrize(
    ("text", "at"),
    [("yes, I leak a bit when I sneeze", "bowel_bladder"), ("yes, I fell", "trauma")],
)
def test_a_yes_beside_a_sign_at_its_own_question_is_not_kept(text: str, at: str) -> None:
    """It is about the sign: after "No, I meant something else" the question is asked
    again, never answered yes behind the user's back."""
    decision = decide(text, "en", at)
    assert decision.outcome is Outcome.CONFIRM_EMERGENCY and decision.held is None


def test_an_answer_is_never_read_from_the_signs_own_words() -> None:
    decision = decide("lower back, both legs tingle", "en", "location")
    assert decision.flag == "nerve_progressive"
    assert decision.held is not None and decision.held.value == "back"  # not "both"


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "bladder ok? no"), ("en", "3 weeks, bladder fine? not really"),
     ("ru", "мочевой в порядке? нет")],
)  # fmt: skip
def test_a_fine_asked_back_and_answered_no_is_not_fine(language: str, text: str) -> None:
    assert decide(text, language, "duration").outcome is Outcome.CONFIRM_EMERGENCY
