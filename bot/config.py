"""Settings from environment variables and `.env` (see `.env.example` for each one)."""

from __future__ import annotations

import re
from typing import Literal, Self
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.database import UnsupportedDatabaseURL, async_database_url, create_engine

# "<bot id>:<secret>" as BotFather issues it.
TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
# Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret; BackPath
# asks for at least 16, so that it cannot be guessed.
WEBHOOK_SECRET_CHARACTERS = re.compile(r"[A-Za-z0-9_-]*")
WEBHOOK_SECRET_LENGTH = range(16, 257)
WEBHOOK_SECRET_RULE = "16-256 characters of A-Z, a-z, 0-9, _ and -"
# The only ports Telegram posts webhook updates to (setWebhook).
WEBHOOK_URL_PORTS = (443, 80, 88, 8443)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    database_url: str = "sqlite+aiosqlite:///backpath.db"
    # Apply pending database migrations at start-up (else run `backpath migrate` by hand).
    auto_migrate: bool = True
    # How long a write waits for a locked SQLite database before the user is told to retry.
    database_busy_timeout_ms: int = Field(default=5_000, ge=0, le=60_000)
    # SQLite driver: "on-loop" (sqlite3 on the event loop's thread; falls back by itself if
    # the installed SQLAlchemy changed) or "stock" (SQLAlchemy's own aiosqlite adapter).
    sqlite_driver: Literal["on-loop", "stock"] = "on-loop"
    # PostgreSQL: "direct" (a button press's statements straight on asyncpg; falls back by
    # itself if the installed SQLAlchemy changed) or "stock" (all through SQLAlchemy).
    postgresql_driver: Literal["direct", "stock"] = "direct"
    log_level: LogLevel = "INFO"
    # "text" for people, "json" for log collectors.
    log_format: Literal["text", "json"] = "text"
    # "polling" (getUpdates; one process) or "webhook" (Telegram posts to us; several
    # processes behind a load balancer).
    bot_mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    # In polling mode, serve /healthz and /metrics on this port (none if unset).
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    # How often due follow-up reminders are looked for and sent.
    reminder_check_seconds: float = Field(default=60, gt=0)
    # Unfinished assessments idle this long are deleted by the hourly housekeeping job.
    retention_days: int = Field(default=90, ge=1)
    # Seconds getUpdates waits for news before asking again (Telegram's long polling).
    polling_timeout: int = Field(default=30, ge=0, le=50)
    # The local emergency number the emergency texts name ("call 112"); empty names none.
    emergency_number: str = ""

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator(
        "telegram_bot_token", "webhook_url", "webhook_secret", "metrics_port", mode="before"
    )
    @classmethod
    def _blank_is_missing(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("emergency_number")
    @classmethod
    def _emergency_number(cls, value: str) -> str:
        value = value.strip()
        if value and not re.fullmatch(r"[0-9]{2,6}", value):
            raise ConfigError(
                "EMERGENCY_NUMBER must be the local emergency number, 2 to 6 digits such as "
                "112 or 911, or empty to say 'emergency services'"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _async_database_url(cls, value: str) -> str:
        """postgresql:// and postgres:// get asyncpg, sqlite:// aiosqlite; any other URL is
        refused here, before any work (the message never holds the password)."""
        try:
            return async_database_url(value, "DATABASE_URL")
        except UnsupportedDatabaseURL as error:
            raise ConfigError(str(error)) from None

    @model_validator(mode="after")
    def _webhook_is_complete(self) -> Self:
        if self.bot_mode == "webhook":
            self.require_webhook()  # when the settings load, before any database or network
        return self

    def create_engine(self) -> AsyncEngine:
        """The database engine these settings describe."""
        return create_engine(
            self.database_url,
            busy_timeout_ms=self.database_busy_timeout_ms,
            sqlite_driver=self.sqlite_driver,
            postgresql_driver=self.postgresql_driver,
        )

    @property
    def health_url(self) -> str | None:
        """Where this process serves GET /healthz: on WEBHOOK_PORT in webhook mode, on
        METRICS_PORT when polling (None when that is unset)."""
        port = self.webhook_port if self.bot_mode == "webhook" else self.metrics_port
        if port is None:
            return None
        host = self.webhook_listen.strip("[]")
        if host in ("", "0.0.0.0", "::"):  # listening everywhere: ask on the loopback
            host = "127.0.0.1"
        return f"http://[{host}]:{port}/healthz" if ":" in host else f"http://{host}:{port}/healthz"

    def require_token(self) -> str:
        """The token, or ConfigError saying what is wrong with it (never the token itself)."""
        if self.telegram_bot_token is None:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather in .env, "
                "or try the bot without one: backpath console"
            )
        token = self.telegram_bot_token.get_secret_value().strip()
        if not TOKEN_PATTERN.match(token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<secret>' "
                "as issued by @BotFather"
            )
        return token

    def require_webhook(self) -> tuple[str, str]:
        """(public URL, secret) for webhook mode, or ConfigError saying what is wrong (never
        the secret, nor the URL's path, which may be secret too)."""
        url = (self.webhook_url or "").strip()
        if not url:
            raise ConfigError(
                "WEBHOOK_URL is required in webhook mode: the bot's public https:// address, "
                "e.g. https://bot.example.org/telegram"
            )
        try:
            parts = urlsplit(url)
            scheme, host = parts.scheme.lower(), parts.hostname or ""
        except ValueError:  # a broken [IPv6] host
            raise ConfigError(
                "WEBHOOK_URL is not a valid URL: expected https://<host>/<path>, "
                "e.g. https://bot.example.org/telegram"
            ) from None
        if scheme != "https":
            given = f"it starts with {scheme}://" if scheme else "it has no scheme"
            raise ConfigError(
                "WEBHOOK_URL must start with https:// (Telegram posts updates only over "
                f"HTTPS); {given}"
            )
        if not host or any(c.isspace() for c in host):
            raise ConfigError(
                "WEBHOOK_URL has no valid host name: expected https://<host>/<path>, "
                "e.g. https://bot.example.org/telegram"
            )
        try:
            port = parts.port or 443
        except ValueError:  # not a number, or out of 0-65535
            raise ConfigError(
                "WEBHOOK_URL has an invalid port: Telegram posts only to 443, 80, 88 or 8443"
            ) from None
        if port not in WEBHOOK_URL_PORTS:
            raise ConfigError(
                f"WEBHOOK_URL uses port {port}, but Telegram posts only to 443, 80, 88 or 8443 "
                "(the port this process listens on is WEBHOOK_PORT)"
            )
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not secret:
            raise ConfigError(f"WEBHOOK_SECRET is required in webhook mode: {WEBHOOK_SECRET_RULE}")
        if not WEBHOOK_SECRET_CHARACTERS.fullmatch(secret):
            raise ConfigError(
                "WEBHOOK_SECRET has characters Telegram does not allow: use only A-Z, a-z, "
                "0-9, _ and - (16-256 of them)"
            )
        if len(secret) not in WEBHOOK_SECRET_LENGTH:
            raise ConfigError(f"WEBHOOK_SECRET must be {WEBHOOK_SECRET_RULE}")
        return url, secret


class ConfigError(ValueError):
    """A setting is missing or invalid; the message is one line for the operator."""
