"""The dialogue as one `transitions` state machine shared by every user.

States are the question ids plus `DONE`. A single trigger, `next`, moves on from the
question just answered; its transitions are listed below in the order they are tried,
with named conditions over the answers. The machine only sequences questions: which
referral a finished assessment gets is `flows.referral.referral(answers)`.

No per-user machine and no long-lived model: each call restores a throw-away model from a
`Snapshot` (what storage keeps), fires the trigger on the shared machine and returns the
new snapshot.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from transitions import Machine

from flows import referral as rules
from flows.questions import (
    NO,
    QUESTIONS,
    QUESTIONS_BY_ID,
    RED_FLAG_IDS,
    RED_FLAGS,
    Question,
    Severity,
)

# Bump whenever a question, an option or a transition changes.
FLOW_VERSION = "5"

DONE = "done"
# Questions are only ever asked in this order (the graph runs forward), so "ahead of the
# pending question" is a comparison of positions.
_QUESTION_ORDER: dict[str, int] = {q.id: i for i, q in enumerate(QUESTIONS)}
FIRST_QUESTION = RED_FLAGS[0].id
STATES: tuple[str, ...] = (*(q.id for q in QUESTIONS), DONE)


def _chain(*ids: str) -> list[dict[str, Any]]:
    return [{"trigger": "next", "source": a, "dest": b} for a, b in itertools.pairwise(ids)]


TRANSITIONS: list[dict[str, Any]] = [
    # Red flags, one after the other; any emergency flag ends the assessment at once.
    {
        "trigger": "next",
        "source": [q.id for q in RED_FLAGS if q.severity is Severity.EMERGENCY],
        "dest": DONE,
        "conditions": "emergency_flag_raised",
    },
    *_chain(*(q.id for q in RED_FLAGS)),
    # After the whole red-flag block: urgent flags end it with the urgent result.
    {
        "trigger": "next",
        "source": RED_FLAGS[-1].id,
        "dest": DONE,
        "conditions": "urgent_flag_raised",
    },
    {"trigger": "next", "source": RED_FLAGS[-1].id, "dest": "age_band"},
    # Contract v3: the age band and the risk factors; under 18 ends with its own referral.
    {"trigger": "next", "source": "age_band", "dest": DONE, "conditions": "under_18"},
    *_chain("age_band", "risk_factors", "duration"),
    # Where and what kind of pain.
    *_chain("duration", "location", "pain_type"),
    # Care already tried: persistent pain only.
    {"trigger": "next", "source": "pain_type", "dest": DONE, "conditions": "acute"},
    {"trigger": "next", "source": "pain_type", "dest": "conservative_tried"},
    {
        "trigger": "next",
        "source": "conservative_tried",
        "dest": "imaging_structural",
        "conditions": "conservative_care_failed",
    },
    {"trigger": "next", "source": "conservative_tried", "dest": DONE},
    {
        "trigger": "next",
        "source": "imaging_structural",
        "dest": "debilitating",
        "conditions": "structural_damage_found",
    },
    {"trigger": "next", "source": "imaging_structural", "dest": DONE},
    {"trigger": "next", "source": "debilitating", "dest": DONE},
    # A typed emergency sign ends the assessment from any question.
    {"trigger": "report_emergency", "source": list(QUESTIONS_BY_ID), "dest": DONE},
]


class _Model:
    """What one trigger needs: the current state and the answers so far."""

    __slots__ = ("answers", "state")

    def __init__(self, state: str, answers: Mapping[str, str]) -> None:
        self.state = state
        self.answers = answers

    def emergency_flag_raised(self) -> bool:
        return bool(rules.emergency_flags(self.answers))

    def urgent_flag_raised(self) -> bool:
        return bool(rules.urgent_flags(self.answers))

    def under_18(self) -> bool:
        return rules.is_under_18(self.answers)

    def acute(self) -> bool:
        return rules.is_acute(self.answers)

    def conservative_care_failed(self) -> bool:
        return rules.conservative_care_failed(self.answers)

    def structural_damage_found(self) -> bool:
        return rules.structural_damage(self.answers) is not None


MACHINE = Machine(
    model=None,
    states=list(STATES),
    transitions=TRANSITIONS,
    initial=FIRST_QUESTION,
    auto_transitions=False,
    send_event=False,
)


def _fire(trigger: str, state: str, answers: Mapping[str, str]) -> str:
    model = _Model(state, answers)
    # Event.trigger on the shared machine: no add_model/remove_model per call, so nothing
    # is bound to or kept for the model once this returns.
    if not MACHINE.events[trigger].trigger(model):
        raise RuntimeError(f"no transition for {trigger!r} from {state!r}")
    return model.state


# --- the public, immutable view ---------------------------------------------------------


# What the user typed behind an answer is kept beside it, under "<question id>:<what>"
# keys: the words ("duration:words") and, for a duration, the days they state. HELD is a
# typed answer to the pending question kept aside while a sign the same message reported
# is dealt with first (contract v3): it becomes the answer once the sign is ruled out.
WORDS, DAYS, HELD = "words", "days", "held"
# Beside a held answer: an urgent red flag the same message reported, asked after it.
THEN_ASK = "then_ask"


def note_key(question_id: str, what: str) -> str:
    return f"{question_id}:{what}"


def _question_of(key: str) -> str:
    return key.partition(":")[0]


class StaleAnswer(ValueError):
    """The answer is for a question that is not the one pending."""


class InvalidAnswer(ValueError):
    """The value is not one of the question's options."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the flow needs to continue an assessment; storage keeps exactly this."""

    state: str = FIRST_QUESTION
    answers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # Question ids in the order they were answered (for Back and for explaining results).
    history: tuple[str, ...] = ()

    @property
    def finished(self) -> bool:
        return self.state == DONE

    @property
    def question(self) -> Question | None:
        return QUESTIONS_BY_ID.get(self.state)

    def with_state(self, state: str) -> Snapshot:
        return Snapshot(state, self.answers, self.history)


