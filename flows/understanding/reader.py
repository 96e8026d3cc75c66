"""`understand()`: one typed message read in the user's language."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from flows.understanding.answers import find_answer
from flows.understanding.durations import find_duration
from flows.understanding.lexicons import LEXICONS
from flows.understanding.matching import Word, Words, compiled
from flows.understanding.reading import Reading, Sign
from flows.understanding.signs import find_signs
from flows.understanding.text import normalise

# Telegram's own limit; a longer text (the console) is read up to here.
MAX_CHARACTERS = 4096
DEFAULT_LANGUAGE = "en"
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def understand(
    text: str,
    language: str,
    pending: str | None = None,
    options: Collection[str] = (),
    today: date | None = None,
) -> Reading:
    """What a typed message says: red-flag signs, a duration, an answer to `pending`.

    Signs are looked for in the user's language and, when the message is written in
    another script, in the language of that script too ("у меня недержание" from a user
    whose app is in English).
    """
    today = today or date.today()
    normalised = normalise(text[:MAX_CHARACTERS])
    lexicon = compiled(LEXICONS.get(language, LEXICONS[DEFAULT_LANGUAGE]))
    words = lexicon.words(normalised)
    found = find_signs(lexicon, words, today.year)
    signs, denied, touched = list(found.signs), list(found.denied), list(found.touched)
    for other in _other_scripts(normalised, lexicon.language):
        other_lexicon = compiled(LEXICONS[other])
        extra = find_signs(other_lexicon, other_lexicon.words(normalised), today.year)
        signs += [s for s in extra.signs if s.flag not in {k.flag for k in signs}]
        touched += [s for s in extra.touched if s.flag not in {k.flag for k in signs + touched}]
    touched = [s for s in touched if s.flag not in {k.flag for k in signs}]
    duration = find_duration(lexicon, _without(words, signs + touched), today) if pending else None
    answer = find_answer(lexicon, words, pending, options) if pending else None
    return Reading(
        normalised,
        tuple(signs),
        tuple(denied),
        duration,
        answer,
        tuple(touched),
        found.asked and not signs and not touched,
    )


def _without(words: Words, signs: list[Sign]) -> list[Word]:
    """The words outside the clauses that report signs: "3 weeks, and since this morning I
    can't pee" dates the sign, not the pain."""
    spans = [sign.span for sign in signs]
    taken = {w.token.clause for w in words if any(s <= w.token.start < e for s, e in spans)}
    return [w for w in words if w.token.clause not in taken] if taken else words


def _other_scripts(text: str, language: str) -> list[str]:
    others = []
    if language != "ru" and _CYRILLIC.search(text):
        others.append("ru")
    if language == "ru" and _LATIN.search(text):
        others.append("en")
    return others


def warm_up() -> None:
    """Load every language's dictionaries and patterns now, not on a user's message."""
    for code in LEXICONS:
        understand("warm up", code, "duration", ())
