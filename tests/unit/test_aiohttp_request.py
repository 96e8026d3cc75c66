"""The PTB request class on aiohttp: what it sends and how it reads Telegram's answers."""

from __future__ import annotations

import asyncio
import json
import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.telegram.aiohttp_request import AiohttpRequest
from bot.telegram.keepalive import KeepAliveConnections


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


# The JSON posts go over keep-alive connections of their own (bot/telegram/keepalive.py);
# these servers answer with the exact bytes given, to show how each answer is read.
Answer = Callable[[bytes], Awaitable[bytes | None]]


@asynccontextmanager
async def _raw_server(
    answer: Answer, tls: ssl.SSLContext | None = None
) -> AsyncIterator[tuple[str, list[int]]]:
    """A server that reads each request and writes `answer(request)` (None: hang up);
    yields its URL and, per connection, how many requests it read."""
    connections: list[int] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(0)
        mine = len(connections) - 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                body = await reader.readexactly(length)
                connections[mine] += 1
                reply = await answer(head + body)
                if reply is None:
                    break
                writer.write(reply)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=tls)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}/botTOKEN/sendMessage", connections
    finally:
        server.close()


def _ok(result: str, *headers: str) -> bytes:
    body = json.dumps({"ok": True, "result": result}).encode()
    lines = ["HTTP/1.1 200 OK", "Content-Type: application/json", *headers]
    if not any(h.startswith("Transfer-Encoding") for h in headers):
        lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    if any(h.startswith("Transfer-Encoding") for h in headers):
        half = len(body) // 2
        chunks = [body[:half], body[half:], b""]
        return head + b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks)
    return head + body


async def _post(request: AiohttpRequest, url: str, text: str) -> object:
    data = RequestData([RequestParameter.from_input("text", text)])
    return await request.post(url, request_data=data)


async def test_posts_reuse_one_connection_and_read_each_answer() -> None:
    async def answer(request: bytes) -> bytes:
        return _ok(json.loads(request.split(b"\r\n\r\n", 1)[1])["text"].upper())

    async with _raw_server(answer) as (url, connections):
        request = AiohttpRequest()
        await request.initialize()
        try:
            assert await _post(request, url, "one") == "ONE"
            assert await _post(request, url, "two") == "TWO"
        finally:
            await request.shutdown()
    assert connections == [2]


async def test_a_chunked_answer_and_a_closing_server_are_read_whole() -> None:
    async def answer(request: bytes) -> bytes:
        return _ok("chunked", "Transfer-Encoding: chunked", "Connection: close")

    async with _raw_server(answer) as (url, connections):
        request = AiohttpRequest()
        await request.initialize()
        try:
            assert await _post(request, url, "one") == "chunked"
            assert await _post(request, url, "two") == "chunked"
        finally:
            await request.shutdown()
    assert connections == [1, 1]  # the closed connection was not used again


async def test_a_server_that_hangs_up_is_a_network_error() -> None:
    async def answer(request: bytes) -> None:
        return None

    async with _raw_server(answer) as (url, _):
        request = AiohttpRequest()
        await request.initialize()
        try:
            with pytest.raises(NetworkError) as raised:
                await _post(request, url, "one")
        finally:
            await request.shutdown()
    assert not isinstance(raised.value, TimedOut)


async def test_a_server_that_does_not_answer_is_a_time_out() -> None:
    async def answer(request: bytes) -> bytes:
        await asyncio.Event().wait()  # never
        return b""

    async with _raw_server(answer) as (url, _):
        request = AiohttpRequest(read_timeout=0.2)
        await request.initialize()
        try:
            with pytest.raises(TimedOut):
                await _post(request, url, "one")
        finally:
            await request.shutdown()


async def test_no_server_is_a_network_error() -> None:
    async with _raw_server(lambda _: asyncio.sleep(0)) as (url, _):
        pass  # closed: nothing listens on its port any more
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await _post(request, url, "one")
    finally:
        await request.shutdown()


@pytest.fixture
def certificate(tmp_path: Path) -> Path:
    """A self-signed certificate (and its key, in the same file) for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    pem = tmp_path / "server.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(pem), "-out", str(pem)],
        check=True, capture_output=True,
    )  # fmt: skip
    return pem


def _serving(pem: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pem)
    return context


async def _echo(request: bytes) -> bytes:
    return _ok(json.loads(request.split(b"\r\n\r\n", 1)[1])["text"])


async def test_https_posts_are_verified_and_reuse_one_connection(certificate: Path) -> None:
    trusting = ssl.create_default_context(cafile=str(certificate))
    async with _raw_server(_echo, tls=_serving(certificate)) as (url, connections):
        posts = KeepAliveConnections(4, "test", tls=trusting)
        try:
            for text in ("one", "two"):
                status, body = await posts.post_json(url, json.dumps({"text": text}).encode(), 5, 5)
                assert (status, json.loads(body)["result"]) == (200, text)
        finally:
            posts.close()
    assert connections == [2]


async def test_an_https_server_with_an_unknown_certificate_is_refused(certificate: Path) -> None:
    async with _raw_server(_echo, tls=_serving(certificate)) as (url, connections):
        posts = KeepAliveConnections(4, "test")  # the system's certificates only
        try:
            with pytest.raises(ssl.SSLCertVerificationError):
                await posts.post_json(url, b'{"text": "x"}', 5, 5)
        finally:
            posts.close()
    assert connections in ([], [0])  # the request itself was never sent
