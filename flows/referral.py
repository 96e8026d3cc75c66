"""The referral table of `shared/triage-rules.md` section 5, as data.

`referral(answers)` walks `REFERRAL_TABLE` top to bottom and returns the first row whose
condition holds. The facts the conditions use are the small functions above the table,
which the dialogue machine (`flows/machine.py`) uses too, so both always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from flows.i18n import N_
from flows.questions import (
    ACUTE_RANGES,
    DEFORMITY,
    DISC_OR_STENOSIS,
    HIP_JOINT,
    MECHANICAL,
    NO_DAMAGE,
    NONSPECIFIC,
    PERSISTENT,
    RADICULAR,
    RED_FLAGS,
    UNSURE,
    YES,
    Question,
    Severity,
)

Answers = Mapping[str, str]

# Set when the user types an emergency sign instead of answering; its value is the flag id.
REPORTED_EMERGENCY = "reported_emergency"


class Urgency(StrEnum):
    """How soon to act, most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    ROUTINE = "routine"


# --- facts -------------------------------------------------------------------------------


def emergency_flags(answers: Answers) -> list[Question]:
    """Emergency red flags answered yes, or reported in typed text."""
    reported = answers.get(REPORTED_EMERGENCY)
    return [
        q
        for q in RED_FLAGS
        if q.severity is Severity.EMERGENCY and (answers.get(q.id) == YES or q.id == reported)
    ]


def urgent_flags(answers: Answers) -> list[Question]:
    """Red flags that call for care today.

    "Not sure" counts as yes for urgent flags, and lifts an emergency flag to at least
    urgent: doubt escalates, never the reverse.
    """
    return [
        q
        for q in RED_FLAGS
        if (q.severity is Severity.URGENT and answers.get(q.id) in (YES, UNSURE))
        or (q.severity is Severity.EMERGENCY and answers.get(q.id) == UNSURE)
    ]


def is_acute(answers: Answers) -> bool:
    return answers.get("duration") in ACUTE_RANGES


def is_persistent(answers: Answers) -> bool:
    return answers.get("duration") == PERSISTENT


def conservative_care_failed(answers: Answers) -> bool:
    return answers.get("conservative_tried") == YES


def structural_damage(answers: Answers) -> str | None:
    """The kind of significant damage imaging showed, or None."""
    found = answers.get("imaging_structural")
    return None if found in (None, NO_DAMAGE) else found


def debilitating_damage(answers: Answers, kind: str) -> bool:
    """Conservative care failed and imaging showed `kind` of damage that limits daily life."""
    return (
        conservative_care_failed(answers)
        and structural_damage(answers) == kind
        and answers.get("debilitating") == YES
    )


def _persistent_untreated(pain_type: str) -> Callable[[Answers], bool]:
    return lambda a: (
        is_persistent(a) and a.get("conservative_tried") == "no" and a.get("pain_type") == pain_type
    )


# --- the table ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Referral:
    """One row of the referral table: who to see, how soon, and what they do."""

    row: str
    urgency: Urgency
    headline: str  # the first line of the result: the clinician and the urgency
    clinician_does: str
    meanwhile: str
    # Questions whose answers explain this row (red-flag rows explain with the flags).
    because_of: tuple[str, ...] = ()
    # Offer to ask again when the pain reaches six weeks (flows/followup.py).
    follow_up: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    referral: Referral
    applies: Callable[[Answers], bool]


_ASK_PCP = N_(
    "Ask your primary care doctor for the referral; they usually write it. "
    "Keep as active as the pain allows."
)

