"""A fake Telegram Bot API server for end-to-end tests.

It speaks real HTTP on 127.0.0.1, the way Telegram does: the bot under test points its
API base URL here and long-polls getUpdates. Tests act as users (`send_text`, `press`)
and read what the bot did (`messages_to`, `wait_for`).

It refuses what Telegram refuses, with Telegram's HTTP 400 and description: an edit that
changes nothing ("message is not modified"), a second answer to one callback query, a
text over 4096 characters (counted after the HTML is parsed), callback data over 64
bytes, a button answer over 200 characters, HTML outside Telegram's subset or with
unbalanced tags. Every refusal is kept in `refused` (and in `FakeTelegram.every_refusal`,
across instances), so a test can assert that a conversation got none.
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
from typing import Any, ClassVar

import aiohttp
from aiohttp import web

TOKEN = "123456789:TEST-token-for-the-fake-bot-api-xyz"
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "BackPath", "username": "backpath_bot"}

# Telegram's limits (https://core.telegram.org/bots/api) and its descriptions of refusals.
MAX_TEXT = 4096  # characters of a message text, after entities parsing
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # bytes
MAX_CALLBACK_ANSWER = 200  # characters
# Telegram posts to a webhook over at most this many connections at once (setWebhook's
# max_connections default).
WEBHOOK_CONNECTIONS = 40
# Telegram keeps delivering an update its webhook refused, with growing pauses; here for
# about 30 s (pauses of 0.05 s, 0.1 s, ... up to 1 s).
WEBHOOK_ATTEMPTS = 40
WEBHOOK_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
TOO_LONG = "Bad Request: message is too long"
EMPTY_TEXT = "Bad Request: message text is empty"
CAPTION_TOO_LONG = "Bad Request: message caption is too long"
BUTTON_DATA_INVALID = "Bad Request: BUTTON_DATA_INVALID"
ANSWER_TOO_LONG = "Bad Request: MESSAGE_TOO_LONG"
EDIT_NOT_FOUND = "Bad Request: message to edit not found"
CANT_PARSE = "Bad Request: can't parse entities: "


class Refused(Exception):
    """A call Telegram answers with HTTP 400 and this description."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


@dataclass(frozen=True)
class Refusal:
    method: str
    description: str


