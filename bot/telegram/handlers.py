"""Telegram handlers: translate an update into a service call and the reply back.

Each handler is a few lines: who is it, what did they do, call the service, deliver.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
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
from bot.telegram.keyboards import inline_keyboard
from bot.telegram.retry import with_retry
from bot.ui import texts
from bot.ui.i18n import _, language, pick
from storage.database import DatabaseError

log = logging.getLogger(__name__)

SERVICE = "service"

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def _service(context: ContextTypes.DEFAULT_TYPE) -> TriageService:
    return context.bot_data[SERVICE]


async def deliver(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Show a reply: answer the button press, edit the pressed message, send the rest.

    Called only after the service committed, so a failure here loses nothing: the user
    who writes again is shown the pending question.
    """
    query = update.callback_query
    # The button's answer, the edit of the pressed message and the new messages are
    # independent calls: made together, the user waits for one round trip to Telegram
    # instead of three. Only the new messages need an order among themselves.
    calls: list[Awaitable[object]] = []
    if query is not None:
        calls.append(_answer_query(query, reply))
    if not reply.duplicate:
        if reply.edit is not None and query is not None and query.message is not None:
            calls.append(_edit_pressed(query, reply.edit))
        calls.append(_send(update, context, reply))
    await asyncio.gather(*calls)


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """The reply's messages, then its documents, one after another."""
    # A press on a message too old to be delivered with its query has no chat; the bot
    # works in private chats only, whose id is the user's id.
    chat_id = update.effective_chat.id if update.effective_chat else _user(update)
    for message in reply.messages:
        await with_retry(
            lambda m=message: context.bot.send_message(  # type: ignore[misc]
                chat_id, m.text, parse_mode=ParseMode.HTML, reply_markup=inline_keyboard(m.buttons)
            )
        )
    for document in reply.documents:
        await with_retry(
            lambda d=document: context.bot.send_document(  # type: ignore[misc]
                chat_id, d.data, filename=d.filename, caption=d.caption
            )
        )


async def _answer_query(query: CallbackQuery, reply: Reply) -> None:
    try:
        await with_retry(lambda: query.answer(reply.notice, show_alert=reply.alert))
    except BadRequest as error:  # e.g. the query is too old to be answered
        log.debug("callback answer refused: %s", error)


async def _edit_pressed(query: CallbackQuery, edit: Message) -> None:
    try:
        await with_retry(
            lambda: query.edit_message_text(
                edit.text, parse_mode=ParseMode.HTML, reply_markup=inline_keyboard(edit.buttons)
            )
        )
    except BadRequest as error:  # message gone, too old, or already showing this
        log.debug("edit refused: %s", error)


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
    with _language_of(update):
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, _(texts.ONLY_TEXT))


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message: answers are never changed after the fact."""
    with _language_of(update):
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, _(texts.EDITS_IGNORED))


async def on_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any message in a group: BackPath works in private chats only."""
    with _language_of(update):
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
    with _language_of(update):
        text = _(texts.DATABASE_BUSY if busy else texts.SOMETHING_WENT_WRONG)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        chat_id = update.effective_chat.id
        await with_retry(lambda: context.bot.send_message(chat_id, text))
    except TelegramError as send_error:
        log.warning("could not tell the user about the failure: %s", send_error)


def _language_of(update: object) -> AbstractContextManager[None]:
    """The language of the user's app, for answers given without the service."""
    user = update.effective_user if isinstance(update, Update) else None
    return language(pick(user.language_code if user else None))


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
