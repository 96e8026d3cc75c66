"""The HTTP side: Telegram's webhook, a health check and Prometheus metrics (Starlette).

Webhook requests are handled before the answer is returned, so a request Telegram sees
fail (or time out) is delivered again, and the processed-update record skips a repeat.
An update whose transaction failed on the database is answered 503 for Telegram to
deliver it again (`handlers.REDELIVER`); a button press is answered in the webhook's own
HTTP answer (`handlers.WEBHOOK_ANSWERS`), one request fewer per press.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from telegram.ext import Application

from bot.telegram.handlers import REDELIVER, WEBHOOK_ANSWERS
from bot.telegram.updates import read_update

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HealthCheck = Callable[[], Awaitable[bool]]


def web_app(
    health: HealthCheck,
    application: Application | None = None,  # type: ignore[type-arg]
    webhook_path: str = "/telegram",
    secret: str | None = None,
) -> Starlette:
    """/healthz and /metrics; with an application and secret, also the webhook."""

    async def healthz(_request: Request) -> Response:
        database = await health()
        body = {"status": "ok" if database else "degraded", "database": database}
        return JSONResponse(body, status_code=200 if database else 503)

    async def metrics(_request: Request) -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    async def webhook(request: Request) -> Response:
        assert application is not None and secret is not None
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return PlainTextResponse("forbidden", status_code=403)
        try:
            update = read_update(await request.json(), application.bot)
        except Exception:  # not JSON, or not an update: nothing to retry
            return PlainTextResponse("bad request", status_code=400)
        try:
            await application.process_update(update)
        finally:  # even when cancelled: nothing of this update is kept once it is answered
            button_answer = in_the_answer.pop(update.update_id, None)
            again = update.update_id in redeliver
            redeliver.discard(update.update_id)
        if again:
            return PlainTextResponse("database unavailable, deliver again", status_code=503)
        if button_answer is not None:
            return JSONResponse(button_answer)  # Telegram runs it: one request fewer
        return PlainTextResponse("ok")

    routes = [Route("/healthz", healthz), Route("/metrics", metrics)]
    redeliver: set[int] = set()
    in_the_answer: dict[int, dict[str, object]] = {}
    if application is not None and secret is not None:
        application.bot_data[REDELIVER] = redeliver
        application.bot_data[WEBHOOK_ANSWERS] = in_the_answer
        routes.append(Route(webhook_path, webhook, methods=["POST"]))
    return Starlette(routes=routes)
