"""Red-flag signs in a message, with negation, other people, the past and questions
around them.

Two nets, one reading (contract v3, section 1):

- sign patterns say precisely what a sign is ("CANT pee"); a match that is plain (the
  writer's own, now, with no negation, question mark or hedge anywhere) is clear, any
  other is possible and gets the one-tap confirmation;
- topic patterns name what an emergency sign is about (the bladder, the legs giving way,
  a crash): a message that touches one and is not a clear "no" about it is confirmed
  too, wherever the sign patterns are silent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from flows.understanding.lexicon import Certainty
from flows.understanding.matching import Compiled, CompiledSign, Match, Word, Words
from flows.understanding.reading import Sign

# How many filler words ("have any", "really") may stand between a negation and its sign.
_NEGATION_REACH = 4


@dataclass(frozen=True, slots=True)
class Found:
    signs: tuple[Sign, ...]
    denied: tuple[str, ...]
    # Emergency flags whose topic the message touches where no sign pattern matched.
    touched: tuple[Sign, ...] = ()
    # A match asks about a sign ("what counts as a bad fall?") rather than reporting it.
    asked: bool = False


class _About(Enum):
    """What a match says about the writer."""

    REPORTED = "reported"
    DENIED = "denied"
    NOT_THEIRS = "not theirs"  # someone else, or long past and unchanged
    ASKED = "asked"  # a question about the sign, not a report of it


@dataclass(frozen=True, slots=True)
class _Message:
    lexicon: Compiled
    words: Words
    this_year: int
    masked: frozenset[int]
    # A hedge, a question mark or a creeping change anywhere: no sign in it is plain.
    unsure: bool
    text: str

    def clause(self, index: int) -> list[Word]:
        clause = self.words[index].token.clause
        return [w for w in self.words if w.token.clause == clause]


def find_signs(lexicon: Compiled, words: Words, this_year: int, text: str) -> Found:
    unsure = (
        lexicon.group_anywhere(words, "HEDGE")
        or lexicon.group_anywhere(words, "GRADUAL")
        or any(w.token.asked for w in words)
    )
    message = _Message(lexicon, words, this_year, _idioms(lexicon, words), unsure, text)
    signs: dict[str, Sign] = {}
    denied: list[str] = []
    asked = False
    for sign, match, about in _read(message, lexicon.signs_in(words), topic=False):
        denied += [sign.spec.flag] if about is _About.DENIED else []
        asked |= about is _About.ASKED
        if about is _About.REPORTED:
            certainty = _certainty(message, match, sign.spec.certainty)
            _keep_clearest(signs, Sign(sign.spec.flag, certainty, _span(words, match)))
    touched: dict[str, Sign] = {}
    topics = [t for t in lexicon.topics_in(words) if t.spec.flag not in signs]
    for topic, match, about in _read(message, topics, topic=True):
        flag = topic.spec.flag
        denied += [flag] if about is _About.DENIED else []
        asked |= about is _About.ASKED
        if about is _About.REPORTED and flag not in touched:
            touched[flag] = Sign(flag, Certainty.POSSIBLE, _span(words, match))
    gone = signs.keys() | touched.keys()
    return Found(
        tuple(signs.values()),
        tuple(f for f in dict.fromkeys(denied) if f not in gone),
        tuple(touched.values()),
        asked,
    )


def _read(
    message: _Message, patterns: Iterable[CompiledSign], topic: bool
) -> Iterator[tuple[CompiledSign, Match, _About]]:
    """Every match of the patterns in the message, with what it says about the writer."""
    for pattern in patterns:
        for match in message.lexicon.matches(
            pattern.slots, message.words, pattern.spec.gap, message.masked, fuzzy=True
        ):
            yield pattern, match, _about(message, match, topic)


def _span(words: Words, match: Match) -> tuple[int, int]:
    return words[match.first].token.start, words[match.last].token.end


def _keep_clearest(signs: dict[str, Sign], found: Sign) -> None:
    """One sign per flag: the clearest, then the first."""
    known = signs.get(found.flag)
    if known is None or (
        known.certainty is Certainty.POSSIBLE and found.certainty is Certainty.CLEAR
    ):
        signs[found.flag] = found


def _about(message: _Message, match: Match, topic: bool) -> _About:
    lexicon, words = message.lexicon, message.words
    if _echo_denied(message, match):
        return _About.DENIED
    if topic and _topic_denied(message, match):
        return _About.DENIED
    if not topic and _negated(message, match) is not None:
        return _About.DENIED
    if lexicon.about_someone_else(words, match.first):
        return _About.NOT_THEIRS
    if _long_ago(message, match) and lexicon.group_anywhere(words, "UNCHANGED"):
        return _About.NOT_THEIRS
    if _a_question_about_it(message, match):
        return _About.ASKED
    return _About.REPORTED


def _certainty(message: _Message, match: Match, written: Certainty) -> Certainty:
    """Clear only when the pattern is and the message states it plainly (contract v3)."""
    plain = not (
        match.fuzzy
        or message.unsure
        or _long_ago(message, match)
        or _negation_elsewhere(message, match)
    )
    return written if plain else Certainty.POSSIBLE


def _negation_elsewhere(message: _Message, match: Match) -> bool:
    """A negation anywhere outside the sign's own words ("no fever, but I can't pee")."""
    return any(
        message.lexicon.in_group(word, "NEGATION")
        for i, word in enumerate(message.words)
        if i not in match.used
    )


def _long_ago(message: _Message, match: Match) -> bool:
    clause = message.clause(match.first)
    return message.lexicon.group_anywhere(clause, "LONG_AGO") or any(
        _an_earlier_year(w, message.this_year) for w in clause
    )


