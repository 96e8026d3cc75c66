"""Translation: gettext catalogues in `bot/ui/locales`, the user's language per update.

The language of the update being handled lives in a context variable, set once by the
service for each event; every text is translated where a message is built, with `_()`.
Catalogues are made with Babel (see README, "Translations").
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from flows.i18n import N_

__all__ = ["DEFAULT", "LANGUAGES", "N_", "_", "current", "language", "pick"]

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "backpath"
DEFAULT = "en"
# Each language by its own name, as the /language buttons show it.
LANGUAGES = {"en": "English", "es": "Español", "ru": "Русский"}

_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


def pick(code: str | None) -> str:
    """The supported language for a Telegram language_code ("es-MX" -> "es")."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALES, languages=[lang], fallback=True)


def _(message: str) -> str:
    """`message` in the current language (the English source if it has no translation)."""
    return _catalogue(_current.get()).gettext(message) if message else message


def current() -> str:
    return _current.get()


@contextmanager
def language(lang: str) -> Iterator[None]:
    token = _current.set(lang if lang in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)
