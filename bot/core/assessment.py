"""Use cases of an assessment: begin, answer, go back, resume, start over, summary."""

from __future__ import annotations

from dataclasses import replace

from bot.core import steps
from bot.core.actions import (
    AnswerAction,
    BackAction,
    MoreAction,
    NewAssessmentAction,
    ResumeAction,
    StartOverAction,
    SummaryAction,
    WhyAction,
)
from bot.core.event import Event, snapshot
from bot.core.replies import Reply
from bot.ui import render, summary, texts
from bot.ui.i18n import _
from flows import machine
from flows.questions import QUESTIONS_BY_ID
from flows.referral import REFERRALS_BY_ROW


async def start(event: Event) -> Reply:
    """/start: offer to resume an unfinished assessment, or begin a new one."""
    active = await event.tx.active_assessment(event.user_id)
    if active is not None:
        return steps.resume_offer(active)
    return await steps.begin(event, texts.welcome(event.emergency_number))


async def pending_question(event: Event) -> Reply:
    """The question the unfinished assessment waits for, shown again (or nothing)."""
    active = await event.tx.active_assessment(event.user_id)
    if active is None:
        return Reply()
    return Reply((render.question_message(active.id, snapshot(active)),))


async def restart(event: Event) -> Reply:
    """/restart: drop anything unfinished and begin again."""
    return await steps.begin(event, _(texts.STARTING_OVER))


async def cancel(event: Event) -> Reply:
    """/cancel: delete the unfinished assessment."""
    stopped = await event.tx.discard_active(event.user_id)
    return Reply((render.note(_(texts.CANCELLED) if stopped else _(texts.NOTHING_TO_CANCEL)),))


async def show_summary(event: Event) -> Reply:
    """/summary: the last finished assessment, as a message and a PDF."""
    finished = await event.tx.latest_finished(event.user_id)
    if finished is None or finished.referral not in REFERRALS_BY_ROW:
        return Reply((render.note(_(texts.NO_SUMMARY)),))
    built = summary.build(finished, event.emergency_number)
    messages = (summary.as_message(built),)
    if await event.tx.active_assessment(event.user_id) is not None:
        # Otherwise the user may take it for the assessment they are doing now.
        messages = (summary.in_progress_note(built), *messages)
    # The PDF is drawn after the commit, off the event loop (bot.core.documents).
    return Reply(messages, documents=(summary.as_pdf(built),))


async def summary_button(event: Event, _action: SummaryAction) -> Reply:
    return await show_summary(event)


async def more(event: Event, action: MoreAction) -> Reply:
    """ "More about this" under a result: the details, as a new message."""
    finished = await event.tx.finished_assessment(event.user_id, action.assessment_id)
    if finished is None or finished.referral not in REFERRALS_BY_ROW:
        return Reply(notice=_(texts.OLD_ASSESSMENT))
    referral = REFERRALS_BY_ROW[finished.referral]
    return Reply((render.more_message(referral, finished.answers),))


async def answer(event: Event, action: AnswerAction) -> Reply:
    active = await event.tx.active_assessment(event.user_id)
    if active is None or active.id != action.assessment_id:
        return Reply(notice=_(texts.OLD_ASSESSMENT))
    if active.state != action.question_id:
        return Reply(notice=_(texts.ALREADY_ANSWERED))
    question = snapshot(active).question
    if question is None or question.option(action.value) is None:
        return Reply(notice=_(texts.UNKNOWN_BUTTON))
    reply = await steps.answer(event, active, action.question_id, action.value)
    return replace(reply, edit=render.answered_message(question, action.value))


async def back(event: Event, action: BackAction) -> Reply:
    active = await event.tx.active_assessment(event.user_id)
    if active is None or active.id != action.assessment_id:
        return Reply(notice=_(texts.OLD_ASSESSMENT))
    now = snapshot(active)
    if now.state != action.question_id or not now.history:
        return Reply(notice=_(texts.ALREADY_ANSWERED))
    before = machine.back(now)
    saved = await event.tx.save_progress(
        active, state=before.state, answers=before.answers, history=before.history
    )
    question = now.question
    assert question is not None
    return Reply(
        (render.question_message(saved.id, before),), edit=render.went_back_message(question)
    )


async def why(event: Event, action: WhyAction) -> Reply:
    question = QUESTIONS_BY_ID.get(action.question_id)
    if question is None:
        return Reply(notice=_(texts.UNKNOWN_BUTTON))
    return Reply(notice=_(question.why), alert=True)


async def resume(event: Event, action: ResumeAction) -> Reply:
    active = await event.tx.active_assessment(event.user_id)
    if active is None or active.id != action.assessment_id:
        return Reply(notice=_(texts.OFFER_OUTDATED))
    # Touch it, so the next typed message is read as an answer again.
    await event.tx.save_progress(
        active, state=active.state, answers=active.answers, history=active.history
    )
    return Reply(
        (render.question_message(active.id, snapshot(active)),),
        edit=render.note(_(texts.RESUMING)),
    )


async def start_over(event: Event, action: StartOverAction) -> Reply:
    active = await event.tx.active_assessment(event.user_id)
    if active is not None and active.id != action.assessment_id:
        return Reply(notice=_(texts.OFFER_OUTDATED))
    reply = await steps.begin(event, None)
    return replace(reply, edit=render.note(_(texts.STARTING_OVER)))


async def new_assessment(event: Event, _action: NewAssessmentAction) -> Reply:
    active = await event.tx.active_assessment(event.user_id)
    if active is not None:
        # Never throw away unfinished answers on an old button.
        return steps.resume_offer(active)
    return await steps.begin(event, None)