@dataclass
class SentMessage:
    """A message the bot sent, as it looks now (edits are applied)."""

    message_id: int
    chat_id: int
    text: str  # as the bot sent it (HTML when parse_mode is HTML)
    buttons: list[list[dict[str, str]]]
    edits: int = 0
    # What Telegram stores: the text after parsing, and its formatting as entities.
    plain: str = ""
    entities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def visible(self) -> str:
        """The text as the user sees it: HTML tags rendered away, entities decoded."""
        return self.plain

    def content(self) -> tuple[str, list[dict[str, Any]], list[list[dict[str, str]]]]:
        """What "message is not modified" compares: text, entities and keyboard."""
        return self.plain, self.entities, self.buttons

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
    # Post each update to this URL (with the secret setWebhook gave), as Telegram posts to
    # a webhook, instead of keeping it for getUpdates; a benchmark puts a load balancer here.
    push_to: str | None = None
    # Every call refused with HTTP 400, in order (injected failures are not counted).
    refused: list[Refusal] = field(default_factory=list)
    # The refusals of every instance, for a check over a whole test run.
    every_refusal: ClassVar[list[Refusal]] = []

    def __post_init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._stopping = False
        self._confirmed = 0  # highest update_id the bot has confirmed via `offset`
        self._runner: web.AppRunner | None = None
        self._failures: dict[str, list[tuple[int, dict[str, Any] | None]]] = {}
        self._query_users: dict[str, int] = {}
        self._update_id_list: list[int] = []
        self._posting: set[asyncio.Task[None]] = set()
        self._http: Any = None  # the aiohttp session that posts to `push_to`
        self.webhook_retries = 0
        # Methods the bot returned in its answers to webhook requests, executed as
        # Telegram executes them (the Bot API allows one such call per answer).
        self.webhook_replies: list[str] = []
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
        # A long poll the bot abandoned would hold the shutdown for its whole timeout.
        self._stopping = True
        async with self._changed:
            self._changed.notify_all()
        for posting in list(self._posting):  # deliveries still being retried end here
            posting.cancel()
        await asyncio.gather(*self._posting, return_exceptions=True)
        if self._http is not None:
            await self._http.close()
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
        try:
            result = await handler(params)
        except Refused as refusal:
            self.refused.append(Refusal(method, refusal.description))
            FakeTelegram.every_refusal.append(self.refused[-1])
            await self._notify()
            return web.json_response(
                {"ok": False, "error_code": 400, "description": refusal.description}, status=400
            )
        return web.json_response({"ok": True, "result": result})

    @property
    def not_modified(self) -> int:
        """Edits refused because they would not change the message."""
        return sum(1 for r in self.refused if r.description == NOT_MODIFIED)

    @property
    def answered_twice(self) -> int:
        """Callback queries answered again (or never issued)."""
        return sum(1 for r in self.refused if r.description == QUERY_INVALID)

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
                if pending or remaining <= 0 or self._stopping:
                    return pending[:100]
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), remaining)

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        plain, entities = _text_of(params)
        buttons = _keyboard(params)
        message = SentMessage(
            next(self._message_ids),
            int(params["chat_id"]),
            params["text"],
            buttons,
            plain=plain,
            entities=entities,
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
        caption, entities = parse_text(params.get("caption") or "", params.get("parse_mode"))
        if len(caption) > MAX_CAPTION:
            raise Refused(CAPTION_TOO_LONG)
        self.documents.append((chat_id, upload.filename, upload.file.read()))
        message = SentMessage(
            next(self._message_ids),
            chat_id,
            params.get("caption", ""),
            [],
            plain=caption,
            entities=entities,
        )
        self.effects.append(("sendDocument", chat_id))
        await self._notify()
        return self._message_json(message)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self.messages.get(int(params.get("message_id") or 0))
        if message is None or message.chat_id != int(params.get("chat_id") or 0):
            raise Refused(EDIT_NOT_FOUND)
        plain, entities = _text_of(params)
        buttons = _keyboard(params)
        if (plain, entities, buttons) == message.content():
            raise Refused(NOT_MODIFIED)
        message.text = params["text"]
        message.plain, message.entities, message.buttons = plain, entities, buttons
        message.edits += 1
        self.effects.append(("editMessageText", message.chat_id))
        await self._notify()
        return self._message_json(message)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        query_id = params["callback_query_id"]
        if query_id in self.callback_answers or query_id not in self._query_users:
            raise Refused(QUERY_INVALID)
        if len(params.get("text") or "") > MAX_CALLBACK_ANSWER:
            raise Refused(ANSWER_TOO_LONG)
        self.callback_answers[query_id] = params.get("text")
        self.effects.append(("answerCallbackQuery", self._query_users.get(query_id, 0)))
        await self._notify()
        return True

    def _message_json(self, message: SentMessage) -> dict[str, Any]:
        """The message as Telegram shows it to the bot: parsed text, entities, keyboard."""
        shown: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {"id": message.chat_id, "type": "private"},
            "from": BOT_USER,
            "text": message.plain,
        }
        if message.entities:
            shown["entities"] = message.entities
        if message.buttons:
            shown["reply_markup"] = {"inline_keyboard": message.buttons}
        return shown

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
        self._update_id_list.append(update["update_id"])
        if self.push_to is not None:
            task = asyncio.create_task(self._post_update(update))
            self._posting.add(task)
            task.add_done_callback(self._posting.discard)
            return update["update_id"]
        self.updates.append(update)
        await self._notify()
        return update["update_id"]

    async def _post_update(self, update: dict[str, Any]) -> None:
        """Post one update to the webhook until it is taken (2xx), as Telegram retries."""
        assert self.push_to is not None
        if self._http is None:
            self._http = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=WEBHOOK_CONNECTIONS)
            )
        secret = self.webhook[1] if self.webhook else None
        headers = {WEBHOOK_SECRET_HEADER: secret} if secret else {}
        for attempt in range(WEBHOOK_ATTEMPTS):
            try:
                async with self._http.post(self.push_to, json=update, headers=headers) as reply:
                    if 200 <= reply.status < 300:
                        await self._run_webhook_reply(reply)
                        return
            except aiohttp.ClientError:
                pass
            self.webhook_retries += 1
            await asyncio.sleep(min(0.05 * (attempt + 1), 1.0))
        raise RuntimeError(f"the webhook never took update {update['update_id']}")

    async def _run_webhook_reply(self, reply: Any) -> None:
        """A method call carried by the webhook's answer, run as the API would run it;
        Telegram tells the bot nothing of how it went, so a refusal is only recorded."""
        if reply.content_type != "application/json":
            return
        params = await reply.json()
        method = params.pop("method", None)
        if not isinstance(method, str):
            return
        self.webhook_replies.append(method)
        self.calls.append(method)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return
        try:
            await handler(params)
        except Refused as refusal:
            self.refused.append(Refusal(method, refusal.description))
            FakeTelegram.every_refusal.append(self.refused[-1])
        await self._notify()

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
    rows: list[list[dict[str, str]]] = markup.get("inline_keyboard", [])
    for row in rows:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                raise Refused(BUTTON_DATA_INVALID)
    return rows


