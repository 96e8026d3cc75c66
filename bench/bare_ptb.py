"""The PTB floor: a bare python-telegram-bot 22 bot with no state and no database.

Every text gets a two-button inline keyboard; every press gets answerCallbackQuery and
a new message with the keyboard. Run: python bench/bare_ptb.py TOKEN BASE_URL [aiohttp]

With `aiohttp`, PTB talks HTTP through BackPath's request class (bot/telegram/aiohttp_request.py)
instead of httpx: the most a PTB bot with that class can do, with no work per press.
"""

from __future__ import annotations

import sys

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Yes", callback_data="yes"),
            InlineKeyboardButton("No", callback_data="no"),
        ]
    ]
)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "Question?", reply_markup=KEYBOARD)


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.callback_query is not None and update.effective_user is not None
    await update.callback_query.answer()
    await context.bot.send_message(update.effective_user.id, "Next?", reply_markup=KEYBOARD)


def main() -> None:
    token, base_url = sys.argv[1], sys.argv[2]
    builder = ApplicationBuilder().token(token).base_url(base_url).concurrent_updates(True)
    if sys.argv[3:] == ["aiohttp"]:
        from bot.telegram.aiohttp_request import AiohttpRequest
        from bot.telegram.app import HTTP_POOL_SIZE

        builder = builder.request(AiohttpRequest(HTTP_POOL_SIZE))
        builder = builder.get_updates_request(AiohttpRequest(1))
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    app.add_handler(CallbackQueryHandler(on_press))
    app.run_polling(timeout=1)


if __name__ == "__main__":
    main()
