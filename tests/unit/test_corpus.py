"""The labelled corpus of typed messages: the safety targets of contract v2, section 1.

The corpus (`flows/understanding/corpus/<code>.tsv`) was written by people, label by
label, from the contract; `python -m flows.understanding.report --misses` shows the rest.
"""

from __future__ import annotations

import pytest

from bot.ui.i18n import LANGUAGES
from flows.understanding import corpus
from flows.understanding.report import Score, evaluate

MIN_EXAMPLES = 300
MAX_FALSE_EMERGENCY_RATE = 0.02

SCORES: dict[str, Score] = {}


def score(language: str) -> Score:
    if language not in SCORES:
        SCORES[language] = evaluate(language)[0]
    return SCORES[language]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_each_language_has_a_corpus_of_realistic_size(language: str) -> None:
    examples = corpus.load(language)
    assert len(examples) >= MIN_EXAMPLES
    kinds = {e.kind for e in examples}
    assert kinds == {"emergency", "urgent", "days", "ask", "answer", "none"}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_typed_emergency_is_caught(language: str) -> None:
    result = score(language)
    missed = [m for m in result.misses if " want emergency:" in m]
    assert result.emergencies_caught == result.emergencies, missed


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_no_acute_persistent_swap_and_no_urgent_sign_taken_as_a_duration(language: str) -> None:
    result = score(language)
    assert result.swaps == 0, [m for m in result.misses if " want days:" in m]
    assert result.urgent_as_duration == 0, [m for m in result.misses if " want urgent:" in m]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_few_messages_go_straight_to_the_emergency_result_by_mistake(language: str) -> None:
    result = score(language)
    assert result.false_emergencies <= MAX_FALSE_EMERGENCY_RATE * result.others
