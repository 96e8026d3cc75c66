"""Steps the use cases share: begin an assessment, save an answer and say what comes next."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.core.event import Event, snapshot
from bot.core.replies import Reply
from bot.ui import render
from bot.ui.i18n import current
from flows import machine
from flows.referral import REPORTED_EMERGENCY, referral
from storage.models import AnswerSource
from storage.repository import StoredAssessment

log = logging.getLogger(__name__)

# The typed words kept with an answer: enough for the summary, never a whole message.
MAX_TYPED_WORDS = 200


async def begin(event: Event, prefix: str | None, known: Mapping[str, str] | None = None) -> Reply:
    """A new assessment (dropping any unfinished one) and its first question."""
    started_snapshot = machine.start(known)
    started = await event.tx.start_assessment(
        event.user_id, machine.FLOW_VERSION, started_snapshot.state, current()
    )
    event.tally.started += 1
    if known:
        started = await event.tx.save_progress(
            started, state=started_snapshot.state, answers=started_snapshot.answers, history=()
        )
    first = render.question_message(started.id, started_snapshot)
    return Reply((render.note(prefix), first) if prefix else (first,))


async def save(
    event: Event,
    active: StoredAssessment,
    after: machine.Snapshot,
    answered: tuple[str, str],
    typed: str | None = None,
    source: str = AnswerSource.BUTTON,
) -> Reply:
    """Compare-and-set the new state with its answer (given by `source`, an AnswerSource);
    the next question or the result."""
    result = referral(after.answers) if after.finished else None
    saved = await event.tx.save_progress(
        active,
        state=after.state,
        answers=after.answers,
        history=after.history,
        answered=answered,
        typed=typed,
        source=source,
        referral=result.row if result else None,
    )
    if result is not None:
        # The referral is health data: never logged, only counted.
        log.info("assessment %s finished", saved.id)
        event.tally.finished.append(result.row)
        return Reply(
            (render.result_message(result, after.answers, saved.id, event.emergency_number),)
        )
    return Reply((render.question_message(saved.id, after),))


async def answer(
    event: Event,
    active: StoredAssessment,
    question_id: str,
    value: str,
    notes: Mapping[str, str] | None = None,
    typed: str | None = None,
    source: str = AnswerSource.BUTTON,
) -> Reply:
    after = machine.answer(snapshot(active), question_id, value, notes)
    event.tally.answered.append(question_id)
    return await save(
        event, active, after, answered=(question_id, value), typed=typed, source=source
    )


async def emergency(
    event: Event,
    active: StoredAssessment | None,
    sign: str,
    words: str | None = None,
    source: str = AnswerSource.BUTTON,
) -> Reply:
    """End the assessment (a new one if none is open) with an emergency sign, typed or
    confirmed with a tap (`source`)."""
    if active is None:
        active = await event.tx.start_assessment(
            event.user_id, machine.FLOW_VERSION, machine.FIRST_QUESTION, current()
        )
    after = machine.report_emergency(snapshot(active), sign)
    typed = words[:MAX_TYPED_WORDS] if words else None
    return await save(
        event, active, after, answered=(REPORTED_EMERGENCY, sign), typed=typed, source=source
    )


def resume_offer(active: StoredAssessment) -> Reply:
    return Reply((render.resume_offer(active.id, active.started_at),))
