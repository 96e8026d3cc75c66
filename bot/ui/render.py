"""Builds the messages of the dialogue: a question with its buttons, an answered question,
and the result. Pure functions of the flow's data and `bot.ui.texts`."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from babel.dates import format_date
from babel.lists import format_list

from bot.core.actions import (
    AnswerAction,
    BackAction,
    CancelReminderAction,
    ConfirmEmergencyAction,
    DeleteAction,
    FollowUpAction,
    LanguageAction,
    MoreAction,
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
from flows.questions import OVER_50, QUESTIONS_BY_ID, UNSURE, Question
from flows.referral import (
    Referral,
    Urgency,
    emergency_flags,
    older_with_new_pain,
    risk_factor_given,
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
    return Message("\n".join(lines), (*answers, extras), question=question.id)


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


def help_message(commands: Sequence[tuple[str, str]], questions: int, number: str) -> Message:
    """/help: how it works, with every command and its description."""
    return Message(texts.help_text(commands, questions, number))


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


def confirm_emergency(assessment_id: int, flag: str, number: str) -> Message:
    """ "Is this happening now?" for typed words that may report an emergency sign; the
    text itself says what to do if it is."""
    finding = html.escape(_(QUESTIONS_BY_ID[flag].finding))
    return Message(
        texts.confirm_emergency(finding, number),
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


def confirmed_emergency(flag: str, answer: str, number: str) -> Message:
    """The confirmation once answered: its question and the answer, no buttons."""
    finding = html.escape(_(QUESTIONS_BY_ID[flag].finding))
    return Message(
        f"{texts.confirm_emergency(finding, number)}\n\n{texts.your_answer(html.escape(answer))}"
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


# Russian medium dates end in "г." ("29 нояб. 2026 г."), which doubles the full stop of a
# sentence that ends with the date; the month in words reads as well without it.
_DATE_PATTERNS = {"ru": "d MMMM y"}


def date(moment: datetime) -> str:
    """A date as people read it in the current language ("Nov 25, 2026" in English)."""
    return format_date(moment, format=_DATE_PATTERNS.get(current(), "medium"), locale=current())


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
    referral: Referral, answers: Mapping[str, str], assessment_id: int, number: str
) -> Message:
    """The result, readable in seconds: who and how soon, why (from the user's own
    answers), what to do meanwhile, when to seek care at once. Details are one tap away."""
    call = texts.call_emergency(number)
    # Contract v3: with a risk factor, what to do meanwhile is to tell the doctor about it.
    risk = referral.mention_risk and risk_factor_given(answers)
    meanwhile = _(texts.TELL_THE_DOCTOR) if risk else _(referral.meanwhile)
    paragraphs = (
        (*reasons(referral, answers), _(referral.purpose)),
        (_(referral.referral_note), meanwhile),
    )
    parts = [f"<b>{html.escape(_(referral.headline).format(call=call))}</b>"]
    parts += [html.escape(" ".join(filter(None, p))) for p in paragraphs if any(p)]
    if referral.urgency is not Urgency.EMERGENCY:  # "go now" already says it all
        parts.append(html.escape(texts.warning_signs(number)))
    parts.append(f"<i>{_(texts.NOT_A_DIAGNOSIS)}</i>")
    buttons: tuple[tuple[Button, ...], ...] = (
        (Button(_(texts.MORE_BUTTON), encode(MoreAction(assessment_id))),),
        (Button(_(texts.SUMMARY_BUTTON), encode(SummaryAction())),),
        *new_assessment_button(),
    )
    days = follow_up_days(answers)
    if referral.follow_up and days is not None:
        remind = Button(texts.remind_button(days), encode(RemindAction(assessment_id)))
        buttons = ((remind,), *buttons)
    return Message("\n\n".join(parts), buttons)


def more_message(referral: Referral, answers: Mapping[str, str]) -> Message:
    """ "More about this": what each red flag may mean, or what the clinician does."""
    flags = _flags_behind(referral, answers)
    lines = [f"<b>{_(texts.MORE_TITLE)}</b>"]
    # Each flag's meaning under its own name, so "this can mean..." has something to mean.
    lines += [
        f"• <b>{html.escape(_sentence(_(q.finding)))}</b> {html.escape(_(q.concern))}"
        for q in flags
    ]
    lines.append(html.escape(_(referral.details)))
    return Message("\n\n".join(lines))


def reasons(referral: Referral, answers: Mapping[str, str]) -> list[str]:
    """Sentences saying which of the user's answers led to this referral."""
    flags = _flags_behind(referral, answers)
    if len(flags) > 2:  # the list would crowd out what to do; "More about this" has it
        return [_(texts.SEVERAL_FLAGS)]
    if flags:
        unsure = [q for q in flags if answers.get(q.id) == UNSURE]
        sure = [q for q in flags if q not in unsure]
        said = [texts.you_told_me(_listed(q.finding for q in sure))] if sure else []
        if unsure:
            said.append(texts.you_were_unsure(_listed(q.finding for q in unsure)))
        return said
    facts = []
    for question_id in referral.because_of:
        option = QUESTIONS_BY_ID[question_id].option(answers.get(question_id, ""))
        # 50 or over is no reason unless it is a risk factor (contract v3, section 1a).
        age_only = (
            option is not None and option.value == OVER_50 and not older_with_new_pain(answers)
        )
        if option is not None and option.fact and not age_only:
            facts.append(_(option.fact))
    return [_sentence(format_list(facts, locale=current()))] if facts else []


def _flags_behind(referral: Referral, answers: Mapping[str, str]) -> list[Question]:
    if referral.urgency is Urgency.EMERGENCY:
        return emergency_flags(answers)
    if referral.urgency is Urgency.URGENT:
        return urgent_flags(answers)
    return []


def _listed(findings: Iterable[str]) -> str:
    return format_list([_(finding) for finding in findings], locale=current())


def capital(text: str) -> str:
    """`text` with its first letter a capital (findings start lowercase, for sentences)."""
    return text[:1].upper() + text[1:]


def _sentence(clause: str) -> str:
    return f"{capital(clause)}."


_TAG = re.compile(r"</?[a-z]+>")


def plain(text: str) -> str:
    """A message's text without its HTML tags, as a terminal or a measurement reads it."""
    return html.unescape(_TAG.sub("", text))
