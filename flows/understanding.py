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
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "couple of": 2, "a couple of": 2, "half a": 0.5, "a half": 0.5,
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
_YESTERDAY_OR_TODAY = re.compile(r"\b(today|yesterday|this morning|last night|since \w+day)\b")


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
)  # fmt: skip
_NEGATED = re.compile(
    r"\b(no|not|never|don't|dont|do not|haven't|have not|without|nothing like)\b[^.!?]{0,25}$"
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