def _text_of(params: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """A message's text as Telegram stores it, or the refusal Telegram gives."""
    plain, entities = parse_text(params.get("text") or "", params.get("parse_mode"))
    if not plain:
        raise Refused(EMPTY_TEXT)
    if len(plain) > MAX_TEXT:
        raise Refused(TOO_LONG)
    return plain, entities


# --- Telegram's HTML ------------------------------------------------------------------------

# The tags Telegram understands (https://core.telegram.org/bots/api#html-style), as entities.
ENTITY_OF_TAG = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}  # fmt: skip
_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTRIBUTE = re.compile(r"""\s+([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_TEXT = re.compile(r"[^<&]+")
_CHARACTER = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Text and entities as Telegram stores them: HTML parsed (or `Refused`), then the
    whitespace at either end stripped."""
    if (parse_mode or "").upper() == "HTML":
        plain, entities = parse_html(text)
    else:
        plain, entities = text, []
    return _strip(plain, entities)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Telegram's HTML parser: its tags only, balanced; `&lt;` `&gt;` `&amp;` `&quot;`
    and numeric references decoded (any other `&` is text). Offsets count UTF-16 units."""
    out: list[str] = []
    length = 0  # of `out`, in UTF-16 units
    open_tags: list[tuple[str, int, dict[str, str]]] = []  # tag, start, attributes
    entities: list[dict[str, Any]] = []

    def refuse(reason: str, at: int | None = None) -> Refused:
        where = f" at byte offset {len(source[:at].encode())}" if at is not None else ""
        return Refused(f"{CANT_PARSE}{reason}{where}")

    i = 0
    while i < len(source):
        char = source[i]
        if char == "&" and (reference := _CHARACTER.match(source, i)):
            piece = html.unescape(reference.group(0))
            i = reference.end()
        elif char != "<":
            run = _TEXT.match(source, i + 1)
            end = run.end() if run else i + 1
            piece = source[i:end]
            i = end
        elif source.startswith("</", i):
            name = _NAME.match(source, i + 2)
            end = source.find(">", i)
            if end == -1:
                raise refuse("Unclosed end tag", i)
            tag = name.group(0).lower() if name else ""
            if source[name.end() if name else i + 2 : end].strip():
                raise refuse(f'Unexpected content in end tag "{tag}"', i)
            if not open_tags:
                raise refuse(f'Unexpected end tag "{tag}"', i)
            if tag != open_tags[-1][0]:
                expected = open_tags[-1][0]
                raise refuse(f'Unmatched end tag, expected "</{expected}>", found "</{tag}>"', i)
            _, start, attributes = open_tags.pop()
            if length > start:
                entities.append(_entity(tag, start, length - start, attributes))
            i = end + 1
            continue
        else:
            name = _NAME.match(source, i + 1)
            if name is None:
                raise refuse("Expected tag name", i)
            tag = name.group(0).lower()
            if tag not in ENTITY_OF_TAG:
                raise refuse(f'Unsupported start tag "{tag}"', i)
            attributes: dict[str, str] = {}
            at = name.end()
            while attribute := _ATTRIBUTE.match(source, at):
                value = attribute.group(2) or ""
                if value and value[0] in "\"'":
                    value = value[1:-1]
                attributes[attribute.group(1).lower()] = html.unescape(value)
                at = attribute.end()
            while at < len(source) and source[at].isspace():
                at += 1
            if at >= len(source):
                raise refuse("Unclosed start tag", i)
            if source[at] != ">":
                raise refuse(f'Unexpected content in start tag "{tag}"', i)
            if tag == "span" and attributes.get("class") != "tg-spoiler":
                raise refuse('Tag "span" must have class "tg-spoiler"', i)
            open_tags.append((tag, length, attributes))
            i = at + 1
            continue
        out.append(piece)
        length += _utf16(piece)
    if open_tags:
        raise refuse(f'Can\'t find end tag corresponding to start tag "{open_tags[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _entity(tag: str, offset: int, length: int, attributes: dict[str, str]) -> dict[str, Any]:
    entity: dict[str, Any] = {"type": ENTITY_OF_TAG[tag], "offset": offset, "length": length}
    if tag == "a":
        entity["url"] = attributes.get("href", "")
    if tag == "tg-emoji":
        entity["custom_emoji_id"] = attributes.get("emoji-id", "")
    return entity


def _strip(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Strip whitespace at either end, as Telegram does, moving and clipping entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    head = _utf16(text[: len(text) - len(text.lstrip())])
    size = _utf16(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - head, 0)
        end = min(entity["offset"] + entity["length"] - head, size)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        return dict(await request.json())
    return dict(await request.post())
