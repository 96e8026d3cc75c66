"""A PTB request class on aiohttp instead of httpx: the same Bot API calls, less CPU.

PTB supports replacing its HTTP layer (`telegram.request.BaseRequest`). Profiling showed
about a third of the bot's CPU in httpx/httpcore per round trip; aiohttp's client does
the same work for much less (see README, "Benchmark"). The JSON posts, nearly every call,
go over `keepalive.KeepAliveConnections`, cheaper again; uploads and GETs over aiohttp.
"""

from __future__ import annotations

import asyncio

import aiohttp
import orjson
from telegram._utils.defaultvalue import DefaultValue  # PTB's own default marker
from telegram._utils.types import JSONDict
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.telegram.keepalive import KeepAliveConnections

ODV = float | None | DefaultValue[None]
JSON_HEADERS = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """One aiohttp session (a small keep-alive pool) for all of the bot's API calls."""

    def __init__(
        self,
        connection_pool_size: int = 8,
        read_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._posts: KeepAliveConnections | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )
            self._posts = KeepAliveConnections(self._pool_size, self.USER_AGENT)

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        """Telegram's reply, parsed with orjson (PTB's hook for a faster JSON library)."""
        try:
            return orjson.loads(payload)  # type: ignore[no-any-return]
        except orjson.JSONDecodeError:
            # PTB's own parser replaces undecodable bytes and raises its usual error.
            return BaseRequest.parse_json_payload(payload)

    async def shutdown(self) -> None:
        if self._posts is not None:
            self._posts.close()
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODV = BaseRequest.DEFAULT_NONE,
        write_timeout: ODV = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODV = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODV = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed or self._posts is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = (
            self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        )
        data: aiohttp.FormData | bytes | None = None
        headers: dict[str, str] | None = None
        if request_data is not None:
            if request_data.contains_files:
                form = aiohttp.FormData()
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, (filename, content, mime) in _files(request_data):
                    form.add_field(name, content, filename=filename, content_type=mime)
                data = form
                if isinstance(write_timeout, DefaultValue):
                    read = (read or 0) + (self._media_write_timeout or 0)
            else:
                # A JSON body: cheaper to build than a url-encoded form, and Telegram takes
                # either. Nested values stay JSON strings inside it, as PTB sends them.
                data = orjson.dumps(_json_parameters(request_data))
                headers = JSON_HEADERS
                if method == "POST" and self._posts.serves(url):
                    return await self._post_json(url, data, connect, read)
        # long polling sends its own read timeout; add the usual margin on top
        timeout = aiohttp.ClientTimeout(sock_connect=connect, sock_read=read)
        try:
            async with self._session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except asyncio.CancelledError:
            raise
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    async def _post_json(
        self, url: str, body: bytes, connect: float | None, read: float | None
    ) -> tuple[int, bytes]:
        assert self._posts is not None
        try:
            return await self._posts.post_json(url, body, connect, read)
        except TimeoutError as error:
            raise TimedOut from error
        except OSError as error:  # ConnectionClosed, refused, reset, TLS, DNS
            raise NetworkError(f"{type(error).__name__}: {error}") from error


def _json_parameters(request_data: RequestData) -> dict[str, object]:
    return {
        name: value if isinstance(value, str) else orjson.dumps(value).decode()
        for name, value in request_data.parameters.items()
    }


def _files(request_data: RequestData) -> list[tuple[str, tuple[str, bytes, str]]]:
    files = request_data.multipart_data or {}
    return [(name, (spec[0], spec[1], spec[2])) for name, spec in files.items()]
