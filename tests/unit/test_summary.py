"""The summary for the doctor, built from a stored assessment, without Telegram."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from bot.ui import summary
from bot.ui.i18n import LANGUAGES, _, language
from flows.machine import WORDS, note_key
from flows.questions import QUESTIONS_BY_ID, RED_FLAGS, Severity
from flows.referral import REPORTED_EMERGENCY, Urgency
from storage.repository import StoredAssessment

FINISHED = datetime(2026, 3, 14, 17, 45, tzinfo=UTC)
LONG_DATE = {"en": "March 14, 2026", "es": "14 de marzo de 2026", "ru": "14 марта 2026\u202fг."}
RED_FLAG_IDS = [q.id for q in RED_FLAGS]
ABOUT_YOU = ["age_band", "risk_factors"]  # contract v3, section 1a
PAIN_AND_CARE = ["duration", "location", "pain_type", "conservative_tried"]
# Typed words are kept up to 200 characters (bot.core.steps.MAX_TYPED_WORDS).
LONG_WORDS = (
    "it started about three months ago when I lifted a heavy box at work, and since then "
    "it comes back every evening, worse when I sit for long at my desk or drive to my "
    "mother's house on Sundays"
)[:200]


@pytest.fixture(params=list(LANGUAGES))
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    with language(request.param):
        yield request.param


def stored(answers: Mapping[str, str], history: list[str], row: str) -> StoredAssessment:
    return StoredAssessment(
        id=7,
        user_id=1,
        flow_version="3",
        state="done",
        answers=dict(answers),
        history=tuple(history),
        status="finished",
        referral=row,
        version=1,
        started_at=FINISHED,
        updated_at=FINISHED,
        finished_at=FINISHED,
    )


def finding(question_id: str) -> str:
    text = _(QUESTIONS_BY_ID[question_id].finding)
    return text[:1].upper() + text[1:]


def label(question_id: str, value: str) -> str:
    option = QUESTIONS_BY_ID[question_id].option(value)
    assert option is not None
    return _(option.label)


def urgent_r2() -> StoredAssessment:
    """Two urgent flags, and an emergency flag the user was not sure about."""
    answers = {q: "no" for q in RED_FLAG_IDS} | {
        "leg_weakness": "unsure",
        "fever": "yes",
        "weight_loss": "yes",
    }
    return stored(answers, RED_FLAG_IDS, "R2")


def typed_r5() -> StoredAssessment:
    answers = {q: "no" for q in RED_FLAG_IDS} | {
        "duration": "persistent",
        note_key("duration", WORDS): "about 3 months",
        "location": "both",
        "pain_type": "mechanical",
        "conservative_tried": "no",
    }
    return stored(answers, [*RED_FLAG_IDS, *PAIN_AND_CARE], "R5")


def longest_r2() -> StoredAssessment:
    """Every red flag answered (urgent ones yes, emergency ones not sure), all typed."""
    answers = {q.id: "yes" if q.severity is Severity.URGENT else "unsure" for q in RED_FLAGS} | {
        note_key(q, WORDS): LONG_WORDS for q in RED_FLAG_IDS
    }
    return stored(answers, RED_FLAG_IDS, "R2")


def longest_r9() -> StoredAssessment:
    """The longest path to a surgeon, every answer typed."""
    asked = [*ABOUT_YOU, *PAIN_AND_CARE, "imaging_structural", "debilitating"]
    answers = {q: "no" for q in RED_FLAG_IDS} | {
        "age_band": "50_plus",
        "risk_factors": "unsure",
        "duration": "persistent",
        "location": "back",
        "pain_type": "radicular",
        "conservative_tried": "yes",
        "imaging_structural": "disc",
        "debilitating": "yes",
    }
    answers |= {note_key(q, WORDS): "no, never" for q in RED_FLAG_IDS}
    answers |= {note_key(q, WORDS): LONG_WORDS for q in asked}
    return stored(answers, [*RED_FLAG_IDS, *asked], "R9")


def message_text(assessment: StoredAssessment) -> str:
    return re.sub(r"</?[bi]>", "", summary.as_message(summary.build(assessment)).text)


def pdf_pages(assessment: StoredAssessment) -> list[str]:
    document = summary.as_pdf(summary.build(assessment))
    assert document.draw is not None
    reader = PdfReader(io.BytesIO(document.draw()))
    # Wrapped lines join again, so a line of the summary can be looked for whole.
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_red_flags_found_show_once_with_their_answer(lang: str) -> None:
    text = message_text(urgent_r2())

    assert text.startswith(f"{_(summary.TITLE)}\n{LONG_DATE[lang]}\n")
    assert f"{finding('leg_weakness')}: {label('leg_weakness', 'unsure')}" in text
    assert f"{finding('fever')}: {label('fever', 'yes')}" in text
    assert f"{finding('weight_loss')}: {label('weight_loss', 'yes')}" in text
    for question_id in ("leg_weakness", "fever", "weight_loss"):
        assert text.count(finding(question_id)) == 1
    # The flags answered no share one line.
    assert text.count(_(summary.OTHER_RED_FLAGS_NO)) == 1
    assert finding("cancer_history") not in text
    assert _(summary.URGENCY[Urgency.URGENT]) in text


def test_a_typed_answer_shows_the_words_and_each_answer_once(lang: str) -> None:
    text = message_text(typed_r5())

    duration = f"{finding('duration')}: {label('duration', 'persistent')}"
    assert f"{duration} ({summary.you_wrote('about 3 months')})" in text
    for question_id in PAIN_AND_CARE:
        assert text.count(finding(question_id)) == 1
    assert text.count(label("location", "both")) == 1
    assert text.count(label("pain_type", "mechanical")) == 1
    assert f"• {_(summary.NO_RED_FLAGS)}\n" in text


def test_what_a_clinician_does_not_need_is_left_out(lang: str) -> None:
    text = message_text(typed_r5())
    (printed,) = pdf_pages(typed_r5())

    for shown in (text, printed):
        assert "Question set version" not in shown
        assert "UTC" not in shown and not re.search(r"\d:\d\d", shown)
        assert "Because of" not in shown
    assert _(summary.NAME) not in text


def test_the_pdf_has_lines_to_fill_in_and_every_answer(lang: str) -> None:
    (printed,) = pdf_pages(typed_r5())

    assert printed.startswith(f"{_(summary.TITLE)} {' '.join(LONG_DATE[lang].split())}")
    assert f"{_(summary.NAME)}:" in printed
    assert f"{_(summary.BIRTH_DATE)}:" in printed
    assert summary.you_wrote("about 3 months") in printed
    for question_id, value in [("location", "both"), ("pain_type", "mechanical")]:
        assert f"{finding(question_id)}: {label(question_id, value)}" in printed


@pytest.mark.parametrize("assessment", [longest_r2, longest_r9])
def test_the_longest_summary_fits_one_page(
    lang: str, assessment: Callable[[], StoredAssessment]
) -> None:
    stored_assessment = assessment()
    (printed,) = pdf_pages(stored_assessment)

    assert LONG_WORDS not in printed
    shown = re.findall(r"\(" + re.escape(summary.you_wrote("")) + r"([^)]*)\)", printed)
    assert shown and all(len(words) <= summary.MAX_WORDS_SHOWN for words in shown)
    assert all(words.endswith("…") for words in shown if words != "no, never")


def test_a_typed_emergency_and_the_flags_not_asked(lang: str) -> None:
    answers = {"bowel_bladder": "no", "leg_weakness": "unsure", "trauma": "no"}
    answers[REPORTED_EMERGENCY] = "bowel_bladder"
    text = message_text(stored(answers, ["bowel_bladder", "leg_weakness", "trauma"], "R1"))

    assert f"{finding('bowel_bladder')}: {_(summary.TYPED)}" in text
    assert f"{finding('leg_weakness')}: {label('leg_weakness', 'unsure')}" in text
    # Stopped early, "other warning signs: no" would claim the unasked ones.
    assert f"{finding('trauma')}: {label('trauma', 'no')}" in text
    assert f"• {_(summary.OTHER_RED_FLAGS_NO)}" not in text.splitlines()
    assert f"• {_(summary.RED_FLAGS_NOT_ASKED)}" in text.splitlines()
    assert "{call}" not in text


def test_the_file_is_named_by_date_and_assessment() -> None:
    document = summary.as_pdf(summary.build(typed_r5()))

    assert document.filename == "backpath-summary-2026-03-14-7.pdf"


def test_the_in_progress_note_names_the_date() -> None:
    note = summary.in_progress_note(summary.build(typed_r5()))

    assert note.text == (
        "You have an assessment in progress. This summary is of your last finished one, "
        "from Mar 14, 2026."
    )


def test_answers_the_current_questions_do_not_know_are_left_out() -> None:
    assessment = typed_r5()
    answers = {**assessment.answers, "location": "knee", "old_question": "yes"}
    history = [*assessment.history, "old_question"]
    text = message_text(stored(answers, history, "R5"))

    assert finding("location") not in text
    assert finding("pain_type") in text


def risk_r12() -> StoredAssessment:
    answers = {q: "no" for q in RED_FLAG_IDS} | {
        "age_band": "50_plus",
        "risk_factors": "yes",
        note_key("risk_factors", WORDS): "yes, I take prednisolone",
        "duration": "acute_0_2",
        "location": "back",
        "pain_type": "mechanical",
    }
    return stored(answers, [*RED_FLAG_IDS, *ABOUT_YOU, "duration", "location", "pain_type"],
                  "R12")  # fmt: skip


def test_the_age_band_and_the_risk_factors_given_are_in_the_summary_and_the_pdf(
    lang: str,
) -> None:
    text = message_text(risk_r12())
    (printed,) = pdf_pages(risk_r12())
    age = f"{finding('age_band')}: {label('age_band', '50_plus')}"
    risks = f"{finding('risk_factors')}: {label('risk_factors', 'yes')}"
    assert age in text and risks in text
    assert age in printed and risks in " ".join(printed.split())
    assert summary.you_wrote("yes, I take prednisolone") in text
