"""How well typed messages are read: `python -m flows.understanding.report [--misses]`.

For each language, the tuning corpus and the held-out set apart (see `corpus.py`): emergency
sensitivity (caught directly or through the one-tap confirmation), urgent sensitivity,
direct false alarms (straight to the emergency result when the message was not an
emergency), confirmed false alarms (a harmless message asked "is this happening now?"),
duration accuracy, acute/persistent swaps, and urgent signs taken as durations;
`--misses` lists each miss.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from flows.questions import QUESTIONS_BY_ID, SIX_WEEKS_DAYS, Severity, duration_option
from flows.typed import Decision, Outcome, read
from flows.understanding import corpus

Reader = Callable[[corpus.Example], Decision]
_CAUGHT = (Outcome.EMERGENCY, Outcome.CONFIRM_EMERGENCY)


def _expected_days(target: str) -> float:
    return float(target.split("-")[0])


@dataclass
class Score:
    emergencies: int = 0
    emergencies_caught: int = 0
    emergencies_direct: int = 0
    urgent: int = 0
    urgent_caught: int = 0
    others: int = 0  # messages that are not emergencies
    false_emergencies: int = 0
    confirmations_not_needed: int = 0
    durations: int = 0
    durations_right: int = 0
    swaps: int = 0
    urgent_as_duration: int = 0
    asks: int = 0
    asks_right: int = 0
    answers: int = 0
    answers_right: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "-"


def _recorded_duration(example: corpus.Example, decision: Decision) -> bool:
    return decision.outcome is Outcome.ANSWER and example.question == "duration"


def _emergency(example: corpus.Example, decision: Decision, score: Score) -> bool:
    score.emergencies += 1
    score.emergencies_caught += decision.outcome in _CAUGHT
    score.emergencies_direct += decision.outcome is Outcome.EMERGENCY
    return decision.outcome in _CAUGHT


def _urgent(example: corpus.Example, decision: Decision, score: Score) -> bool:
    score.urgent += 1
    asked = decision.outcome is Outcome.ASK_RED_FLAG and decision.flag == example.target
    answered = (
        decision.outcome is Outcome.ANSWER
        and example.question == example.target
        and decision.value in ("yes", "unsure")
    )
    caught = asked or answered or decision.outcome in _CAUGHT
    score.urgent_caught += caught
    score.urgent_as_duration += _recorded_duration(example, decision)
    return caught


def _days(example: corpus.Example, decision: Decision, score: Score) -> bool:
    score.durations += 1
    days = _expected_days(example.target)
    recorded = _recorded_duration(example, decision)
    right = recorded and decision.value == duration_option(days)
    score.durations_right += right
    if recorded and (decision.value == "persistent") != (days >= SIX_WEEKS_DAYS):
        score.swaps += 1
    return right


def _ask(example: corpus.Example, decision: Decision, score: Score) -> bool:
    score.asks += 1
    right = not _recorded_duration(example, decision) and decision.outcome not in _CAUGHT
    score.asks_right += right
    return right


def _answer(example: corpus.Example, decision: Decision, score: Score) -> bool:
    score.answers += 1
    # A typed yes to an emergency question is confirmed with one tap, as a sign is.
    confirmed = decision.outcome is Outcome.CONFIRM_EMERGENCY and decision.flag == example.question
    right = (decision.outcome is Outcome.ANSWER and _same_answer(example, decision.value)) or (
        confirmed and example.target == "yes"
    )
    score.answers_right += right
    return right


def _nothing(example: corpus.Example, decision: Decision, score: Score) -> bool:
    return not _recorded_duration(example, decision)


_BY_KIND: dict[str, Callable[[corpus.Example, Decision, Score], bool]] = {
    "emergency": _emergency,
    "urgent": _urgent,
    "days": _days,
    "ask": _ask,
    "answer": _answer,
    "none": _nothing,
}


def judge(example: corpus.Example, decision: Decision, score: Score) -> None:
    """Count one decision against its label; a harmless message must never go straight
    to the emergency result, whatever else it is judged on."""
    ok = _BY_KIND[example.kind](example, decision, score)
    if example.kind != "emergency":
        score.others += 1
        score.false_emergencies += decision.outcome is Outcome.EMERGENCY
        score.confirmations_not_needed += decision.outcome is Outcome.CONFIRM_EMERGENCY
        ok = ok and decision.outcome is not Outcome.EMERGENCY
    if not ok:
        got = f"{decision.outcome}:{decision.flag or decision.value or ''}"
        score.misses.append(f"{example.language}:{example.line} [{example.question}] "
                            f"want {example.expect}, got {got}: {example.text}")  # fmt: skip


def _same_answer(example: corpus.Example, value: str | None) -> bool:
    """ "Not sure" on an urgent red flag counts as yes (contract section 1): either is right."""
    question = QUESTIONS_BY_ID[example.question]
    urgent = question.severity is Severity.URGENT
    if urgent and {value, example.target} <= {"yes", "unsure"}:
        return True
    return value == example.target


def _decide(example: corpus.Example) -> Decision:
    question = QUESTIONS_BY_ID[example.question]
    return read(example.text, example.language, question, example.labelled_on)


def evaluate(
    language: str, which: corpus.Set = corpus.Set.TUNING, reader: Reader = _decide
) -> tuple[Score, list[float]]:
    score, timings = Score(), []
    for example in corpus.load(language, which):
        started = time.perf_counter()
        decision = reader(example)
        timings.append(time.perf_counter() - started)
        judge(example, decision, score)
    return score, timings


def _lines(title: str, score: Score) -> list[str]:
    return [
        f"== {title} ==",
        f"emergency sensitivity  {score.rate(score.emergencies_caught, score.emergencies)}"
        f"  (directly {score.rate(score.emergencies_direct, score.emergencies)})",
        f"urgent sensitivity     {score.rate(score.urgent_caught, score.urgent)}",
        f"direct false alarms    {score.rate(score.false_emergencies, score.others)}",
        f"confirmed false alarms {score.rate(score.confirmations_not_needed, score.others)}",
        f"duration accuracy      {score.rate(score.durations_right, score.durations)}"
        f"  (asked again rightly {score.rate(score.asks_right, score.asks)})",
        f"acute/persistent swaps {score.swaps}",
        f"urgent taken as duration {score.urgent_as_duration}",
        f"direct answers         {score.rate(score.answers_right, score.answers)}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("languages", nargs="*", default=corpus.languages())
    args = parser.parse_args()
    started = time.perf_counter()
    from flows.understanding import warm_up

    warm_up()
    print(f"start-up (dictionaries and patterns): {time.perf_counter() - started:.2f} s")
    everything: list[float] = []
    for language in args.languages:
        for which in corpus.Set:
            score, timings = evaluate(language, which)
            everything += timings
            print("\n".join(_lines(f"{language} {which.name.lower()}", score)))
            if args.misses:
                print("\n".join(f"  miss {m}" for m in score.misses))
    everything.sort()
    p99 = everything[int(len(everything) * 0.99)]
    print(f"understand() over {len(everything)} messages: median "
          f"{1000 * statistics.median(everything):.3f} ms, p99 {1000 * p99:.3f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