def start(known: Mapping[str, str] | None = None) -> Snapshot:
    """A new assessment; `known` answers (never red flags) are used when their question
    comes up instead of asking it."""
    if known and RED_FLAG_IDS & known.keys():
        raise ValueError("red flags are always asked")
    return Snapshot(answers=MappingProxyType(dict(known or {})))


def answer(
    snapshot: Snapshot, question_id: str, value: str, notes: Mapping[str, str] | None = None
) -> Snapshot:
    """Record the answer to the pending question and move to the next state.

    `notes` ({WORDS: "about 3 months", DAYS: "90"}) are kept with a typed answer; a new
    answer to the question replaces them."""
    _check(snapshot, question_id, value)
    answers = _without_question(_unheld(snapshot.answers), question_id)
    answers.update(_entries(question_id, value, notes))
    state = _fire("next", snapshot.state, answers)
    history = (*snapshot.history, question_id)
    # After Back, answers to later questions are still stored: move on through those that
    # are still on the path, so only questions the changed answer made new are asked.
    while (later := QUESTIONS_BY_ID.get(state)) is not None and later.option(
        answers.get(later.id, "")
    ):
        state = _fire("next", state, answers)
        history = (*history, later.id)
    # Answers to questions the path has passed without asking them (a branch the change
    # left) must not count; answers to questions still ahead are kept for later.
    ahead = _QUESTION_ORDER.get(state, len(_QUESTION_ORDER))
    kept = {
        key: v
        for key, v in answers.items()
        if (q := _question_of(key)) in history
        or _QUESTION_ORDER.get(q, -1) >= ahead
        or q == rules.REPORTED_EMERGENCY
    }
    return Snapshot(state, MappingProxyType(kept), history)


@dataclass(frozen=True, slots=True)
class Held:
    """What a message gave beside a possible emergency sign, kept for after the user says
    the sign is not happening: an answer to the pending question (and its notes), and an
    urgent red flag it also reported, to be asked then."""

    value: str | None = None
    notes: Mapping[str, str] = field(default_factory=dict)
    then_ask: str | None = None


