"""Updates read from Telegram's JSON (bot/telegram/updates.py): presses and typed messages
directly, everything else as PTB's Update, routed as before."""

from __future__ import annotations

from typing import Any

from telegram import Bot, Update

from bot.core.replies import Button, Message
from bot.telegram.keyboards import content
from bot.telegram.updates import Press, Pressed, Typed, Unreadable, read_update
from testing.fake_telegram import TOKEN, parse_text

BOT = Bot(TOKEN)
USER = {"id": 501, "is_bot": False, "first_name": "Ana", "language_code": "es"}
CHAT = {"id": 501, "type": "private"}
SENT = Message(
    "<b>Has the pain lasted 6 weeks?</b>\n<i>Pick one</i> — ¿sí? 😀",
    ((Button("Yes", "a:7:duration:yes"), Button("No", "a:7:duration:no")),),
)


def _as_telegram_shows(message: Message, message_id: int = 90) -> dict[str, Any]:
    """The JSON Telegram puts in a callback query for a message the bot sent with HTML."""
    text, entities = parse_text(message.text, "HTML")
    keyboard = [
        [{"text": b.label, "callback_data": b.data} for b in row] for row in message.buttons
    ]
    shown = {"message_id": message_id, "date": 1_764_450_000, "chat": CHAT, "text": text,
             "reply_markup": {"inline_keyboard": keyboard}}  # fmt: skip
    if entities:
        shown["entities"] = entities
    return shown


def _press(message: dict[str, Any] | None) -> dict[str, Any]:
    query = {"id": "q1", "from": USER, "chat_instance": "1", "data": "a:7:duration:yes"}
    if message is not None:
        query["message"] = message
    return {"update_id": 11, "callback_query": query}


def _text(text: str, chat: dict[str, Any] = CHAT) -> dict[str, Any]:
    message = {"message_id": 91, "date": 1_764_450_000, "chat": chat, "from": USER, "text": text}
    return {"update_id": 12, "message": message}


def test_a_press_carries_who_pressed_what_and_what_the_message_showed() -> None:
    press = read_update(_press(_as_telegram_shows(SENT)), BOT)
    assert press == Press(
        update_id=11, user_id=501, language_code="es", query_id="q1",
        data="a:7:duration:yes", chat_id=501, pressed=Pressed(90, content(SENT)),
    )  # fmt: skip


def test_a_message_that_shows_something_else_is_told_apart() -> None:
    answered = Message(SENT.text + "\n\nYour answer: Yes")
    press = read_update(_press(_as_telegram_shows(SENT)), BOT)
    assert isinstance(press, Press) and press.pressed is not None
    assert press.pressed.shows != content(answered)


def test_a_press_on_a_message_too_old_to_show_keeps_only_where_it_was() -> None:
    inaccessible = {"message_id": 90, "date": 0, "chat": CHAT}
    press = read_update(_press(inaccessible), BOT)
    assert isinstance(press, Press) and press.pressed == Pressed(90, None)
    press = read_update(_press(None), BOT)  # no message at all: the user's private chat
    assert isinstance(press, Press) and press.pressed is None and press.chat_id == 501


def test_text_typed_in_the_private_chat_is_read_directly() -> None:
    assert read_update(_text("me duele mucho"), BOT) == Typed(12, 501, "es", 501, "me duele mucho")


def test_commands_groups_and_everything_else_go_to_ptb_as_before() -> None:
    sticker = _text("")
    del sticker["message"]["text"]
    sticker["message"]["sticker"] = {"file_id": "x", "file_unique_id": "y", "width": 1,
                                     "height": 1, "is_animated": False, "is_video": False,
                                     "type": "regular"}  # fmt: skip
    edited = {"update_id": 13, "edited_message": _text("no")["message"]}
    group = _text("hola", {"id": -100, "type": "group", "title": "G"})
    for update in (_text("/start"), _text("/nonsense"), group, sticker, edited):
        assert isinstance(read_update(update, BOT), Update)


def test_an_update_not_in_the_documented_form_is_skipped_not_fetched_forever() -> None:
    update = _press(_as_telegram_shows(SENT))
    del update["callback_query"]["id"]
    assert read_update(update, BOT) == Unreadable(11)  # polling goes on after update 11
