"""Use cases of the six-week follow-up: set it, list and cancel it, answer it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.core import steps
from bot.core.actions import CancelReminderAction, FollowUpAction, RemindAction
from bot.core.event import Channel, Event
from bot.core.replies import Message, Reply
from bot.ui import render, texts
from bot.ui.i18n import _, current
from flows.followup import follow_up_answers, follow_up_days


async def _list(event: Event) -> Message:
    pending = await event.tx.pending_reminders(event.user_id)
    return render.reminder_list([(r.id, r.due_at) for r in pending])


async def reminders(event: Event) -> Reply:
    """/reminders: the pending follow-ups, each with a cancel button."""
    return Reply((await _list(event),))


async def remind(event: Event, action: RemindAction) -> Reply:
    finished = await event.tx.finished_assessment(event.user_id, action.assessment_id)
    days = follow_up_days(finished.answers) if finished else None
    if finished is None or days is None:
        return Reply(notice=_(texts.REMINDER_NOT_POSSIBLE))
    due = event.now + timedelta(days=days)
    if await event.tx.add_reminder(event.user_id, action.assessment_id, due, current()) is None:
        return Reply(notice=_(texts.REMINDER_EXISTS))
    return Reply(
        (render.note(texts.reminder_set(render.date(due), event.channel is Channel.TELEGRAM)),)
    )


async def cancel_reminder(event: Event, action: CancelReminderAction) -> Reply:
    if not await event.tx.cancel_reminder(event.user_id, action.reminder_id):
        return Reply(notice=_(texts.REMINDER_GONE))
    return Reply(notice=_(texts.REMINDER_CANCELLED), edit=await _list(event))


async def follow_up(event: Event, action: FollowUpAction) -> Reply:
    """ "Is your pain better?": if not, a follow-up assessment on the persistent path."""
    tx, user_id = event.tx, event.user_id
    reminder = await tx.reminder(user_id, action.reminder_id)
    if reminder is None or not await tx.close_reminder(user_id, action.reminder_id):
        return Reply(notice=_(texts.FOLLOW_UP_ANSWERED))
    edit = render.follow_up_answered(action.better)
    if action.better:
        return Reply((render.note(_(texts.GLAD_BETTER)),), edit=edit)
    earlier = await tx.finished_assessment(user_id, reminder.assessment_id)
    known = follow_up_answers(earlier.answers if earlier else {})
    reply = await steps.begin(event, _(texts.FOLLOW_UP_START), known)
    return replace(reply, edit=edit)
