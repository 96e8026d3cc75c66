"""What a result says, as the user reads it: short, plain, and what the contract asks."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from bot.core.actions import MoreAction, decode
from bot.ui import render
from bot.ui.i18n import language
from bot.ui.render import plain
from flows.referral import REFERRAL_TABLE, referral
from testing.catalogue import marked_strings
from testing.paths import every_ending

OUTCOMES = [final.answers for final in every_ending()]
CLEAR = {
    "bowel_bladder": "no", "leg_weakness": "no", "trauma": "no", "fever": "no",
    "weight_loss": "no", "rest_pain": "no", "cancer_history": "no", "nerve_progressive": "no",
}  # fmt: skip
PERSISTENT = {**CLEAR, "duration": "persistent", "location": "back"}
ONE_OF_EACH_ROW: dict[str, dict[str, str]] = {
    "R1": {"bowel_bladder": "yes"},
    "R2": {**CLEAR, "fever": "yes"},
    "R3": {**CLEAR, "duration": "acute_2_4", "location": "back", "pain_type": "mechanical"},
    "R4": {**PERSISTENT, "pain_type": "radicular", "conservative_tried": "no"},
    "R5": {**PERSISTENT, "pain_type": "mechanical", "conservative_tried": "no"},
    "R6": {**PERSISTENT, "pain_type": "nonspecific", "conservative_tried": "no"},
    "R7": {**PERSISTENT, "pain_type": "radicular", "conservative_tried": "yes",
           "imaging_structural": "hip", "debilitating": "yes"},
    "R8": {**PERSISTENT, "pain_type": "radicular", "conservative_tried": "yes",
           "imaging_structural": "deformity", "debilitating": "yes"},
    "R9": {**PERSISTENT, "pain_type": "radicular", "conservative_tried": "yes",
           "imaging_structural": "disc", "debilitating": "yes"},
    "R10": {**PERSISTENT, "pain_type": "radicular", "conservative_tried": "yes",
            "imaging_structural": "none"},
    "R11": {**CLEAR, "age_band": "under_18"},
    "R12": {**CLEAR, "age_band": "50_plus", "risk_factors": "no", "duration": "acute_0_2",
            "location": "back", "pain_type": "mechanical"},
}  # fmt: skip


def shown(answers: Mapping[str, str], number: str = "") -> str:
    with language("en"):
        return plain(render.result_message(referral(answers), answers, 7, number).text)


def test_the_table_above_has_one_case_per_row() -> None:
    assert {referral(a).row for a in ONE_OF_EACH_ROW.values()} == {
        rule.referral.row for rule in REFERRAL_TABLE
    }


def test_every_english_result_fits_in_600_characters() -> None:
    lengths = {len(shown(answers)) for answers in OUTCOMES}
    assert max(lengths) <= 600


@pytest.mark.parametrize(
    ("row", "first_line"),
    [
        ("R1", "Emergency: go to the emergency department now"),
        ("R2", "Urgent: see a doctor today"),
        ("R3", "See your primary care doctor (family doctor): a routine appointment in the"),
        ("R4", "See a physiatrist, a doctor who treats nerves and muscles without surgery"),
        ("R5", "See a physical therapist, or a chiropractor"),
        ("R6", "See a physiatrist"),
        ("R7", "See an orthopedic surgeon (a bone and joint surgeon) soon: within days"),
        ("R8", "See an orthopedic spine surgeon soon: within days"),
        ("R9", "See a spine surgeon soon, within days if you can: a neurosurgeon or an orthopedic"),
        ("R10", "See a pain management specialist: a routine appointment in the coming weeks"),
        ("R11", "See your primary care doctor or your child's doctor (a pediatrician) soon: "
                "within a few days."),
        ("R12", "See your primary care doctor soon: within a few days."),
    ],
)  # fmt: skip
def test_the_first_line_says_who_and_how_soon(row: str, first_line: str) -> None:
    assert shown(ONE_OF_EACH_ROW[row]).startswith(first_line)


@pytest.mark.parametrize("row", ["R1", "R2"])
def test_emergency_and_urgent_results_name_the_local_number_and_not_the_referral_letter(
    row: str,
) -> None:
    text = shown(ONE_OF_EACH_ROW[row], number="112")
    assert "call 112" in text
    assert "emergency services" not in text
    assert "writes" not in text  # no "your primary care doctor writes the referral" (v2)
    assert "call emergency services" in shown(ONE_OF_EACH_ROW[row])


def test_the_emergency_result_says_go_now_once() -> None:
    text = shown(ONE_OF_EACH_ROW["R1"])
    assert text.count("emergency department") == 1
    assert "at once, or" not in text  # no "go at once if..." list after "go now"


@pytest.mark.parametrize("row", [f"R{n}" for n in range(3, 11)])
def test_routine_and_soon_results_list_the_warning_signs_and_who_writes_the_referral(
    row: str,
) -> None:
    text = shown(ONE_OF_EACH_ROW[row])
    signs = (
        "bladder or bowel",
        "can't pass urine",
        "numb between the legs",
        "legs suddenly go weak or can't hold you",
        "numbness or weakness gets worse",
    )
    for sign in signs:
        assert sign in text
    assert "serious injury" not in text  # not a sign to watch for
    assert text.count("writes") == 1 and "referral" in text  # who writes the referral, once
    assert "This is guidance, not a diagnosis." in text


def test_the_why_is_built_from_the_users_answers_as_a_sentence() -> None:
    assert (
        "Your pain has lasted 6 weeks or more, you have not had treatment for it yet, and it "
        "is nerve-type pain." in shown(ONE_OF_EACH_ROW["R4"])
    )
    assert (
        "Non-surgical care has not helped enough, a scan found damage to the hip joint, and "
        "it seriously limits your daily life." in shown(ONE_OF_EACH_ROW["R7"])
    )


def test_an_unsure_emergency_sign_is_named_as_unsure() -> None:
    text = shown({**CLEAR, "leg_weakness": "unsure"})
    assert text.startswith("Urgent: see a doctor today")
    assert "You were not sure about sudden leg weakness or not being able to stand." in text


def test_many_warning_signs_are_summed_up_and_listed_behind_more() -> None:
    answers = {**CLEAR, "fever": "yes", "weight_loss": "yes", "rest_pain": "unsure"}
    assert "You told me about several warning signs." in shown(answers)
    with language("en"):
        more = plain(render.more_message(referral(answers), answers).text)
    assert "osteomyelitis" in more and "tumor" in more


def test_more_about_this_is_a_button_of_the_assessment_and_glosses_its_terms() -> None:
    answers = ONE_OF_EACH_ROW["R10"]
    with language("en"):
        message = render.result_message(referral(answers), answers, 7, "")
        more = plain(render.more_message(referral(answers), answers).text)
    labels = {button.label: button.data for row in message.buttons for button in row}
    assert decode(labels["More about this"]) == MoreAction(7)
    assert "More about this" not in message.text
    for term, gloss in [("epidural", "steroid medicine"), ("facet joint", "small joints"),
                        ("radiofrequency ablation", "heat from a needle")]:  # fmt: skip
        assert term in more and gloss in more
    assert "epidural" not in shown(answers)  # the detail stays behind the button


def test_one_spelling_variety_us_english() -> None:
    british = re.compile(r"tumour|programme|recognis|summaris|organis|haemo|anaesth|\bGP\b")
    assert not [text for text in marked_strings() if british.search(text)]


@pytest.mark.parametrize("row", ["R11", "R12"])
def test_the_v3_rows_are_primary_care_and_keep_the_warning_signs(row: str) -> None:
    text = shown(ONE_OF_EACH_ROW[row])
    assert "writes" not in text  # they are primary care themselves (contract section 5)
    assert "legs suddenly go weak or can't hold you" in text
    assert "This is guidance, not a diagnosis." in text


def test_a_risk_factor_leads_to_ruling_out_a_serious_cause_and_why() -> None:
    text = shown(ONE_OF_EACH_ROW["R12"])
    assert "You are 50 or over and your pain began less than 2 weeks ago." in text
    assert "A broken bone, an infection or a tumor has to be ruled out" in text
    assert "Go sooner if the pain began after a fall" in text


@pytest.mark.parametrize("row", ["R7", "R8", "R9", "R10"])
@pytest.mark.parametrize("given", ["yes", "unsure"])
def test_after_failed_care_a_risk_factor_is_told_to_the_doctor(row: str, given: str) -> None:
    with_risk = {**ONE_OF_EACH_ROW[row], "age_band": "18_49", "risk_factors": given}
    assert referral(with_risk).row == row
    assert "Tell the doctor about your risk factor." in shown(with_risk)
    assert "risk factor" not in shown({**with_risk, "risk_factors": "no"})


def test_with_pain_of_six_weeks_or_more_age_is_not_given_as_the_reason() -> None:
    """50 or over is a risk factor only with new pain: R12 here is for the steroids."""
    answers = {**PERSISTENT, "age_band": "50_plus", "risk_factors": "yes",
               "pain_type": "mechanical", "conservative_tried": "no"}  # fmt: skip
    text = shown(answers)
    assert text.startswith("See your primary care doctor soon")
    assert "50 or over" not in text and "Something raises the chance" in text
