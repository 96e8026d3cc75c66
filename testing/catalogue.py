"""The texts the code marks for translation, and which words of a rendered text no
catalogue of its language holds.

A text shown to a Spanish user must be made of Spanish catalogue words (plus dates, numbers
and names): an English word there is a text that was never translated, or was translated
once at import in the wrong language.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.core.commands import COMMANDS_BY_NAME
from bot.ui.i18n import DOMAIN, LANGUAGES, LOCALES

ROOT = Path(__file__).resolve().parents[1]


@cache
def marked_strings() -> frozenset[str]:
    """Every string the code marks for translation, found the way Babel finds them."""
    found: set[str] = set()
    keywords = {"_": None, "N_": None}
    for package in ("flows", "bot"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=keywords
        ):
            found.add(message)
    return frozenset(found)


DATE_WIDTHS = ("short", "medium", "long", "full")
_WORD = re.compile(r"[^\W\d_]+")
# Names every language shows as they are.
_NAMES = {
    "backpath",
    *(word.lower() for name in LANGUAGES.values() for word in _WORD.findall(name)),
}


@cache
def vocabulary(code: str) -> frozenset[str]:
    """The words of `code`'s catalogue, its month and day names, its dates as Babel writes
    them, and the shared names."""
    if code == "en":
        texts = set(marked_strings())
    else:
        with (LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
            texts = {m.string for m in read_po(po) if m.id and isinstance(m.string, str)}
    locale = Locale.parse(code)
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            texts |= set(locale.months[context][width].values())
            texts |= set(locale.days[context][width].values())
    texts |= {format_date(date(2026, 11, 29), width, locale=locale) for width in DATE_WIDTHS}
    texts |= set(COMMANDS_BY_NAME)
    return frozenset(w.lower() for text in texts for w in _WORD.findall(text)) | _NAMES


def foreign_words(text: str, code: str) -> list[str]:
    """The words of `text` that are not in `code`'s vocabulary."""
    known = vocabulary(code)
    return [word for word in _WORD.findall(text) if word.lower() not in known]
