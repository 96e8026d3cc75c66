"""The labelled corpus of typed messages (`corpus/<code>.tsv`): what a safe bot must do.

Each row: the pending question, the expected outcome, the message. Outcomes:
`emergency:<flag>`, `urgent:<flag>`, `days:<n>` or `days:<lo>-<hi>` (a duration that is
on one side of six weeks for sure), `ask` (a duration question the bot must ask again),
`answer:<value>`, `none` (nothing to act on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

FOLDER = Path(__file__).parent / "corpus"
# Dates in the corpus ("since March") were labelled on this day.
LABELLED_ON = date(2026, 11, 29)


@dataclass(frozen=True, slots=True)
class Example:
    language: str
    line: int
    question: str
    expect: str
    text: str

    @property
    def kind(self) -> str:
        return self.expect.split(":")[0]

    @property
    def target(self) -> str:
        return self.expect.partition(":")[2]


def languages() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.tsv"))


def load(language: str) -> list[Example]:
    examples = []
    lines = (FOLDER / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        question, expect, text = line.split("\t")
        examples.append(Example(language, number, question, expect, text))
    return examples
