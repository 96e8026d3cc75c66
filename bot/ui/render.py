"""Builds the messages of the dialogue: a question with its buttons, an answered question,
and the result. Pure functions of the flow's data and `bot.ui.texts`."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime

from babel.dates import format_date

from bot.core.actions import (
    AnswerAction,
    BackAction,
    CancelReminderAction,
    ConfirmEmergencyAction,
    DeleteAction,
    FollowUpAction,
    LanguageAction,
    NewAssessmentAction,
    RemindAction,
    ResumeAction,
    StartOverAction,
    SummaryAction,
    WhyAction,
    encode,
)
from bot.core.replies import Button, Message
from bot.ui import texts
from bot.ui.i18n import LANGUAGES, _, current
from flows import machine
from flows.followup import follow_up_days
from flows.questions import QUESTIONS_BY_ID, RED_FLAGS, UNSURE, Question, Severity
from flows.referral import (
    REPORTED_EMERGENCY,
    Referral,
    emergency_flags,
    urgent_flags,
)


def question_message(assessment_id: int, snapshot: machine.Snapshot) -> Message:
    question = snapshot.question
    assert question is not None, "a finished assessment has no pending question"
    number, total = machine.progress(snapshot)
    lines = [texts.progress_line(number, total, question.block), "", html.escape(_(question.text))]
    if question.hint:
        lines += ["", f"<i>{html.escape(_(question.hint))}</i>"]
    earlier = question.option(snapshot.answers.get(question.id, ""))
    if earlier is not None:  # back here after Back
        lines += ["", texts.earlier_answer(html.escape(_(earlier.label)))]
    # One answer per row: labels stay readable on narrow phones.
    answers = tuple(
        (Button(_(o.label), encode(AnswerAction(assessment_id, question.id, o.value))),)
        for o in question.options
    )
    why = Button(_(texts.WHY_BUTTON), encode(WhyAction(question.id)))
    extras = (
        (Button(_(texts.BACK_BUTTON), encode(BackAction(assessment_id, question.id))), why)
        if snapshot.history
        else (why,)
    )
    return Message("\n".join(lines), (*answers, extras))


def follow_up_message(reminder_id: int) -> Message:
    return Message(
        _(texts.FOLLOW_UP_QUESTION),
        (
            (Button(_(texts.FOLLOW_UP_BETTER), encode(FollowUpAction(reminder_id, True))),),
            (Button(_(texts.FOLLOW_UP_NOT_BETTER), encode(FollowUpAction(reminder_id, False))),),
        ),
    )


def no_assessment() -> Message:
    return Message(_(texts.NO_ASSESSMENT), new_assessment_button(_(texts.START_ASSESSMENT)))


def help_message(commands: Sequence[tuple[str, str]], questions: int) -> Message:
    """/help: how it works, with every command and its description."""
    return Message(texts.help_text(commands, questions))


def delete_confirmation() -> Message:
    return Message(
        _(texts.DELETE_CONFIRM),
        (
            (Button(_(texts.DELETE_YES), encode(DeleteAction(True))),),
            (Button(_(texts.DELETE_NO), encode(DeleteAction(False))),),
        ),
    )


def language_menu() -> Message:
    """Each language in its own name."""
    return Message(
        _(texts.LANGUAGE_PROMPT),
        tuple((Button(name, encode(LanguageAction(code))),) for code, name in LANGUAGES.items()),
    )


def reminder_list(due: Sequence[tuple[int, datetime]]) -> Message:
    """The pending follow-ups (id, due time), each with a button that cancels it."""
    if not due:
        return Message(_(texts.NO_REMINDERS))
    buttons = tuple(
        (Button(texts.cancel_reminder_button(date(at)), encode(CancelReminderAction(rid))),)
        for rid, at in due
    )
    return Message(_(texts.REMINDERS_TITLE), buttons)


def follow_up_answered(better: bool) -> Message:
    answer = _(texts.FOLLOW_UP_BETTER) if better else _(texts.FOLLOW_UP_NOT_BETTER)
    return Message(f"{_(texts.FOLLOW_UP_QUESTION)}\n\n{texts.your_answer(answer)}")


def confirm_emergency(assessment_id: int, flag: str) -> Message:
    """ "Is this happening now?" for typed words that may report an emergency sign; the
    text itself says what to do if it is."""
    finding = html.escape(_(QUESTIONS_BY_ID[flag].finding))
    return Message(
        texts.confirm_emergency(finding),
        (
            (
                Button(
                    _(texts.CONFIRM_YES), encode(ConfirmEmergencyAction(assessment_id, flag, True))
                ),
            ),
            (
                Button(
                    _(texts.CONFIRM_NO), encode(ConfirmEmergencyAction(assessment_id, flag, False))
                ),
            ),
        ),
    )


def confirmed_emergency(flag: str, answer: str) -> Message:
    """The confirmation once answered: its question and the answer, no buttons."""
    finding = html.escape(_(QUESTIONS_BY_ID[flag].finding))
    return Message(
        f"{texts.confirm_emergency(finding)}\n\n{texts.your_answer(html.escape(answer))}"
    )


def went_back_message(question: Question) -> Message:
    return Message(f"{html.escape(_(question.text))}\n\n{_(texts.WENT_BACK)}")


def answered_message(question: Question, value: str) -> Message:
    option = question.option(value)
    label = _(option.label) if option else value
    return Message(f"{html.escape(_(question.text))}\n\n{texts.your_answer(html.escape(label))}")


def note(text: str) -> Message:
    """A plain message without buttons; `text` is already in the user's language."""
    return Message(text)