def _an_earlier_year(word: Word, this_year: int) -> bool:
    text = word.token.text
    return len(text) == 4 and text.isdigit() and 1940 <= int(text) < this_year


def _idioms(lexicon: Compiled, words: Words) -> frozenset[int]:
    masked: set[int] = set()
    for idiom in lexicon.idioms_in(words):
        for match in lexicon.matches(idiom, words, gap=1):
            masked.update(range(match.first, match.last + 1))
    return frozenset(masked)


def _echo_denied(message: _Message, match: Match) -> bool:
    """ "Incontinence? Never.", "¿Fiebre? Para nada", "Мочевой? Всё норм": a sign asked
    back, then a clause that is nothing but a no or a "fine"."""
    words = message.words
    if not words[match.first].token.asked or _fine_after(message, match, asking=True):
        return False  # "bladder ok? no" is not fine: a report, not a denial
    clause = words[match.first].token.clause
    after = [i for i in range(match.last + 1, len(words)) if words[i].token.clause != clause]
    answer = [i for i in after if words[i].token.clause == words[after[0]].token.clause]
    return bool(answer) and _a_bare_no(message, answer[0], answer[-1])


def _a_bare_no(message: _Message, first: int, last: int) -> bool:
    """Words `first`..`last` say no or fine and nothing else, and ask nothing."""
    lexicon, words = message.lexicon, message.words
    if words[first].token.asked or lexicon.in_group(words[first], "QUESTION_WORD"):
        return False  # "... at all?? is that normal" asks on, it does not answer
    said_no, i = False, first
    while i <= last:
        saying = max(lexicon.group_at(words, i, g) for g in ("NEGATION", "FINE"))
        if saying:
            said_no, i = True, i + saying
        elif lexicon.in_group(words[i], "BRIDGE"):
            i += 1
        else:
            return False
    return said_no


def _a_question_about_it(message: _Message, match: Match) -> bool:
    """ "what counts as a bad fall?": a question word opens the clause, which ends in a
    question mark, does not speak of the writer, and the match itself says no one cannot
    do something ("¿es normal que no pueda mear?" reports)."""
    lexicon, words = message.lexicon, message.words
    clause = message.clause(match.first)
    opening = clause[0].token
    return (
        opening.asked
        and lexicon.in_group(clause[0], "QUESTION_WORD")
        # "что-то с мочевым не так?": a hyphenated word is not a question word.
        and message.text[opening.end : opening.end + 1] != "-"
        and not any(lexicon.in_group(w, "FIRST_PERSON") for w in clause)
        and not any(lexicon.in_group(words[i], "CANT") for i in match.used)
    )


def _topic_denied(message: _Message, match: Match) -> bool:
    """A clear "no" about a topic: "no bladder problems", "legs are fine", "I didn't
    fall". A negated function is the sign itself ("I don't feel my legs", "haven't peed"),
    unless the negation is of a problem with it ("no problems peeing")."""
    lexicon, words = message.lexicon, message.words
    if _fine_after(message, match):
        return True
    negation = _negated(message, match)
    if negation is None:
        return False
    if not any(lexicon.in_group(words[i], "FUNCTION") for i in match.used):
        return True
    if match.first <= negation <= match.last:  # "no noto nada raro en las piernas"
        return True
    between = words[min(negation, match.first) + 1 : match.first]
    return any(lexicon.in_group(w, "PROBLEM") for w in between)


def _fine_after(message: _Message, match: Match, asking: bool = False) -> bool:
    """ "bladder fine", "legs are ok": a word for fine after the topic in its clause, not
    itself negated ("not ok"), in a statement ("bladder fine?" asks; with `asking`, in a
    question)."""
    lexicon, words = message.lexicon, message.words
    if words[match.first].token.asked != asking:
        return False
    clause = words[match.first].token.clause
    for i in range(match.last + 1, len(words)):
        if words[i].token.clause != clause:
            return False
        if lexicon.in_group(words[i], "FINE"):
            return not lexicon.in_group(words[i - 1], "NEGATION")
    return False


def _negated(message: _Message, match: Match) -> int | None:
    """Where a negation stands inside the match's gaps, just before it, or closing its
    clause after it; None if nowhere."""
    lexicon, words = message.lexicon, message.words
    clause = words[match.first].token.clause
    for i in range(match.first, match.last + 1):
        if i not in match.used and lexicon.in_group(words[i], "NEGATION"):
            return i
    i = match.first - 1
    while i >= 0 and match.first - i <= _NEGATION_REACH and words[i].token.clause == clause:
        if lexicon.in_group(words[i], "NEGATION"):
            return i
        if not lexicon.in_group(words[i], "BRIDGE"):
            break
        i -= 1
    return _negation_closing(message, match.last, clause)


def _negation_closing(message: _Message, last: int, clause: int) -> int | None:
    """ "numbness: none", "травм не было": a negation after the sign, with only filler
    words up to the end of its clause. Not when a function follows it: "se me salió sin
    sentir" is without feeling it, the sign itself."""
    lexicon, words = message.lexicon, message.words
    after = [(i, w) for i, w in enumerate(words) if i > last and w.token.clause == clause]
    for position, (index, word) in enumerate(after):
        if lexicon.in_group(word, "NEGATION"):
            rest = [w for _, w in after[position + 1 :]]
            filler = all(lexicon.in_group(w, "BRIDGE") for w in rest)
            function = any(lexicon.in_group(w, "FUNCTION") for w in rest)
            return index if filler and not function else None
        if not lexicon.in_group(word, "BRIDGE"):
            return None
    return None
