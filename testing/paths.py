"""Answer sequences (button labels) that lead to each referral row, and every way of
answering the flow, shared by tests and tools."""

from collections.abc import Iterator

from flows import machine
from flows.questions import QUESTIONS, RED_FLAGS

NO_RED_FLAGS = ["No"] * len(RED_FLAGS)
# An adult without risk factors (contract v3, section 1a), up to the duration question.
ADULT = ["18 to 49", "No"]
TO_DURATION = [*NO_RED_FLAGS, *ADULT]

PATHS: dict[str, list[str]] = {
    "R1": ["Yes"],
    "R2": ["No", "No", "No", "Yes", "No", "No", "No", "No"],
    "R3": [*TO_DURATION, "Under 2 weeks", "Lower back", "Movement-related"],
    "R4": [*TO_DURATION, "6 weeks or more", "Lower back", "Nerve-type", "No, not yet"],
    "R5": [*TO_DURATION, "6 weeks or more", "Both", "Movement-related", "No, not yet"],
    "R6": [*TO_DURATION, "6 weeks or more", "Hip or groin", "Neither / not sure", "No, not yet"],
    "R7": [*TO_DURATION, "6 weeks or more", "Hip or groin", "Movement-related",
           "Yes, not enough relief", "Hip joint damage (e.g. arthritis)", "Yes"],
    "R8": [*TO_DURATION, "6 weeks or more", "Lower back", "Movement-related",
           "Yes, not enough relief", "Spine deformity or instability", "Yes"],
    "R9": [*TO_DURATION, "6 weeks or more", "Lower back", "Nerve-type",
           "Yes, not enough relief", "Herniated disc or spinal stenosis", "Yes"],
    "R10": [*TO_DURATION, "6 weeks or more", "Lower back", "Nerve-type",
            "Yes, not enough relief", "Nothing significant / no scan"],
    "R11": [*NO_RED_FLAGS, "Under 18"],
    "R12": [*NO_RED_FLAGS, "50 or over", "No", "Under 2 weeks", "Lower back",
            "Movement-related"],
}  # fmt: skip

HEADLINES: dict[str, str] = {
    "R1": "Emergency: go to the emergency department now",
    "R2": "Urgent: see a doctor today",
    "R3": "See your primary care doctor",
    "R4": "See a physiatrist, a doctor who treats nerves and muscles without surgery",
    "R5": "See a physical therapist, or a chiropractor",
    "R6": "See a physiatrist, a doctor who treats back and hip problems without surgery",
    "R7": "See an orthopedic surgeon (a bone and joint surgeon) soon",
    "R8": "See an orthopedic spine surgeon soon",
    "R9": "See a spine surgeon soon, within days if you can: a neurosurgeon or an orthopedic",
    "R10": "See a pain management specialist",
    "R11": "See your primary care doctor or your child's doctor (a pediatrician) soon",
    "R12": "See your primary care doctor soon: within a few days",
}


def asked_along(labels: list[str]) -> list[str]:
    """The ids of the questions a path of button labels answers, in order."""
    snapshot, asked = machine.start(), []
    for label in labels:
        question = snapshot.question
        assert question is not None
        asked.append(question.id)
        option = next(o for o in question.options if o.label == label)
        snapshot = machine.answer(snapshot, question.id, option.value)
    return asked


def every_ending(snapshot: machine.Snapshot | None = None) -> Iterator[machine.Snapshot]:
    """The finished snapshot of every way of answering the flow, each option of each
    question it asks in turn."""
    snapshot = snapshot or machine.start()
    if snapshot.finished:
        yield snapshot
        return
    question = snapshot.question
    assert question is not None
    assert len(snapshot.history) < len(QUESTIONS), "a path asks a question twice"
    for option in question.options:
        yield from every_ending(machine.answer(snapshot, question.id, option.value))
