"""Callback data: what a button press asks for, encoded in at most 64 bytes.

The data names the assessment and the question it belongs to, so a press on an old
message is recognised as stale instead of being applied to whatever is pending now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64


@dataclass(frozen=True, slots=True)
class AnswerAction:
    assessment_id: int
    question_id: str
    value: str


@dataclass(frozen=True, slots=True)
class BackAction:
    """Back from the pending question `question_id` to the one before it."""

    assessment_id: int
    question_id: str


@dataclass(frozen=True, slots=True)
class WhyAction:
    question_id: str


@dataclass(frozen=True, slots=True)
class ResumeAction:
    assessment_id: int


@dataclass(frozen=True, slots=True)
class StartOverAction:
    assessment_id: int


@dataclass(frozen=True, slots=True)
class NewAssessmentAction:
    pass


@dataclass(frozen=True, slots=True)
class SummaryAction:
    pass


@dataclass(frozen=True, slots=True)
class RemindAction:
    """Set the six-week follow-up for a finished assessment."""

    assessment_id: int


@dataclass(frozen=True, slots=True)
class CancelReminderAction:
    reminder_id: int


@dataclass(frozen=True, slots=True)
class FollowUpAction:
    """The answer to a follow-up: is the pain better?"""

    reminder_id: int
    better: bool


@dataclass(frozen=True, slots=True)
class ConfirmEmergencyAction:
    """The answer to "is this happening now?" after typed words that may report `flag`
    (assessment 0: the user had no assessment open)."""

    assessment_id: int
    flag: str
    happening: bool


@dataclass(frozen=True, slots=True)
class LanguageAction:
    code: str


@dataclass(frozen=True, slots=True)
class DeleteAction:
    confirmed: bool


Action = (
    AnswerAction
    | BackAction
    | WhyAction
    | ResumeAction
    | StartOverAction
    | NewAssessmentAction
    | SummaryAction
    | RemindAction
    | CancelReminderAction
    | FollowUpAction
    | ConfirmEmergencyAction
    | LanguageAction
    | DeleteAction
)

_ANSWER = re.compile(r"^a:(\d{1,19}):([a-z_]{1,32}):([a-z0-9_]{1,16})$")
_BACK = re.compile(r"^b:(\d{1,19}):([a-z_]{1,32})$")
_WHY = re.compile(r"^w:([a-z_]{1,32})$")
_REMIND = re.compile(r"^m:(\d{1,19})$")
_CANCEL_REMINDER = re.compile(r"^x:(\d{1,19})$")
_FOLLOW_UP = re.compile(r"^f:(\d{1,19}):([yn])$")
_CONFIRM = re.compile(r"^e:(\d{1,19}):([a-z_]{1,32}):([yn])$")
_LANGUAGE = re.compile(r"^l:([a-z]{2})$")
_RESUME = re.compile(r"^r:(\d{1,19})$")
_START_OVER = re.compile(r"^o:(\d{1,19})$")


def encode(action: Action) -> str:
    match action:
        case AnswerAction(aid, qid, value):
            data = f"a:{aid}:{qid}:{value}"
        case BackAction(aid, qid):
            data = f"b:{aid}:{qid}"
        case WhyAction(qid):
            data = f"w:{qid}"
        case ResumeAction(aid):
            data = f"r:{aid}"
        case StartOverAction(aid):
            data = f"o:{aid}"
        case NewAssessmentAction():
            data = "n"
        case SummaryAction():
            data = "s"
        case RemindAction(aid):
            data = f"m:{aid}"
        case CancelReminderAction(rid):
            data = f"x:{rid}"
        case LanguageAction(code):
            data = f"l:{code}"
        case ConfirmEmergencyAction(aid, flag, happening):
            data = f"e:{aid}:{flag}:{'y' if happening else 'n'}"
        case FollowUpAction(rid, better):
            data = f"f:{rid}:{'y' if better else 'n'}"
        case DeleteAction(confirmed):
            data = "d:y" if confirmed else "d:n"
    assert len(data.encode()) <= MAX_BYTES, data
    return data


def decode(data: str | None) -> Action | None:
    """The action a button's data asks for, or None for anything malformed."""
    if not data:
        return None
    if match := _ANSWER.match(data):
        return AnswerAction(int(match[1]), match[2], match[3])
    if match := _BACK.match(data):
        return BackAction(int(match[1]), match[2])
    if match := _WHY.match(data):
        return WhyAction(match[1])
    if match := _REMIND.match(data):
        return RemindAction(int(match[1]))
    if match := _CANCEL_REMINDER.match(data):
        return CancelReminderAction(int(match[1]))
    if match := _FOLLOW_UP.match(data):
        return FollowUpAction(int(match[1]), match[2] == "y")
    if match := _CONFIRM.match(data):
        return ConfirmEmergencyAction(int(match[1]), match[2], match[3] == "y")
    if match := _LANGUAGE.match(data):
        return LanguageAction(match[1])
    if match := _RESUME.match(data):
        return ResumeAction(int(match[1]))
    if match := _START_OVER.match(data):
        return StartOverAction(int(match[1]))
    return {
        "n": NewAssessmentAction(),
        "s": SummaryAction(),
        "d:y": DeleteAction(True),
        "d:n": DeleteAction(False),
    }.get(data)
