"""How long the pain has lasted, read from typed words, as a range of days.

"3 weeks" is 21 days, "about 2 months" 51 to 69, "less than 6 weeks" and "not 6 weeks
yet" under 42, "a month and a week" 37, "since March" the days since March. What does not
say how long the pain has lasted is left alone: ages ("I'm 45", "45 years old"), dates
ahead ("in 2 weeks"), how often ("twice a year", "10000 steps a day"), numbers with no
unit (scores, money, distances, clock times), a single letter not glued to its number
("I walk 500 m") and a day word with no "since" ("today it hurts more").

Each unit word ("weeks", "мес") is read as a `_Part`: its amount (the number before or
after it, or one when it stands alone), then what closes the amount ("or two", "and a
half"); a shorter unit after it adds to it; then the words that make it no duration (an
age, a date ahead, how often) or bend it ("about", "less than", "not ... yet").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from number_parser import parse_number

from flows.questions import SIX_WEEKS_DAYS
from flows.understanding.lexicon import Unit
from flows.understanding.matching import Compiled, Word
from flows.understanding.reading import Duration

FOREVER = 3650.0
# "about N": a spread either side, so that "about 6 weeks" could be five or seven.
_ABOUT = 0.15
# "a month and a bit", "месяц с хвостиком": up to half as long again.
_BIT_MORE = 1.5
# "a few" and "several": two to eight of the unit.
_FEW = (2.0, 8.0)
# How far before a unit its number may stand ("2 more weeks", "3 long months").
_NUMBER_REACH = 2
# How far before an amount a negation may stand: "aún no llevo 6 semanas".
_NEGATION_REACH = 3
# How far after a date "started" may stand: "вчера вечером скрутило".
_START_REACH = 2


@dataclass(frozen=True, slots=True)
class _Amount:
    """How many units (`low` to `high`), said by the words `first` to `last`."""

    low: float
    high: float
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class _Part:
    """One unit word's reading in days, before the words around it bend it."""

    unit: Unit
    at: int  # the unit word
    shortest: float
    longest: float
    first: int
    last: int


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


# --- words ---------------------------------------------------------------------------------


def _number(lexicon: Compiled, word: Word) -> float | None:
    text = word.token.text
    if text[0].isdigit():
        return float(text.replace(",", "."))
    return next((lexicon.numbers[k] for k in word.keys if k in lexicon.numbers), None)


def _in_clause(words: list[Word], index: int, of: int) -> bool:
    """Whether there is a word at `index`, in the clause of word `of`."""
    return 0 <= index < len(words) and words[index].token.clause == words[of].token.clause


def _is_unit(lexicon: Compiled, word: Word) -> bool:
    return any(k in lexicon.units for k in word.keys)


def unit_at(lexicon: Compiled, words: list[Word], index: int) -> Unit | None:
    """The duration unit word `index` is ("weeks", "años", "г" glued to a number), if any."""
    word = words[index]
    found = next((lexicon.units[k] for k in word.keys if k in lexicon.units), None)
    if found is None and word.token.text.endswith("ss"):  # "dayss", "monthss"
        found = lexicon.units.get(word.token.text[:-1])
    if found is not None and len(word.token.text) == 1 and not _abbreviated(words, index):
        return None
    return found


def _abbreviated(words: list[Word], index: int) -> bool:
    """Whether a single-letter unit ("m", "d", "г") stands for one here.

    A letter is a unit only glued to a number under 100 ("3m", "2w", "5д") or when the
    message is nothing but a number and the letter ("3 m"). Spaced inside a sentence the
    letter is as often something else ("I walk 500 m", "52 y/o", "I m 52"), and nobody
    counts a pain in hundreds of months: "500m" is metres.
    """
    if index == 0:
        return False
    number, letter = words[index - 1].token, words[index].token
    if not (number.text[0].isdigit() and float(number.text.replace(",", ".")) < 100):
        return False
    return number.end == letter.start or len(words) == 2


def _modifier(lexicon: Compiled, words: list[Word], first: int, group: str) -> int:
    """How many words of `group` stand right before word `first`, in its clause ("less
    than": 2), or 0; an article between counts with them ("no llego a las 6": 4)."""
    for length in (1, 2, 3):
        at = first - length
        if at >= 0 and lexicon.group_at(words, at, group) == length:
            return length if words[at].token.clause == words[first].token.clause else 0
    if first > 0 and lexicon.in_group(words[first - 1], "ARTICLE"):
        before = _modifier(lexicon, words, first - 1, group)
        return before + 1 if before else 0
    return 0


