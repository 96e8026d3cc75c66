"""Telegram handlers: translate an update into a service call and the reply back.

Each handler is a few lines: who is it, what did they do, call the service, deliver.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from telegram import Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.core import metrics
from bot.core.replies import Message, Reply
from bot.core.service import COMMANDS, Command, Sender, TriageService
from bot.core.user_locks import UserLocks
from bot.telegram.api import ANSWER_QUERY, answer_parameters, answer_query, edit_text, send_text
from bot.telegram.keyboards import Content, content
from bot.telegram.retry import with_retry
from bot.telegram.updates import FromUser, Press, Typed
from bot.ui import texts
from bot.ui.i18n import _, language, pick
from storage.database import unavailable
from storage.repository import CommitOutcomeUnknown

log = logging.getLogger(__name__)

SERVICE = "service"
# The callback queries this process answered, and what it last put on each message it
# edited: a query is answered once, and an edit that would change nothing is not made.
ANSWERED = "answered_queries"
EDITED = "edited_messages"
# Updates whose handling failed on the database, so a warning is given once per update.
FAILED = "failed_updates"
DELIVERING = "delivering"
# Webhook mode only: the ids of updates whose transaction failed on the database. Nothing
# of them was committed (their claim in processed_updates was rolled back with the rest),
# so the webhook answers 503 and Telegram delivers them again; the user is told nothing
# (but the emergency signs, if the typed words may report one), since the retry gives the
# real answer. Polling cannot ask for an update again, a failure that is not the
# database's would fail the same way on every retry, and a failed COMMIT may have stored
# the work: those are told to the user instead.
REDELIVER = "redeliver"
# Webhook mode only: the button answer of each update being handled, by update id, for
# the webhook to return in its HTTP answer (the Bot API runs one method given there): one
# request fewer per press. It then stops the spinner once the reply is shown.
WEBHOOK_ANSWERS = "webhook_answers"
# How many of each are remembered (many times the presses handled in a query's lifetime).
RECENT = 16_384

K = TypeVar("K")
V = TypeVar("V")


class _Recent(OrderedDict[K, V]):
    """A dict that forgets its oldest entries beyond `size`."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


