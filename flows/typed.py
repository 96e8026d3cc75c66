"""What the bot does with a typed message: the flow's decision on a `Reading`.

Contract v2, section 1: a clear emergency sign ends the assessment; a possible one is
confirmed with one tap; an urgent sign is never taken as the answer to another question,
the bot asks that red flag; a duration is recorded only when it falls on one side of six
weeks for sure. The console and Telegram both act on these decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from flows.questions import (
    AGE_BAND,
    NO,
    QUESTIONS,
    RED_FLAGS,
    RISK_FACTORS,
    SIX_WEEKS_DAYS,
    YES,
    Question,
    Severity,
    age_band,
    duration_option,
)
from flows.understanding import Certainty, Duration, Reading, Sign, understand
from flows.understanding.text import normalise

_SEVERITY = {q.id: q.severity for q in RED_FLAGS}
# Signs that are never taken as the answer to another question: the bot asks their own
# question (contract v2: the urgent red flags; v3: the risk factors).
_ASKED_WHEN_MENTIONED = frozenset(
    {q.id for q in RED_FLAGS if q.severity is Severity.URGENT} | {RISK_FACTORS.id}
)
_ASKING_ORDER = {q.id: i for i, q in enumerate(QUESTIONS)}


class Outcome(StrEnum):
    EMERGENCY = "emergency"  # end now with the emergency result
    CONFIRM_EMERGENCY = "confirm_emergency"  # ask "is this happening now?" first
    ASK_RED_FLAG = "ask_red_flag"  # an urgent sign: ask that red flag
    ANSWER = "answer"  # record `value` for the pending question
    ASK_AGAIN = "ask_again"  # a duration that could not be read for sure
    QUESTION = "question"  # the user asks about a sign ("what counts as a bad fall?")
    NOT_UNDERSTOOD = "not_understood"


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    flag: str | None = None  # the red flag concerned
    value: str | None = None  # the option to record
    words: str | None = None  # the user's words behind it, shown back and kept
    days: float | None = None  # a typed duration: the shortest it can mean
    # A sign comes first (v3: the message is read whole): the answer to the pending
    # question the same message also gives, kept for after the sign is dealt with.
    held: Decision | None = None
    # Beside a possible emergency: an urgent red flag the message also reports, asked once
    # the user says the emergency is not happening ("I slipped, and I've had a fever").
    then_ask: str | None = None
    # With ASK_RED_FLAG: the other urgent red flags the message reports, asked again too.
    also: tuple[str, ...] = ()


def decide(reading: Reading, question: Question) -> Decision:
    """What the message leads to: an emergency sign first, then a topic of one, then an
    urgent sign, each keeping the answer the message also gives; then the answer."""
    answer = _answer(reading, question)
    held = answer if answer.outcome is Outcome.ANSWER and _holdable(reading, question) else None
    urgent = _in_asking_order([s for s in reading.signs if s.flag in _ASKED_WHEN_MENTIONED])
    emergency = _emergency(reading)
    if emergency is not None:
        then_ask = next((s.flag for s in urgent if s.flag != question.id), None)
        return replace(emergency, held=held, then_ask=then_ask)
    if answer.value == YES and _SEVERITY.get(question.id) is Severity.EMERGENCY:
        # A typed yes to an emergency question is a report in words: confirmed like one.
        return Decision(Outcome.CONFIRM_EMERGENCY, question.id, words=answer.words)
    own = next((s for s in urgent if s.flag == question.id), None)
    if own is not None:
        return Decision(Outcome.ANSWER, own.flag, YES, reading.words(own.span))
    if urgent:
        sign, *others = urgent
        return Decision(
            Outcome.ASK_RED_FLAG,
            sign.flag,
            words=reading.words(sign.span),
            held=held,
            also=tuple(s.flag for s in others),
        )
    if reading.asked and answer.outcome is Outcome.NOT_UNDERSTOOD:
        return Decision(Outcome.QUESTION)
    return answer


def _holdable(reading: Reading, question: Question) -> bool:
    """Whether the answer a message gives may be kept beside a sign it also reports. At a
    red flag only a scoped "no" to that very flag may ("no fever, but I lost weight"): a
    yes or a no beside a sign is about the sign ("yes, I leak when I sneeze"), so the
    question is asked again once the sign is dealt with."""
    return question.id not in _SEVERITY or question.id in reading.denied


def _emergency(reading: Reading) -> Decision | None:
    """The clearest emergency sign, else a touched emergency topic, as a decision."""
    signs = [s for s in reading.signs if _SEVERITY.get(s.flag) is Severity.EMERGENCY]
    signs.sort(key=lambda s: s.certainty is not Certainty.CLEAR)
    sign = next(iter(signs), None) or next(iter(_in_asking_order(list(reading.touched))), None)
    if sign is None:
        return None
    clear = sign.certainty is Certainty.CLEAR
    outcome = Outcome.EMERGENCY if clear else Outcome.CONFIRM_EMERGENCY
    return Decision(outcome, sign.flag, words=reading.words(sign.span))


def _answer(reading: Reading, question: Question) -> Decision:
    """The message as an answer to the pending question alone. At a red flag, a typed
    "yes" or "no" counts only when the message is about no other red flag: in "no fever"
    or "yes, 38.7" it answers something else."""
    if question.id in reading.denied:
        return Decision(Outcome.ANSWER, question.id, NO, reading.text)
    others = {s.flag for s in (*reading.signs, *reading.touched)} | set(reading.denied)
    if question.id in _SEVERITY and others - {question.id}:
        return Decision(Outcome.NOT_UNDERSTOOD)
    if reading.answer is not None:
        return Decision(Outcome.ANSWER, value=reading.answer, words=reading.text)
    if question.id == AGE_BAND.id and reading.age is not None:
        return Decision(Outcome.ANSWER, value=age_band(reading.age), words=reading.text)
    if question.id == "duration" and reading.duration is not None:
        return _duration(reading, reading.duration)
    return Decision(Outcome.NOT_UNDERSTOOD)


def _duration(reading: Reading, duration: Duration) -> Decision:
    """A duration on one side of six weeks for sure is recorded; otherwise asked again.

    A span with two ends ("about a month": 26 to 35 days) is shown as the option its
    middle falls in (4 to 6 weeks); an open one ("less than 6 weeks") as its shortest.
    The days kept for the follow-up are always the fewest it can mean."""
    words = reading.words(duration.span)
    shortest, longest = duration.shortest, duration.longest
    if not duration.sure or (shortest >= SIX_WEEKS_DAYS) != (longest >= SIX_WEEKS_DAYS):
        return Decision(Outcome.ASK_AGAIN, words=words)
    acute_span = shortest > 0 and longest < SIX_WEEKS_DAYS
    value = duration_option((shortest + longest) / 2 if acute_span else shortest)
    return Decision(Outcome.ANSWER, value=value, words=words, days=shortest)


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
