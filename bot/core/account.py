"""Use cases about the user rather than an assessment: language, privacy, deleting."""

from __future__ import annotations

from bot.core.actions import DeleteAction, LanguageAction
from bot.core.event import Channel, Event, snapshot
from bot.core.replies import Reply
from bot.ui import render, texts
from bot.ui.i18n import LANGUAGES, _, language


async def choose_language(event: Event) -> Reply:
    """/language: buttons with each language in its own name."""
    return Reply((render.language_menu(),))


async def switch_language(event: Event, action: LanguageAction) -> Reply:
    if action.code not in LANGUAGES:
        return Reply(notice=_(texts.UNKNOWN_BUTTON))
    await event.tx.set_language(event.user_id, action.code)
    with language(action.code):
        confirmation = render.note(_(texts.LANGUAGE_SET))
        active = await event.tx.active_assessment(event.user_id)
        if active is None:
            return Reply(edit=confirmation)
        # Carry on in the new language: the pending question again.
        return Reply((render.question_message(active.id, snapshot(active)),), edit=confirmation)


async def privacy(event: Event) -> Reply:
    """/privacy: what is stored and for how long."""
    return Reply(
        (render.note(texts.privacy(event.retention_days, event.channel is Channel.TELEGRAM)),)
    )


async def ask_delete(event: Event) -> Reply:
    """/delete: ask first; the answer is `delete`."""
    return Reply((render.delete_confirmation(),))


async def delete(event: Event, action: DeleteAction) -> Reply:
    if not action.confirmed:
        return Reply(edit=render.note(_(texts.DELETE_KEPT)))
    await event.tx.delete_user(event.user_id)
    return Reply(edit=render.note(_(texts.DELETED)))
