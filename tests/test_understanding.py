"""Typed text: durations, emergency signs, typed option labels."""

from __future__ import annotations

import pytest

from flows.questions import DURATION, RED_FLAGS
from flows.understanding import duration_answer, emergency_sign, typed_option


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 weeks", "acute_2_4"),
        ("10 days", "acute_0_2"),
        ("about 5 wks", "acute_4_6"),
        ("a couple of weeks", "acute_2_4"),
        ("since yesterday", "acute_0_2"),
        ("2 months", "persistent"),
        ("a year", "persistent"),
        ("six weeks", "persistent"),
        ("6w", "persistent"),
        ("1.5 months", "persistent"),
        ("2-3 months", "persistent"),
        ("I have had it for half a year", "persistent"),
        ("3 semanas", "acute_2_4"),
        ("2 meses", "persistent"),
        ("desde ayer", "acute_0_2"),
        ("3 недели", "acute_2_4"),
        ("полгода", "persistent"),
        ("полтора месяца", "persistent"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    assert duration_answer(text) == expected


@pytest.mark.parametrize("text", ["hi", "a few weeks", "it hurts", "", "weeks"])
def test_not_a_duration(text: str) -> None:
    assert duration_answer(text) is None


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I can't control my bladder", "bowel_bladder"),
        ("I have no control over my bowels", "bowel_bladder"),
        ("I cannot pee since this morning", "bowel_bladder"),
        ("I wet myself today", "bowel_bladder"),
        ("my groin feels numb", "bowel_bladder"),
        ("there is numbness around my buttocks", "bowel_bladder"),
        ("My legs gave way", "leg_weakness"),
        ("I can\u2019t stand up", "leg_weakness"),
        ("suddenly weak in both legs", "leg_weakness"),
        ("I was in a car accident", "trauma"),
        ("I fell off a ladder", "trauma"),
        ("no puedo controlar la vejiga", "bowel_bladder"),
        ("no puedo orinar desde ayer", "bowel_bladder"),
        ("tengo la ingle adormecida", "bowel_bladder"),
        ("las piernas me fallaron", "leg_weakness"),
        ("tuve un accidente de coche", "trauma"),
        ("не могу контролировать мочевой пузырь", "bowel_bladder"),
        ("онемение в паху", "bowel_bladder"),
        ("ноги подкосились", "leg_weakness"),
        ("не могу встать", "leg_weakness"),
        ("попал в ДТП", "trauma"),
    ],
)
def test_emergency_signs(text: str, flag: str) -> None:
    assert emergency_sign(text) == flag


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "no bladder problems",
        "I don't have incontinence",
        "I can walk fine",
        "my back hurts when I bend",
        "😣😣",
        "no tengo incontinencia",
        "no puedo dormir",
        "нет недержания",
        "всё хорошо",
        "\u05e9\u05dc\u05d5\u05dd",
    ],
)
def test_not_emergency_signs(text: str) -> None:
    assert emergency_sign(text) is None


def test_typed_option_labels() -> None:
    flag = RED_FLAGS[3]
    assert typed_option(flag, "Yes") == "yes"
    assert typed_option(flag, " not sure. ") == "unsure"
    assert typed_option(flag, "maybe") is None
    assert typed_option(DURATION, "6 weeks or more") == "persistent"
    assert typed_option(DURATION, "4 months") == "persistent"
