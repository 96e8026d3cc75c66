"""The triage service: one user event in, the reply out, with the state kept in storage.

This is where the flow (`flows/`) meets storage (`storage/`). It knows nothing of
Telegram, so the Telegram handlers and the terminal console are both thin shells around
it. Each event runs in one database transaction under the user's lock: the new state is
committed before the caller shows anything, so a crash after the commit loses nothing and
a redelivered update (same `update_id`) is recognised and skipped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.core import account, assessment, followups, typed_text
from bot.core.actions import (
    Action,
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
    decode,
)
from bot.core.commands import COMMANDS_BY_NAME
from bot.core.documents import DrawnDocuments
from bot.core.event import Channel, Event, UseCase
from bot.core.replies import DUPLICATE, Message, Reply
from bot.core.user_locks import UserLocks
from bot.ui import render, texts
from bot.ui.i18n import _, language, pick
from flows import machine
from flows.referral import referral
from flows.understanding import warm_up
from storage.models import utcnow
from storage.repository import ConcurrentUpdate, StateRepository, Transaction

log = logging.getLogger(__name__)

# How often an event is re-run after losing a compare-and-set to another process.
CONFLICT_ATTEMPTS = 3


PressHandler = Callable[[Event, Any], Awaitable[Reply]]

# Which use case a button press runs, by the kind of button.
PRESSES: dict[type[Action], PressHandler] = {
    AnswerAction: assessment.answer,
    BackAction: assessment.back,
    WhyAction: assessment.why,
    ResumeAction: assessment.resume,
    StartOverAction: assessment.start_over,
    NewAssessmentAction: assessment.new_assessment,
    SummaryAction: assessment.summary_button,
    MoreAction: assessment.more,
    ConfirmEmergencyAction: typed_text.confirm_emergency,
    RemindAction: followups.remind,
    CancelReminderAction: followups.cancel_reminder,
    FollowUpAction: followups.follow_up,
    LanguageAction: account.switch_language,
    DeleteAction: account.delete,
}


@dataclass(frozen=True, slots=True)
class Sender:
    """Who an event comes from: the user, the Telegram update (for de-duplication) and the
    language their app is set to (used until they pick one with /language)."""

    user_id: int
    update_id: int | None = None
    language_code: str | None = None


def load_typed_text_reader() -> None:
    """Load the dictionaries of every language now, so no user's first typed message
    waits for them."""
    started = time.perf_counter()
    warm_up()
    log.info("typed-text reader loaded in %.2f s", time.perf_counter() - started)


class TriageService:
    def __init__(
        self,
        repository: StateRepository,
        *,
        retention_days: int = 90,
        emergency_number: str = "",
        channel: Channel = Channel.TELEGRAM,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self._repository = repository
        self._retention_days = retention_days
        self._emergency_number = emergency_number
        self._channel = channel
        self._locks = UserLocks()
        self._now = now
        # Assessments last touched before this process started get the resume offer too:
        # the user may not have seen the bot answer their last press.
        self._started_at = now()
        self._documents = DrawnDocuments()

    @property
    def active_locks(self) -> int:
        return len(self._locks)

    def guidance_without_records(self, text: str) -> str | None:
        """The emergency signs and what to do, in the current language, when typed words
        may report one and the database cannot be used: the reader needs no records, and
        such a message must not wait for them."""
        return typed_text.guidance_without_records(text, self._emergency_number)

    async def _run(self, who: Sender, handler: UseCase) -> Reply:
        """Run `handler` in one transaction under the user's lock, exactly once per update,
        in the user's language.

        The lock orders one user's events inside this process; the version check in
        `save_progress` catches a writer in another process. The loser's transaction is
        rolled back whole (its update claim too) and run again on fresh state, where the
        handler sees, for example, that the question was already answered.
        """
        async with self._locks.hold(who.user_id):
            for attempt in range(1, CONFLICT_ATTEMPTS + 1):
                try:
                    return await self._once(who, handler)
                except ConcurrentUpdate:
                    if attempt == CONFLICT_ATTEMPTS:
                        raise
                    log.info("update %s lost a concurrent write; retrying", who.update_id)
        raise AssertionError("unreachable")

    async def _once(self, who: Sender, handler: UseCase) -> Reply:
        user_id, update_id = who.user_id, who.update_id
        async with self._repository.transaction() as tx:
            if update_id is not None and not await tx.claim_update(update_id, user_id):
                log.info("skipping redelivered update %s", update_id)
                return DUPLICATE
            speaks = _language(await tx.language(user_id), who)
            with language(speaks):
                notes = await self._upgrade_flow(tx, user_id)
                event = Event(
                    tx,
                    user_id,
                    self._now(),
                    self._retention_days,
                    self._started_at,
                    self._emergency_number,
                    self._channel,
                )
                reply = await handler(event)
        event.tally.record(reply)  # committed
        if notes:
            reply = replace(reply, messages=notes + reply.messages)
        # Files (the PDF) are drawn after the commit, off the event loop, still under the
        # user's lock: one at a time per user, and nobody else waits for them.
        with language(speaks):
            return await self._documents.draw(reply)

    async def _upgrade_flow(self, tx: Transaction, user_id: int) -> tuple[Message, ...]:
        """Carry an assessment started under an older flow over to the current one.

        Answers that still fit are kept (`machine.replay`); if none do, the user is told
        and the old assessment is dropped. Handlers therefore only ever see current ones.
        """
        active = await tx.active_assessment(user_id)
        if active is None or active.flow_version == machine.FLOW_VERSION:
            return ()
        after = machine.replay(active.answers, active.flow_version)
        if not after.answers:
            await tx.discard_active(user_id)
            log.info("assessment %s dropped: flow %s -> %s", active.id, active.flow_version,
                     machine.FLOW_VERSION)  # fmt: skip
            return (render.note(_(texts.FLOW_CHANGED)),)
        result = referral(after.answers) if after.finished else None
        await tx.save_progress(
            active,
            state=after.state,
            answers=after.answers,
            history=after.history,
            referral=result.row if result else None,
            flow_version=machine.FLOW_VERSION,
        )
        kept = render.note(_(texts.FLOW_UPDATED))
        if result is None:
            return (kept,)
        return kept, render.result_message(result, after.answers, active.id, self._emergency_number)

    # --- what the front ends call -----------------------------------------------------

    async def language_of(self, who: Sender) -> str:
        """The language to answer `who` in outside an event (a sticker, an error)."""
        async with self._repository.transaction() as tx:
            return _language(await tx.language(who.user_id), who)

    async def command(self, name: str, who: Sender) -> Reply:
        """A slash command (`bot.core.commands.COMMANDS`); an unknown one is help."""
        found = COMMANDS_BY_NAME.get(name) or COMMANDS_BY_NAME["help"]
        return await self._run(who, found.run)

    async def pending_question(self, who: Sender) -> Reply:
        """The question the user's unfinished assessment waits for, if there is one."""
        return await self._run(who, assessment.pending_question)

    async def text(self, who: Sender, message: str) -> Reply:
        """A typed message (`bot.core.typed_text`)."""
        return await self._run(who, lambda event: typed_text.text(event, message))

    async def press(self, who: Sender, data: str | None) -> Reply:
        """A button press; stale or unknown buttons get a notice and change nothing."""
        action = decode(data)
        run = PRESSES.get(type(action)) if action is not None else None
        if run is None:
            return await self._run(who, _unknown_button)
        return await self._run(who, lambda event: run(event, action))


def _language(chosen: str | None, who: Sender) -> str:
    """The one rule: the language picked with /language, else the Telegram app's."""
    return chosen or pick(who.language_code)


async def _unknown_button(event: Event) -> Reply:
    return Reply(notice=_(texts.UNKNOWN_BUTTON))


Command = Callable[[TriageService, Sender], Awaitable[Reply]]

# The slash commands as the front ends call them, built from the one command table.
COMMANDS: dict[str, Command] = {
    name: (lambda service, who, name=name: service.command(name, who))  # type: ignore[misc]
    for name in COMMANDS_BY_NAME
}
