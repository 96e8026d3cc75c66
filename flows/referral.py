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
    OVER_50,
    PERSISTENT,
    RADICULAR,
    RED_FLAGS,
    UNDER_18,
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


def is_under_18(answers: Answers) -> bool:
    return answers.get("age_band") == UNDER_18


def older_with_new_pain(answers: Answers) -> bool:
    """50 or over with acute pain: the age is a risk factor only then (section 1a)."""
    return answers.get("age_band") == OVER_50 and is_acute(answers)


def risk_factor_given(answers: Answers) -> bool:
    """Contract v3, section 1a: a risk factor answered yes or not sure, or an age of 50 or
    over with acute pain: a fracture, an infection or a tumor is more likely."""
    return answers.get("risk_factors") in (YES, UNSURE) or older_with_new_pain(answers)


def needs_ruling_out(answers: Answers) -> bool:
    """R12: a risk factor, unless conservative care already failed (the pain has then
    been examined, and rows R7-R10 stand)."""
    return risk_factor_given(answers) and not conservative_care_failed(answers)


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
    """One row of the referral table: who to see, how soon, why and what happens there.

    Texts may hold `{call}`: "call 112" or "call emergency services", as the operator set.
    """

    row: str
    urgency: Urgency
    headline: str  # the first line of the result: who to see and how soon
    # One plain sentence after the user's own answers: what the visit is for (or "").
    purpose: str
    # Who writes the referral (contract v2: not said in an emergency or urgent result,
    # where it only distracts), then what to do until the visit; either may be "".
    referral_note: str
    meanwhile: str
    # Behind "More about this": what the clinician does, every medical term explained.
    details: str
    # Questions whose answers explain this row (red-flag rows explain with the flags).
    because_of: tuple[str, ...] = ()
    # Offer to ask again when the pain reaches six weeks (flows/followup.py).
    follow_up: bool = False
    # Contract v3: say to tell the doctor about a risk factor the user gave (R7-R10).
    mention_risk: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    referral: Referral
    applies: Callable[[Answers], bool]


_STAY_ACTIVE = N_("Keep as active as the pain allows.")
_VIA_PRIMARY_CARE = N_("Your primary care doctor usually writes the referral.")
_PAIN_NOW = ("duration", "conservative_tried", "pain_type")
_CARE_SO_FAR = ("conservative_tried", "imaging_structural", "debilitating")
_RISKS = ("age_band", "risk_factors", "duration")