def hold(snapshot: Snapshot, question_id: str, kept: Held) -> Snapshot:
    """Keep `kept` aside for the pending question, without moving on."""
    if kept.value is not None:
        _check(snapshot, question_id, kept.value)
    elif snapshot.question is None or snapshot.question.id != question_id:
        raise StaleAnswer(question_id)
    answers = _without_question(snapshot.answers, question_id)
    if kept.value is not None:
        answers.update(_entries(question_id, kept.value, kept.notes, HELD))
    if kept.then_ask is not None:
        answers[note_key(question_id, THEN_ASK)] = kept.then_ask
    return Snapshot(snapshot.state, MappingProxyType(answers), snapshot.history)


def held(snapshot: Snapshot) -> Held | None:
    """What was kept aside for the pending question, if anything."""
    question = snapshot.question
    if question is None:
        return None
    value = snapshot.answers.get(note_key(question.id, HELD))
    then_ask = snapshot.answers.get(note_key(question.id, THEN_ASK))
    usable = value if value is not None and question.option(value) is not None else None
    if usable is None and then_ask not in QUESTIONS_BY_ID:
        return None
    notes = {
        what: text
        for what, text in _notes_of(snapshot.answers, question.id).items()
        if what not in (HELD, THEN_ASK)
    }
    return Held(usable, notes if usable else {}, then_ask if then_ask in QUESTIONS_BY_ID else None)


def _unheld(answers: Mapping[str, str]) -> dict[str, str]:
    """The answers without one held aside, and without its notes: a held answer lives only
    until the next step of the flow."""
    held = {_question_of(k) for k in answers if k.endswith((f":{HELD}", f":{THEN_ASK}"))}
    return {k: v for k, v in answers.items() if not (":" in k and _question_of(k) in held)}


def _without_question(answers: Mapping[str, str], question_id: str) -> dict[str, str]:
    """The answers without the question's own: its value and every note of it."""
    return {k: v for k, v in answers.items() if _question_of(k) != question_id}


def _check(snapshot: Snapshot, question_id: str, value: str) -> None:
    question = snapshot.question
    if question is None or question.id != question_id:
        raise StaleAnswer(question_id)
    if question.option(value) is None:
        raise InvalidAnswer(f"{value!r} is not an option of {question_id!r}")


def _entries(
    question_id: str, value: str, notes: Mapping[str, str] | None, key: str | None = None
) -> dict[str, str]:
    """An answer and its notes as stored: under the question's id, or under `key` of it."""
    entries = {note_key(question_id, key) if key else question_id: value}
    entries.update({note_key(question_id, what): text for what, text in (notes or {}).items()})
    return entries


def back(snapshot: Snapshot) -> Snapshot:
    """Return to the previous question; its answer and later ones stay stored until changed
    (an answer held aside does not: it belonged to the message before)."""
    if snapshot.finished or not snapshot.history:
        raise StaleAnswer("nothing to go back to")
    answers = MappingProxyType(_unheld(snapshot.answers))
    return Snapshot(snapshot.history[-1], answers, snapshot.history[:-1])


def revisit(
    snapshot: Snapshot,
    question_id: str,
    pending: tuple[str, Mapping[str, str]] | None = None,
    forget: Collection[str] = (),
) -> Snapshot:
    """Ask an earlier question again (a red flag the user's typed words point to); every
    answer stays stored, so after it the flow moves on to where it was. `pending` (a value
    and its notes) answers the question that was pending, for the flow to move past; the
    answers to the questions in `forget` (other red flags the same words point to) are
    dropped, so they are asked again on the way."""
    if snapshot.finished or question_id not in snapshot.history:
        raise StaleAnswer(question_id)
    answers = {k: v for k, v in snapshot.answers.items() if _question_of(k) not in forget}
    if pending is not None and (question := snapshot.question) is not None:
        _check(snapshot, question.id, pending[0])
        answers = _without_question(answers, question.id)
        answers.update(_entries(question.id, *pending))
    position = snapshot.history.index(question_id)
    return Snapshot(question_id, MappingProxyType(answers), snapshot.history[:position])


def report_emergency(snapshot: Snapshot, flag_id: str) -> Snapshot:
    """End the assessment because the user typed an emergency sign (`flag_id`)."""
    answers = {**_unheld(snapshot.answers), rules.REPORTED_EMERGENCY: flag_id}
    state = DONE if snapshot.finished else _fire("report_emergency", snapshot.state, answers)
    return Snapshot(state, MappingProxyType(answers), snapshot.history)