REFERRAL_TABLE: tuple[Rule, ...] = (
    Rule(
        Referral(
            "R1",
            Urgency.EMERGENCY,
            N_("Emergency: go to the emergency department now, or call emergency services."),
            N_(
                "The emergency team can check straight away for serious damage to the nerves "
                "or the spine and start treatment at once."
            ),
            N_("Go now. Do not wait to see whether it gets better."),
        ),
        lambda a: bool(emergency_flags(a)),
    ),
    Rule(
        Referral(
            "R2",
            Urgency.URGENT,
            N_("Urgent: see a doctor today."),
            N_(
                "Go to urgent care or an emergency department, or get a same-day appointment "
                "with your primary care doctor. A doctor needs to look for a serious cause today."
            ),
            N_(
                "If any of the emergency signs below appears, go to the emergency department "
                "at once."
            ),
        ),
        lambda a: bool(urgent_flags(a)),
    ),
    Rule(
        Referral(
            "R3",
            Urgency.ROUTINE,
            N_("See your primary care doctor (family doctor or GP): a routine appointment."),
            N_(
                "They examine you and ask about your health to find the likely cause, then "
                "usually start with simple care: staying active, and medicines such as "
                "anti-inflammatories or muscle relaxants if they think these suit you. Scans "
                "are usually not needed for pain this recent, because most of it settles "
                "within a few weeks."
            ),
            N_(
                "Keep as active as the pain allows. If it is not better once it has lasted "
                "6 weeks, go back: that is when a specialist is usually considered."
            ),
            ("duration",),
            follow_up=True,
        ),
        is_acute,
    ),
    Rule(
        Referral(
            "R4",
            Urgency.ROUTINE,
            N_(
                "See a physiatrist (a PM&R doctor), through your primary care doctor: "
                "a routine appointment."
            ),
            N_(
                "Physiatrists treat nerve, muscle and joint problems without surgery. For "
                "nerve-type pain they can test how your nerves work (for example with an EMG) "
                "and build a rehabilitation plan."
            ),
            _ASK_PCP,
            ("duration", "conservative_tried", "pain_type"),
        ),
        _persistent_untreated(RADICULAR),
    ),
    Rule(
        Referral(
            "R5",
            Urgency.ROUTINE,
            N_("See a physical therapist: a routine appointment."),
            N_(
                "A physical therapist builds strength, flexibility, posture and core stability "
                "with exercises, to ease the pain and keep it from coming back. For "
                "movement-related pain a chiropractor, who works with hands-on spinal "
                "manipulation, is another option."
            ),
            N_("Keep as active as the pain allows."),
            ("duration", "conservative_tried", "pain_type"),
        ),
        _persistent_untreated(MECHANICAL),
    ),
    Rule(
        Referral(
            "R6",
            Urgency.ROUTINE,
            N_("See a physiatrist (a PM&R doctor): a routine appointment."),
            N_(
                "Physiatrists treat back and hip problems without surgery. They draw up a "
                "rehabilitation plan, usually together with physical therapy."
            ),
            _ASK_PCP,
            ("duration", "conservative_tried", "pain_type"),
        ),
        _persistent_untreated(NONSPECIFIC),
    ),
    Rule(
        Referral(
            "R7",
            Urgency.SOON,
            N_("See an orthopedic surgeon soon."),
            N_(
                "Orthopedic surgeons treat bones and joints, including replacing a badly "
                "damaged hip joint."
            ),
            _ASK_PCP,
            ("conservative_tried", "imaging_structural", "debilitating"),
        ),
        lambda a: debilitating_damage(a, HIP_JOINT),
    ),
    Rule(
        Referral(
            "R8",
            Urgency.SOON,
            N_("See an orthopedic spine surgeon soon."),
            N_(
                "Orthopedic spine surgeons correct structural problems of the spine, for "
                "example with spinal fusion or by straightening a deformity."
            ),
            _ASK_PCP,
            ("conservative_tried", "imaging_structural", "debilitating"),
        ),
        lambda a: debilitating_damage(a, DEFORMITY),
    ),
    Rule(
        Referral(
            "R9",
            Urgency.SOON,
            N_("See a spine surgeon soon: a neurosurgeon or an orthopedic spine surgeon."),
            N_(
                "Both kinds of surgeon operate on herniated discs and spinal stenosis. "
                "Neurosurgeons focus more on the delicate nerves; many spine surgeons from "
                "either field have extra training for exactly these problems."
            ),
            _ASK_PCP,
            ("conservative_tried", "imaging_structural", "debilitating"),
        ),
        lambda a: debilitating_damage(a, DISC_OR_STENOSIS),
    ),
    Rule(
        Referral(
            "R10",
            Urgency.ROUTINE,
            N_("See a pain management specialist: a routine appointment."),
            N_(
                "Pain management specialists use small procedures guided by imaging: steroid "
                "injections near the spine (epidural) for inflamed nerves, facet joint "
                "injections for arthritis, and radiofrequency ablation to quiet pain signals "
                "for a while."
            ),
            _ASK_PCP,
            ("conservative_tried", "imaging_structural", "debilitating"),
        ),
        conservative_care_failed,
    ),
)

REFERRALS_BY_ROW: dict[str, Referral] = {r.referral.row: r.referral for r in REFERRAL_TABLE}


class IncompleteAnswers(ValueError):
    """The answers do not yet decide a referral."""


def referral(answers: Answers) -> Referral:
    """The first row of the table that the answers match."""
    for rule in REFERRAL_TABLE:
        if rule.applies(answers):
            return rule.referral
    raise IncompleteAnswers("no referral row matches these answers")
