"""The flow against `shared/triage-rules.md` v3, written again here from the contract.

Nothing below comes from `flows/`: the red flags, their order and weight, the questions
each path asks and the referral table are copied from the contract's text, so a change
in `flows/` that breaks the contract fails here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from flows import machine
from flows.referral import REPORTED_EMERGENCY, referral
from testing.paths import every_ending

# Section 1, in the contract's order; nerve_progressive (v2) is asked last.
EMERGENCY = ("bowel_bladder", "leg_weakness", "trauma")
URGENT = ("fever", "weight_loss", "rest_pain", "cancer_history", "nerve_progressive")
RED_FLAGS = (*EMERGENCY, *URGENT)
FLAG_ANSWERS = ("yes", "no", "unsure")
# Section 1a (v3): asked right after the red flags.
AGE_BANDS = ("under_18", "18_49", "50_plus")
# Sections 1a and 2-4: the options of each question.
OPTIONS = {
    "age_band": AGE_BANDS,
    "risk_factors": FLAG_ANSWERS,
    "duration": ("acute_0_2", "acute_2_4", "acute_4_6", "persistent"),
    "location": ("back", "hip", "both"),
    "pain_type": ("radicular", "mechanical", "nonspecific"),
    "conservative_tried": ("yes", "no"),
    "imaging_structural": ("disc", "hip", "deformity", "none"),
    "debilitating": ("yes", "no"),
}


def contract_questions(answers: Mapping[str, str]) -> list[str]:
    """The questions the contract asks, in order, for these answers."""
    asked: list[str] = []
    for flag in RED_FLAGS:
        asked.append(flag)
        if flag in EMERGENCY and answers.get(flag) == "yes":
            return asked  # an emergency ends the assessment at once
    if any(answers.get(f) in ("yes", "unsure") for f in URGENT) or any(
        answers.get(f) == "unsure" for f in EMERGENCY
    ):
        return asked  # urgent: after the red-flag block
    asked.append("age_band")
    if answers.get("age_band") == "under_18":
        return asked  # R11: the rest is for adults
    asked += ["risk_factors", "duration", "location", "pain_type"]
    if answers.get("duration") != "persistent":
        return asked
    asked.append("conservative_tried")
    if answers.get("conservative_tried") != "yes":
        return asked
    asked.append("imaging_structural")
    if answers.get("imaging_structural") == "none":
        return asked
    asked.append("debilitating")
    return asked


def contract_referral(answers: Mapping[str, str]) -> str:
    """Section 5, first matching row."""
    if answers.get(REPORTED_EMERGENCY) or any(answers.get(f) == "yes" for f in EMERGENCY):
        return "R1"
    if any(answers.get(f) in ("yes", "unsure") for f in URGENT) or any(
        answers.get(f) == "unsure" for f in EMERGENCY
    ):
        return "R2"
    if answers["age_band"] == "under_18":
        return "R11"
    acute = answers["duration"] != "persistent"
    risk = answers["risk_factors"] in ("yes", "unsure") or (
        answers["age_band"] == "50_plus" and acute
    )
    if risk and answers.get("conservative_tried") != "yes":
        return "R12"
    if acute:
        return "R3"
    if answers["conservative_tried"] == "no":
        return {"radicular": "R4", "mechanical": "R5", "nonspecific": "R6"}[answers["pain_type"]]
    damage = answers["imaging_structural"]
    if damage != "none" and answers["debilitating"] == "yes":
        return {"hip": "R7", "deformity": "R8", "disc": "R9"}[damage]
    return "R10"


def contract_paths(answers: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """Every way of answering, as the contract's questions unfold."""
    answers = answers or {}
    asked = contract_questions(answers)
    pending = next((q for q in asked if q not in answers), None)
    if pending is None:
        yield answers
        return
    for value in FLAG_ANSWERS if pending in RED_FLAGS else OPTIONS[pending]:
        yield from contract_paths({**answers, pending: value})


CONTRACT = [dict(a) for a in contract_paths()]
FLOW = list(every_ending())  # every way of answering the bot's flow


def test_the_flow_offers_exactly_the_contracts_paths() -> None:
    def key(answers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(answers.items()))

    assert len(FLOW) == len(CONTRACT)
    assert sorted(map(key, (f.answers for f in FLOW))) == sorted(map(key, CONTRACT))


def test_each_path_asks_the_contracts_questions_and_ends_in_its_row() -> None:
    wrong = [
        (dict(final.answers), referral(final.answers).row)
        for final in FLOW
        if list(final.history) != contract_questions(final.answers)
        or referral(final.answers).row != contract_referral(final.answers)
    ]
    assert not wrong, f"{len(wrong)} paths differ from the contract, e.g. {wrong[:3]}"


def test_all_twelve_rows_are_reached() -> None:
    assert {referral(f.answers).row for f in FLOW} == {f"R{n}" for n in range(1, 13)}


def test_under_18_never_reaches_the_adult_questions() -> None:
    adult = {"risk_factors", "duration", "location", "pain_type", "conservative_tried"}
    for final in FLOW:
        if final.answers.get("age_band") == "under_18":
            assert adult.isdisjoint(final.history)
            assert referral(final.answers).row == "R11"


def test_the_longest_path_asks_sixteen_questions() -> None:
    # 8 red flags, age and risk factors, then duration, location, pain type, care tried,
    # imaging and how much it limits daily life.
    assert max(len(f.history) for f in FLOW) == 16


def test_a_typed_emergency_gives_r1_at_every_question_of_a_path() -> None:
    longest = max(FLOW, key=lambda f: len(f.history))
    snapshot = machine.start()
    for question_id in longest.history:
        reported = machine.report_emergency(snapshot, "leg_weakness")
        assert reported.finished and contract_referral(reported.answers) == "R1"
        assert referral(reported.answers).row == "R1"
        snapshot = machine.answer(snapshot, question_id, longest.answers[question_id])
