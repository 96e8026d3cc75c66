"""How long the pain has lasted, read from typed words, as a range of days.

"3 weeks" is 21 days, "about 2 months" 51 to 69, "less than 6 weeks" under 42, "since
March" the days since March. Numbers that are not durations are left alone: ages ("I'm 45",
"45 years old"), future dates ("in 2 weeks"), pain scores and distances (no unit).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from number_parser import parse_number

from flows.questions import SIX_WEEKS_DAYS
from flows.understanding.lexicon import Unit
from flows.understanding.matching import Compiled, Word
from flows.understanding.reading import Duration

FOREVER = 3650.0
# "about N": a spread either side, so that "about 6 weeks" could be five or seven.
_ABOUT = 0.15
# "a few" and "several": two to eight of the unit.
_FEW = (2.0, 8.0)
# How far before a unit its number may stand ("2 more weeks", "3 long months").
_NUMBER_REACH = 2


def find_duration(lexicon: Compiled, words: list[Word], today: date) -> Duration | None:
    found = [d for d in (*_unit_durations(lexicon, words), *_dates(lexicon, words, today)) if d]
    if not found:
        return None
    shortest = min(d.shortest for d in found)
    longest = max(d.longest for d in found)
    span = (min(d.span[0] for d in found), max(d.span[1] for d in found))
    # Two durations on different sides of six weeks: which one is the pain's is unclear.
    sure = len({_side(d) for d in found}) == 1
    return Duration(shortest, longest, span, sure)


def _side(duration: Duration) -> str:
    if duration.shortest >= SIX_WEEKS_DAYS:
        return "long"
    return "short" if duration.longest < SIX_WEEKS_DAYS else "either"


def _number(lexicon: Compiled, word: Word) -> float | None:
    text = word.token.text
    if text[0].isdigit():
        return float(text.replace(",", "."))
    return next((lexicon.numbers[k] for k in word.keys if k in lexicon.numbers), None)


def _unit_durations(lexicon: Compiled, words: list[Word]) -> list[Duration | None]:
    found: list[Duration | None] = []
    for index, word in enumerate(words):
        unit = _unit(lexicon, word)
        # "my dad was in hospital for 2 weeks" says nothing of the writer's pain.
        if unit is not None and not lexicon.about_someone_else(words, index):
            found.append(_around_unit(lexicon, words, index, unit))
    return found


def _unit(lexicon: Compiled, word: Word) -> Unit | None:
    found = next((lexicon.units[k] for k in word.keys if k in lexicon.units), None)
    if found is None and word.token.text.endswith("ss"):  # "dayss", "monthss"
        found = lexicon.units.get(word.token.text[:-1])
    return found


def _around_unit(lexicon: Compiled, words: list[Word], index: int, unit: Unit) -> Duration | None:
    clause = words[index].token.clause

    def word(i: int) -> Word | None:
        return words[i] if 0 <= i < len(words) and words[i].token.clause == clause else None

    # "one and a half months", "dos semanas y media": the half sits between number and unit.
    half, end = 0.0, index
    for length in (3, 2):
        if index - length >= 0 and lexicon.group_at(words, index - length, "AND_HALF") == length:
            half, end = 0.5, index - length
            break
    amount = _amount_before(lexicon, words, end, clause)
    if amount is None and (after := word(index + 1)) is not None:
        value = _number(lexicon, after)
        if value is not None and not after.token.text[0].isdigit():
            # Russian "недели две": the number after the unit means "about".
            amount = (value * (1 - _ABOUT), value * (1 + _ABOUT), index)
    if amount is None:
        unit_word = words[index]
        if lexicon.in_group(unit_word, "PLURAL_UNIT"):  # "for years", "meses", "годами"
            amount = (2.0, FOREVER / unit.days, index)
        elif unit.alone_is_one or (
            word(index - 1) and lexicon.in_group(words[index - 1], "ARTICLE")
        ):
            if any(_number(lexicon, w) for w in words[max(0, index - 4) : index - 1]):
                return None  # "10000 steps a day", "3 times a week": how often, not how long
            amount = (1.0, 1.0, index - 1 if word(index - 1) else index)
        else:
            return None
    low, high, first = amount
    last = index  # the last word shown back
    # "a month or two": the number after the unit closes a range.
    if word(index + 1) is not None and lexicon.in_group(words[index + 1], "RANGE"):
        upper = word(index + 2)
        value = _number(lexicon, upper) if upper is not None else None
        if value is not None and value > high:
            high, last = value, index + 2
    if (length := lexicon.group_at(words, index + 1, "AND_HALF")) and word(index + 1) is not None:
        half, last = 0.5, index + length  # "a month and a half"
    low, high = low + half, high + half
    # Not a duration: an age ("I'm 45", "45 years old"), a date ahead ("in 2 weeks").
    if unit.days >= 365 and (
        _modifier(lexicon, words, first, "AGE_BEFORE")
        or lexicon.group_at(words, index + 1, "AGE_AFTER")
    ):
        return None
    if _modifier(lexicon, words, first, "FUTURE"):
        return None
    shortest, longest = low * unit.days, high * unit.days
    if length := _modifier(lexicon, words, first, "ALMOST"):  # before LESS: "just under"
        shortest, longest = shortest * 0.8, math.nextafter(longest, 0)
    elif length := _modifier(lexicon, words, first, "LESS"):
        shortest, longest = 0.0, math.nextafter(shortest, 0)
    elif length := _modifier(lexicon, words, first, "MORE"):
        longest = FOREVER
    elif length := _modifier(lexicon, words, first, "ABOUT"):
        shortest, longest = shortest * (1 - _ABOUT), longest * (1 + _ABOUT)
    # The words shown back start at the modifier: "about 3 weeks".
    said_from = max(0, first - length)
    return Duration(shortest, longest, (words[said_from].token.start, words[last].token.end))


def _amount_before(
    lexicon: Compiled, words: list[Word], end: int, clause: int
) -> tuple[float, float, int] | None:
    """The number of units written just before `end`: (lowest, highest, its first word)."""
    for i in range(end - 1, max(-1, end - 1 - _NUMBER_REACH), -1):
        w = words[i]
        if w.token.clause != clause:
            return None
        value = _number(lexicon, w)
        if value is not None and not w.token.text[0].isdigit():
            spelled = _spelled(lexicon, words, i, clause)
            if spelled is not None:
                return spelled
        if value is not None:
            # A range: "2-3", "2 3", "2 to 3", "between 2 and 3", "2 or 3".
            for j in (i - 1, i - 2):
                if j < 0 or words[j].token.clause != clause:
                    break
                other = _number(lexicon, words[j])
                if other is not None and (j == i - 1 or lexicon.in_group(words[i - 1], "RANGE")):
                    return min(other, value), max(other, value), j
            return value, value, i
        if lexicon.in_group(w, "FEW"):
            return _FEW[0], _FEW[1], i
        if lexicon.in_group(w, "MANY"):
            return 2.0, FOREVER, i
        if lexicon.in_group(w, "ARTICLE") or lexicon.in_group(w, "RANGE"):
            continue  # "half a year": look past "a"
        if lexicon.units and any(k in lexicon.units for k in w.keys):
            return None
    return None


def _spelled(
    lexicon: Compiled, words: list[Word], last: int, clause: int
) -> tuple[float, float, int] | None:
    """A number of several words ending at `last` ("twenty one", "двадцать один"), read by
    number-parser; None when the number is a single word."""
    for first in range(max(0, last - 3), last):
        if any(
            w.token.clause != clause or w.token.text[0].isdigit() for w in words[first : last + 1]
        ):
            continue
        value = parse_number(
            " ".join(w.token.text for w in words[first : last + 1]), language=lexicon.language
        )
        if value is not None:
            return float(value), float(value), first
    return None


def _modifier(lexicon: Compiled, words: list[Word], first: int, group: str) -> int:
    """How many words of `group` stand right before the number ("less than": 2), or 0."""
    for length in (1, 2, 3):
        at = first - length
        if at >= 0 and lexicon.group_at(words, at, group) == length:
            return length if words[at].token.clause == words[first].token.clause else 0
    return 0


def _dates(lexicon: Compiled, words: list[Word], today: date) -> list[Duration | None]:
    """ "since March", "since Christmas", "since Monday", "since yesterday": the days from
    then until today."""
    found: list[Duration | None] = []
    short_message = len(words) <= 3
    for index, word in enumerate(words):
        anchored = index > 0 and (
            lexicon.in_group(words[index - 1], "SINCE")
            or lexicon.in_group(words[index - 1], "START")
            or (index > 1 and lexicon.in_group(words[index - 2], "SINCE"))
        )
        if not (anchored or short_message):
            continue
        days = _days_since(lexicon, word, today)
        if days is not None:
            span = (words[index - 1 if anchored else index].token.start, word.token.end)
            found.append(Duration(days[0], days[1], span))
    return found


def _days_since(lexicon: Compiled, word: Word, today: date) -> tuple[float, float] | None:
    keys = word.keys
    if any(k in lexicon.months for k in keys):
        month = next(lexicon.months[k] for k in keys if k in lexicon.months)
        year = today.year if month <= today.month else today.year - 1
        begun = date(year, month, 1)
        ended = (begun.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return float(max(0, (today - ended).days)), float((today - begun).days)
    if any(k in lexicon.holidays for k in keys):
        month, day = next(lexicon.holidays[k] for k in keys if k in lexicon.holidays)
        then = date(today.year, month, day)
        if then > today:
            then = date(today.year - 1, month, day)
        days = float((today - then).days)
        return days, days
    if any(k in lexicon.weekdays for k in keys):
        return 1.0, 7.0
    if word.token.text.isdigit() and len(word.token.text) == 4:
        year = int(word.token.text)
        if 1950 <= year <= today.year:
            return float((today - date(year, 12, 31)).days), float((today - date(year, 1, 1)).days)
    if lexicon.in_group(word, "TODAY"):
        return 0.0, 1.0
    if lexicon.in_group(word, "YESTERDAY"):
        return 1.0, 2.0
    return None
