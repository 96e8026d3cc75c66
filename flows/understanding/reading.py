"""What the reader found in one typed message: plain data, no decisions."""

from __future__ import annotations

from dataclasses import dataclass

from flows.understanding.lexicon import Certainty

Span = tuple[int, int]  # start and end offsets in `Reading.text`


@dataclass(frozen=True, slots=True)
class Sign:
    """A red flag the message reports about the writer."""

    flag: str
    certainty: Certainty
    span: Span


@dataclass(frozen=True, slots=True)
class Duration:
    """How long the pain has lasted, as a range of days (equal ends for an exact figure)."""

    shortest: float
    longest: float
    span: Span
    # False when the message gives more than one duration and they disagree.
    sure: bool = True


@dataclass(frozen=True, slots=True)
class Reading:
    text: str  # the message as the reader saw it (normalised); spans index into it
    signs: tuple[Sign, ...] = ()
    # Red flags the message mentions and denies ("no fever"): an answer "no" to that flag.
    denied: tuple[str, ...] = ()
    duration: Duration | None = None
    answer: str | None = None  # an option value of the pending question
    # Emergency flags whose topic the message touches without a sign pattern matching
    # ("my bladder control has gone"): possible, never clear (contract v3).
    touched: tuple[Sign, ...] = ()
    # The message asks about a sign ("what counts as a bad fall?") and reports none.
    asked: bool = False
    # An age in years, read only at the age question ("I'm 52", "мне 60").
    age: int | None = None

    def words(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    @property
    def understood(self) -> bool:
        return bool(
            self.signs or self.denied or self.duration or self.answer or self.touched or self.age
        )
