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
from typing import TypeVar

from telegram import CallbackQuery, MaybeInaccessibleMessage, Update
from telegram import Message as TelegramMessage
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.core import metrics
from bot.core.replies import Message, Reply
from bot.core.service import COMMANDS, Command, Sender, TriageService
from bot.telegram.api import edit_text, send_text
from bot.telegram.keyboards import Content, content, shown_by
from bot.telegram.retry import with_retry
from bot.ui import texts
from bot.ui.i18n import _, language, pick
from storage.database import DatabaseError

log = logging.getLogger(__name__)

SERVICE = "service"
# The callback queries this process answered, and what it last put on each message it
# edited: a query is answered once, and an edit that would change nothing is not made.
ANSWERED = "answered_queries"
EDITED = "edited_messages"
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


Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def _service(context: ContextTypes.DEFAULT_TYPE) -> TriageService:
    return context.bot_data[SERVICE]


async def deliver(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Show a reply: answer the button press, edit the pressed message, send the rest.

    Called only after the service committed, so a failure here loses nothing: the user
    who writes again is shown the pending question.
    """
    if reply.duplicate:
        # A redelivered update: its first delivery showed everything, the button's
        # answer included (a second answer to one query is refused).
        return
    query = update.callback_query
    pressed = query.message if query is not None else None
    edit = reply.edit if pressed is not None else None
    if query is not None and edit is not None and _already_shows(context, pressed, edit):
        # The pressed message already shows what this press does: an identical press (a
        # double tap) was handled. Stop the button's spinner and show nothing twice.
        await _answer_query(context, query, reply)
        return
    # The button's answer, the edit of the pressed message and the new messages are
    # independent calls: made together, the user waits for one round trip to Telegram
    # instead of three. Only the new messages need an order among themselves.
    calls: list[Awaitable[object]] = []
    if query is not None:
        calls.append(_answer_query(context, query, reply))
        if pressed is not None and edit is not None:
            calls.append(_edit_pressed(context, query, pressed, edit))
    calls.append(_send(update, context, reply))
    await asyncio.gather(*calls)


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """The reply's messages, then its documents, one after another."""
    # A press on a message too old to be delivered with its query has no chat; the bot
    # works in private chats only, whose id is the user's id.
    chat_id = update.effective_chat.id if update.effective_chat else _user(update)
    for message in reply.messages:
        await with_retry(lambda m=message: send_text(context.bot, chat_id, m))  # type: ignore[misc]
    for document in reply.documents:
        await with_retry(
            lambda d=document: context.bot.send_document(  # type: ignore[misc]
                chat_id, d.data, filename=d.filename, caption=d.caption
            )
        )


async def _answer_query(
    context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, reply: Reply | None = None
) -> None:
    """Answer the button press, at most once whoever asks (delivery or error handler)."""
    answered: _Recent[str, None] = context.bot_data[ANSWERED]
    if query.id in answered:
        return
    answered[query.id] = None
    notice, alert = (reply.notice, reply.alert) if reply else (None, False)
    try:
        # A time-out is not retried: the answer may have arrived, and a second is refused.
        await with_retry(lambda: query.answer(notice, show_alert=alert), retry_timeouts=False)
    except BadRequest as error:  # e.g. the query is too old to be answered
        log.debug("callback answer refused: %s", error)


def _already_shows(
    context: ContextTypes.DEFAULT_TYPE, pressed: MaybeInaccessibleMessage | None, edit: Message
) -> bool:
    """Whether the pressed message shows `edit` already: as it was when pressed, or as
    this process last edited it (a second tap made before the first one's edit arrived)."""
    if pressed is None:
        return False
    wanted = content(edit)
    if isinstance(pressed, TelegramMessage) and shown_by(pressed) == wanted:
        return True
    edited: _Recent[tuple[int, int], Content] = context.bot_data[EDITED]
    return edited.get((pressed.chat.id, pressed.message_id)) == wanted


async def _edit_pressed(
    context: ContextTypes.DEFAULT_TYPE,
    query: CallbackQuery,
    pressed: MaybeInaccessibleMessage,
    edit: Message,
) -> None:
    # Remembered before the call, so that a second tap handled meanwhile sees it.
    edited: _Recent[tuple[int, int], Content] = context.bot_data[EDITED]
    key = (pressed.chat.id, pressed.message_id)
    edited[key] = content(edit)
    try:
        await with_retry(lambda: edit_text(context.bot, key[0], key[1], edit))
    except BadRequest as error:  # message gone or too old to edit
        edited.pop(key, None)
        log.debug("edit refused: %s", error)
    except BaseException:
        edited.pop(key, None)
        raise


def _command(run: Command) -> Callback:
    """A handler for one slash command: ask the service, deliver its reply."""

    async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await deliver(update, context, await run(_service(context), _sender(update)))

    return on_command


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Typed text, including unknown commands."""
    assert update.effective_message is not None
    text = update.effective_message.text or ""
    reply = await _service(context).text(_sender(update), text)
    await deliver(update, context, reply)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline button press."""
    assert update.callback_query is not None
    reply = await _service(context).press(_sender(update), update.callback_query.data)
    await deliver(update, context, reply)


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like."""
    with await _language_of(update, context):
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, _(texts.ONLY_TEXT))


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message: answers are never changed after the fact."""
    with await _language_of(update, context):
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, _(texts.EDITS_IGNORED))


