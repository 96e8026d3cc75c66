"""The Bot API calls of every button press, whose answers the bot never reads: answering
the press, editing the pressed message and sending the next one.

PTB's `answer_callback_query`, `send_message` and `edit_message_text` convert every
argument, fill in defaults, log, and build a full `Message` from Telegram's answer, only
to have it thrown away. These post plain parameters through the bot's own request object
(`Bot.request`, PTB's `BaseRequest.post`), with its timeouts and its errors (`BadRequest`,
`RetryAfter`, ...).
"""

from __future__ import annotations

import json
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.request import RequestData

from bot.core.replies import Message
from bot.telegram.keyboards import reply_markup

Plain = str | int | bool


class PlainRequestData(RequestData):
    """Parameters already in Telegram's terms (text, numbers, keyboards as JSON text), so
    PTB has no objects of its own to convert."""

    __slots__ = ("_plain",)

    def __init__(self, parameters: dict[str, Plain]) -> None:
        super().__init__()
        self._plain = parameters

    @property
    def parameters(self) -> dict[str, Any]:
        return self._plain

    @property
    def json_parameters(self) -> dict[str, str]:
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in self._plain.items()}


async def _call(bot: Bot, method: str, parameters: dict[str, Plain]) -> None:
    await bot.request.post(f"{bot.base_url}/{method}", request_data=PlainRequestData(parameters))


async def _show(bot: Bot, method: str, message: Message, **where: int) -> None:
    """`method` with `message`'s text (Telegram's HTML) and buttons, at `where`."""
    parameters: dict[str, Plain] = {**where, "text": message.text, "parse_mode": ParseMode.HTML}
    if markup := reply_markup(message.buttons):
        parameters["reply_markup"] = markup
    await _call(bot, method, parameters)


async def send_text(bot: Bot, chat_id: int, message: Message) -> None:
    """sendMessage: `message` with its buttons."""
    await _show(bot, "sendMessage", message, chat_id=chat_id)


async def edit_text(bot: Bot, chat_id: int, message_id: int, message: Message) -> None:
    """editMessageText: the message becomes `message` (no buttons: the keyboard goes)."""
    await _show(bot, "editMessageText", message, chat_id=chat_id, message_id=message_id)


ANSWER_QUERY = "answerCallbackQuery"


def answer_parameters(query_id: str, notice: str | None, alert: bool) -> dict[str, Plain]:
    """answerCallbackQuery's parameters: the button's spinner stops, with `notice` shown
    if given (as an alert that needs a tap if `alert`)."""
    parameters: dict[str, Plain] = {"callback_query_id": query_id}
    if notice:
        parameters["text"] = notice
    if alert:
        parameters["show_alert"] = True
    return parameters


async def answer_query(bot: Bot, query_id: str, notice: str | None, alert: bool) -> None:
    """answerCallbackQuery, sent now."""
    await _call(bot, ANSWER_QUERY, answer_parameters(query_id, notice, alert))
