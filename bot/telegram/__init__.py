"""The only package that imports python-telegram-bot: Telegram in and out."""

import os

# Opt in to PTB's coming behaviour (RetryAfter.retry_after as a timedelta), which
# bot/telegram/retry.py already handles; this silences the deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "1")
