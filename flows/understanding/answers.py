"""A direct answer to the pending question, typed in words ("nope", "only the hip")."""

from __future__ import annotations

from collections.abc import Collection

from flows.understanding.matching import Compiled, Slot, Word

# Yes / no / not sure are read only in short messages: in a long one, a "no" is more
# likely about something else than an answer.
_SHORT_ANSWER_WORDS = 10
YES_NO = "yes_no"  # the lexicon's table for every question answered yes / no / not sure
# When several options match, these win over the others they contain: "both" over its
# parts ("back and hip"), "not sure" over its "no".
_WINNERS = ("both", "unsure")


def find_answer(
    lexicon: Compiled, words: list[Word], question_id: str, options: Collection[str]
) -> str | None:
    """The option value the words give for the question, or None if none or unclear."""
    # The question's own words first ("physio didn't help"), then plain yes / no.
    specific = _matching(lexicon, words, lexicon.answers.get(question_id, {}), options)
    if len(specific) == 1:
        return specific.pop()
    found = specific
    if {"yes", "no"} <= set(options) and len(words) <= _SHORT_ANSWER_WORDS:
        found |= _matching(lexicon, words, lexicon.answers.get(YES_NO, {}), options)
    if len(found) == 1:
        return found.pop()
    return next((winner for winner in _WINNERS if winner in found), None)


def _matching(
    lexicon: Compiled,
    words: list[Word],
    table: dict[str, tuple[tuple[Slot, ...], ...]],
    options: Collection[str],
) -> set[str]:
    return {
        value
        for value, patterns in table.items()
        if value in options and any(next(lexicon.matches(p, words, gap=2), None) for p in patterns)
    }
