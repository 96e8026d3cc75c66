"""Marks user-visible text in flows/ for translation without translating it here.

`N_("...")` returns its argument unchanged; Babel's extractor finds the marked strings,
and `bot/ui/i18n.py` translates them when a message is built for a user.
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message
