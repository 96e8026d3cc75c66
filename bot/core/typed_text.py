"""Use cases of typed messages (contract v2, section 1): what `flows.typed.decide` says a
message leads to, carried out."""

from __future__ import annotations

import html
from dataclasses import replace

from bot.core import steps
from bot.core.actions import ConfirmEmergencyAction
from bot.core.event import Event, snapshot
from bot.core.replies import Reply
from bot.ui import render, texts
from bot.ui.i18n import _, current
from flows import machine, typed
from flows.questions import QUESTIONS_BY_ID, Question, Severity
from flows.typed import Decision, Outcome
from storage.repository import StoredAssessment


async def text(event: Event, message: str) -> Reply:
    """Read for emergency signs first, whatever is pending; then as an answer."""
    active = await event.tx.active_assessment(event.user_id)
    now = snapshot(active) if active is not None else None
    question = (now and now.question) or QUESTIONS_BY_ID[machine.FIRST_QUESTION]
    decision = typed.read(message, current(), question, event.now.date())
    if decision.outcome is Outcome.EMERGENCY:
        assert decision.flag is not None
        return await steps.emergency(event, active, decision.flag, decision.words)
    if decision.outcome is Outcome.CONFIRM_EMERGENCY:
        assert decision.flag is not None
        return Reply(
            (
                render.confirm_emergency(
                    active.id if active else 0, decision.flag, event.emergency_number
                ),
            )
        )
    if active is None or now is None:
        return Reply((render.no_assessment(),))
    if event.is_returning(active):
        return steps.resume_offer(active)
    named = typed.option_named(question, message, _)
    if named is not None:
        return await _record(event, active, question, named, None)
    return await _act_on(event, active, now, question, decision)


async def _act_on(
    event: Event,
    active: StoredAssessment,
    now: machine.Snapshot,
    question: Question,
    decision: Decision,
) -> Reply:
    again = render.question_message(active.id, now)
    match decision.outcome:
        case Outcome.ANSWER:
            assert decision.value is not None
            return await _record(event, active, question, decision.value, decision)
        case Outcome.ASK_RED_FLAG:
            assert decision.flag is not None
            finding = _(QUESTIONS_BY_ID[decision.flag].finding)
            if decision.flag not in now.history:
                # Still ahead: red flags are always asked, in order.
                return Reply((render.note(texts.red_flag_later(finding)), again))
            before = machine.revisit(now, decision.flag)
            saved = await event.tx.save_progress(
                active, state=before.state, answers=before.answers, history=before.history
            )
            return Reply(
                (
                    render.note(texts.red_flag_mentioned(finding)),
                    render.question_message(saved.id, before),
                )
            )
        case Outcome.ASK_AGAIN:
            words = html.escape(decision.words or "")
            return Reply(
                (render.note(texts.duration_not_sure(words, event.emergency_number)), again)
            )
        case _:
            return Reply((render.note(texts.not_understood(event.emergency_number)), again))


async def _record(
    event: Event,
    active: StoredAssessment,
    question: Question,
    value: str,
    decision: Decision | None,
) -> Reply:
    """Record a typed answer with the words behind it, and say what was understood."""
    words = decision.words[: steps.MAX_TYPED_WORDS] if decision and decision.words else None
    notes: dict[str, str] = {}
    if words:
        notes[machine.WORDS] = words
    if decision is not None and decision.days is not None:
        notes[machine.DAYS] = str(int(decision.days))
    reply = await steps.answer(event, active, question.id, value, notes, typed=words)
    option = question.option(value)
    label = html.escape(_(option.label) if option else value)
    if question.id == "duration" and words:
        said = render.note(texts.duration_noted(html.escape(words), label))
    else:
        said = render.note(texts.typed_answer_understood(label))
    return replace(reply, messages=(said, *reply.messages))


async def confirm_emergency(event: Event, action: ConfirmEmergencyAction) -> Reply:
    """The one tap after typed words that may report an emergency sign."""
    question = QUESTIONS_BY_ID.get(action.flag)
    if question is None or question.severity is not Severity.EMERGENCY:
        return Reply(notice=_(texts.UNKNOWN_BUTTON))
    active = await event.tx.active_assessment(event.user_id)
    answer = _(texts.CONFIRM_YES) if action.happening else _(texts.CONFIRM_NO)
    edit = render.confirmed_emergency(action.flag, answer, event.emergency_number)
    if action.happening:
        # Safety first: even on an older confirmation, "yes" gets the emergency result.
        return replace(await steps.emergency(event, active, action.flag), edit=edit)
    carry_on = render.note(_(texts.CONFIRMED_NOT))
    if active is None or active.id != action.assessment_id:
        return Reply((carry_on,), edit=edit)
    return Reply((carry_on, render.question_message(active.id, snapshot(active))), edit=edit)
