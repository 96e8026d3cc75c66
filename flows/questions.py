"""Every question the bot asks: its text, its answer options and, for red flags, its weight.

The wording is BackPath's own; the clinical content comes from
`shared/triage-rules.md` (sections 1 to 4). Change a question's text or options here
and bump `FLOW_VERSION` in `flows/machine.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from flows.i18n import N_


class Block(StrEnum):
    """The parts of an assessment, asked in this order."""

    RED_FLAGS = "red_flags"
    ABOUT_YOU = "about_you"  # contract v3, section 1a: age and risk factors
    PAIN = "pain"
    CARE = "care"


class Severity(StrEnum):
    """How serious a red flag is when the answer is yes."""

    EMERGENCY = "emergency"
    URGENT = "urgent"


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    # The answer as a clause a result can build its "why" from ("your pain has lasted...").
    fact: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    block: Block
    text: str
    options: tuple[Option, ...]
    # Short label used when a result explains which answers led to it.
    finding: str = ""
    severity: Severity | None = None
    # A line shown under the question, e.g. that a typed answer is accepted too.
    hint: str = ""
    # Red flags only: what a yes may point to, shown in the result.
    concern: str = ""
    # One or two sentences for the "Why?" button (a Telegram alert holds 200 characters).
    why: str = ""
    # The flow version in which the question's meaning last changed: an unfinished
    # assessment from before it is asked this question again rather than keep the answer.
    revised: int = 1

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


YES, NO, UNSURE = "yes", "no", "unsure"
YES_NO_UNSURE = (Option(YES, N_("Yes")), Option(NO, N_("No")), Option(UNSURE, N_("Not sure")))

PERSISTENT = "persistent"
# Pain that has lasted this long is persistent (contract section 2).
SIX_WEEKS_DAYS = 42
# Acute pain (under six weeks) by how long it has lasted so far, in days: the bounds time
# the six-week follow-up reminder.
ACUTE_RANGES: dict[str, tuple[int, int]] = {
    "acute_0_2": (0, 14),
    "acute_2_4": (14, 28),
    "acute_4_6": (28, SIX_WEEKS_DAYS),
}


def duration_option(days: float) -> str:
    """The `duration` option for pain that has lasted `days`."""
    if days >= SIX_WEEKS_DAYS:
        return PERSISTENT
    return next(value for value, (_, upper) in ACUTE_RANGES.items() if days < upper)


RADICULAR, MECHANICAL, NONSPECIFIC = "radicular", "mechanical", "nonspecific"
DISC_OR_STENOSIS, HIP_JOINT, DEFORMITY, NO_DAMAGE = "disc", "hip", "deformity", "none"


def _red_flag(
    qid: str,
    severity: Severity,
    text: str,
    finding: str,
    concern: str,
    why: str,
    hint: str = "",
    revised: int = 1,
) -> Question:
    return Question(
        qid,
        Block.RED_FLAGS,
        text,
        YES_NO_UNSURE,
        finding,
        severity,
        hint=hint,
        concern=concern,
        why=why,
        revised=revised,
    )


RED_FLAGS: tuple[Question, ...] = (
    # Contract v2: the early signs of cauda equina syndrome too, in plain words; the
    # examples sit in the hint line so the question itself stays short.
    _red_flag(
        "bowel_bladder",
        Severity.EMERGENCY,
        N_("Is there anything new with your bladder or bowels, or new numbness between your legs?"),
        N_("new problems with bladder, bowels or feeling between the legs"),
        N_(
            "This can mean the nerves at the base of the spine are badly squeezed (cauda "
            "equina syndrome). Surgery to free them may be needed urgently."
        ),
        N_(
            "These can be signs that the nerves at the base of the spine are squeezed. "
            "That is an emergency: surgery may be needed quickly."
        ),
        hint=N_(
            "For example: leaking urine or stool. Not being able to pass urine, or trouble "
            "starting. Not feeling it pass. Numb genitals, buttocks or inner thighs: you "
            "don't feel the paper when you wipe. New problems with sex."
        ),
        revised=4,
    ),
    _red_flag(
        "leg_weakness",
        Severity.EMERGENCY,
        N_(
            "Have one or both of your legs suddenly gone weak, or can you no longer stand "
            "or put your weight on them?"
        ),
        N_("sudden leg weakness or not being able to stand"),
        N_("This can mean a nerve is badly squeezed."),
        N_(
            "Legs that suddenly go weak can mean a nerve is badly squeezed, which needs "
            "checking at once."
        ),
    ),
    _red_flag(
        "trauma",
        Severity.EMERGENCY,
        N_("Did the pain start after a serious injury, such as a car crash or a bad fall?"),
        N_("pain that began after a serious injury"),
        N_("A broken bone in the spine has to be ruled out."),
        N_("After a serious injury, a broken bone in the spine has to be ruled out first."),
    ),
    _red_flag(
        "fever",
        Severity.URGENT,
        N_("Do you have a high temperature (fever) as well as the back pain?"),
        N_("a high fever with the pain"),
        N_("Fever with back pain can point to an infection of the spine bones (osteomyelitis)."),
        N_(
            "Fever together with back pain can be a sign of an infection in the bones of the spine."
        ),
    ),
    _red_flag(
        "weight_loss",
        Severity.URGENT,
        N_("Have you been losing weight without trying, or without knowing why?"),
        N_("weight loss with no clear reason"),
        N_("With back pain, it can point to a serious cause such as a tumor."),
        N_(
            "Losing weight for no clear reason, together with back pain, can point to a serious "
            "cause such as a tumor."
        ),
    ),
    _red_flag(
        "rest_pain",
        Severity.URGENT,
        N_("Does the pain stay just as bad when you rest, including when you lie down at night?"),
        N_("pain that rest does not ease"),
        N_("Pain that rest does not ease can point to an infection or a tumor."),
        N_(
            "Most back pain eases with rest. Pain that does not can point to an infection "
            "or a tumor."
        ),
    ),
    _red_flag(
        "cancer_history",
        Severity.URGENT,
        N_("Have you ever been treated for cancer, or do you have cancer now?"),
        N_("cancer now or in the past"),
        N_("New back pain after cancer needs a prompt check that it has not spread to the spine."),
        N_(
            "After cancer, new back pain needs a prompt check that the cancer has not spread to "
            "the spine."
        ),
    ),
    # Contract v2: asked last among the red flags.
    _red_flag(
        "nerve_progressive",
        Severity.URGENT,
        N_(
            "Is numbness, tingling or weakness in a leg getting worse? Or do you have pain, "
            "numbness or tingling in both legs?"
        ),
        N_("nerve symptoms in a leg getting worse, or in both legs"),
        N_("This can mean a nerve is badly squeezed and needs checking today."),
        N_(
            "Nerve symptoms that get worse, or that reach both legs, can mean a nerve is "
            "badly squeezed. That needs a doctor today."
        ),
    ),
)

# Contract v3, section 1a: asked right after the red flags.
UNDER_18, ADULT, OVER_50 = "under_18", "18_49", "50_plus"
AGE_BAND = Question(
    "age_band",
    Block.ABOUT_YOU,
    N_("How old are you?"),
    (
        Option(UNDER_18, N_("Under 18"), N_("you are under 18")),
        Option(ADULT, N_("18 to 49")),
        Option(OVER_50, N_("50 or over"), N_("you are 50 or over")),
    ),
    N_("age"),
    why=N_(
        "Some serious causes of back pain are more likely at some ages, and children and "
        "teenagers need their own doctor's check."
    ),
    hint=N_('You can also type your age, for example "52".'),
)


def age_band(years: int) -> str:
    """The `age_band` option for an age in years."""
    return UNDER_18 if years < 18 else ADULT if years < 50 else OVER_50


RISK_FACTORS = Question(
    "risk_factors",
    Block.ABOUT_YOU,
    N_(
        "Does any of these apply to you?\n"
        "• You take steroid tablets (such as prednisolone) for months at a time.\n"
        "• Your immune system is weakened.\n"
        "• You inject drugs.\n"
        "• You have osteoporosis (thin bones)."
    ),
    (
        Option(YES, N_("Yes"), N_("something raises the chance of a serious cause")),
        Option(NO, N_("No")),
        Option(UNSURE, N_("Not sure"), N_("you are not sure about the risks listed")),
    ),
    N_("steroid tablets, a weak immune system, injected drugs or thin bones"),
    why=N_(
        "These make a broken bone, an infection or a tumor more likely behind back pain, "
        "so a doctor should rule them out first."
    ),
    hint=N_(
        "A weakened immune system: for example HIV, chemotherapy, or medicines after a transplant."
    ),
)

DURATION = Question(
    "duration",
    Block.PAIN,
    N_("How long have you had this pain?"),
    (
        Option("acute_0_2", N_("Under 2 weeks"), N_("your pain began less than 2 weeks ago")),
        Option("acute_2_4", N_("2 to 4 weeks"), N_("your pain has lasted 2 to 4 weeks")),
        Option("acute_4_6", N_("4 to 6 weeks"), N_("your pain has lasted 4 to 6 weeks")),
        Option(PERSISTENT, N_("6 weeks or more"), N_("your pain has lasted 6 weeks or more")),
    ),
    N_("how long the pain has lasted"),
    why=N_(
        "Most new back pain settles within a few weeks. Pain that lasts 6 weeks or more "
        "is usually looked at by a specialist."
    ),
    hint=N_('You can also type it, for example "10 days" or "3 months".'),
)

LOCATION = Question(
    "location",
    Block.PAIN,
    N_("Where is the pain?"),
    (
        Option("back", N_("Lower back")),
        Option("hip", N_("Hip or groin")),
        Option("both", N_("Both")),
    ),
    N_("where it hurts"),
    why=N_("Your doctor will want to know whether the back, the hip or both are involved."),
)

PAIN_TYPE = Question(
    "pain_type",
    Block.PAIN,
    N_(
        "Which description fits your pain best?\n"
        "• Nerve-type: it shoots down a leg, or you feel numbness or pins and needles.\n"
        "• Movement-related: it gets worse when you move or hold certain positions, "
        "eases when you rest, and feels stiff.\n"
        "• Neither of these clearly."
    ),
    (
        Option(RADICULAR, N_("Nerve-type"), N_("it is nerve-type pain")),
        Option(MECHANICAL, N_("Movement-related"), N_("it changes with movement and rest")),
        Option(NONSPECIFIC, N_("Neither / not sure"), N_("it has no clear pattern")),
    ),
    N_("the kind of pain"),
    why=N_(
        "Nerve-type pain, movement-related pain and other pain are best looked after by "
        "different specialists."
    ),
)

CONSERVATIVE_TRIED = Question(
    "conservative_tried",
    Block.CARE,
    N_("Have you already had several weeks of care without surgery, and it did not help enough?"),
    (
        Option(
            YES,
            N_("Yes, not enough relief"),
            N_("non-surgical care has not helped enough"),
        ),
        Option(NO, N_("No, not yet"), N_("you have not had treatment for it yet")),
    ),
    N_("care already tried"),
    hint=N_("For example: physical therapy, an exercise program, medicines or rehabilitation."),
    why=N_(
        "Specialists for injections or surgery usually come in only after several weeks of "
        "non-surgical care have not helped enough."
    ),
)

IMAGING_STRUCTURAL = Question(
    "imaging_structural",
    Block.CARE,
    N_("Has a scan (X-ray, MRI or CT) shown significant damage? Pick what it found."),
    (
        Option(
            DISC_OR_STENOSIS,
            N_("Herniated disc or spinal stenosis"),
            N_("a scan found a slipped disc or a narrow spinal canal"),
        ),
        Option(
            HIP_JOINT,
            N_("Hip joint damage (e.g. arthritis)"),
            N_("a scan found damage to the hip joint"),
        ),
        Option(
            DEFORMITY,
            N_("Spine deformity or instability"),
            N_("a scan found a spine that is out of shape or unstable"),
        ),
        Option(
            NO_DAMAGE,
            N_("Nothing significant / no scan"),
            N_("no scan has shown significant damage"),
        ),
    ),
    N_("what imaging showed"),
    why=N_(
        "Surgery is meant for damage that a scan has confirmed; without it, other "
        "specialists come first."
    ),
)

DEBILITATING = Question(
    "debilitating",
    Block.CARE,
    N_("Do these symptoms seriously limit what you can do in daily life?"),
    (
        Option(YES, N_("Yes"), N_("it seriously limits your daily life")),
        Option(NO, N_("No"), N_("it does not seriously limit your daily life")),
    ),
    N_("seriously limits daily life"),
    why=N_("Surgeons usually step in only when confirmed damage seriously limits daily life."),
)

QUESTIONS: tuple[Question, ...] = (
    *RED_FLAGS,
    AGE_BAND,
    RISK_FACTORS,
    DURATION,
    LOCATION,
    PAIN_TYPE,
    CONSERVATIVE_TRIED,
    IMAGING_STRUCTURAL,
    DEBILITATING,
)
QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
RED_FLAG_IDS: frozenset[str] = frozenset(q.id for q in RED_FLAGS)