def replay(answers: Mapping[str, str], answered_under: str = FLOW_VERSION) -> Snapshot:
    """Walk the current flow from the start, reusing every stored answer that still fits.

    Used when the flow changed under an unfinished assessment, whose answers were given
    under flow version `answered_under`: answers to questions that still exist (with an
    option that still exists) are kept with their typed words, in the current order, and
    the walk stops at the first question without a usable answer, which becomes pending
    (a question new in this version: v3's age band after the red flags). The stored
    answers to questions after it are kept too, so that once it is answered the flow
    moves on through them as after Back. A question whose meaning changed since then is
    asked again first if it was answered "no": the broader question may now be a yes. A
    yes or a not-sure stands, since doubt only ever escalates. The answers after it stay,
    as with `revisit`.
    """
    snapshot = start()
    while (question := snapshot.question) is not None:
        value = answers.get(question.id)
        if value is None or question.option(value) is None:
            break
        snapshot = answer(snapshot, question.id, value, _notes_of(answers, question.id))
    snapshot = _with_answers_ahead(snapshot, answers)
    revised = next(
        (
            position
            for position, question_id in enumerate(snapshot.history)
            if QUESTIONS_BY_ID[question_id].revised > int(answered_under)
            and snapshot.answers[question_id] == NO
        ),
        None,
    )
    if revised is None:
        return snapshot
    question_id = snapshot.history[revised]
    # Its old "no" is not offered back: it answered a narrower question.
    kept = _without_question(snapshot.answers, question_id)
    return Snapshot(question_id, MappingProxyType(kept), snapshot.history[:revised])


def _notes_of(answers: Mapping[str, str], question_id: str) -> dict[str, str]:
    return {
        key.partition(":")[2]: text
        for key, text in answers.items()
        if ":" in key and _question_of(key) == question_id
    }


def _with_answers_ahead(snapshot: Snapshot, stored: Mapping[str, str]) -> Snapshot:
    """`snapshot` with the stored answers (and notes) of the questions after its pending
    one that still have a usable option."""
    if snapshot.finished:
        return snapshot
    ahead = _QUESTION_ORDER[snapshot.state]
    later = [q for q in QUESTIONS[ahead + 1 :] if q.option(stored.get(q.id, "")) is not None]
    if not later:
        return snapshot
    answers = dict(snapshot.answers)
    for question in later:
        answers.update(_entries(question.id, stored[question.id], _notes_of(stored, question.id)))
    return Snapshot(snapshot.state, MappingProxyType(answers), snapshot.history)


# Every condition method of the model, found by introspection so that a condition added
# later cannot be forgotten in the cache key below.
_CONDITIONS: tuple[str, ...] = tuple(
    name for name in vars(_Model) if not name.startswith("_") and name not in _Model.__slots__
)
_remaining_cache: dict[tuple[str, tuple[bool, ...]], int] = {}


def remaining_questions(snapshot: Snapshot) -> int:
    """The most questions still to come on any path from here, the pending one included."""
    return _remaining(snapshot.state, snapshot.answers)


def _remaining(state: str, answers: Mapping[str, str]) -> int:
    # Transitions depend only on the state and the truth of the model's conditions, so the
    # longest path is cached by those; the cache holds at most states x 2**conditions.
    if state == DONE:
        return 0
    model = _Model(state, answers)
    key = (state, tuple(getattr(model, name)() for name in _CONDITIONS))
    if key not in _remaining_cache:
        longest = 0
        for option in QUESTIONS_BY_ID[state].options:
            after = {**answers, state: option.value}
            longest = max(longest, _remaining(_fire("next", state, after), after))
        _remaining_cache[key] = longest + 1
    return _remaining_cache[key]


def progress(snapshot: Snapshot) -> tuple[int, int]:
    """(number of the pending question, total on the longest path still possible)."""
    done = len(snapshot.history)
    if snapshot.finished:
        return done, done
    return done + 1, done + remaining_questions(snapshot)