# --- one unit word ---------------------------------------------------------------------------


def _unit_durations(lexicon: Compiled, words: list[Word]) -> list[Duration | None]:
    parts = [part for index in range(len(words)) if (part := _part(lexicon, words, index))]
    return [_duration(lexicon, words, part) for part in _summed(lexicon, words, parts)]


def _summed(lexicon: Compiled, words: list[Word], parts: list[_Part]) -> list[_Part]:
    """The parts, where a shorter unit right after a longer one, or after "and", adds to
    it: "a month and a week", "1 year 2 months"."""
    summed: list[_Part] = []
    for i, part in enumerate(parts):
        if i == 0 or not _adds_to(lexicon, words, parts[i - 1], part):
            summed.append(part)
            continue
        total = summed[-1]
        summed[-1] = replace(
            total,
            shortest=total.shortest + part.shortest,
            longest=total.longest + part.longest,
            last=part.last,
        )
    return summed


def _adds_to(lexicon: Compiled, words: list[Word], before: _Part, part: _Part) -> bool:
    """Whether `part` goes on from `before`: a shorter unit, next to it or after "and"."""
    if part.unit.days >= before.unit.days or not _in_clause(words, part.first, before.last):
        return False
    between = part.first - before.last - 1
    return between == 0 or (between == 1 and lexicon.in_group(words[before.last + 1], "AND"))


def _part(lexicon: Compiled, words: list[Word], index: int) -> _Part | None:
    """The reading of word `index` if it is a unit with an amount."""
    unit = unit_at(lexicon, words, index)
    # "my dad was in hospital for 2 weeks" says nothing of the writer's pain.
    if unit is None or lexicon.about_someone_else(words, index):
        return None
    amount = _amount(lexicon, words, index, unit)
    if amount is None:
        return None
    days = unit.days
    return _Part(unit, index, amount.low * days, amount.high * days, amount.first, amount.last)


def _amount(lexicon: Compiled, words: list[Word], index: int, unit: Unit) -> _Amount | None:
    """How many of the unit at `index` the words around it say."""
    half, end = _half_before(lexicon, words, index)
    amount = (
        _amount_before(lexicon, words, end, words[index].token.clause)
        or _amount_after(lexicon, words, index)
        or _amount_alone(lexicon, words, index, unit)
    )
    return None if amount is None else _closed(lexicon, words, index, amount, half)


def _half_before(lexicon: Compiled, words: list[Word], index: int) -> tuple[float, int]:
    """ "one and a half months": the half between number and unit, and where it starts."""
    for length in (3, 2):
        if index - length >= 0 and lexicon.group_at(words, index - length, "AND_HALF") == length:
            return 0.5, index - length
    return 0.0, index


def _amount_before(lexicon: Compiled, words: list[Word], end: int, clause: int) -> _Amount | None:
    """The count written just before word `end`, looking past other words ("2 more
    weeks", "half a year") but not past another unit."""
    for i in range(end - 1, max(-1, end - 1 - _NUMBER_REACH), -1):
        word = words[i]
        if word.token.clause != clause:
            return None
        if (count := _count_at(lexicon, words, i, clause)) is not None:
            return count
        if _is_unit(lexicon, word):
            return None
    return None


def _count_at(lexicon: Compiled, words: list[Word], i: int, clause: int) -> _Amount | None:
    """A count ending at word `i`: a number, a range of two, "a few", "many"."""
    word = words[i]
    value = _number(lexicon, word)
    if value is not None:
        return _spelled(lexicon, words, i, clause) or _range_ending(
            lexicon, words, i, value, clause
        )
    if lexicon.in_group(word, "FEW"):
        return _Amount(*_FEW, i, i)
    if lexicon.in_group(word, "MANY"):
        return _Amount(2.0, FOREVER, i, i)
    return None


def _range_ending(
    lexicon: Compiled, words: list[Word], i: int, value: float, clause: int
) -> _Amount:
    """A range ending at word `i` ("2-3", "2 3", "2 to 3", "between 2 and 3", "2 or 3"),
    or the one number."""
    for j in (i - 1, i - 2):
        if j < 0 or words[j].token.clause != clause:
            break
        other = _number(lexicon, words[j])
        joined = lexicon.in_group(words[i - 1], "RANGE") or lexicon.in_group(words[i - 1], "AND")
        if other is not None and (j == i - 1 or joined):
            return _Amount(min(other, value), max(other, value), j, i)
    return _Amount(value, value, i, i)


