"""A fake Telegram Bot API server for end-to-end tests.

It speaks real HTTP on 127.0.0.1, the way Telegram does: the bot under test points its
API base URL here and long-polls getUpdates. Tests act as users (`send_text`, `press`)
and read what the bot did (`messages_to`, `wait_for`).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456789:TEST-token-for-the-fake-bot-api-xyz"
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "BackPath", "username": "backpath_bot"}


@dataclass
class SentMessage:
    """A message the bot sent, as it looks now (edits are applied)."""

    message_id: int
    chat_id: int
    text: str
    buttons: list[list[dict[str, str]]]
    edits: int = 0

    @property
    def visible(self) -> str:
        """The text as the user sees it: HTML tags rendered away, entities decoded."""
        return html.unescape(re.sub(r"</?[a-z]+>", "", self.text))

    @property
    def button_labels(self) -> list[str]:
        return [b["text"] for row in self.buttons for b in row]

    def data_of(self, label: str) -> str:
        for row in self.buttons:
            for button in row:
                if button["text"] == label:
                    return button["callback_data"]
        raise KeyError(f"no button {label!r} in {self.button_labels}")


@dataclass
class FakeTelegram:
    token: str = TOKEN
    updates: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[int, SentMessage] = field(default_factory=dict)
    callback_answers: dict[str, str | None] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    documents: list[tuple[int, str, bytes]] = field(default_factory=list)
    commands: dict[str, list[str]] = field(default_factory=dict)  # by language code
    # The language each user's Telegram app is set to ("en" unless a test says otherwise).
    app_languages: dict[int, str] = field(default_factory=dict)
    webhook: tuple[str, str | None] | None = None  # (url, secret) set by setWebhook
    # Called with each message the bot sends (benchmarks wait on it instead of polling).
    on_message: Callable[[SentMessage], None] | None = None
    # Every visible effect, as (method, user or chat id): messages, edits, button answers.
    effects: list[tuple[str, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._confirmed = 0  # highest update_id the bot has confirmed via `offset`
        self._runner: web.AppRunner | None = None
        self._failures: dict[str, list[tuple[int, dict[str, Any] | None]]] = {}
        self._query_users: dict[str, int] = {}
        self._update_id_list: list[int] = []
        self.port = 0

    # --- server -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append(method)
        await self._notify()
        if self._failures.get(method):
            status, parameters = self._failures[method].pop(0)
            body: dict[str, Any] = {"ok": False, "error_code": status, "description": "injected"}
            if parameters:
                body["parameters"] = parameters
            return web.json_response(body, status=status)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return web.json_response({"ok": True, "result": True})
        result = await handler(params)
        return web.json_response({"ok": True, "result": result})

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        language = params.get("language_code", "")
        self.commands[language] = [c["command"] for c in json.loads(params["commands"])]
        return True

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = (params["url"], params.get("secret_token"))
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        if offset:
            self._confirmed = max(self._confirmed, offset - 1)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                # update ids only grow, so the unconfirmed ones are a tail of the list
                start = bisect.bisect_right(self._update_id_list, self._confirmed)
                pending = self.updates[start:]
                remaining = deadline - time.monotonic()
                if pending or remaining <= 0:
                    return pending[:100]
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), remaining)

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        message = SentMessage(
            next(self._message_ids),
            int(params["chat_id"]),
            params["text"],
            _keyboard(params),
        )
        self.messages[message.message_id] = message
        self.effects.append(("sendMessage", message.chat_id))
        if self.on_message is not None:
            self.on_message(message)
        await self._notify()
        return self._message_json(message)

    async def _api_sendDocument(self, params: dict[str, Any]) -> Any:
        upload = params["document"]
        chat_id = int(params["chat_id"])
        self.documents.append((chat_id, upload.filename, upload.file.read()))
        message = SentMessage(next(self._message_ids), chat_id, params.get("caption", ""), [])
        self.effects.append(("sendDocument", chat_id))
        await self._notify()
        return self._message_json(message)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self.messages[int(params["message_id"])]
        message.text = params["text"]
        message.buttons = _keyboard(params)
        message.edits += 1
        self.effects.append(("editMessageText", message.chat_id))
        await self._notify()
        return self._message_json(message)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        query_id = params["callback_query_id"]
        self.callback_answers[query_id] = params.get("text")
        self.effects.append(("answerCallbackQuery", self._query_users.get(query_id, 0)))
        await self._notify()
        return True

    def _message_json(self, message: SentMessage) -> dict[str, Any]:
        return {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {"id": message.chat_id, "type": "private"},
            "from": BOT_USER,
            "text": message.text,
        }

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def fail_next(self, method: str, *failures: tuple[int, dict[str, Any] | None]) -> None:
        """Make the next calls of `method` fail with these (HTTP status, parameters)."""
        self._failures.setdefault(method, []).extend(failures)

    def _user(self, user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
            "language_code": self.app_languages.get(user_id, "en"),
        }

    # --- acting as users ------------------------------------------------------------------

    async def _push(self, update: dict[str, Any]) -> int:
        """Queue an update built by the caller (getUpdates delivers it)."""
        update["update_id"] = next(self._update_ids)
        return await self._deliver(update)

    async def _deliver(self, update: dict[str, Any]) -> int:
        if self._update_id_list and update["update_id"] <= self._update_id_list[-1]:
            raise ValueError("updates must be delivered in id order")
        self.updates.append(update)
        self._update_id_list.append(update["update_id"])
        await self._notify()
        return update["update_id"]

    def text_update(self, user_id: int, text: str, chat_type: str = "private") -> dict[str, Any]:
        """A new update (with its id) carrying a text message; not yet delivered."""
        chat_id = user_id if chat_type == "private" else -1000 - user_id
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type},
            "from": self._user(user_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._update_ids), "message": message}

    def press_update(self, user_id: int, message: SentMessage | None, data: str) -> dict[str, Any]:
        """A new update (with its id) carrying a button press; not yet delivered.

        With `message=None` the query arrives without its message, as Telegram sends it
        for a message too old to be shown to the bot.
        """
        query_id = f"q{next(self._query_ids)}"
        self._query_users[query_id] = user_id
        query: dict[str, Any] = {
            "id": query_id,
            "from": self._user(user_id),
            "chat_instance": str(user_id),
            "data": data,
        }
        if message is not None:
            query["message"] = self._message_json(message)
        return {"update_id": next(self._update_ids), "callback_query": query}

    async def send_text(self, user_id: int, text: str, chat_type: str = "private") -> int:
        return await self._deliver(self.text_update(user_id, text, chat_type))

    async def press(self, user_id: int, message: SentMessage | None, data: str) -> str:
        """Press a button (by its callback data); the callback query's id."""
        update = self.press_update(user_id, message, data)
        await self._deliver(update)
        return update["callback_query"]["id"]

    async def send_update(self, user_id: int, update: dict[str, Any]) -> int:
        """Deliver any other update (stickers, edits, ...) built by the caller."""
        return await self._push(update)

    async def redeliver(self, update_id: int) -> None:
        """Deliver an already confirmed update again, as Telegram does after a crash."""
        self._confirmed = min(self._confirmed, update_id - 1)
        await self._notify()

    # --- reading what the bot did -----------------------------------------------------------

    def messages_to(self, user_id: int) -> list[SentMessage]:
        return [m for m in self.messages.values() if m.chat_id == user_id]

    async def wait_for(self, predicate: Any, within: float = 10.0) -> Any:
        """Wait until predicate() returns something truthy, and return it."""
        async with asyncio.timeout(within):
            async with self._changed:
                while not (result := predicate()):
                    await self._changed.wait()
                return result

    async def wait_for_messages(
        self, user_id: int, count: int, within: float = 10.0
    ) -> list[SentMessage]:
        """Wait until the user has received at least `count` messages in total."""
        return await self.wait_for(
            lambda: (m := self.messages_to(user_id)) and len(m) >= count and m, within
        )

    async def wait_for_answer(self, query_id: str, within: float = 10.0) -> str | None:
        await self.wait_for(lambda: query_id in self.callback_answers, within)
        return self.callback_answers[query_id]

    async def wait_until_confirmed(self, within: float = 10.0) -> None:
        """Wait until the bot has fetched and confirmed every update sent so far."""
        last = self.updates[-1]["update_id"] if self.updates else 0
        await self.wait_for(lambda: self._confirmed >= last, within)


def _keyboard(params: dict[str, Any]) -> list[list[dict[str, str]]]:
    markup = params.get("reply_markup")
    if not markup:
        return []
    if isinstance(markup, str):
        markup = json.loads(markup)
    return markup.get("inline_keyboard", [])


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        return dict(await request.json())
    return dict(await request.post())
