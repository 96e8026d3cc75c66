"""What the bot does with a typed message: the flow's decision on a `Reading`.

Contract v2, section 1: a clear emergency sign ends the assessment; a possible one is
confirmed with one tap; an urgent sign is never taken as the answer to another question,
the bot asks that red flag; a duration is recorded only when it falls on one side of six
weeks for sure. The console and Telegram both act on these decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from flows.questions import (
    NO,
    RED_FLAGS,
    SIX_WEEKS_DAYS,
    YES,
    Question,
    Severity,
    duration_option,
)
from flows.understanding import Certainty, Reading, Sign, understand
from flows.understanding.text import normalise

_SEVERITY = {q.id: q.severity for q in RED_FLAGS}
_ASKING_ORDER = {q.id: i for i, q in enumerate(RED_FLAGS)}


class Outcome(StrEnum):
    EMERGENCY = "emergency"  # end now with the emergency result
    CONFIRM_EMERGENCY = "confirm_emergency"  # ask "is this happening now?" first
    ASK_RED_FLAG = "ask_red_flag"  # an urgent sign: ask that red flag
    ANSWER = "answer"  # record `value` for the pending question
    ASK_AGAIN = "ask_again"  # a duration that could not be read for sure
    NOT_UNDERSTOOD = "not_understood"


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    flag: str | None = None  # the red flag concerned
    value: str | None = None  # the option to record
    words: str | None = None  # the user's words behind it, shown back and kept
    days: float | None = None  # a typed duration: the shortest it can mean


def decide(reading: Reading, question: Question) -> Decision:
    by_severity = {
        severity: [s for s in reading.signs if _SEVERITY[s.flag] is severity]
        for severity in Severity
    }
    emergencies = sorted(by_severity[Severity.EMERGENCY], key=lambda s: s.certainty != "clear")
    if emergencies:
        sign = emergencies[0]
        if sign.certainty is Certainty.CLEAR:
            return Decision(Outcome.EMERGENCY, sign.flag, words=reading.words(sign.span))
        return Decision(Outcome.CONFIRM_EMERGENCY, sign.flag, words=reading.words(sign.span))
    for sign in by_severity[Severity.URGENT]:
        if sign.flag == question.id:
            return Decision(Outcome.ANSWER, sign.flag, YES, reading.words(sign.span))
    if by_severity[Severity.URGENT]:
        sign = _in_asking_order(by_severity[Severity.URGENT])[0]
        return Decision(Outcome.ASK_RED_FLAG, sign.flag, words=reading.words(sign.span))
    if question.id in reading.denied:
        return Decision(Outcome.ANSWER, question.id, NO, reading.text)
    if reading.answer is not None:
        return Decision(Outcome.ANSWER, value=reading.answer, words=reading.text)
    if question.id == "duration" and reading.duration is not None:
        duration = reading.duration
        sides = {duration.shortest >= SIX_WEEKS_DAYS, duration.longest >= SIX_WEEKS_DAYS}
        if not duration.sure or len(sides) > 1:
            return Decision(Outcome.ASK_AGAIN, words=reading.words(duration.span))
        return Decision(
            Outcome.ANSWER,
            value=duration_option(duration.shortest),
            words=reading.words(duration.span),
            days=duration.shortest,
        )
    return Decision(Outcome.NOT_UNDERSTOOD)


def _in_asking_order(signs: list[Sign]) -> list[Sign]:
    return sorted(signs, key=lambda s: _ASKING_ORDER[s.flag])


def read(text: str, language: str, question: Question, today: date | None = None) -> Decision:
    """`decide` on the reading of `text` at `question`."""
    options = tuple(o.value for o in question.options)
    return decide(understand(text, language, question.id, options, today), question)


def option_named(
    question: Question, text: str, translate: Callable[[str], str] = str
) -> str | None:
    """The option whose label the message repeats exactly ("Yes", "4 to 6 weeks"), in
    English or translated by `translate`, or None."""
    typed = normalise(text).strip(" .!")
    for option in question.options:
        if typed in (normalise(option.label), normalise(translate(option.label)), option.value):
            return option.value
    return None
