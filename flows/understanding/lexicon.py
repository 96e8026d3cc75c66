"""The shape of a language's words for reading typed messages.

Each language fills one `Lexicon` in `flows/understanding/lexicons/<code>.py`. Words are
written as their dictionary form (lemma): the language's lemmatiser maps every inflection
onto it, so "lost", "losing" and "loses" all match "lose". Patterns are short strings read
left to right:

- `CAPS` names a word group of the lexicon (`groups`), `lower` is one word;
- `a|b` is either word; `_` (inside a group entry) joins words that must be adjacent;
- consecutive slots may be up to `gap` words apart (3 unless the pattern says otherwise).

Sign patterns report the sign itself ("CANT pee"), never its absence: negation, other
people and the long past are found around a match by the reader, from the groups named
`NEGATION`, `BRIDGE`, `OTHER_PERSON`, `FIRST_PERSON`, `LONG_AGO`, `UNCHANGED` and `HEDGE`;
topics also by `FUNCTION` (a negated function is the sign: "don't feel my legs"),
`PROBLEM` ("no problems peeing" is a no), `FINE` ("legs are fine") and `QUESTION_WORD`
("what counts as a bad fall?" asks, it does not report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Certainty(StrEnum):
    """How sure a reading is that a sign was reported."""

    CLEAR = "clear"  # plain words about oneself, now: act on it
    POSSIBLE = "possible"  # slang, a typo, the past, a hedge: confirm with one tap


@dataclass(frozen=True, slots=True)
class SignPattern:
    flag: str  # a red-flag question id
    pattern: str
    certainty: Certainty = Certainty.CLEAR
    gap: int = 3


@dataclass(frozen=True, slots=True)
class Unit:
    """A duration unit: its length in days, and whether it counts one without a number
    ("a fortnight", Russian "неделю", "полгода")."""

    days: float
    alone_is_one: bool = False


# eq=False: hashed by identity, so the parsed form of each lexicon can be cached.
@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    code: str
    # Word groups by name; each entry is a word or adjacent words joined by "_".
    groups: dict[str, tuple[str, ...]]
    signs: tuple[SignPattern, ...]
    # What each emergency sign is about (contract v3): the body function, body part or
    # event ("bladder", "legs CANT feel", "crash"). A message that touches one, and is not
    # a clear "no" about it, is confirmed with one tap where no sign pattern matched.
    topics: tuple[SignPattern, ...] = ()
    # Phrases that contain sign words but are not signs ("can't stand this pain"): their
    # words are set aside before signs are looked for.
    idioms: tuple[str, ...] = ()
    # Durations.
    units: dict[str, Unit] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    # Months by number (1-12), and fixed dates people count from ("since Christmas").
    months: dict[str, int] = field(default_factory=dict)
    holidays: dict[str, tuple[int, int]] = field(default_factory=dict)
    weekdays: tuple[str, ...] = ()
    # A number after its unit ("weeks 3") is that many; in Russian the order itself says
    # "about" ("недели две", "дней 10"), and after the unit's dictionary form the number
    # closes a range ("месяц-два": one or two months).
    inverted_is_about: bool = False
    # A direct answer: option value -> patterns, per question id ("*" for every yes/no one).
    answers: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Words that end one clause and begin the next ("but", "pero", "но").
    clause_breaks: tuple[str, ...] = ()
    # Latin scripts fold accents ("caí" = "cai"); Cyrillic must keep "й".
    fold_accents: bool = False
