"""The triage service: one user event in, the reply out, with the state kept in storage.

This is where the flow (`flows/`) meets storage (`storage/`). It knows nothing of
Telegram, so the Telegram handlers and the terminal console are both thin shells around
it. Each event runs in one database transaction under the user's lock: the new state is
committed before the caller shows anything, so a crash after the commit loses nothing and
a redelivered update (same `update_id`) is recognised and skipped.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from babel.dates import format_date

from bot.core import metrics
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
    decode,
    encode,
)
from bot.core.replies import DUPLICATE, Button, Message, Reply
from bot.core.user_locks import UserLocks
from bot.ui import render, summary, texts
from bot.ui.i18n import LANGUAGES, _, current, language, pick
from flows import machine, typed
from flows.followup import follow_up_answers, follow_up_days
from flows.questions import QUESTIONS_BY_ID, Question, Severity
from flows.referral import REFERRALS_BY_ROW, REPORTED_EMERGENCY, referral
from flows.typed import Outcome
from flows.understanding import warm_up
from storage.models import utcnow
from storage.repository import ConcurrentUpdate, StateRepository, StoredAssessment, Transaction

log = logging.getLogger(__name__)

# Someone who comes back after this long is asked whether to resume or start over,
# rather than being told to use the buttons.
RESUME_OFFER_AFTER = timedelta(minutes=30)
# The typed words kept with an answer: enough for the summary, never a whole message.
MAX_TYPED_WORDS = 200
# How often an event is re-run after losing a compare-and-set to another process.
CONFLICT_ATTEMPTS = 3

Handler = Callable[[Transaction], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class Sender:
    """Who an event comes from: the user, the Telegram update (for de-duplication) and the
    language their app is set to (used until they pick one with /language)."""

    user_id: int
    update_id: int | None = None
    language_code: str | None = None


def _snapshot(stored: StoredAssessment) -> machine.Snapshot:
    return machine.Snapshot(stored.state, stored.answers, stored.history)


def _resume_offer(active: StoredAssessment) -> Message:
    return render.resume_offer(active.id, _date(active.started_at))


def _date(moment: datetime) -> str:
    """A date as people read it in the current language ("Nov 25, 2026" in English)."""
    return format_date(moment, format="medium", locale=current())


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
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self._repository = repository
        self._retention_days = retention_days
        self._locks = UserLocks()
        self._now = now
        # Assessments last touched before this process started get the resume offer too:
        # the user may not have seen the bot answer their last press.
        self._started_at = now()

    @property
    def active_locks(self) -> int:
        return len(self._locks)

    async def _run(self, who: Sender, handler: Handler) -> Reply:
        """Run `handler` in one transaction under the user's lock, exactly once per update,
        in the user's language.

        The lock orders one user's events inside this process; the version check in
        `save_progress` catches a writer in another process. The loser's transaction is
        rolled back whole (its update claim too) and run again on fresh state, where the
        handler sees, for example, that the question was already answered.
        """
        user_id, update_id = who.user_id, who.update_id
        async with self._locks.hold(user_id):
            for attempt in range(1, CONFLICT_ATTEMPTS + 1):
                try:
                    async with self._repository.transaction() as tx:
                        if update_id is not None and not await tx.claim_update(update_id, user_id):
                            log.info("skipping redelivered update %s", update_id)
                            return DUPLICATE
                        chosen = await tx.language(user_id)
                        with language(chosen or pick(who.language_code)):
                            notes = await self._upgrade_flow(tx, user_id)
                            reply = await handler(tx)
                        return replace(reply, messages=notes + reply.messages) if notes else reply
                except ConcurrentUpdate:
                    if attempt == CONFLICT_ATTEMPTS:
                        raise
                    log.info("update %s lost a concurrent write; retrying", update_id)
        raise AssertionError("unreachable")

    async def _upgrade_flow(self, tx: Transaction, user_id: int) -> tuple[Message, ...]:
        """Carry an assessment started under an older flow over to the current one.

        Answers that still fit are kept (`machine.replay`); if none do, the user is told
        and the old assessment is dropped. Handlers therefore only ever see current ones.
        """
        active = await tx.active_assessment(user_id)
        if active is None or active.flow_version == machine.FLOW_VERSION:
            return ()
        after = machine.replay(active.answers)
        if not after.history:
            await tx.discard_active(user_id)
            log.info("assessment %s dropped: flow %s -> %s", active.id, active.flow_version,
                     machine.FLOW_VERSION)  # fmt: skip
            return (Message(_(texts.FLOW_CHANGED)),)
        result = referral(after.answers) if after.finished else None
        await tx.save_progress(
            active,
            state=after.state,
            answers=after.answers,
            history=after.history,
            referral=result.row if result else None,
            flow_version=machine.FLOW_VERSION,
        )
        kept = Message(_(texts.FLOW_UPDATED))
        return (kept, render.result_message(result, after.answers)) if result else (kept,)

    # --- commands ---------------------------------------------------------------------

    async def start(self, who: Sender) -> Reply:
        """/start: offer to resume an unfinished assessment, or begin a new one."""

        async def handle(tx: Transaction) -> Reply:
            active = await tx.active_assessment(who.user_id)
            if active is not None:
                return Reply((_resume_offer(active),))
            return await self._begin(tx, who.user_id, _(texts.WELCOME))

        return await self._run(who, handle)

    async def restart(self, who: Sender) -> Reply:
        """/restart: drop anything unfinished and begin again."""

        async def handle(tx: Transaction) -> Reply:
            return await self._begin(tx, who.user_id, _(texts.STARTING_OVER))

        return await self._run(who, handle)

    async def cancel(self, who: Sender) -> Reply:
        async def handle(tx: Transaction) -> Reply:
            stopped = await tx.discard_active(who.user_id)
            return Reply((Message(_(texts.CANCELLED) if stopped else _(texts.NOTHING_TO_CANCEL)),))

        return await self._run(who, handle)

    async def ask_delete(self, who: Sender) -> Reply:
        async def handle(tx: Transaction) -> Reply:
            buttons = (
                (Button(_(texts.DELETE_YES), encode(DeleteAction(True))),),
                (Button(_(texts.DELETE_NO), encode(DeleteAction(False))),),
            )
            return Reply((Message(_(texts.DELETE_CONFIRM), buttons),))

        return await self._run(who, handle)

    async def help(self, who: Sender) -> Reply:
        async def handle(tx: Transaction) -> Reply:
            return Reply((Message(_(texts.HELP)),))

        return await self._run(who, handle)

    async def summary(self, who: Sender) -> Reply:
        """/summary: the last finished assessment, as a message and a PDF."""
        return await self._run(who, lambda tx: self._summary(tx, who.user_id))

    async def _summary(self, tx: Transaction, user_id: int) -> Reply:
        finished = await tx.latest_finished(user_id)
        if finished is None or finished.referral not in REFERRALS_BY_ROW:
            return Reply((Message(_(texts.NO_SUMMARY)),))
        built = summary.build(finished)
        return Reply((summary.as_message(built),), documents=(summary.as_pdf(built),))

    async def reminders(self, who: Sender) -> Reply:
        """/reminders: the pending follow-ups, each with a cancel button."""

        async def handle(tx: Transaction) -> Reply:
            return Reply((await self._reminder_list(tx, who.user_id),))

        return await self._run(who, handle)

    async def _reminder_list(self, tx: Transaction, user_id: int) -> Message:
        pending = await tx.pending_reminders(user_id)
        if not pending:
            return Message(_(texts.NO_REMINDERS))
        buttons = tuple(
            (
                Button(
                    texts.cancel_reminder_button(_date(r.due_at)),
                    encode(CancelReminderAction(r.id)),
                ),
            )
            for r in pending
        )
        return Message(_(texts.REMINDERS_TITLE), buttons)

    async def _set_reminder(self, tx: Transaction, user_id: int, assessment_id: int) -> Reply:
        finished = await tx.finished_assessment(user_id, assessment_id)
        days = follow_up_days(finished.answers) if finished else None
        if finished is None or days is None:
            return Reply(notice=_(texts.REMINDER_NOT_POSSIBLE))
        due = self._now() + timedelta(days=days)
        if await tx.add_reminder(user_id, assessment_id, due, current()) is None:
            return Reply(notice=_(texts.REMINDER_EXISTS))
        return Reply((Message(texts.reminder_set(_date(due))),))

    async def _follow_up(
        self, tx: Transaction, user_id: int, reminder_id: int, better: bool
    ) -> Reply:
        reminder = await tx.reminder(user_id, reminder_id)
        if reminder is None or not await tx.close_reminder(user_id, reminder_id):
            return Reply(notice=_(texts.FOLLOW_UP_ANSWERED))
        answer = _(texts.FOLLOW_UP_BETTER) if better else _(texts.FOLLOW_UP_NOT_BETTER)
        edit = Message(f"{_(texts.FOLLOW_UP_QUESTION)}\n\n{texts.your_answer(answer)}")
        if better:
            return Reply((Message(_(texts.GLAD_BETTER)),), edit=edit)
        earlier = await tx.finished_assessment(user_id, reminder.assessment_id)
        known = follow_up_answers(earlier.answers if earlier else {})
        reply = await self._begin(tx, user_id, _(texts.FOLLOW_UP_START), known)
        return replace(reply, edit=edit)

    async def choose_language(self, who: Sender) -> Reply:
        """/language: buttons with each language in its own name."""

        async def handle(tx: Transaction) -> Reply:
            buttons = tuple(
                (Button(name, encode(LanguageAction(code))),) for code, name in LANGUAGES.items()
            )
            return Reply((Message(_(texts.LANGUAGE_PROMPT), buttons),))

        return await self._run(who, handle)

    async def _switch_language(self, tx: Transaction, user_id: int, code: str) -> Reply:
        await tx.set_language(user_id, code)
        with language(code):
            confirmation = Message(_(texts.LANGUAGE_SET))
            active = await tx.active_assessment(user_id)
            if active is None:
                return Reply(edit=confirmation)
            # Carry on in the new language: the pending question again.
            return Reply(
                (render.question_message(active.id, _snapshot(active)),), edit=confirmation
            )

    async def privacy(self, who: Sender) -> Reply:
        async def handle(tx: Transaction) -> Reply:
            return Reply((Message(texts.privacy(self._retention_days)),))

        return await self._run(who, handle)

    # --- typed text -------------------------------------------------------------------

    async def text(self, who: Sender, text: str) -> Reply:
        """A typed message: read for emergency signs first, then as an answer (contract
        v2, section 1); what it leads to is `flows.typed.decide`."""

        async def handle(tx: Transaction) -> Reply:
            active = await tx.active_assessment(who.user_id)
            snapshot = _snapshot(active) if active is not None else None
            question = (snapshot and snapshot.question) or QUESTIONS_BY_ID[machine.FIRST_QUESTION]
            decision = typed.read(text, current(), question, self._now().date())
            if decision.outcome is Outcome.EMERGENCY:
                assert decision.flag is not None
                return await self._typed_emergency(
                    tx, who.user_id, active, decision.flag, decision.words
                )
            if decision.outcome is Outcome.CONFIRM_EMERGENCY:
                assert decision.flag is not None
                return Reply((render.confirm_emergency(active.id if active else 0, decision.flag),))
            if active is None or snapshot is None:
                return Reply(
                    (
                        Message(
                            _(texts.NO_ASSESSMENT),
                            render.new_assessment_button(_(texts.START_ASSESSMENT)),
                        ),
                    )
                )
            if self._is_returning(active):
                return Reply((_resume_offer(active),))
            named = typed.option_named(question, text, _)
            if named is not None:
                return await self._typed_answer(tx, active, question, named, None)
            return await self._act_on(tx, active, snapshot, question, decision)

        return await self._run(who, handle)

    async def _act_on(
        self,
        tx: Transaction,
        active: StoredAssessment,
        snapshot: machine.Snapshot,
        question: Question,
        decision: typed.Decision,
    ) -> Reply:
        again = render.question_message(active.id, snapshot)
        match decision.outcome:
            case Outcome.ANSWER:
                assert decision.value is not None
                return await self._typed_answer(tx, active, question, decision.value, decision)
            case Outcome.ASK_RED_FLAG:
                assert decision.flag is not None
                finding = _(QUESTIONS_BY_ID[decision.flag].finding)
                if decision.flag not in snapshot.history:
                    # Still ahead: red flags are always asked, in order.
                    return Reply((Message(texts.red_flag_later(finding)), again))
                before = machine.revisit(snapshot, decision.flag)
                saved = await tx.save_progress(
                    active, state=before.state, answers=before.answers, history=before.history
                )
                return Reply(
                    (
                        Message(texts.red_flag_mentioned(finding)),
                        render.question_message(saved.id, before),
                    )
                )
            case Outcome.ASK_AGAIN:
                words = html.escape(decision.words or "")
                return Reply((Message(texts.duration_not_sure(words)), again))
            case _:
                return Reply((Message(texts.not_understood()), again))

    async def _typed_answer(
        self,
        tx: Transaction,
        active: StoredAssessment,
        question: Question,
        value: str,
        decision: typed.Decision | None,
    ) -> Reply:
        """Record a typed answer with the words behind it, and say what was understood."""
        words = decision.words[:MAX_TYPED_WORDS] if decision and decision.words else None
        notes: dict[str, str] = {}
        if words:
            notes[machine.WORDS] = words
        if decision is not None and decision.days is not None:
            notes[machine.DAYS] = str(int(decision.days))
        after = machine.answer(_snapshot(active), question.id, value, notes)
        reply = await self._save(tx, active, after, answered=(question.id, value), typed=words)
        option = question.option(value)
        label = html.escape(_(option.label) if option else value)
        if question.id == "duration" and words:
            said = Message(texts.duration_noted(html.escape(words), label))
        else:
            said = Message(texts.typed_answer_understood(label))
        return Reply((said, *reply.messages))

    # --- button presses -----------------------------------------------------------------

    async def press(self, who: Sender, data: str | None) -> Reply:
        """A button press; stale or unknown buttons get a notice and change nothing."""
        action = decode(data)

        async def handle(tx: Transaction) -> Reply:
            match action:
                case AnswerAction():
                    return await self._press_answer(tx, who.user_id, action)
                case BackAction():
                    return await self._press_back(tx, who.user_id, action)
                case WhyAction(question_id):
                    question = QUESTIONS_BY_ID.get(question_id)
                    if question is None:
                        return Reply(notice=_(texts.UNKNOWN_BUTTON))
                    return Reply(notice=_(question.why), alert=True)
                case ResumeAction(assessment_id):
                    active = await tx.active_assessment(who.user_id)
                    if active is None or active.id != assessment_id:
                        return Reply(notice=_(texts.OFFER_OUTDATED))
                    # Touch it, so the next typed message is read as an answer again.
                    await tx.save_progress(
                        active, state=active.state, answers=active.answers, history=active.history
                    )
                    return Reply(
                        (render.question_message(active.id, _snapshot(active)),),
                        edit=Message(_(texts.RESUMING)),
                    )
                case StartOverAction(assessment_id):
                    active = await tx.active_assessment(who.user_id)
                    if active is not None and active.id != assessment_id:
                        return Reply(notice=_(texts.OFFER_OUTDATED))
                    reply = await self._begin(tx, who.user_id, None)
                    return Reply(reply.messages, edit=Message(_(texts.STARTING_OVER)))
                case NewAssessmentAction():
                    active = await tx.active_assessment(who.user_id)
                    if active is not None:
                        # Never throw away unfinished answers on an old button.
                        return Reply((_resume_offer(active),))
                    return await self._begin(tx, who.user_id, None)
                case LanguageAction(code) if code in LANGUAGES:
                    return await self._switch_language(tx, who.user_id, code)
                case SummaryAction():
                    return await self._summary(tx, who.user_id)
                case RemindAction(assessment_id):
                    return await self._set_reminder(tx, who.user_id, assessment_id)
                case CancelReminderAction(reminder_id):
                    cancelled = await tx.cancel_reminder(who.user_id, reminder_id)
                    if not cancelled:
                        return Reply(notice=_(texts.REMINDER_GONE))
                    return Reply(
                        notice=_(texts.REMINDER_CANCELLED),
                        edit=await self._reminder_list(tx, who.user_id),
                    )
                case ConfirmEmergencyAction(assessment_id, flag, happening):
                    return await self._confirm_emergency(
                        tx, who.user_id, assessment_id, flag, happening
                    )
                case FollowUpAction(reminder_id, better):
                    return await self._follow_up(tx, who.user_id, reminder_id, better)
                case DeleteAction(confirmed=True):
                    await tx.delete_user(who.user_id)
                    return Reply(edit=Message(_(texts.DELETED)))
                case DeleteAction(confirmed=False):
                    return Reply(edit=Message(_(texts.DELETE_KEPT)))
                case _:
                    return Reply(notice=_(texts.UNKNOWN_BUTTON))

        return await self._run(who, handle)

    async def _confirm_emergency(
        self, tx: Transaction, user_id: int, assessment_id: int, flag: str, happening: bool
    ) -> Reply:
        """The one tap after typed words that may report an emergency sign."""
        question = QUESTIONS_BY_ID.get(flag)
        if question is None or question.severity is not Severity.EMERGENCY:
            return Reply(notice=_(texts.UNKNOWN_BUTTON))
        active = await tx.active_assessment(user_id)
        answer = _(texts.CONFIRM_YES) if happening else _(texts.CONFIRM_NO)
        edit = render.confirmed_emergency(flag, answer)
        if happening:
            # Safety first: even on an older confirmation, "yes" gets the emergency result.
            reply = await self._typed_emergency(tx, user_id, active, flag)
            return replace(reply, edit=edit)
        if active is None or active.id != assessment_id:
            return Reply((Message(_(texts.CONFIRMED_NOT)),), edit=edit)
        return Reply(
            (
                Message(_(texts.CONFIRMED_NOT)),
                render.question_message(active.id, _snapshot(active)),
            ),
            edit=edit,
        )

    async def _press_answer(self, tx: Transaction, user_id: int, action: AnswerAction) -> Reply:
        active = await tx.active_assessment(user_id)
        if active is None or active.id != action.assessment_id:
            return Reply(notice=_(texts.OLD_ASSESSMENT))
        if active.state != action.question_id:
            return Reply(notice=_(texts.ALREADY_ANSWERED))
        question = _snapshot(active).question
        if question is None or question.option(action.value) is None:
            return Reply(notice=_(texts.UNKNOWN_BUTTON))
        reply = await self._apply_answer(tx, active, action.question_id, action.value)
        return Reply(reply.messages, edit=render.answered_message(question, action.value))

    async def _press_back(self, tx: Transaction, user_id: int, action: BackAction) -> Reply:
        active = await tx.active_assessment(user_id)
        if active is None or active.id != action.assessment_id:
            return Reply(notice=_(texts.OLD_ASSESSMENT))
        snapshot = _snapshot(active)
        if snapshot.state != action.question_id or not snapshot.history:
            return Reply(notice=_(texts.ALREADY_ANSWERED))
        before = machine.back(snapshot)
        saved = await tx.save_progress(
            active, state=before.state, answers=before.answers, history=before.history
        )
        question = snapshot.question
        assert question is not None
        return Reply(
            (render.question_message(saved.id, before),),
            edit=render.went_back_message(question),
        )

    # --- shared steps -------------------------------------------------------------------

    async def _apply_answer(
        self, tx: Transaction, active: StoredAssessment, question_id: str, value: str
    ) -> Reply:
        after = machine.answer(_snapshot(active), question_id, value)
        return await self._save(tx, active, after, answered=(question_id, value))

    async def _typed_emergency(
        self,
        tx: Transaction,
        user_id: int,
        active: StoredAssessment | None,
        sign: str,
        words: str | None = None,
    ) -> Reply:
        if active is None:
            active = await tx.start_assessment(
                user_id, machine.FLOW_VERSION, machine.FIRST_QUESTION
            )
        after = machine.report_emergency(_snapshot(active), sign)
        typed_words = words[:MAX_TYPED_WORDS] if words else None
        return await self._save(
            tx, active, after, answered=(REPORTED_EMERGENCY, sign), typed=typed_words
        )

    async def _save(
        self,
        tx: Transaction,
        active: StoredAssessment,
        after: machine.Snapshot,
        answered: tuple[str, str],
        typed: str | None = None,
    ) -> Reply:
        result = referral(after.answers) if after.finished else None
        saved = await tx.save_progress(
            active,
            state=after.state,
            answers=after.answers,
            history=after.history,
            answered=answered,
            typed=typed,
            referral=result.row if result else None,
        )
        if result is not None:
            # The referral is health data: only at DEBUG.
            log.info("assessment %s finished", saved.id)
            log.debug("assessment %s referral %s", saved.id, result.row)
            metrics.ASSESSMENTS_FINISHED.labels(result.row).inc()
            return Reply((render.result_message(result, after.answers, saved.id),))
        return Reply((render.question_message(saved.id, after),))

    async def _begin(
        self,
        tx: Transaction,
        user_id: int,
        prefix: str | None,
        known: Mapping[str, str] | None = None,
    ) -> Reply:
        """A new assessment (dropping any unfinished one) and its first question."""
        snapshot = machine.start(known)
        started = await tx.start_assessment(user_id, machine.FLOW_VERSION, snapshot.state)
        metrics.ASSESSMENTS_STARTED.inc()
        if known:
            started = await tx.save_progress(
                started, state=snapshot.state, answers=snapshot.answers, history=()
            )
        first = render.question_message(started.id, snapshot)
        return Reply((Message(prefix), first) if prefix else (first,))

    def _is_returning(self, active: StoredAssessment) -> bool:
        return (
            active.updated_at < self._started_at
            or self._now() - active.updated_at > RESUME_OFFER_AFTER
        )


Command = Callable[[TriageService, Sender], Awaitable[Reply]]

# The slash commands, by name: the Telegram handlers and the console both use this table.
COMMANDS: dict[str, Command] = {
    "start": TriageService.start,
    "restart": TriageService.restart,
    "cancel": TriageService.cancel,
    "delete": TriageService.ask_delete,
    "help": TriageService.help,
    "privacy": TriageService.privacy,
    "summary": TriageService.summary,
    "reminders": TriageService.reminders,
    "language": TriageService.choose_language,
}
