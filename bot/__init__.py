"""BackPath's Telegram side: settings, handlers, and the service they call."""

import os

# Opt in to PTB's coming behaviour (RetryAfter.retry_after as a timedelta), which
# bot/retry.py already handles; this silences the deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "1")
