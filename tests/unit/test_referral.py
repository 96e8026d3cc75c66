"""The referral table, row by row, without Telegram or a database."""

from __future__ import annotations

import pytest

from flows.questions import QUESTIONS_BY_ID, RED_FLAGS, Severity
from flows.referral import REPORTED_EMERGENCY, IncompleteAnswers, Urgency, referral

CLEAR = {q.id: "no" for q in RED_FLAGS}
PERSISTENT = {**CLEAR, "duration": "persistent", "location": "back"}
FAILED = {**PERSISTENT, "pain_type": "radicular", "conservative_tried": "yes"}


@pytest.mark.parametrize(
    ("answers", "row", "urgency", "clinician"),
    [
        ({"bowel_bladder": "yes"}, "R1", Urgency.EMERGENCY, "emergency department"),
        ({**CLEAR, "fever": "yes"}, "R2", Urgency.URGENT, "doctor today"),
        ({**CLEAR, "duration": "acute_2_4", "pain_type": "radicular"}, "R3", Urgency.ROUTINE,
         "primary care doctor"),
        ({**PERSISTENT, "pain_type": "radicular", "conservative_tried": "no"}, "R4",
         Urgency.ROUTINE, "physiatrist"),
        ({**PERSISTENT, "pain_type": "mechanical", "conservative_tried": "no"}, "R5",
         Urgency.ROUTINE, "physical therapist"),
        ({**PERSISTENT, "pain_type": "nonspecific", "conservative_tried": "no"}, "R6",
         Urgency.ROUTINE, "physiatrist"),
        ({**FAILED, "imaging_structural": "hip", "debilitating": "yes"}, "R7", Urgency.SOON,
         "orthopedic surgeon"),
        ({**FAILED, "imaging_structural": "deformity", "debilitating": "yes"}, "R8",
         Urgency.SOON, "orthopedic spine surgeon"),
        ({**FAILED, "imaging_structural": "disc", "debilitating": "yes"}, "R9", Urgency.SOON,
         "neurosurgeon or an orthopedic spine surgeon"),
        ({**FAILED, "imaging_structural": "none"}, "R10", Urgency.ROUTINE, "pain management"),
    ],
)  # fmt: skip
def test_each_row(answers: dict[str, str], row: str, urgency: Urgency, clinician: str) -> None:
    result = referral(answers)
    assert (result.row, result.urgency) == (row, urgency)
    assert clinician in result.headline


def test_mechanical_pain_mentions_the_chiropractor_alternative() -> None:
    result = referral({**PERSISTENT, "pain_type": "mechanical", "conservative_tried": "no"})
    assert "chiropractor" in result.headline and "chiropractor" in result.details


@pytest.mark.parametrize("damage", ["hip", "deformity", "disc"])
def test_structural_damage_that_does_not_limit_daily_life_goes_to_pain_management(
    damage: str,
) -> None:
    assert referral({**FAILED, "imaging_structural": damage, "debilitating": "no"}).row == "R10"


@pytest.mark.parametrize("flag", [q.id for q in RED_FLAGS])
def test_every_red_flag_answered_yes_escalates(flag: str) -> None:
    expected = "R1" if QUESTIONS_BY_ID[flag].severity is Severity.EMERGENCY else "R2"
    # Even with answers that would otherwise give the mildest referral.
    assert referral({**CLEAR, "duration": "acute_2_4", flag: "yes"}).row == expected


@pytest.mark.parametrize("flag", [q.id for q in RED_FLAGS])
def test_not_sure_on_any_red_flag_is_at_least_urgent(flag: str) -> None:
    assert referral({**CLEAR, "duration": "acute_2_4", flag: "unsure"}).row == "R2"


def test_emergency_beats_urgent() -> None:
    assert referral({**CLEAR, "fever": "yes", "trauma": "yes"}).row == "R1"


@pytest.mark.parametrize("flag", ["bowel_bladder", "leg_weakness", "trauma"])
def test_a_typed_emergency_report_is_an_emergency(flag: str) -> None:
    assert referral({REPORTED_EMERGENCY: flag}).row == "R1"


def test_no_row_matches_unanswered_questions() -> None:
    with pytest.raises(IncompleteAnswers):
        referral(CLEAR)
