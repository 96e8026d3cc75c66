"""An age typed at the age question (contract v3, section 1a): "I'm 52", "tengo 17 años",
"мне 60", "16 y/o", "under 18", or the bare number. Elsewhere an age is never read as one,
and never as a duration (`durations.py` leaves ages alone).

An age ends a child's assessment (R11), so it is read only when the message says it is
one: a number that counts anything else ("3 weeks", "pain is 8") is no age, and "over 18"
does not say which band it is.
"""

from __future__ import annotations

from number_parser import parse_number

from flows.understanding.durations import unit_at
from flows.understanding.matching import Compiled, Word

_OLDEST = 120
# The longest age in words read: "cincuenta y dos", "sixty one now".
_SPELLED = 4
# How far before the number "under", "almost" or a "not" may stand ("мне нет 18").
_MODIFIER_REACH = 3


def find_age(lexicon: Compiled, words: list[Word]) -> int | None:
    """The age the message gives (an age below a bound for "under 18": 17), or None when
    it gives none, more than one number, or only a lower bound ("over 18")."""
    numbers = [i for i, w in enumerate(words) if w.token.text.isdigit()]
    if not numbers:
        # In words: the whole of a short message ("fifty two", "cincuenta y dos").
        return _spelled(lexicon, words) if 0 < len(words) <= _SPELLED else None
    if len(numbers) != 1:
        return None
    at = numbers[0]
    age = int(words[at].token.text)
    unit = unit_at(lexicon, words, at + 1) if at + 1 < len(words) else None
    if not 0 < age <= _OLDEST or (unit is not None and unit.days < 365):
        return None  # "3 weeks", "10 días": the number counts something else
    modifier = _modifier(lexicon, words, at)
    said = modifier is not None or unit is not None or _age_words_around(lexicon, words, at)
    if len(words) > 1 and not said:
        return None
    return _bounded(age, modifier)


def _spelled(lexicon: Compiled, words: list[Word]) -> int | None:
    """ "fifty two", "cincuenta y dos", "шестьдесят": a short message that is a number in
    words, read by number-parser."""
    value = parse_number(" ".join(w.token.text for w in words), language=lexicon.language)
    return value if isinstance(value, int) and 0 < value <= _OLDEST else None


def _age_words_around(lexicon: Compiled, words: list[Word], at: int) -> bool:
    """ "I'm 52", "aged 52", "52 years old", "52 y/o", "мне 60" (with "52 years" and
    "under 18", the ways a number is said as an age)."""
    before = any(lexicon.group_at(words, at - length, "AGE_BEFORE") == length for length in (1, 2))
    return before or lexicon.group_at(words, at + 1, "AGE_AFTER") > 0


def _bounded(age: int, modifier: str | None) -> int | None:
    """ "under 18", "almost 50", "мне нет 18", "aún no tengo 18": just below the number;
    "over 18": no band for sure (unless it is 50 or more)."""
    if modifier is None:
        return age
    if modifier == "MORE":
        return age if age >= 50 else None
    return age - 1


def _modifier(lexicon: Compiled, words: list[Word], at: int) -> str | None:
    """Which bound stands shortly before the number, in its clause: LESS (with ALMOST and
    a negation) or MORE."""
    clause = words[at].token.clause
    for i in range(at - 1, max(-1, at - 1 - _MODIFIER_REACH), -1):
        if words[i].token.clause != clause:
            break
        for length in (2, 1):  # the longer first: "не больше" before "больше"
            start = i - length + 1
            if start < 0:
                continue
            if lexicon.group_at(words, start, "MORE") == length:
                return "MORE"
            if any(lexicon.group_at(words, start, g) == length for g in ("LESS", "ALMOST")):
                return "LESS"
        if lexicon.in_group(words[i], "NEGATION"):
            return "LESS"
    return None
