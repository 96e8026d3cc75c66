"""The labelled messages: the safety targets of contract v3, section 1, on the tuning
corpus and, apart, on the held-out set written by people who had not seen the lexicons.

Both sets (`flows/understanding/corpus/` and `heldout/`) were written label by label from
the contract; `python -m flows.understanding.report --misses` shows the rest.
"""

from __future__ import annotations

import pytest

from bot.ui.i18n import LANGUAGES
from flows.understanding import corpus
from flows.understanding.report import Score, evaluate

MIN_EXAMPLES = {corpus.Set.TUNING: 300, corpus.Set.HELDOUT: 150}
MAX_DIRECT_FALSE_ALARMS = 0.01
MAX_CONFIRMED_FALSE_ALARMS = 0.15
SETS = [(language, which) for language in sorted(LANGUAGES) for which in corpus.Set]

SCORES: dict[tuple[str, corpus.Set], Score] = {}


def score(language: str, which: corpus.Set) -> Score:
    if (language, which) not in SCORES:
        SCORES[language, which] = evaluate(language, which)[0]
    return SCORES[language, which]


@pytest.mark.parametrize(("language", "which"), SETS)
def test_each_language_has_both_sets_of_realistic_size(language: str, which: corpus.Set) -> None:
    examples = corpus.load(language, which)
    assert len(examples) >= MIN_EXAMPLES[which]
    kinds = {e.kind for e in examples}
    assert kinds == {"emergency", "urgent", "days", "ask", "answer", "none"}


def test_a_fixed_held_out_message_has_left_the_held_out_set() -> None:
    """Held-out misses that were fixed sit in the tuning corpus after MOVED_HERE."""
    for language in LANGUAGES:
        tuning = (corpus.FOLDER / f"{language}.tsv").read_text(encoding="utf-8")
        _, _, moved = tuning.partition(corpus.MOVED_HERE)
        moved_texts = {line.split("\t")[-1] for line in moved.splitlines() if "\t" in line}
        held = {e.text for e in corpus.load(language, corpus.Set.HELDOUT)}
        assert moved_texts & held == set()


@pytest.mark.parametrize(("language", "which"), SETS)
def test_every_typed_emergency_is_caught(language: str, which: corpus.Set) -> None:
    result = score(language, which)
    missed = [m for m in result.misses if " want emergency:" in m]
    assert result.emergencies_caught == result.emergencies, missed


@pytest.mark.parametrize(("language", "which"), SETS)
def test_no_acute_persistent_swap_and_no_urgent_sign_taken_as_a_duration(
    language: str, which: corpus.Set
) -> None:
    result = score(language, which)
    assert result.swaps == 0, [m for m in result.misses if " want days:" in m]
    assert result.urgent_as_duration == 0, [m for m in result.misses if " want urgent:" in m]


@pytest.mark.parametrize(("language", "which"), SETS)
def test_few_harmless_messages_are_taken_for_an_emergency(language: str, which: corpus.Set) -> None:
    result = score(language, which)
    assert result.false_emergencies <= MAX_DIRECT_FALSE_ALARMS * result.others
    assert result.confirmations_not_needed <= MAX_CONFIRMED_FALSE_ALARMS * result.others
