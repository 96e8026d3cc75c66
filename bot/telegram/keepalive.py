"""Keep-alive HTTP/1.1 connections for the Bot API's JSON posts, read by httptools.

Nearly every request the bot makes is a small JSON POST to one host. aiohttp's client
spends most of its CPU on what these never use (cookies, redirects, proxies, tracing,
content encodings, a task per request body): through PTB's `BaseRequest.post`, about
66 us of CPU per post against 19 us here (README, "Where a press goes"). This module
writes each request in one `write` and reads the answer with httptools (llhttp, the
parser behind uvicorn): Content-Length or chunked, keep-alive or close. Uploads and
anything else stay on aiohttp (`AiohttpRequest`).
"""

from __future__ import annotations

import asyncio
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httptools

# An idle connection is dropped after this long instead of reused: a peer or a NAT that
# forgot it silently would make the next request wait for its whole read timeout.
# (aiohttp's default keep-alive time.)
IDLE_SECONDS = 15.0


class ConnectionClosed(ConnectionError):
    """The server closed the connection, or answered what is not HTTP, before the answer
    was complete."""


@dataclass(frozen=True, slots=True)
class _Target:
    host: str
    port: int
    tls: bool
    head: bytes  # the request's first lines, up to and without Content-Length


class _Connection(asyncio.Protocol):
    """One connection; one request at a time."""

    def __init__(self) -> None:
        self._parser = httptools.HttpResponseParser(self)
        self._transport: asyncio.Transport | None = None
        self._answer: asyncio.Future[tuple[int, bytes]] | None = None
        self._body: list[bytes] = []
        self.open = True
        self.idle_since = 0.0

    # asyncio's side
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are no subclass of asyncio's, only alike
        self._transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(ConnectionClosed(f"unreadable answer: {type(error).__name__}"))
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.open = False
        self._fail(ConnectionClosed("the server closed the connection"))

    # httptools' side
    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        status = self._parser.get_status_code()
        body, self._body = b"".join(self._body), []
        if not self._parser.should_keep_alive():
            self.close()
        if self._answer is not None and not self._answer.done():
            self._answer.set_result((status, body))

    def _fail(self, error: Exception) -> None:
        if self._answer is not None and not self._answer.done():
            self._answer.set_exception(error)

    async def exchange(self, request: bytes, read_timeout: float | None) -> tuple[int, bytes]:
        """Send `request` whole; the answer's status and body."""
        assert self._transport is not None
        self._answer = asyncio.get_running_loop().create_future()
        self._transport.write(request)
        async with asyncio.timeout(read_timeout):
            return await self._answer

    def close(self) -> None:
        self.open = False
        if self._transport is not None:
            self._transport.close()


class KeepAliveConnections:
    """At most `limit` requests at once, over connections kept open between them."""

    def __init__(self, limit: int, user_agent: str, tls: ssl.SSLContext | None = None) -> None:
        """`tls`: how https:// servers are verified (default: the system's certificates,
        host names checked)."""
        self._slots = asyncio.Semaphore(limit)
        self._user_agent = user_agent
        self._idle: dict[tuple[str, int, bool], list[_Connection]] = {}
        self._targets: dict[str, _Target] = {}
        self._tls = tls
        self._closed = False

    def serves(self, url: str) -> bool:
        return url.startswith(("http://", "https://"))

    async def post_json(
        self, url: str, body: bytes, connect_timeout: float | None, read_timeout: float | None
    ) -> tuple[int, bytes]:
        """POST `body` (JSON) to `url`: the answer's status and body.

        Raises TimeoutError (connecting or reading took too long), ConnectionClosed or
        another OSError; the connection is then closed, never reused.
        """
        target = self._targets.get(url) or self._target(url)
        request = b"%sContent-Length: %d\r\n\r\n%s" % (target.head, len(body), body)
        async with self._slots:
            connection = self._take_idle(target) or await self._connect(target, connect_timeout)
            try:
                answer = await connection.exchange(request, read_timeout)
            except BaseException:
                connection.close()
                raise
            if self._closed:
                connection.close()
            elif connection.open:
                connection.idle_since = time.monotonic()
                self._idle.setdefault((target.host, target.port, target.tls), []).append(connection)
            return answer

    def close(self) -> None:
        """Close the idle connections now, the busy ones once their answer is in."""
        self._closed = True
        for connections in self._idle.values():
            for connection in connections:
                connection.close()
        self._idle.clear()

    def _target(self, url: str) -> _Target:
        parts = urlsplit(url)
        tls = parts.scheme == "https"
        host = parts.hostname or ""
        port = parts.port or (443 if tls else 80)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        netloc = parts.netloc.rpartition("@")[2]  # as written: an IPv6 host keeps its []
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {netloc}\r\nUser-Agent: {self._user_agent}\r\n"
            "Content-Type: application/json\r\n"
        ).encode()
        target = self._targets[url] = _Target(host, port, tls, head)
        return target

    def _take_idle(self, target: _Target) -> _Connection | None:
        idle = self._idle.get((target.host, target.port, target.tls))
        stale = time.monotonic() - IDLE_SECONDS
        while idle:
            connection = idle.pop()  # the most recently used: the least likely to be gone
            if connection.open and connection.idle_since > stale:
                return connection
            connection.close()
        return None

    async def _connect(self, target: _Target, seconds: float | None) -> _Connection:
        if target.tls and self._tls is None:
            self._tls = ssl.create_default_context()
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(seconds):
            _, connection = await loop.create_connection(
                _Connection,
                target.host,
                target.port,
                ssl=self._tls if target.tls else None,
                server_hostname=target.host if target.tls else None,
            )
        return connection
