"""A PTB request class on aiohttp instead of httpx: the same Bot API calls, less CPU.

PTB supports replacing its HTTP layer (`telegram.request.BaseRequest`). Profiling showed
about a third of the bot's CPU in httpx/httpcore per round trip; aiohttp's client does
the same work for much less (see README, "Benchmark").
"""

from __future__ import annotations

import asyncio

import aiohttp
from telegram._utils.defaultvalue import DefaultValue  # PTB's own default marker
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

ODV = float | None | DefaultValue[None]


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

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
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
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = (
            self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        )
        data: aiohttp.FormData | dict[str, str] | None = None
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
                data = request_data.json_parameters
        # long polling sends its own read timeout; add the usual margin on top
        timeout = aiohttp.ClientTimeout(sock_connect=connect, sock_read=read)
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except asyncio.CancelledError:
            raise
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _files(request_data: RequestData) -> list[tuple[str, tuple[str, bytes, str]]]:
    files = request_data.multipart_data or {}
    return [(name, (spec[0], spec[1], spec[2])) for name, spec in files.items()]