def _spelled(lexicon: Compiled, words: list[Word], last: int, clause: int) -> _Amount | None:
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
            return _Amount(float(value), float(value), first, last)
    return None


def _amount_after(lexicon: Compiled, words: list[Word], index: int) -> _Amount | None:
    """A number right after the unit: "weeks 3", "semanas 2" are that many, "week 6" the
    sixth week (five to six, so not six weeks for sure); Russian "недели две" is about
    two and "месяц-два" one or two (`Lexicon.inverted_is_about`)."""
    low = _own_number(lexicon, words, index + 1, index)
    if low is None:
        return None
    high, last = low, index + 1
    upper = _own_number(lexicon, words, index + 2, index)
    if upper is not None and upper > low:  # "дней десять-двенадцать"
        high, last = upper, index + 2
    if not lexicon.lexicon.inverted_is_about:
        if lexicon.in_group(words[index], "PLURAL_UNIT") or high > low:
            return _Amount(low, high, index, last)
        return _Amount(max(0.0, low - 1), math.nextafter(low, 0), index, last)
    if words[index].token.text in lexicon.units:  # the dictionary form: "месяц-два"
        return _Amount(min(1.0, low), max(1.0, high), index, last)
    return _Amount(low * (1 - _ABOUT), high * (1 + _ABOUT), index, last)


def _own_number(lexicon: Compiled, words: list[Word], i: int, unit: int) -> float | None:
    """The number at word `i` after the unit at `unit`, unless it counts something else:
    the next unit ("a month 2 weeks") or how often ("weeks 3 times a day")."""
    if not _in_clause(words, i, unit):
        return None
    value = _number(lexicon, words[i])
    if value is None or not _in_clause(words, i + 1, unit):
        return value
    following = words[i + 1]
    if _is_unit(lexicon, following) or lexicon.in_group(following, "RATE"):
        return None
    return value


def _amount_alone(lexicon: Compiled, words: list[Word], index: int, unit: Unit) -> _Amount | None:
    """No number: "for years" (two or more), "a week", "a fortnight", Russian "неделю"."""
    if lexicon.in_group(words[index], "PLURAL_UNIT"):  # "for years", "meses", "годами"
        return _Amount(2.0, FOREVER / unit.days, index, index)
    article = _in_clause(words, index - 1, index) and lexicon.in_group(words[index - 1], "ARTICLE")
    if not (unit.alone_is_one or article):
        return None
    # The amount starts at its article, so that "less than a month" and Russian "меньше
    # месяца" both find "less" right before it.
    first = index - 1 if article else index
    return None if _counted_per_unit(lexicon, words, first) else _Amount(1.0, 1.0, first, index)


def _counted_per_unit(lexicon: Compiled, words: list[Word], first: int) -> bool:
    """ "10000 steps a day", "3 times a week": a number shortly before a lone unit counts
    something else per unit; the number of another unit does not ("1 month and a week")."""
    for i in range(first - 1, max(-1, first - 4), -1):
        if not _in_clause(words, i, first) or _is_unit(lexicon, words[i]):
            return False
        if _number(lexicon, words[i]):
            return True
    return False


def _closed(
    lexicon: Compiled, words: list[Word], index: int, amount: _Amount, half: float
) -> _Amount:
    """The amount with what closes it after the unit: "a month or two", "a month and a half"."""
    high, last = amount.high, max(index, amount.last)
    upper = _range_after(lexicon, words, last)
    if upper is not None and upper[0] > high:
        high, last = upper
    elif (length := lexicon.group_at(words, last + 1, "AND_HALF")) and _in_clause(
        words, last + 1, index
    ):
        half, last = 0.5, last + length
    return _Amount(amount.low + half, high + half, amount.first, last)


def _range_after(lexicon: Compiled, words: list[Word], end: int) -> tuple[float, int] | None:
    """ "a month or two": the number that closes a range after word `end`, and its word."""
    if not (_in_clause(words, end + 1, end) and lexicon.in_group(words[end + 1], "RANGE")):
        return None
    value = _own_number(lexicon, words, end + 2, end)
    return None if value is None else (value, end + 2)


# --- what bends a part -----------------------------------------------------------------------


