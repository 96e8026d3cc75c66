"""Callback data: what a button press asks for, in at most 64 bytes.

Each kind of button is one dataclass with a short `prefix` and typed fields; `encode` and
`decode` are derived from those declarations, so adding a button is adding a class. The
data names the assessment and the question it belongs to, so a press on an old message is
recognised as stale instead of being applied to whatever is pending now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from typing import Any, ClassVar

MAX_BYTES = 64  # Telegram's limit for callback_data
_SEPARATOR = ":"
# What a field may hold, by its declared type: ids, identifiers, yes/no.
_FIELD = {
    "int": (re.compile(r"\d{1,19}"), int, str),
    "str": (re.compile(r"[a-z0-9_]{1,32}"), str, str),
    "bool": (re.compile(r"[yn]"), lambda text: text == "y", lambda flag: "y" if flag else "n"),
}


@dataclass(frozen=True, slots=True)
class Action:
    """A button press; subclasses declare `prefix` and their fields."""

    prefix: ClassVar[str] = ""


@dataclass(frozen=True, slots=True)
class AnswerAction(Action):
    prefix: ClassVar[str] = "a"
    assessment_id: int
    question_id: str
    value: str


@dataclass(frozen=True, slots=True)
class BackAction(Action):
    """Back from the pending question `question_id` to the one before it."""

    prefix: ClassVar[str] = "b"
    assessment_id: int
    question_id: str


@dataclass(frozen=True, slots=True)
class WhyAction(Action):
    prefix: ClassVar[str] = "w"
    question_id: str


@dataclass(frozen=True, slots=True)
class ResumeAction(Action):
    prefix: ClassVar[str] = "r"
    assessment_id: int


@dataclass(frozen=True, slots=True)
class StartOverAction(Action):
    prefix: ClassVar[str] = "o"
    assessment_id: int


@dataclass(frozen=True, slots=True)
class NewAssessmentAction(Action):
    prefix: ClassVar[str] = "n"


@dataclass(frozen=True, slots=True)
class SummaryAction(Action):
    prefix: ClassVar[str] = "s"


@dataclass(frozen=True, slots=True)
class MoreAction(Action):
    """ "More about this" under a result."""

    prefix: ClassVar[str] = "i"
    assessment_id: int


@dataclass(frozen=True, slots=True)
class RemindAction(Action):
    """Set the six-week follow-up for a finished assessment."""

    prefix: ClassVar[str] = "m"
    assessment_id: int


@dataclass(frozen=True, slots=True)
class CancelReminderAction(Action):
    prefix: ClassVar[str] = "x"
    reminder_id: int


@dataclass(frozen=True, slots=True)
class FollowUpAction(Action):
    """The answer to a follow-up: is the pain better?"""

    prefix: ClassVar[str] = "f"
    reminder_id: int
    better: bool


@dataclass(frozen=True, slots=True)
class ConfirmEmergencyAction(Action):
    """The answer to "is this happening now?" after typed words that may report `flag`
    (assessment 0: the user had no assessment open)."""

    prefix: ClassVar[str] = "e"
    assessment_id: int
    flag: str
    happening: bool


@dataclass(frozen=True, slots=True)
class LanguageAction(Action):
    prefix: ClassVar[str] = "l"
    code: str


@dataclass(frozen=True, slots=True)
class DeleteAction(Action):
    prefix: ClassVar[str] = "d"
    confirmed: bool


ACTIONS: dict[str, type[Action]] = {kind.prefix: kind for kind in Action.__subclasses__()}


@cache
def _kinds(action: type[Action]) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, str(f.type)) for f in fields(action))


# The same buttons are encoded again with every question shown.
@lru_cache(maxsize=16_384)
def encode(action: Action) -> str:
    parts = [action.prefix]
    for name, kind in _kinds(type(action)):
        pattern, _parse, show = _FIELD[kind]
        text = show(getattr(action, name))  # type: ignore[operator]
        if not pattern.fullmatch(text):
            raise ValueError(f"{type(action).__name__}.{name} cannot hold {text!r}")
        parts.append(text)
    data = _SEPARATOR.join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> Action | None:
    """The action a button's data asks for, or None for anything malformed."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    prefix, *parts = data.split(_SEPARATOR)
    kind = ACTIONS.get(prefix)
    if kind is None:
        return None
    declared = _kinds(kind)
    if len(parts) != len(declared):
        return None
    values: dict[str, Any] = {}
    for (name, type_name), text in zip(declared, parts, strict=True):
        pattern, parse, _show = _FIELD[type_name]
        if not pattern.fullmatch(text):
            return None
        values[name] = parse(text)  # type: ignore[operator]
    return kind(**values)
