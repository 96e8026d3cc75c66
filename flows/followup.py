"""The six-week follow-up: when to ask again after acute pain, and what a follow-up knows.

The source's rule is time-based: acute pain that has not settled by six weeks should be
looked at by a specialist. After an acute result (R3) the bot offers to ask again once the
pain will have lasted six weeks for certain (contract v2, section 6); if it is not better
then, a short follow-up assessment asks the red flags again and continues on the
persistent-pain path.
"""

from __future__ import annotations

from collections.abc import Mapping

from flows.machine import DAYS, note_key
from flows.questions import ACUTE_RANGES, PERSISTENT, SIX_WEEKS_DAYS

# Never sooner than this, even when the pain may already be close to six weeks.
MINIMUM_DAYS = 3


def follow_up_days(answers: Mapping[str, str]) -> int | None:
    """Days until the pain has lasted six weeks for certain, or None if no follow-up applies.

    Counted from the shortest the pain may have lasted: the lower end of the range picked,
    or the days a typed duration states.
    """
    bounds = ACUTE_RANGES.get(answers.get("duration", ""))
    if bounds is None:
        return None
    typed = answers.get(note_key("duration", DAYS))
    shortest = float(typed) if typed else bounds[0]
    return max(MINIMUM_DAYS, SIX_WEEKS_DAYS - int(shortest))


def follow_up_answers(previous: Mapping[str, str]) -> dict[str, str]:
    """What a follow-up assessment starts with: the pain is now persistent, and the age
    band, where it is and what kind it is carry over. Red flags and risk factors are
    never carried over: they may have changed."""
    carried = {k: previous[k] for k in ("age_band", "location", "pain_type") if k in previous}
    return {"duration": PERSISTENT, **carried}