def _duration(lexicon: Compiled, words: list[Word], part: _Part) -> Duration | None:
    """The part as the pain's duration, with the words it was read from; None if it is not."""
    if _not_a_duration(lexicon, words, part):
        return None
    bent = _bent(lexicon, words, part)
    return Duration(
        bent.shortest, bent.longest, (words[bent.first].token.start, words[bent.last].token.end)
    )


def _not_a_duration(lexicon: Compiled, words: list[Word], part: _Part) -> bool:
    """An age ("I'm 45", "45 years old"), a date ahead ("in 2 weeks") or how often
    ("twice a year", "cada 2 semanas", "пару раз в год")."""
    age = part.unit.days >= 365 and bool(
        _modifier(lexicon, words, part.first, "AGE_BEFORE")
        or lexicon.group_at(words, part.at + 1, "AGE_AFTER")
    )
    return age or any(_modifier(lexicon, words, part.first, g) for g in ("FUTURE", "RATE"))


def _bent(lexicon: Compiled, words: list[Word], part: _Part) -> _Part:
    """The part after "almost", "less than", "not ... yet", "more than" (or "or more",
    "and a bit" after it) or "about" (before or after it); the words shown back then take
    in those words ("about 3 weeks", "not 6 weeks yet")."""
    shortest, longest, first, last = part.shortest, part.longest, part.first, part.last
    not_yet = _not_yet(lexicon, words, part)
    more_after = _group_after(lexicon, words, last, "MORE_AFTER")
    bit_more = _group_after(lexicon, words, last, "BIT_MORE")
    if length := _modifier(lexicon, words, first, "ALMOST"):  # before LESS: "just under"
        shortest, longest = shortest * 0.8, math.nextafter(longest, 0)
    elif length := _modifier(lexicon, words, first, "LESS"):
        shortest, longest = 0.0, math.nextafter(shortest, 0)
    elif not_yet is not None:
        shortest, longest = 0.0, math.nextafter(shortest, 0)
        first, last = not_yet
    elif (length := _modifier(lexicon, words, first, "MORE")) or more_after:
        longest, last = FOREVER, last + more_after
    elif bit_more:
        longest, last = longest * _BIT_MORE, last + bit_more
    elif (length := _modifier(lexicon, words, first, "ABOUT")) or (
        about_after := _group_after(lexicon, words, last, "ABOUT")
    ):
        # "about 6 weeks", and after it: "6 weeks or so", "seis semanas o por ahí".
        shortest, longest = shortest * (1 - _ABOUT), longest * (1 + _ABOUT)
        last += 0 if length else about_after
    return replace(part, shortest=shortest, longest=longest, first=first - length, last=last)


def _group_after(lexicon: Compiled, words: list[Word], last: int, group: str) -> int:
    """How many words of `group` follow word `last` in its clause ("or more": 2), or 0."""
    return lexicon.group_at(words, last + 1, group) if _in_clause(words, last + 1, last) else 0


def _not_yet(lexicon: Compiled, words: list[Word], part: _Part) -> tuple[int, int] | None:
    """ "not 6 weeks yet", "todavía no hace un mes", "месяца ещё нет": a negation near the
    amount and a word for "yet" in its clause say the amount is not reached; the words
    they span. Read widely on purpose: a wrong upper bound only leaves a long amount
    unsure (asked again), a missed one reads "not 6 weeks yet" as persistent pain."""
    clauses = _yet_clauses(lexicon, words)
    negation = _negation_near(lexicon, words, part, clauses)
    if negation is None:
        return None
    yet = [
        i
        for i, clause in enumerate(clauses)
        if clause == clauses[part.first] and lexicon.in_group(words[i], "YET")
    ]
    if not yet:
        return None
    return min(negation, part.first, *yet), max(negation, part.last, *yet)


def _yet_clauses(lexicon: Compiled, words: list[Word]) -> list[int]:
    """Each word's clause, where a clause that begins with a word for "yet" stays one with
    the clause before: English "yet" also joins clauses ("sore, yet I can walk"), so it
    ends one in "not yet 6 weeks" and "not 6 weeks yet"."""
    joined, clauses = 0, []
    for i, word in enumerate(words):
        if i and word.token.clause != words[i - 1].token.clause and lexicon.in_group(word, "YET"):
            joined += 1
        clauses.append(word.token.clause - joined)
    return clauses