REFERRAL_TABLE: tuple[Rule, ...] = (
    Rule(
        Referral(
            "R1",
            Urgency.EMERGENCY,
            N_("Emergency: go to the emergency department now, or {call}."),
            N_("The nerves or the spine may be badly hurt, and that needs checking at once."),
            "",
            N_("Do not wait to see whether it gets better."),
            N_(
                "The emergency team can check straight away for serious damage to the nerves "
                "or the spine and start treatment at once."
            ),
        ),
        lambda a: bool(emergency_flags(a)),
    ),
    Rule(
        Referral(
            "R2",
            Urgency.URGENT,
            N_(
                "Urgent: see a doctor today, at urgent care, an emergency department or a "
                "same-day visit to your primary care doctor."
            ),
            N_("A doctor needs to look for a serious cause today."),
            "",
            "",
            N_(
                "The doctor examines you and looks for a serious cause, such as an infection "
                "or a tumor, so that it can be treated at once or ruled out."
            ),
        ),
        lambda a: bool(urgent_flags(a)),
    ),
    Rule(
        Referral(
            "R11",
            Urgency.SOON,
            N_(
                "See your primary care doctor or your child's doctor (a pediatrician) soon: "
                "within a few days."
            ),
            N_("Back or hip pain in a child or teenager needs a doctor's examination."),
            "",
            _STAY_ACTIVE,
            N_(
                "The rest of these questions are meant for adults. In children and "
                "teenagers, back and hip pain has other likely causes, so the doctor "
                "examines them and decides what care or tests they need."
            ),
            ("age_band",),
        ),
        is_under_18,
    ),
    Rule(
        Referral(
            "R12",
            Urgency.SOON,
            N_("See your primary care doctor soon: within a few days."),
            N_(
                "A broken bone, an infection or a tumor has to be ruled out before any other "
                "treatment."
            ),
            "",
            N_("Go sooner if the pain began after a fall or after lifting something."),
            N_(
                "Your doctor examines you and asks about your health. With a risk factor "
                "such as your age, steroid tablets, a weak immune system, injected drugs or "
                "thin bones, the doctor may order a scan or blood tests to check for a "
                "broken bone, an infection or a tumor."
            ),
            _RISKS,
        ),
        needs_ruling_out,
    ),
    Rule(
        Referral(
            "R3",
            Urgency.ROUTINE,
            N_(
                "See your primary care doctor (family doctor): a routine appointment in the "
                "coming weeks."
            ),
            N_("Most new back pain settles within a few weeks."),
            N_("This doctor usually writes any later referral."),
            N_(
                "Keep as active as the pain allows. If it is not better by 6 weeks, go back "
                "to your doctor."
            ),
            N_(
                "Your doctor examines you and asks about your health to find the likely "
                "cause. Care usually starts simply: staying active, and medicines that ease "
                "swelling or relax tight muscles if the doctor thinks they suit you. A scan "
                "is usually not needed for pain this recent. If the pain lasts 6 weeks, a "
                "specialist is usually considered."
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
                "See a physiatrist, a doctor who treats nerves and muscles without surgery: "
                "a routine appointment in the coming weeks."
            ),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "Physiatrists are also called PM&R doctors (physical medicine and "
                "rehabilitation). For nerve-type pain they can test how well your nerves "
                "work, for example with an EMG, a test of the electrical signals in nerves "
                "and muscles. Then they build a rehabilitation plan: exercises and care "
                "that help you get back to your daily life."
            ),
            _PAIN_NOW,
        ),
        _persistent_untreated(RADICULAR),
    ),
    Rule(
        Referral(
            "R5",
            Urgency.ROUTINE,
            N_(
                "See a physical therapist, or a chiropractor if you prefer hands-on "
                "treatment: a routine appointment in the coming weeks."
            ),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "A physical therapist gives you exercises that build strength, flexibility, "
                "good posture and a stable core (the muscles of the belly and back), to ease "
                "the pain and keep it from coming back. A chiropractor treats movement-related "
                "pain with their hands, moving and stretching the joints of the spine."
            ),
            _PAIN_NOW,
        ),
        _persistent_untreated(MECHANICAL),
    ),
    Rule(
        Referral(
            "R6",
            Urgency.ROUTINE,
            N_(
                "See a physiatrist, a doctor who treats back and hip problems without "
                "surgery: a routine appointment in the coming weeks."
            ),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "Physiatrists are also called PM&R doctors (physical medicine and "
                "rehabilitation). They draw up a rehabilitation plan (exercises and care "
                "that help you get back to your daily life), usually together with a "
                "physical therapist."
            ),
            _PAIN_NOW,
        ),
        _persistent_untreated(NONSPECIFIC),
    ),
    Rule(
        Referral(
            "R7",
            Urgency.SOON,
            N_(
                "See an orthopedic surgeon (a bone and joint surgeon) soon: within days if you can."
            ),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "Orthopedic surgeons operate on bones and joints. When a hip joint is badly "
                "damaged, they can replace it with an artificial one."
            ),
            _CARE_SO_FAR,
            mention_risk=True,
        ),
        lambda a: debilitating_damage(a, HIP_JOINT),
    ),
    Rule(
        Referral(
            "R8",
            Urgency.SOON,
            N_("See an orthopedic spine surgeon soon: within days if you can."),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "Orthopedic spine surgeons operate on the bones of the spine. They can join "
                "bones that move too much so they heal as one (spinal fusion), or "
                "straighten a spine that has grown out of shape."
            ),
            _CARE_SO_FAR,
            mention_risk=True,
        ),
        lambda a: debilitating_damage(a, DEFORMITY),
    ),
    Rule(
        Referral(
            "R9",
            Urgency.SOON,
            N_(
                "See a spine surgeon soon, within days if you can: a neurosurgeon or an "
                "orthopedic spine surgeon."
            ),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "A herniated disc is a spinal disc that bulges out and can press on a nerve. "
                "Spinal stenosis is a narrowing of the space around the nerves in the spine. "
                "Both kinds of surgeon treat these. Neurosurgeons focus more on the delicate "
                "nerves."
            ),
            _CARE_SO_FAR,
            mention_risk=True,
        ),
        lambda a: debilitating_damage(a, DISC_OR_STENOSIS),
    ),
    Rule(
        Referral(
            "R10",
            Urgency.ROUTINE,
            N_("See a pain management specialist: a routine appointment in the coming weeks."),
            "",
            _VIA_PRIMARY_CARE,
            _STAY_ACTIVE,
            N_(
                "They use injections guided by a scan: a steroid medicine near the spinal "
                "nerves to calm swelling (an epidural), or into the small joints of the "
                "spine when arthritis hurts (facet joint injections). They can also use "
                "heat from a needle to quiet the nerves that carry the pain for a while "
                "(radiofrequency ablation)."
            ),
            _CARE_SO_FAR,
            mention_risk=True,
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