Callback = Callable[[Any, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def _service(context: ContextTypes.DEFAULT_TYPE) -> TriageService:
    return context.bot_data[SERVICE]


async def deliver(
    context: ContextTypes.DEFAULT_TYPE, reply: Reply, chat_id: int, press: Press | None = None
) -> None:
    """Show a reply in `chat_id`: answer the button `press`, edit the pressed message,
    send the rest.

    Called only after the service committed, so a failure here loses nothing: the user
    who writes again is shown the pending question.
    """
    if reply.duplicate:
        # A redelivered update: its first delivery showed everything, the button's
        # answer included (a second answer to one query is refused).
        return
    # One chat's replies are shown in the order the service made them: the next event's
    # reply waits until this one is shown (the lock is taken before anything is awaited,
    # and the next event of this user runs only after the service's lock is let go).
    # The button's answer is no message in the chat: it stops the spinner (or shows the
    # alert) at once, whatever is still being shown before it; in webhook mode it rides in
    # the webhook's HTTP answer instead, once this reply is shown (one request fewer).
    answering = (
        asyncio.create_task(_answer_query(context, press.query_id, reply, press.update_id))
        if press is not None
        else None
    )
    delivering: UserLocks = context.bot_data[DELIVERING]
    try:
        async with delivering.hold(chat_id):
            await _show(context, reply, chat_id, press)
    finally:
        if answering is not None:
            await answering


async def _show(
    context: ContextTypes.DEFAULT_TYPE, reply: Reply, chat_id: int, press: Press | None
) -> None:
    pressed = press.pressed if press is not None else None
    edit = reply.edit if pressed is not None else None
    if press is not None and edit is not None and _already_shows(context, press, edit):
        # The pressed message already shows what this press does: an identical press (a
        # double tap) was handled. Show nothing twice.
        return
    # The edit of the pressed message and the new messages are independent calls: made
    # together, the user waits for one round trip to Telegram instead of two. Only the
    # new messages need an order among themselves.
    calls: list[Awaitable[object]] = []
    if pressed is not None and edit is not None:
        # Remembered before anything is awaited: a second tap, whose delivery comes
        # after this one's, sees it (_already_shows).
        key = (chat_id, pressed.message_id)
        context.bot_data[EDITED][key] = content(edit)
        calls.append(_edit_pressed(context, key, edit))
    calls.append(_send(context, chat_id, reply))
    await asyncio.gather(*calls)


async def _send(context: ContextTypes.DEFAULT_TYPE, chat_id: int, reply: Reply) -> None:
    """The reply's messages, then its documents, one after another."""
    for message in reply.messages:
        await with_retry(lambda m=message: send_text(context.bot, chat_id, m))  # type: ignore[misc]
    for document in reply.documents:
        await with_retry(
            lambda d=document: context.bot.send_document(  # type: ignore[misc]
                chat_id, d.data, filename=d.filename, caption=d.caption
            )
        )


async def _answer_query(
    context: ContextTypes.DEFAULT_TYPE,
    query_id: str,
    reply: Reply | None = None,
    update_id: int | None = None,
) -> None:
    """Answer the button press, at most once whoever asks (delivery or error handler):
    in webhook mode in the webhook's answer, otherwise by a call of its own."""
    answered: _Recent[str, None] = context.bot_data[ANSWERED]
    if query_id in answered:
        return
    answered[query_id] = None
    notice, alert = (reply.notice, reply.alert) if reply else (None, False)
    in_the_answer: dict[int, dict[str, Any]] | None = context.bot_data.get(WEBHOOK_ANSWERS)
    # Not with a document to send: the spinner would turn until the PDF is drawn and sent.
    if in_the_answer is not None and update_id is not None and not (reply and reply.documents):
        in_the_answer[update_id] = {
            "method": ANSWER_QUERY,
            **answer_parameters(query_id, notice, alert),
        }
        return
    try:
        # A time-out is not retried: the answer may have arrived, and a second is refused.
        await with_retry(
            lambda: answer_query(context.bot, query_id, notice, alert), retry_timeouts=False
        )
    except BadRequest as error:  # e.g. the query is too old to be answered
        log.debug("callback answer refused: %s", error)


def _already_shows(context: ContextTypes.DEFAULT_TYPE, press: Press, edit: Message) -> bool:
    """Whether the pressed message shows `edit` already: as it was when pressed, or as
    this process last edited it (a second tap made before the first one's edit arrived)."""
    pressed = press.pressed
    if pressed is None:
        return False
    wanted = content(edit)
    if pressed.shows == wanted:
        return True
    edited: _Recent[tuple[int, int], Content] = context.bot_data[EDITED]
    return edited.get((press.chat_id, pressed.message_id)) == wanted


async def _edit_pressed(
    context: ContextTypes.DEFAULT_TYPE, key: tuple[int, int], edit: Message
) -> None:
    """Edit the pressed message at `key` (chat, message); forgotten if that fails."""
    edited: _Recent[tuple[int, int], Content] = context.bot_data[EDITED]
    try:
        await with_retry(lambda: edit_text(context.bot, *key, edit))
    except BadRequest as error:  # message gone or too old to edit
        edited.pop(key, None)
        log.debug("edit refused: %s", error)
    except BaseException:
        edited.pop(key, None)
        raise


def _command(run: Command) -> Callback:
    """A handler for one slash command: ask the service, deliver its reply."""

    async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        reply = await run(_service(context), _sender(update))
        await deliver(context, reply, _chat(update))

    return on_command


async def on_press(press: Press, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline button press."""
    reply = await _service(context).press(_sender(press), press.data)
    await deliver(context, reply, press.chat_id, press)


async def on_typed(typed: Typed, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message."""
    reply = await _service(context).text(_sender(typed), typed.text)
    await deliver(context, reply, typed.chat_id)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Typed text starting with "/" that is none of the commands."""
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    reply = await _service(context).text(_sender(update), text)
    await deliver(context, reply, _chat(update))


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like."""
    with await _language_of(update, context):
        await context.bot.send_message(_chat(update), _(texts.ONLY_TEXT))


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message: answers are never changed after the fact."""
    with await _language_of(update, context):
        await context.bot.send_message(_chat(update), _(texts.EDITS_IGNORED))


async def on_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any message in a group: BackPath works in private chats only."""
    with await _language_of(update, context):
        message = update.effective_message
        if message is not None and (message.text or "").startswith("/"):
            await message.reply_text(_(texts.PRIVATE_ONLY))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (no user content) and tell the user their answers are kept."""
    error = context.error
    metrics.failed(error)
    log.error(
        "update %s failed: %s",
        getattr(update, "update_id", None),
        type(error).__name__,
        exc_info=(type(error), error, error.__traceback__) if error else None,
    )
    chat_id = _chat_of(update)
    if chat_id is None:
        return
    # A failed COMMIT may have stored the work: the user is told, nothing is delivered
    # again (a redelivery would be skipped as done, and show nothing).
    busy = error is not None and (unavailable(error) or isinstance(error, CommitOutcomeUnknown))
    with await _language_of(update, context, ask_the_database=not busy):
        text = _(texts.DATABASE_BUSY if busy else texts.SOMETHING_WENT_WRONG)
        guidance = _service(context).guidance_without_records(update.text) if (
            busy and isinstance(update, Typed)
        ) else None  # fmt: skip
    redeliver: set[int] | None = context.bot_data.get(REDELIVER)
    retry = busy and not isinstance(error, CommitOutcomeUnknown)
    if retry and redeliver is not None and isinstance(update, Press | Typed | Update):
        redeliver.add(update.update_id)
        if guidance is not None and _first_failure(context, update.update_id):
            await _tell(context, chat_id, guidance)  # an emergency does not wait for Telegram
        return
    if guidance is not None:
        text = f"{guidance}\n\n{text}"
    if isinstance(update, Press):
        # Stop the spinner, unless the delivery that failed answered the press already.
        try:
            await _answer_query(context, update.query_id, update_id=update.update_id)
        except TelegramError as answer_error:
            log.warning("could not answer the button press: %s", type(answer_error).__name__)
    await _tell(context, chat_id, text)


def _chat_of(update: object) -> int | None:
    if isinstance(update, Press | Typed):
        return update.chat_id
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


def _first_failure(context: ContextTypes.DEFAULT_TYPE, update_id: int) -> bool:
    """Whether this process sees update `update_id` fail for the first time (Telegram
    delivers a failed update again and again until the database is back)."""
    failed: _Recent[int, None] = context.bot_data[FAILED]
    first = update_id not in failed
    failed[update_id] = None
    return first


async def _tell(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str) -> None:
    """A plain message about a failure, after what the chat was shown before."""
    try:
        async with context.bot_data[DELIVERING].hold(chat_id):
            await with_retry(lambda: context.bot.send_message(chat_id, text))
    except TelegramError as send_error:
        log.warning("could not tell the user about the failure: %s", send_error)


async def _language_of(
    update: object, context: ContextTypes.DEFAULT_TYPE, ask_the_database: bool = True
) -> AbstractContextManager[None]:
    """The user's language for answers given outside an event (stickers, edits, errors):
    their /language choice, or their app's when the database cannot say."""
    known = isinstance(update, FromUser) or (
        isinstance(update, Update) and update.effective_user is not None
    )
    who = _sender(update) if known else None  # type: ignore[arg-type]
    app_language = pick(who.language_code if who else None)
    if who is None or not ask_the_database:
        return language(app_language)
    try:
        chosen = await _service(context).language_of(who)
    except Exception as error:  # the database is down: the app's language will do
        log.warning("language lookup failed: %s", type(error).__name__)
        chosen = app_language
    return language(chosen)


def _sender(update: FromUser | Update) -> Sender:
    if isinstance(update, FromUser):
        return Sender(update.user_id, update.update_id, update.language_code)
    user = update.effective_user
    assert user is not None
    return Sender(user.id, update.update_id, user.language_code)


def _chat(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def _measured(callback: Callback) -> Callback:
    """The callback, counted by update type and timed in the latency histogram."""

    @functools.wraps(callback)
    async def measured(update: Any, context: ContextTypes.DEFAULT_TYPE) -> None:
        with metrics.handling(update):
            await callback(update, context)

    return measured


def add_handlers(application: Application, service: TriageService) -> None:  # type: ignore[type-arg]
    """Wire every handler; private chats only, everything else gets one polite line."""
    application.bot_data[SERVICE] = service
    application.bot_data[ANSWERED] = _Recent(RECENT)
    application.bot_data[EDITED] = _Recent(RECENT)
    application.bot_data[FAILED] = _Recent(RECENT)
    application.bot_data[DELIVERING] = UserLocks()
    private = filters.ChatType.PRIVATE
    for name, run in COMMANDS.items():
        command = _measured(_command(run))
        application.add_handler(CommandHandler(name, command, filters=private))
    application.add_handler(TypeHandler(Press, _measured(on_press)))
    application.add_handler(TypeHandler(Typed, _measured(on_typed)))
    application.add_handler(
        MessageHandler(private & filters.TEXT & filters.UpdateType.MESSAGE, _measured(on_text))
    )
    application.add_handler(
        MessageHandler(private & filters.UpdateType.MESSAGE, _measured(on_non_text))
    )
    application.add_handler(
        MessageHandler(private & filters.UpdateType.EDITED, _measured(on_edited))
    )
    application.add_handler(MessageHandler(filters.ChatType.GROUPS, _measured(on_group)))
    application.add_error_handler(on_error)
