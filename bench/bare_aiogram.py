"""The aiogram floor: a bare aiogram 3 bot with no state and no database.

Same behaviour as bench/bare_ptb.py. Run: python bench/bare_aiogram.py TOKEN BASE_URL
(BASE_URL as for PTB, ending in /bot).
"""

from __future__ import annotations

import asyncio
import sys

from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[
        [
            InlineKeyboardButton(text="Yes", callback_data="yes"),
            InlineKeyboardButton(text="No", callback_data="no"),
        ]
    ]
)
dispatcher = Dispatcher()


@dispatcher.message(F.text)
async def on_text(message: Message) -> None:
    await message.answer("Question?", reply_markup=KEYBOARD)


@dispatcher.callback_query()
async def on_press(query: CallbackQuery) -> None:
    await query.answer()
    assert query.bot is not None
    await query.bot.send_message(query.from_user.id, "Next?", reply_markup=KEYBOARD)


async def main() -> None:
    token, base_url = sys.argv[1], sys.argv[2]
    server = TelegramAPIServer.from_base(base_url.removesuffix("/bot"))
    bot = Bot(token, session=AiohttpSession(api=server))
    await dispatcher.start_polling(bot, polling_timeout=1, handle_signals=True)


if __name__ == "__main__":
    asyncio.run(main())
