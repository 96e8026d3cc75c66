"""The Bot API calls whose answer the bot never reads: sending and editing its messages.

PTB's `send_message` and `edit_message_text` build a full `Message` object from Telegram's
answer (every entity, the chat, the sender, the keyboard), only to have it thrown away.
`Bot.do_api_request` without a return type makes the same call (same request object,
timeouts and errors: `BadRequest`, `RetryAfter`, ...) and returns the answer as it came.
"""

from __future__ import annotations

import warnings
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.warnings import PTBUserWarning

from bot.core.replies import Message
from bot.telegram.keyboards import reply_markup

_METHODS = ("sendMessage", "editMessageText")
# do_api_request suggests the typed method for these; not reading the answer is the point.
warnings.filterwarnings(
    "ignore", message=rf"Please use 'Bot\.({'|'.join(_METHODS)})'", category=PTBUserWarning
)


async def _show(bot: Bot, method: str, message: Message, **where: int) -> None:
    """`method` with `message`'s text (Telegram's HTML) and buttons, at `where`."""
    assert method in _METHODS
    parameters: dict[str, Any] = {**where, "text": message.text, "parse_mode": ParseMode.HTML}
    if markup := reply_markup(message.buttons):
        parameters["reply_markup"] = markup
    await bot.do_api_request(method, api_kwargs=parameters)


async def send_text(bot: Bot, chat_id: int, message: Message) -> None:
    """sendMessage: `message` with its buttons."""
    await _show(bot, "sendMessage", message, chat_id=chat_id)


async def edit_text(bot: Bot, chat_id: int, message_id: int, message: Message) -> None:
    """editMessageText: the message becomes `message` (no buttons: the keyboard goes)."""
    await _show(bot, "editMessageText", message, chat_id=chat_id, message_id=message_id)
