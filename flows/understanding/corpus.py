"""The labelled messages typed messages are measured on: what a safe bot must do.

Two sets per language, reported apart:

- `corpus/<code>.tsv`, the tuning corpus: the lexicons were written against it, so it
  scores what they were fitted to;
- `heldout/<code>.tsv`, the held-out set: written from the contract and the label rules
  alone by writers who had seen neither the lexicons nor the tuning corpus. When a miss
  there is fixed, the message moves to the tuning corpus and a freshly written one takes
  its place, so this set keeps measuring words the lexicon was not fitted to.

Each row: the pending question, the expected outcome, the message. Outcomes:
`emergency:<flag>`, `urgent:<flag>`, `days:<n>` or `days:<lo>-<hi>` (a duration that is
on one side of six weeks for sure), `ask` (a duration question the bot must ask again),
`answer:<value>`, `none` (nothing to act on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

_HERE = Path(__file__).parent


class Set(StrEnum):
    TUNING = "corpus"
    HELDOUT = "heldout"


FOLDER = _HERE / Set.TUNING
# The section of a tuning corpus that holds the held-out messages fixed and moved there.
MOVED_HERE = "# v3: held-out misses fixed, moved here"
# Dates in a set ("since March") were labelled on this day.
LABELLED_ON = {Set.TUNING: date(2026, 11, 29), Set.HELDOUT: date(2026, 12, 7)}


@dataclass(frozen=True, slots=True)
class Example:
    language: str
    line: int
    question: str
    expect: str
    text: str
    labelled_on: date = LABELLED_ON[Set.TUNING]

    @property
    def kind(self) -> str:
        return self.expect.split(":")[0]

    @property
    def target(self) -> str:
        return self.expect.partition(":")[2]


def languages() -> list[str]:
    return sorted(path.stem for path in (_HERE / Set.TUNING).glob("*.tsv"))


def load(language: str, which: Set = Set.TUNING) -> list[Example]:
    examples = []
    lines = (_HERE / which / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        question, expect, text = line.split("\t")
        examples.append(Example(language, number, question, expect, text, LABELLED_ON[which]))
    return examples
