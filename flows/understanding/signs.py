"""Red-flag signs in a message, with negation, other people and the past around them."""

from __future__ import annotations

from dataclasses import dataclass

from flows.understanding.lexicon import Certainty
from flows.understanding.matching import Compiled, Match, Word, Words
from flows.understanding.reading import Sign

# How many filler words ("have any", "really") may stand between a negation and its sign.
_NEGATION_REACH = 4


@dataclass(frozen=True, slots=True)
class Found:
    signs: tuple[Sign, ...]
    denied: tuple[str, ...]


def find_signs(lexicon: Compiled, words: Words, this_year: int) -> Found:
    masked = _idioms(lexicon, words)
    signs: dict[str, Sign] = {}
    denied: list[str] = []
    for sign in lexicon.signs_in(words):
        flag = sign.spec.flag
        for match in lexicon.matches(sign.slots, words, sign.spec.gap, masked, fuzzy=True):
            if _negated(lexicon, words, match):
                denied.append(flag)
                continue
            if lexicon.about_someone_else(words, match.first):
                continue
            clause = [w for w in words if w.token.clause == words[match.first].token.clause]
            long_ago = lexicon.group_anywhere(clause, "LONG_AGO") or any(
                _an_earlier_year(w, this_year) for w in clause
            )
            if long_ago and lexicon.group_anywhere(words, "UNCHANGED"):
                continue
            unsure = match.fuzzy or long_ago or lexicon.group_anywhere(clause, "HEDGE")
            certainty = Certainty.POSSIBLE if unsure else sign.spec.certainty
            span = (words[match.first].token.start, words[match.last].token.end)
            found = Sign(flag, certainty, span)
            # One sign per flag: the clearest, then the first.
            if flag not in signs or (
                signs[flag].certainty is Certainty.POSSIBLE and certainty is Certainty.CLEAR
            ):
                signs[flag] = found
    reported = tuple(signs.values())
    return Found(reported, tuple(f for f in dict.fromkeys(denied) if f not in signs))


def _an_earlier_year(word: Word, this_year: int) -> bool:
    text = word.token.text
    return len(text) == 4 and text.isdigit() and 1940 <= int(text) < this_year


def _idioms(lexicon: Compiled, words: list[Word]) -> frozenset[int]:
    masked: set[int] = set()
    for idiom in lexicon.idioms:
        for match in lexicon.matches(idiom, words, gap=1):
            masked.update(range(match.first, match.last + 1))
    return frozenset(masked)


def _negated(lexicon: Compiled, words: list[Word], match: Match) -> bool:
    """A negation inside the match's gaps, just before it, or closing its clause after it."""
    clause = words[match.first].token.clause
    for i in range(match.first, match.last + 1):
        if i not in match.used and lexicon.in_group(words[i], "NEGATION"):
            return True
    i = match.first - 1
    while i >= 0 and match.first - i <= _NEGATION_REACH and words[i].token.clause == clause:
        if lexicon.in_group(words[i], "NEGATION"):
            return True
        if not lexicon.in_group(words[i], "BRIDGE"):
            break
        i -= 1
    after = [w for w in words[match.last + 1 :] if w.token.clause == clause]
    for position, word in enumerate(after):
        if lexicon.in_group(word, "NEGATION"):
            return all(lexicon.in_group(w, "BRIDGE") for w in after[position + 1 :])
        if not lexicon.in_group(word, "BRIDGE"):
            return False
    return False
