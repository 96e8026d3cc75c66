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


async def _call(bot: Bot, method: str, **parameters: Any) -> Any:
    assert method in _METHODS
    return await bot.do_api_request(method, api_kwargs=parameters)


async def send_text(bot: Bot, chat_id: int, message: Message) -> None:
    """sendMessage: `message` with its buttons, Telegram's HTML formatting."""
    markup = reply_markup(message.buttons)
    extra = {"reply_markup": markup} if markup else {}
    await _call(
        bot, "sendMessage", chat_id=chat_id, text=message.text, parse_mode=ParseMode.HTML, **extra
    )


async def edit_text(bot: Bot, chat_id: int, message_id: int, message: Message) -> None:
    """editMessageText: the message becomes `message` (no buttons: the keyboard goes)."""
    markup = reply_markup(message.buttons)
    extra = {"reply_markup": markup} if markup else {}
    await _call(
        bot,
        "editMessageText",
        chat_id=chat_id,
        message_id=message_id,
        text=message.text,
        parse_mode=ParseMode.HTML,
        **extra,
    )
