"""An age typed at the age question (contract v3, section 1a): "I'm 52", "tengo 17 años",
"мне 60", "16 y/o", or the bare number. Elsewhere an age is never read as one, and never
as a duration (`durations.py` leaves ages alone)."""

from __future__ import annotations

from number_parser import parse_number

from flows.understanding.durations import unit_at
from flows.understanding.matching import Compiled, Word

_OLDEST = 120
# A message this short that holds one number is that number as an answer: "52", "52 now".
_SHORT = 3
# The longest age in words read: "cincuenta y dos", "sixty one now".
_SPELLED = 4


def find_age(lexicon: Compiled, words: list[Word]) -> int | None:
    """The age the message gives, or None when it gives none or more than one number."""
    numbers = [i for i, w in enumerate(words) if w.token.text.isdigit()]
    if not numbers:
        # In words: the whole of a short message ("fifty two", "cincuenta y dos").
        return _spelled(lexicon, words) if 0 < len(words) <= _SPELLED else None
    if len(numbers) != 1:
        return None
    at = numbers[0]
    age = int(words[at].token.text)
    if not 0 < age <= _OLDEST:
        return None
    if len(words) <= _SHORT or _said_as_an_age(lexicon, words, at):
        return age
    return None


def _spelled(lexicon: Compiled, words: list[Word]) -> int | None:
    """ "fifty two", "cincuenta y dos", "шестьдесят": a short message that is a number in
    words, read by number-parser."""
    value = parse_number(" ".join(w.token.text for w in words), language=lexicon.language)
    return value if isinstance(value, int) and 0 < value <= _OLDEST else None


def _said_as_an_age(lexicon: Compiled, words: list[Word], at: int) -> bool:
    """ "I'm 52", "aged 52", "52 years", "52 years old", "52 y/o", "мне 60"."""
    before = any(lexicon.group_at(words, at - length, "AGE_BEFORE") == length for length in (1, 2))
    unit = unit_at(lexicon, words, at + 1) if at + 1 < len(words) else None
    after = lexicon.group_at(words, at + 1, "AGE_AFTER") > 0
    return before or after or (unit is not None and unit.days >= 365)
