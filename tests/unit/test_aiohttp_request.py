"""The PTB request class on aiohttp: what it sends and how it reads Telegram's answers."""

from __future__ import annotations

import json

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram.error import TelegramError
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.telegram.aiohttp_request import AiohttpRequest


async def test_parameters_go_as_json_with_nested_values_as_json_strings() -> None:
    seen: list[tuple[str, dict[str, object]]] = []

    async def endpoint(request: web.Request) -> web.Response:
        seen.append((request.content_type, await request.json()))
        return web.json_response({"ok": True, "result": "Привет"})

    app = web.Application()
    app.router.add_post("/sendMessage", endpoint)
    async with TestServer(app) as server:
        request = AiohttpRequest()
        await request.initialize()
        try:
            data = RequestData(
                [
                    RequestParameter.from_input("chat_id", 7),
                    RequestParameter.from_input("text", "¿Dónde duele?"),
                    RequestParameter.from_input(
                        "reply_markup", {"inline_keyboard": [[{"text": "Sí"}]]}
                    ),
                ]
            )
            status, payload = await request.do_request(
                str(server.make_url("/sendMessage")), "POST", data
            )
        finally:
            await request.shutdown()
    assert status == 200
    assert request.parse_json_payload(payload) == {"ok": True, "result": "Привет"}
    content_type, body = seen[0]
    assert content_type == "application/json"
    assert body["chat_id"] == "7"  # as PTB's own json_parameters send it
    assert body["text"] == "¿Dónde duele?"
    assert json.loads(body["reply_markup"]) == {"inline_keyboard": [[{"text": "Sí"}]]}  # type: ignore[arg-type]


def test_an_unreadable_answer_is_a_telegram_error() -> None:
    with pytest.raises(TelegramError):
        AiohttpRequest.parse_json_payload(b"<html>Bad Gateway</html>")
    # Bytes that are not UTF-8 are replaced, as PTB does, rather than failing the call.
    assert AiohttpRequest.parse_json_payload(b'{"ok": true, "x": "\xff"}')["ok"] is True
