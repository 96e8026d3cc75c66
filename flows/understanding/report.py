"""How well typed messages are read: `python -m flows.understanding.report [--misses]`.

For each language of the corpus it prints emergency sensitivity (caught directly or
through the one-tap confirmation), urgent sensitivity, the false emergency rate (straight
to the emergency result when the message was not an emergency), duration accuracy, the
acute/persistent swaps, and urgent signs taken as durations; `--misses` lists each miss.
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


def judge(example: corpus.Example, decision: Decision, score: Score) -> None:
    outcome, kind = decision.outcome, example.kind
    caught_emergency = outcome in (Outcome.EMERGENCY, Outcome.CONFIRM_EMERGENCY)
    recorded_duration = outcome is Outcome.ANSWER and example.question == "duration"
    ok = True
    if kind == "emergency":
        score.emergencies += 1
        score.emergencies_caught += caught_emergency
        score.emergencies_direct += outcome is Outcome.EMERGENCY
        ok = caught_emergency
    else:
        score.others += 1
        score.false_emergencies += outcome is Outcome.EMERGENCY
        score.confirmations_not_needed += outcome is Outcome.CONFIRM_EMERGENCY
        ok = outcome is not Outcome.EMERGENCY
    if kind == "urgent":
        score.urgent += 1
        asked = outcome is Outcome.ASK_RED_FLAG and decision.flag == example.target
        answered = (
            outcome is Outcome.ANSWER
            and example.question == example.target
            and decision.value in ("yes", "unsure")
        )
        caught = asked or answered or caught_emergency
        score.urgent_caught += caught
        score.urgent_as_duration += recorded_duration
        ok = caught
    elif kind == "days":
        score.durations += 1
        expected = duration_option(_expected_days(example.target))
        right = recorded_duration and decision.value == expected
        score.durations_right += right
        persistent = _expected_days(example.target) >= SIX_WEEKS_DAYS
        if recorded_duration and (decision.value == "persistent") != persistent:
            score.swaps += 1
        ok = right
    elif kind == "ask":
        score.asks += 1
        right = not recorded_duration and not caught_emergency
        score.asks_right += right
        ok = ok and right
    elif kind == "answer":
        score.answers += 1
        right = outcome is Outcome.ANSWER and _same_answer(example, decision.value)
        score.answers_right += right
        ok = right
    elif kind == "none" and outcome is Outcome.ANSWER and example.question == "duration":
        ok = False
    if not ok:
        got = f"{outcome}:{decision.flag or decision.value or ''}"
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
    return read(example.text, example.language, question, corpus.LABELLED_ON)


def evaluate(language: str, reader: Reader = _decide) -> tuple[Score, list[float]]:
    score, timings = Score(), []
    for example in corpus.load(language):
        started = time.perf_counter()
        decision = reader(example)
        timings.append(time.perf_counter() - started)
        judge(example, decision, score)
    return score, timings


def _lines(language: str, score: Score) -> list[str]:
    return [
        f"== {language} ==",
        f"emergency sensitivity  {score.rate(score.emergencies_caught, score.emergencies)}"
        f"  (directly {score.rate(score.emergencies_direct, score.emergencies)})",
        f"urgent sensitivity     {score.rate(score.urgent_caught, score.urgent)}",
        f"false emergency rate   {score.rate(score.false_emergencies, score.others)}"
        f"  (confirmations asked: {score.confirmations_not_needed})",
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
        score, timings = evaluate(language)
        everything += timings
        print("\n".join(_lines(language, score)))
        if args.misses:
            print("\n".join(f"  miss {m}" for m in score.misses))
    everything.sort()
    p99 = everything[int(len(everything) * 0.99)]
    print(f"understand() over {len(everything)} messages: median "
          f"{1000 * statistics.median(everything):.3f} ms, p99 {1000 * p99:.3f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
