"""The two updates nearly every user sends, read straight from Telegram's JSON.

A button press or a typed message is almost every update the bot gets. PTB turns each
into an `Update` with a full `Message` (every entity, the sender, the chat, the keyboard)
of which the bot reads a handful of fields: a tenth of the CPU of a press (issue 14).
`read_update` reads those fields into a `Press` or a `Typed`, which the Application hands
to its handlers like any update (`TypeHandler`); every other update becomes PTB's
`Update`, as before. Polling (`UpdateReadingBot`) and the webhook (`web.py`) both use it.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, ClassVar

from telegram import Bot, Update
from telegram.error import EndPointNotFound, InvalidToken
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.telegram.keyboards import Content, shown_in

JSON = dict[str, Any]

log = logging.getLogger(__name__)

# do_api_request suggests the typed get_updates, which would build PTB's Update of each.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning)


@dataclass(frozen=True, slots=True)
class Pressed:
    """The message whose button was pressed, and what it showed (None when Telegram no
    longer shows it to the bot: it is too old)."""

    message_id: int
    shows: Content | None


@dataclass(frozen=True, slots=True)
class FromUser:
    """An update a user sent: who, in which update, with their app's language."""

    update_id: int
    user_id: int
    language_code: str | None


@dataclass(frozen=True, slots=True)
class Press(FromUser):
    """A button press (callback query)."""

    kind: ClassVar[str] = "callback_query"
    query_id: str
    data: str | None
    chat_id: int
    pressed: Pressed | None


@dataclass(frozen=True, slots=True)
class Typed(FromUser):
    """A text typed in the private chat, not starting with "/" (commands go to PTB)."""

    kind: ClassVar[str] = "message"
    chat_id: int
    text: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An update neither this module nor PTB can read; no handler takes it."""

    update_id: int


def read_update(data: JSON, bot: Bot) -> Press | Typed | Update | Unreadable:
    """A `Press` or a `Typed` if the update is one, otherwise PTB's `Update`."""
    try:
        return _fast(data) or Update.de_json(data, bot)
    except (KeyError, TypeError, AttributeError, ValueError):
        # Not in the form the Bot API documents. Skipped, so that polling moves past it
        # instead of fetching it again forever.
        log.warning("update %s skipped: not in the documented form", data.get("update_id"))
        return Unreadable(data["update_id"])


def _fast(data: JSON) -> Press | Typed | None:
    if (query := data.get("callback_query")) is not None:
        return _press(data["update_id"], query)
    message = data.get("message")
    if (
        message is not None
        and message.get("chat", {}).get("type") == "private"
        and isinstance(message.get("text"), str)
        and not message["text"].startswith("/")
        and "from" in message
    ):
        return Typed(
            data["update_id"],
            message["from"]["id"],
            message["from"].get("language_code"),
            message["chat"]["id"],
            message["text"],
        )
    return None


def _press(update_id: int, query: JSON) -> Press:
    user = query["from"]
    message = query.get("message")
    pressed = None
    # A press on a message sent through inline mode has no message; the bot works in
    # private chats only, whose id is the user's id.
    chat_id = user["id"]
    if message is not None:
        chat_id = message["chat"]["id"]
        # Telegram sends a message it no longer shows the bot with date 0 and no content.
        shows = shown_in(message) if message.get("date") else None
        pressed = Pressed(message["message_id"], shows)
    return Press(
        update_id,
        user["id"],
        user.get("language_code"),
        query["id"],
        query.get("data"),
        chat_id,
        pressed,
    )


class UpdateReadingBot(ExtBot[None]):
    """PTB's bot whose `get_updates` (called by PTB's Updater, which keeps its offsets,
    retries and shutdown) reads updates with `read_update`."""

    def __init__(self, *args: Any, polling_read_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The get-updates request's own read timeout; a long poll adds its wait to it.
        self._polling_read_timeout = polling_read_timeout

    async def get_updates(  # type: ignore[override]
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: int | float | timedelta | None = None,  # noqa: ASYNC109 (PTB's signature)
        allowed_updates: Sequence[str] | None = None,
        *,
        api_kwargs: JSON | None = None,
        **timeouts: Any,
    ) -> tuple[Press | Typed | Update | Unreadable, ...]:
        wait = timeout.total_seconds() if isinstance(timeout, timedelta) else timeout or 0
        asked = {"offset": offset, "limit": limit, "timeout": int(wait),
                 "allowed_updates": allowed_updates}  # fmt: skip
        parameters = {k: v for k, v in asked.items() if v is not None} | (api_kwargs or {})
        # As PTB's own: the long poll's wait comes on top of the read timeout.
        read_timeout = timeouts.pop("read_timeout", None) or self._polling_read_timeout
        try:
            updates = await self.do_api_request(
                "getUpdates", api_kwargs=parameters, read_timeout=read_timeout + wait, **timeouts
            )
        except EndPointNotFound as error:
            # What do_api_request makes of a 404 once the bot is set up; for getUpdates it
            # means the token was revoked, and PTB's polling stops only on InvalidToken.
            raise InvalidToken(str(error)) from error
        return tuple(read_update(update, self) for update in updates)
