"""Settings from environment variables and `.env` (see `.env.example` for each one)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# "<bot id>:<secret>" as BotFather issues it.
TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
# Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret.
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    database_url: str = "sqlite+aiosqlite:///backpath.db"
    # Apply pending database migrations at start-up (else run `backpath migrate` by hand).
    auto_migrate: bool = True
    # How long a write waits for a locked SQLite database before the user is told to retry.
    database_busy_timeout_ms: int = Field(default=5_000, ge=0, le=60_000)
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
        """(public URL, secret) for webhook mode, or ConfigError saying what is missing."""
        # Telegram itself insists on https; a local Bot API server may take http.
        if not (self.webhook_url or "").startswith(("https://", "http://")):
            raise ConfigError("WEBHOOK_URL must be the bot's public https:// address")
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not WEBHOOK_SECRET_PATTERN.match(secret):
            raise ConfigError(
                "WEBHOOK_SECRET is required in webhook mode: 16-256 characters of "
                "A-Z, a-z, 0-9, _ and -"
            )
        assert self.webhook_url is not None
        return self.webhook_url, secret


class ConfigError(ValueError):
    """A setting is missing or invalid; the message is one line for the operator."""
