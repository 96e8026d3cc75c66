"""Understanding typed text: durations, emergency signs, and typed option labels.

Plain functions over strings, no network and no model. They err towards safety: a
message that plausibly reports an emergency sign is treated as one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from flows.questions import ACUTE_RANGES, PERSISTENT, Question

PERSISTENT_AFTER_DAYS = 42  # six weeks

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNITS = {
    "d": "day", "day": "day", "days": "day",
    "w": "week", "wk": "week", "wks": "week", "week": "week", "weeks": "week",
    "m": "month", "mo": "month", "mos": "month", "month": "month", "months": "month",
    "y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year",
    # Spanish
    "día": "day", "días": "day", "dia": "day", "dias": "day",
    "semana": "week", "semanas": "week", "mes": "month", "meses": "month",
    "año": "year", "años": "year",
    # Russian
    "день": "day", "дня": "day", "дней": "day", "дн": "day",
    "неделя": "week", "недели": "week", "недель": "week", "неделю": "week", "нед": "week",
    "месяц": "month", "месяца": "month", "месяцев": "month", "мес": "month",
    "год": "year", "года": "year", "лет": "year",
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "couple of": 2, "a couple of": 2, "half a": 0.5, "a half": 0.5,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "un par de": 2, "medio": 0.5,
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "пару": 2, "полтора": 1.5,
    "полторы": 1.5,
}  # fmt: skip
_NUMBER = (
    r"\b(?P<n>\d+(?:[.,]\d+)?|"
    + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
    + ")"
)
_DURATION = re.compile(
    _NUMBER
    + r"\s*(?:-|to|or)?\s*(?:\d+\s*)?(?P<unit>"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\b"
)
_YESTERDAY_OR_TODAY = re.compile(
    r"\b(today|yesterday|this morning|last night|since \w+day|hoy|ayer|anoche|сегодня|вчера)\b"
)
_HALF_A_YEAR = re.compile(r"\b(полгода|medio año)\b")


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    return " ".join(text.split())


def duration_in_days(text: str) -> float | None:
    """How many days a typed duration means ("3 weeks" -> 21), or None if it is not one.

    A range ("2-3 months") counts by its first number; the choice only decides acute
    versus persistent, and the six-week line is far from most ranges people type.
    """
    text = normalise(text)
    if _HALF_A_YEAR.search(text):
        return 182
    match = _DURATION.search(text)
    if match is None:
        return 0.5 if _YESTERDAY_OR_TODAY.search(text) else None
    raw = match.group("n")
    amount = _NUMBER_WORDS.get(raw) or float(raw.replace(",", "."))
    return amount * _UNIT_DAYS[_UNITS[match.group("unit")]]


def duration_answer(text: str) -> str | None:
    """The `duration` option a typed duration means, or None."""
    days = duration_in_days(text)
    if days is None:
        return None
    if days >= PERSISTENT_AFTER_DAYS:
        return PERSISTENT
    return next(value for value, (_, upper) in ACUTE_RANGES.items() if days < upper)


# Each pattern reports the sign itself, not its absence: "I can't control my bladder"
# matches, "no bladder problems" does not. Negated forms are handled by `_NEGATED`.
_BLADDER = r"(bladder|bowel|bowels|pee|urine|urinate|poo|poop|stool|toilet)"
_EMERGENCY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bowel_bladder", re.compile(
        r"(can ?not|can't|cant|unable to|lost|losing|loss of|no) (control|hold)\w*"
        r"( (of|over))?( my)? " + _BLADDER
    )),
    ("bowel_bladder", re.compile(
        r"(can ?not|can't|cant|unable to|couldn't|could not) (pee|urinate|pass urine|pass water)"
    )),
    ("bowel_bladder", re.compile(r"\b(wet|soiled|peed|pooped) (myself|my pants|the bed)")),
    ("bowel_bladder", re.compile(r"\bincontinen")),
    ("bowel_bladder", re.compile(r"\bnumb\w*\b.{0,30}\b(groin|saddle|buttock|bum|genital|crotch)")),
    ("bowel_bladder", re.compile(r"\b(groin|saddle|buttock|bum|genital|crotch)\w*\b.{0,20}\bnumb")),
    ("leg_weakness", re.compile(r"\blegs? (gave|give|giving|gives) (way|out)")),
    ("leg_weakness", re.compile(
        r"(can ?not|can't|cant|unable to|couldn't|could not) (stand|walk|bear weight|"
        r"put (any )?weight|move my legs?|feel my legs?)"
    )),
    ("leg_weakness", re.compile(r"\b(sudden\w*|very) weak\w* (in )?(my |both )?legs?")),
    ("leg_weakness", re.compile(
        r"\blegs? (are |is |went |have gone |suddenly )*(weak|paralys|numb)"
    )),
    ("trauma", re.compile(r"\b(car|motorbike|motorcycle|bike|traffic|road) (accident|crash)")),
    ("trauma", re.compile(r"\b(was|got) hit by a (car|truck|bus)")),
    ("trauma", re.compile(r"\bfell (off|from|down) (a |the )?(ladder|roof|stairs|horse|height)")),
    # Spanish
    ("bowel_bladder", re.compile(
        r"(no puedo|no consigo|perd[ií]|pierdo|sin) (el )?control\w*( de)? (la |el |los )?"
        r"(vejiga|intestino|orina|esf[ií]nter|heces)"
    )),
    ("bowel_bladder", re.compile(r"no (puedo|consigo) (orinar|hacer pis|mear)")),
    ("bowel_bladder", re.compile(r"\bme (hice|he hecho|orin[eé]) (pis |caca )?encima")),
    ("bowel_bladder", re.compile(r"\bincontinencia")),
    ("bowel_bladder", re.compile(
        r"\b(adormecid|dormid|entumecid)\w*.{0,30}(ingle|nalga|entrepierna|gl[uú]teo)"
    )),
    ("bowel_bladder", re.compile(
        r"(ingle|nalga|entrepierna|gl[uú]teo)\w*.{0,20}(adormecid|dormid|entumecid)"
    )),
    ("leg_weakness", re.compile(
        r"\b(las piernas|la pierna) (me )?(fallaron|fallan|cedieron|no me sostienen)"
    )),
    ("leg_weakness", re.compile(
        r"no (puedo|consigo) (caminar|andar|estar de pie|ponerme de pie|apoyar)"
    )),
    ("trauma", re.compile(r"\baccidente de (coche|tr[aá]fico|moto|auto)")),
    # Russian
    ("bowel_bladder", re.compile(
        r"не (могу|получается) (контролировать|удержать|удерживать) (мочу|мочевой|кишечник|стул)"
    )),
    ("bowel_bladder", re.compile(r"не (могу|получается) (помочиться|пописать|сходить в туалет)")),
    ("bowel_bladder", re.compile(r"\bнедержани")),
    ("bowel_bladder", re.compile(r"онеме\w*.{0,30}(пах|ягодиц|промежност)")),
    ("bowel_bladder", re.compile(r"(пах|ягодиц|промежност)\w*.{0,20}онеме")),
    ("leg_weakness", re.compile(
        r"\bноги (подкосились|подкашиваются|отказали|отказывают|не держат)"
    )),
    ("leg_weakness", re.compile(r"не (могу|получается) (стоять|ходить|встать|наступить)")),
    ("trauma", re.compile(r"\b(авари|дтп)")),
)  # fmt: skip
_NEGATED = re.compile(
    r"\b(no|not|never|don't|dont|do not|haven't|have not|without|nothing like"
    r"|sin|nunca|no tengo|нет|не|без|никогда)\b[^.!?]{0,25}$"
)


def emergency_sign(text: str) -> str | None:
    """The id of the emergency red flag a message reports, or None."""
    text = normalise(text)
    for flag_id, pattern in _EMERGENCY_PATTERNS:
        for match in pattern.finditer(text):
            # "I don't have any incontinence" is not a report; "I can't pee" is, even
            # though "can't" is itself a negation (it sits inside the match).
            if not _NEGATED.search(text[: match.start()]):
                return flag_id
    return None


def typed_option(
    question: Question, text: str, translate: Callable[[str], str] = str
) -> str | None:
    """The option value a typed answer names exactly ("yes", "Not sure"), or None.

    `translate` gives an option label in the user's language, which is accepted too.
    """
    text = normalise(text).strip(" .!")
    for option in question.options:
        if text in (normalise(option.label), normalise(translate(option.label)), option.value):
            return option.value
    if question.id == "duration":
        return duration_answer(text)
    return None