def _negation_near(
    lexicon: Compiled, words: list[Word], part: _Part, clauses: list[int]
) -> int | None:
    """A negation up to three words before the amount, or right after it with only
    words for "yet" between ("6 weeks not yet", "месяца ещё нет")."""
    clause = clauses[part.first]
    for i in range(part.first - 1, max(-1, part.first - 1 - _NEGATION_REACH), -1):
        if clauses[i] == clause and lexicon.in_group(words[i], "NEGATION"):
            return i
    for i in range(part.last + 1, min(len(words), part.last + 3)):
        if clauses[i] != clause:
            return None
        if lexicon.in_group(words[i], "NEGATION"):
            return i
        if not lexicon.in_group(words[i], "YET"):
            return None
    return None


# --- dates -----------------------------------------------------------------------------------


def _dates(lexicon: Compiled, words: list[Word], today: date) -> list[Duration | None]:
    """ "since March", "since Christmas", "since Monday", "since yesterday": the days from
    then until today."""
    return [_date_at(lexicon, words, index, today) for index in range(len(words))]


def _date_at(lexicon: Compiled, words: list[Word], index: int, today: date) -> Duration | None:
    """The days since the date word `index` names, if the message counts from it."""
    days = _since_day(lexicon, words[index])
    day_word = days is not None
    if days is None:
        days = _days_since(lexicon, words[index], today)
    if days is None:
        return None
    anchor = _anchor(lexicon, words, index)
    # A date alone may be the whole answer ("march", "since christmas"); a day word alone
    # says when something happened, not since when: "today it hurts more".
    if anchor is None and (day_word or len(words) > 3):
        return None
    first, last = anchor or (index, index)
    return Duration(days[0], days[1], (words[first].token.start, words[last].token.end))


def _anchor(lexicon: Compiled, words: list[Word], index: int) -> tuple[int, int] | None:
    """The words that make date word `index` the start of the pain, and it: "since" or
    "started" right before it or one word earlier ("since this morning", "started last
    night"), or "started" closing its clause just after it ("сегодня началось", "вчера
    вечером скрутило"; not "today it started hurting more", which is about a change)."""
    for end in (index, index - 1):
        for group in ("SINCE", "START"):
            if end >= 0 and (length := _modifier(lexicon, words, end, group)):
                return end - length, index
    for i in range(index + 1, index + 1 + _START_REACH):
        length = lexicon.group_at(words, i, "START") if _in_clause(words, i, index) else 0
        if length and not _in_clause(words, i + length, index):
            return index, i + length - 1
    return None


def _days_since(lexicon: Compiled, word: Word, today: date) -> tuple[float, float] | None:
    """The days since the date a word names, as a range; None if it names none."""
    for since in (_since_month, _since_holiday, _since_weekday, _since_year):
        days = since(lexicon, word, today)
        if days is not None:
            return days
    return None


def _since_month(lexicon: Compiled, word: Word, today: date) -> tuple[float, float] | None:
    """ "since March": from the end of the last March to its start."""
    month = next((lexicon.months[k] for k in word.keys if k in lexicon.months), None)
    if month is None:
        return None
    begun = date(today.year if month <= today.month else today.year - 1, month, 1)
    ended = (begun.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return float(max(0, (today - ended).days)), float((today - begun).days)


def _since_holiday(lexicon: Compiled, word: Word, today: date) -> tuple[float, float] | None:
    """ "since Christmas": the last one."""
    day = next((lexicon.holidays[k] for k in word.keys if k in lexicon.holidays), None)
    if day is None:
        return None
    then = date(today.year, *day)
    if then > today:
        then = date(today.year - 1, *day)
    days = float((today - then).days)
    return days, days


def _since_weekday(lexicon: Compiled, word: Word, today: date) -> tuple[float, float] | None:
    """ "since Monday": within the last week."""
    return (1.0, 7.0) if any(k in lexicon.weekdays for k in word.keys) else None


def _since_year(lexicon: Compiled, word: Word, today: date) -> tuple[float, float] | None:
    """ "since 2019": from the end of that year to its start."""
    text = word.token.text
    if not (text.isdigit() and len(text) == 4 and 1950 <= int(text) <= today.year):
        return None
    year = int(text)
    return float((today - date(year, 12, 31)).days), float((today - date(year, 1, 1)).days)


def _since_day(lexicon: Compiled, word: Word) -> tuple[float, float] | None:
    """ "since this morning", "since yesterday"."""
    if lexicon.in_group(word, "TODAY"):
        return 0.0, 1.0
    if lexicon.in_group(word, "YESTERDAY"):
        return 1.0, 2.0
    return None
