"""`understand()`: one typed message read in the user's language."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import date

import cyrtranslit

from flows.questions import AGE_BAND
from flows.understanding.ages import find_age
from flows.understanding.answers import find_answer
from flows.understanding.durations import find_duration
from flows.understanding.lexicon import Certainty
from flows.understanding.lexicons import LEXICONS
from flows.understanding.matching import Word, Words, compiled
from flows.understanding.reading import Reading, Sign, Span
from flows.understanding.signs import Found, find_signs
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
    whose app is in English; "ne mogu popisat", Russian in Latin letters).
    """
    today = today or date.today()
    normalised = normalise(text[:MAX_CHARACTERS])
    lexicon = compiled(LEXICONS.get(language, LEXICONS[DEFAULT_LANGUAGE]))
    words = lexicon.words(normalised)
    found = find_signs(lexicon, words, today.year, normalised)
    signs, touched = list(found.signs), list(found.touched)
    for other, written, transliterated in _other_readings(normalised, lexicon.language):
        extra = _signs_in(other, written, today.year, (0, len(normalised)), transliterated)
        signs += [s for s in extra.signs if s.flag not in {k.flag for k in signs}]
        touched += extra.touched
    touched = _first_per_flag(touched, {s.flag for s in signs})
    # The duration and the answer are never read from a sign's own clause: "3 weeks, and
    # since this morning I can't pee" dates the sign; "lower back, both legs tingle" is
    # no "both".
    unsigned = _without(words, signs + touched)
    duration = find_duration(lexicon, unsigned, today) if pending else None
    answer = find_answer(lexicon, unsigned, pending, options) if pending else None
    age = find_age(lexicon, words) if pending == AGE_BAND.id else None
    return Reading(
        normalised,
        tuple(signs),
        found.denied,
        duration,
        answer,
        tuple(touched),
        found.asked and not signs and not touched,
        age,
    )


def _first_per_flag(signs: list[Sign], taken: set[str]) -> list[Sign]:
    """One sign per flag, the first, leaving out the flags already `taken`."""
    first: dict[str, Sign] = {}
    for sign in signs:
        if sign.flag not in taken:
            first.setdefault(sign.flag, sign)
    return list(first.values())


def _signs_in(
    language: str, written: str, this_year: int, whole: Span, transliterated: bool
) -> Found:
    """Signs read in another language's lexicon. A transliteration is a guess at what was
    meant, so its signs are only possible, and span the whole message (their positions
    are in the transliterated text, not in the message)."""
    other = compiled(LEXICONS[language])
    found = find_signs(other, other.words(written), this_year, written)
    if not transliterated:
        return found
    guessed = [replace(s, span=whole, certainty=Certainty.POSSIBLE) for s in found.signs]
    return Found(tuple(guessed), found.denied, tuple(replace(s, span=whole) for s in found.touched))


def _other_readings(text: str, language: str) -> Iterator[tuple[str, str, bool]]:
    """(lexicon, text, whether transliterated) to read a message in besides the user's
    own language."""
    if language != "ru" and _CYRILLIC.search(text):
        yield "ru", text, False
    if language == "ru" and _LATIN.search(text):
        yield "en", text, False
        if not _CYRILLIC.search(text):
            yield "ru", cyrtranslit.to_cyrillic(text, "ru"), True


def _without(words: Words, signs: list[Sign]) -> list[Word]:
    """The words outside the clauses that report signs: "3 weeks, and since this morning I
    can't pee" dates the sign, not the pain."""
    spans = [sign.span for sign in signs]
    taken = {w.token.clause for w in words if any(s <= w.token.start < e for s, e in spans)}
    return [w for w in words if w.token.clause not in taken] if taken else words


def warm_up() -> None:
    """Load every language's dictionaries and patterns now, not on a user's message."""
    for code in LEXICONS:
        understand("warm up", code, "duration", ())