def date(moment: datetime) -> str:
    """A date as people read it in the current language ("Nov 25, 2026" in English)."""
    return format_date(moment, format="medium", locale=current())


def resume_offer(assessment_id: int, started: datetime) -> Message:
    return Message(
        texts.unfinished_offer(date(started)),
        (
            (Button(_(texts.RESUME), encode(ResumeAction(assessment_id))),),
            (Button(_(texts.START_OVER), encode(StartOverAction(assessment_id))),),
        ),
    )


def new_assessment_button(label: str | None = None) -> tuple[tuple[Button, ...], ...]:
    """The button that begins an assessment, labelled in the current language."""
    return ((Button(label or _(texts.NEW_ASSESSMENT), encode(NewAssessmentAction())),),)


def result_message(
    referral: Referral, answers: Mapping[str, str], assessment_id: int | None = None
) -> Message:
    parts = [f"<b>{html.escape(_(referral.headline))}</b>"]
    why = reasons(referral, answers)
    if why:
        parts.append(f"<b>{_(texts.WHY)}:</b>\n" + "\n".join(f"• {html.escape(r)}" for r in why))
    parts.append(f"<b>{_(texts.WHAT_THEY_DO)}:</b> {html.escape(_(referral.clinician_does))}")
    parts.append(f"<b>{_(texts.MEANWHILE)}:</b> {html.escape(_(referral.meanwhile))}")
    signs = "\n".join(f"• {html.escape(finding)}" for finding in emergency_signs())
    parts.append(f"<b>{_(texts.SEEK_HELP_AT_ONCE)}:</b>\n{signs}")
    parts.append(_(texts.REFERRAL_NOTE))
    parts.append(f"<i>{_(texts.NOT_A_DIAGNOSIS)}</i>")
    buttons: tuple[tuple[Button, ...], ...] = (
        (Button(_(texts.SUMMARY_BUTTON), encode(SummaryAction())),),
        *new_assessment_button(),
    )
    days = follow_up_days(answers)
    if referral.follow_up and days is not None and assessment_id is not None:
        remind = Button(texts.remind_button(days), encode(RemindAction(assessment_id)))
        buttons = ((remind,), *buttons)
    return Message("\n\n".join(parts), buttons)


def emergency_signs() -> list[str]:
    return [_(q.finding) for q in RED_FLAGS if q.severity is Severity.EMERGENCY]


def reasons(referral: Referral, answers: Mapping[str, str]) -> list[str]:
    """Plain-text lines saying which answers led to this referral."""
    if referral.row == "R1":
        return [_flag_reason(q, answers) for q in emergency_flags(answers)]
    if referral.row == "R2":
        return [_flag_reason(q, answers) for q in urgent_flags(answers)]
    lines = []
    for question_id in referral.because_of:
        question = QUESTIONS_BY_ID[question_id]
        option = question.option(answers.get(question_id, ""))
        if option is not None:
            lines.append(f"{_(question.finding)}: {_(option.label)}")
    return lines


def _flag_reason(question: Question, answers: Mapping[str, str]) -> str:
    given = answers.get(question.id)
    option = question.option(given) if given else None
    said = _(option.label) if option else _(texts.YOU_TYPED)
    if answers.get(REPORTED_EMERGENCY) == question.id:
        said = _(texts.YOU_TYPED)
    reason = f"{_(question.finding)} ({said}). {_(question.concern)}"
    if given == UNSURE and question.severity is Severity.EMERGENCY:
        reason += f" {_(texts.UNSURE_EMERGENCY_NOTE)}"
    return reason
