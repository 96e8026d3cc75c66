"""Use cases of typed messages (contract v3, section 1): what `flows.typed.decide` says a
message leads to, carried out."""

from __future__ import annotations

import html
from dataclasses import replace

from bot.core import steps
from bot.core.actions import ConfirmEmergencyAction
from bot.core.event import Event, snapshot
from bot.core.replies import Message, Reply
from bot.ui import render, texts
from bot.ui.i18n import _, current
from flows import machine, typed
from flows.questions import QUESTIONS_BY_ID, Question, Severity
from flows.typed import Decision, Outcome
from storage.models import AnswerSource, Tally
from storage.repository import StoredAssessment


async def text(event: Event, message: str) -> Reply:
    """Read for emergency signs first, whatever is pending; then as an answer."""
    active = await event.tx.active_assessment(event.user_id)
    now = snapshot(active) if active is not None else None
    question = (now and now.question) or QUESTIONS_BY_ID[machine.FIRST_QUESTION]
    decision = typed.read(message, current(), question, event.now.date())
    if decision.outcome is Outcome.EMERGENCY:
        assert decision.flag is not None
        return await steps.emergency(
            event, active, decision.flag, decision.words, AnswerSource.TYPED
        )
    if decision.outcome is Outcome.CONFIRM_EMERGENCY:
        assert decision.flag is not None
        await event.tx.count(Tally.EMERGENCY_ASKED, current())
        if active is not None and now is not None:
            active = await _hold(event, active, now, decision)
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
        return await _record(event, active, question, named, {})
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
            return await _record(event, active, question, decision.value, _notes(decision))
        case Outcome.ASK_RED_FLAG:
            assert decision.flag is not None
            held = decision.held
            pending = (held.value, _notes(held)) if held is not None and held.value else None
            return await _ask_red_flag(
                event, active, now, question, decision.flag, pending, decision.also
            )
        case Outcome.ASK_AGAIN:
            words = html.escape(decision.words or "")
            return Reply(
                (render.note(texts.duration_not_sure(words, event.emergency_number)), again)
            )
        case Outcome.QUESTION:
            return Reply((render.note(texts.question_typed(event.emergency_number)), again))
        case _:
            return Reply((render.note(texts.not_understood(event.emergency_number)), again))


async def _ask_red_flag(
    event: Event,
    active: StoredAssessment,
    now: machine.Snapshot,
    question: Question,
    flag: str,
    pending: tuple[str, dict[str, str]] | None,
    also: tuple[str, ...] = (),
) -> Reply:
    """An urgent sign typed at another question: that red flag is asked (again), with the
    others the message reported (`also`), and the answer it also gave (`pending`: a value
    and its notes) is kept for after it."""
    finding = _(QUESTIONS_BY_ID[flag].finding)
    if flag not in now.history:
        # Still ahead: red flags are always asked, in order.
        later = render.note(texts.red_flag_later(finding))
        if pending is None:
            return Reply((later, render.question_message(active.id, now)))
        reply = await _record(event, active, question, *pending)
        return replace(reply, messages=(later, *reply.messages))
    before = machine.revisit(now, flag, pending, forget=also)
    saved = await event.tx.save_progress(
        active, state=before.state, answers=before.answers, history=before.history
    )
    noted = (_noted(question, *pending),) if pending else ()
    mentioned = render.note(texts.red_flag_mentioned(finding))
    return Reply((*noted, mentioned, render.question_message(saved.id, before)))


async def _hold(
    event: Event, active: StoredAssessment, now: machine.Snapshot, decision: Decision
) -> StoredAssessment:
    """Keep what a message gave beside a possible emergency sign (an answer, an urgent
    flag to ask) for after the user says the sign is not happening."""
    held, question = decision.held, now.question
    value = held.value if held is not None else None
    if question is None or (value is None and decision.then_ask is None):
        return active
    notes = _notes(held) if held is not None and value is not None else {}
    kept = machine.hold(now, question.id, machine.Held(value, notes, decision.then_ask))
    return await event.tx.save_progress(
        active, state=kept.state, answers=kept.answers, history=kept.history
    )


def _notes(decision: Decision) -> dict[str, str]:
    """What is kept beside a typed answer: the words behind it, the days it states."""
    notes: dict[str, str] = {}
    if decision.words:
        notes[machine.WORDS] = decision.words[: steps.MAX_TYPED_WORDS]
    if decision.days is not None:
        notes[machine.DAYS] = str(int(decision.days))
    return notes


async def _record(
    event: Event, active: StoredAssessment, question: Question, value: str, notes: dict[str, str]
) -> Reply:
    """Record a typed answer with the words behind it, and say what was understood."""
    words = notes.get(machine.WORDS)
    reply = await steps.answer(
        event, active, question.id, value, notes, typed=words, source=AnswerSource.TYPED
    )
    return replace(reply, messages=(_noted(question, value, notes), *reply.messages))


def _noted(question: Question, value: str, notes: dict[str, str]) -> Message:
    option = question.option(value)
    label = html.escape(_(option.label) if option else value)
    words = notes.get(machine.WORDS)
    if question.id == "duration" and words:
        return render.note(texts.duration_noted(html.escape(words), label))
    return render.note(texts.typed_answer_understood(label))


def guidance_without_records(message: str, number: str) -> str | None:
    """The emergency line for typed words that may report an emergency sign, read as at
    the first question; None for anything else."""
    decision = typed.read(message, current(), QUESTIONS_BY_ID[machine.FIRST_QUESTION])
    if decision.outcome in (Outcome.EMERGENCY, Outcome.CONFIRM_EMERGENCY):
        return texts.emergency_reminder(number)
    return None


async def confirm_emergency(event: Event, action: ConfirmEmergencyAction) -> Reply:
    """The one tap after typed words that may report an emergency sign."""
    question = QUESTIONS_BY_ID.get(action.flag)
    if question is None or question.severity is not Severity.EMERGENCY:
        return Reply(notice=_(texts.UNKNOWN_BUTTON))
    active = await event.tx.active_assessment(event.user_id)
    answer = _(texts.CONFIRM_YES) if action.happening else _(texts.CONFIRM_NO)
    edit = render.confirmed_emergency(action.flag, answer, event.emergency_number)
    if action.happening:
        await event.tx.count(Tally.EMERGENCY_CONFIRMED, current())
        # Safety first: even on an older confirmation, "yes" gets the emergency result.
        return replace(await steps.emergency(event, active, action.flag), edit=edit)
    carry_on = render.note(_(texts.CONFIRMED_NOT))
    if active is None or active.id != action.assessment_id:
        return Reply((carry_on,), edit=edit)
    now = snapshot(active)
    kept = machine.held(now)
    if kept is None or now.question is None:
        return Reply((carry_on, render.question_message(active.id, now)), edit=edit)
    pending = (kept.value, dict(kept.notes)) if kept.value is not None else None
    if kept.then_ask is not None:  # the urgent sign the same message reported
        reply = await _ask_red_flag(event, active, now, now.question, kept.then_ask, pending)
    else:
        assert pending is not None
        reply = await _record(event, active, now.question, *pending)
    return replace(reply, messages=(carry_on, *reply.messages), edit=edit)