async def on_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any message in a group: BackPath works in private chats only."""
    with await _language_of(update, context):
        message = update.effective_message
        if message is not None and (message.text or "").startswith("/"):
            await message.reply_text(_(texts.PRIVATE_ONLY))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (no user content) and tell the user their answers are kept."""
    update_id = update.update_id if isinstance(update, Update) else None
    error = context.error
    metrics.ERRORS.labels(type(error).__name__).inc()
    log.error(
        "update %s failed: %s",
        update_id,
        type(error).__name__,
        exc_info=(type(error), error, error.__traceback__) if error else None,
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    busy = isinstance(error, DatabaseError)
    with await _language_of(update, context, ask_the_database=not busy):
        text = _(texts.DATABASE_BUSY if busy else texts.SOMETHING_WENT_WRONG)
    if update.callback_query is not None:
        # Stop the spinner, unless the delivery that failed answered the press already.
        try:
            await _answer_query(context, update.callback_query)
        except TelegramError as answer_error:
            log.warning("could not answer the button press: %s", type(answer_error).__name__)
    chat_id = update.effective_chat.id
    try:
        await with_retry(lambda: context.bot.send_message(chat_id, text))
    except TelegramError as send_error:
        log.warning("could not tell the user about the failure: %s", send_error)


async def _language_of(
    update: object, context: ContextTypes.DEFAULT_TYPE, ask_the_database: bool = True
) -> AbstractContextManager[None]:
    """The user's language for answers given outside an event (stickers, edits, errors):
    their /language choice, or their app's when the database cannot say."""
    user = update.effective_user if isinstance(update, Update) else None
    app_language = pick(user.language_code if user else None)
    if user is None or not ask_the_database:
        return language(app_language)
    try:
        chosen = await _service(context).language_of(Sender(user.id, None, user.language_code))
    except Exception as error:  # the database is down: the app's language will do
        log.warning("language lookup failed: %s", type(error).__name__)
        chosen = app_language
    return language(chosen)


def _sender(update: Update) -> Sender:
    user = update.effective_user
    assert user is not None
    return Sender(user.id, update.update_id, user.language_code)


def _user(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


def _measured(callback: Callback) -> Callback:
    """The callback, counted by update type and timed in the latency histogram."""

    @functools.wraps(callback)
    async def measured(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        metrics.UPDATES.labels(metrics.update_type(update)).inc()
        with metrics.HANDLER_SECONDS.time():
            await callback(update, context)

    return measured


def add_handlers(application: Application, service: TriageService) -> None:  # type: ignore[type-arg]
    """Wire every handler; private chats only, everything else gets one polite line."""
    application.bot_data[SERVICE] = service
    application.bot_data[ANSWERED] = _Recent(RECENT)
    application.bot_data[EDITED] = _Recent(RECENT)
    private = filters.ChatType.PRIVATE
    for name, run in COMMANDS.items():
        command = _measured(_command(run))
        application.add_handler(CommandHandler(name, command, filters=private))
    application.add_handler(CallbackQueryHandler(_measured(on_button)))
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
