"""The dialogue machine: every reachable path, the skip rules, progress and errors."""

from __future__ import annotations

import pytest

from flows import machine
from flows.questions import RED_FLAG_IDS, RED_FLAGS
from flows.referral import REFERRAL_TABLE, referral
from testing.paths import every_ending

# (questions asked, final snapshot) of every way of answering.
PATHS = [(final.history, final) for final in every_ending()]
# An adult without risk factors: the answers after the red flags, before the duration.
ABOUT_YOU = [("age_band", "18_49"), ("risk_factors", "no")]


def past_the_red_flags() -> machine.Snapshot:
    snapshot = machine.start()
    for question_id in [q.id for q in RED_FLAGS]:
        snapshot = machine.answer(snapshot, question_id, "no")
    for question_id, value in ABOUT_YOU:
        snapshot = machine.answer(snapshot, question_id, value)
    return snapshot


def test_every_referral_row_is_reachable() -> None:
    reached = {referral(final.answers).row for _, final in PATHS}
    assert reached == {rule.referral.row for rule in REFERRAL_TABLE}


def test_red_flags_always_come_first() -> None:
    order = [q.id for q in RED_FLAGS]
    for asked, _ in PATHS:
        flags_asked = [q for q in asked if q in RED_FLAG_IDS]
        assert flags_asked == order[: len(flags_asked)]
        first_other = next((i for i, q in enumerate(asked) if q not in RED_FLAG_IDS), None)
        if first_other is not None:
            assert first_other == len(order), asked  # all seven before anything else


def test_an_emergency_answer_ends_the_assessment_at_once() -> None:
    for asked, final in PATHS:
        last = asked[-1]
        if last in RED_FLAG_IDS and final.answers[last] == "yes":
            assert referral(final.answers).row in ("R1", "R2")
        if referral(final.answers).row == "R1":
            assert final.answers[last] == "yes" and last in RED_FLAG_IDS


def test_care_questions_only_for_persistent_pain_and_imaging_only_after_failed_care() -> None:
    for asked, final in PATHS:
        a = final.answers
        if "conservative_tried" in asked:
            assert a["duration"] == "persistent"
        if "imaging_structural" in asked:
            assert a["conservative_tried"] == "yes"
        if "debilitating" in asked:
            assert a["imaging_structural"] != "none"


def test_progress_counts_down_to_the_end_of_the_longest_remaining_path() -> None:
    snapshot = machine.start()
    assert machine.progress(snapshot) == (1, 16)
    for question_id in [q.id for q in RED_FLAGS]:
        snapshot = machine.answer(snapshot, question_id, "no")
    assert machine.progress(snapshot) == (9, 16)
    assert machine.progress(machine.answer(snapshot, "age_band", "under_18")) == (9, 9)
    snapshot = past_the_red_flags()
    assert machine.progress(snapshot) == (11, 16)
    snapshot = machine.answer(snapshot, "duration", "acute_0_2")
    assert machine.progress(snapshot) == (12, 13)


def test_answer_to_a_question_that_is_not_pending_is_refused() -> None:
    with pytest.raises(machine.StaleAnswer):
        machine.answer(machine.start(), "fever", "no")


def test_no_answer_is_taken_once_the_assessment_is_finished() -> None:
    finished = machine.answer(machine.start(), "bowel_bladder", "yes")
    with pytest.raises(machine.StaleAnswer):
        machine.answer(finished, machine.DONE, "yes")


def test_value_that_is_not_an_option_is_refused() -> None:
    with pytest.raises(machine.InvalidAnswer):
        machine.answer(machine.start(), "bowel_bladder", "maybe")


def test_reported_emergency_ends_any_question() -> None:
    snapshot = machine.start()
    for question_id in [q.id for q in RED_FLAGS]:
        snapshot = machine.answer(snapshot, question_id, "no")
    after = machine.report_emergency(snapshot, "leg_weakness")
    assert after.finished
    assert referral(after.answers).row == "R1"


def test_one_machine_serves_everyone_and_keeps_no_models() -> None:
    for _ in range(100):
        machine.answer(machine.start(), "bowel_bladder", "no")
    assert machine.MACHINE.models == []


def test_back_keeps_later_answers_until_the_path_changes() -> None:
    snapshot = past_the_red_flags()
    for question_id, value in [("duration", "persistent"), ("location", "hip")]:
        snapshot = machine.answer(snapshot, question_id, value)
    snapshot = machine.back(machine.back(snapshot))
    assert snapshot.state == "duration"
    assert snapshot.answers["location"] == "hip"  # kept for now
    same = machine.answer(snapshot, "duration", "persistent")
    assert same.state == "pain_type"  # location was not asked again
    with pytest.raises(machine.StaleAnswer):
        machine.back(machine.start())


def test_answers_left_off_the_path_do_not_count() -> None:
    snapshot = past_the_red_flags()
    for question_id, value in [
        ("duration", "persistent"), ("location", "back"), ("pain_type", "radicular"),
        ("conservative_tried", "yes"), ("imaging_structural", "disc"),
    ]:  # fmt: skip
        snapshot = machine.answer(snapshot, question_id, value)
    for _ in range(2):
        snapshot = machine.back(snapshot)
    changed = machine.answer(snapshot, "conservative_tried", "no")
    assert changed.finished
    assert "imaging_structural" not in changed.answers
    assert referral(changed.answers).row == "R4"
