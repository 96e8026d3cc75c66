"""A lexicon made ready for reading: patterns parsed, words folded, and each message's
words looked up once (lemma, typo correction) for every pattern to share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from rapidfuzz import fuzz, process

from flows.understanding import morphology
from flows.understanding.lexicon import Lexicon, SignPattern
from flows.understanding.text import Token, tokenise

Alternative = tuple[str, ...]  # adjacent words
T = TypeVar("T")
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Slot:
    """Any one of several alternatives, indexed by their first word: a message's word is
    checked against the few alternatives that start with it, not against all."""

    by_first: dict[str, tuple[Alternative, ...]]
    firsts: frozenset[str]  # the keys of `by_first`, for a quick "can it start here?"

    @classmethod
    def of(cls, alternatives: list[Alternative]) -> Slot:
        index: dict[str, list[Alternative]] = {}
        for alternative in alternatives:
            index.setdefault(alternative[0], []).append(alternative)
        return cls({first: tuple(found) for first, found in index.items()}, frozenset(index))

    @property
    def alternatives(self) -> list[Alternative]:
        return [a for found in self.by_first.values() for a in found]


# A word this close to a sign word (rapidfuzz ratio, 0-100) is read as that word,
# misspelt: "bladdder", "numbess", "мачевой". The match is then only possible, never clear.
FUZZY_SCORE = 84
FUZZY_MIN_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Word:
    token: Token
    keys: frozenset[str]  # the surface form and the lemma, folded as the lexicon is
    fuzzy: frozenset[str]  # sign words this word may be a typo of


class Words(list[Word]):
    """A message's words, with where each key occurs: a pattern is tried only at the
    words its first slot can start with, not at every word."""

    def __init__(self, words: list[Word]) -> None:
        super().__init__(words)
        self.exact: dict[str, list[int]] = {}
        self.loose: dict[str, list[int]] = {}  # typo corrections too
        for i, word in enumerate(words):
            for key in word.keys:
                self.exact.setdefault(key, []).append(i)
                self.loose.setdefault(key, []).append(i)
            for key in word.fuzzy - word.keys:
                self.loose.setdefault(key, []).append(i)
        self.exact_keys = frozenset(self.exact)
        self.loose_keys = frozenset(self.loose)


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # word indices, `last` inclusive
    last: int
    used: frozenset[int]  # the words the pattern itself matched (not the gaps)
    fuzzy: bool


@dataclass(frozen=True, slots=True)
class CompiledSign:
    spec: SignPattern
    slots: tuple[Slot, ...]


class Compiled:
    """One language's lexicon, parsed once."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.language = lexicon.code
        self.groups = {
            name: tuple(self._alternative(entry) for entry in entries)
            for name, entries in lexicon.groups.items()
        }
        self.signs = self._compile(lexicon.signs)
        self.topics = self._compile(lexicon.topics)
        # Which signs (topics) may start at a word, by the word's key: a message is
        # matched against the few its words can begin, not against all of them.
        self._signs_by_first = _by_first_key(s.slots for s in self.signs)
        self._topics_by_first = _by_first_key(s.slots for s in self.topics)
        self.idioms = tuple(self.parse(idiom) for idiom in lexicon.idioms)
        self._idioms_by_first = _by_first_key(self.idioms)
        self.clause_breaks = frozenset(self.fold(w) for w in lexicon.clause_breaks)
        self.answers = {
            question: self._answers(values) for question, values in lexicon.answers.items()
        }
        self.units = self._folded(lexicon.units)
        self.numbers = self._folded(lexicon.numbers)
        self.months = self._folded(lexicon.months)
        self.holidays = self._folded(lexicon.holidays)
        self.weekdays = frozenset(self.fold(word) for word in lexicon.weekdays)
        # Typos are looked for among the words that signs and topics are made of.
        matched = _words_of(s.slots for s in (*self.signs, *self.topics))
        self.sign_vocabulary = tuple(sorted(w for w in matched if len(w) >= FUZZY_MIN_LENGTH))
        grouped = frozenset(w for alts in self.groups.values() for a in alts for w in a)
        self._known_words = matched | _words_of(self.idioms) | grouped
        self._groups_by_first = {name: Slot.of(list(alts)) for name, alts in self.groups.items()}
        self._single = {
            name: frozenset(a[0] for a in alts if len(a) == 1) for name, alts in self.groups.items()
        }

    def _answers(
        self, values: Mapping[str, tuple[str, ...]]
    ) -> dict[str, tuple[tuple[Slot, ...], ...]]:
        return {value: tuple(self.parse(p) for p in patterns) for value, patterns in values.items()}

    def _compile(self, patterns: tuple[SignPattern, ...]) -> tuple[CompiledSign, ...]:
        return tuple(CompiledSign(p, self.parse(p.pattern)) for p in patterns)

    def _folded(self, table: Mapping[str, T]) -> dict[str, T]:
        return {self.fold(word): value for word, value in table.items()}

    def fold(self, word: str) -> str:
        return morphology.fold_accents(word) if self.lexicon.fold_accents else word

    def _alternative(self, entry: str) -> Alternative:
        return tuple(self.fold(word) for word in entry.split("_"))

    def parse(self, pattern: str) -> tuple[Slot, ...]:
        slots: list[Slot] = []
        for part in pattern.split():
            alternatives: list[Alternative] = []
            for choice in part.split("|"):
                if choice.isupper():
                    alternatives.extend(self.groups[choice])
                else:
                    alternatives.append(self._alternative(choice))
            slots.append(Slot.of(alternatives))
        return tuple(slots)

    # --- one message ---------------------------------------------------------------------

    def words(self, text: str) -> Words:
        return Words([self._word(token) for token in tokenise(text, self.clause_breaks)])

    def _word(self, token: Token) -> Word:
        surface = token.text
        if surface.endswith("'s"):  # "dad's" -> "dad"
            surface = surface[:-2]
        keys = {self.fold(surface)}
        if not surface.isdigit():
            keys.add(self.fold(morphology.lemma(surface, self.language)))
        fuzzy: frozenset[str] = frozenset()
        if (
            len(surface) >= FUZZY_MIN_LENGTH
            and not keys & self._known_words
            and not morphology.is_known(surface, self.language)
        ):
            fuzzy = frozenset(_near(self.fold(surface), self.sign_vocabulary))
        return Word(token, frozenset(keys), fuzzy)

    def signs_in(self, words: Words) -> list[CompiledSign]:
        """The signs that may match: those whose first slot one of the words can fill."""
        return _starting_with(self.signs, self._signs_by_first, words)

    def topics_in(self, words: Words) -> list[CompiledSign]:
        """The topics that may match, found as `signs_in` finds signs."""
        return _starting_with(self.topics, self._topics_by_first, words)

    def idioms_in(self, words: Words) -> list[tuple[Slot, ...]]:
        """The idioms that may match, found as `signs_in` finds signs."""
        return _starting_with(self.idioms, self._idioms_by_first, words)

    def matches(
        self,
        slots: tuple[Slot, ...],
        words: list[Word],
        gap: int = 3,
        masked: frozenset[int] = frozenset(),
        fuzzy: bool = False,
    ) -> Iterator[Match]:
        """Every place where the pattern's slots occur in order inside one clause."""
        indexed = words if isinstance(words, Words) else Words(words)
        where = indexed.loose if fuzzy else indexed.exact
        keys = indexed.loose_keys if fuzzy else indexed.exact_keys
        # Every slot needs a word of the message to start with: most patterns stop here.
        if any(slot.firsts.isdisjoint(keys) for slot in slots):
            return
        starts = sorted({i for key in slots[0].firsts & keys for i in where[key]})
        for start in starts:
            found = _match_from(slots, 0, words, start, start, gap, masked, fuzzy, ())
            if found is not None:
                used, was_fuzzy = found
                yield Match(start, max(used), frozenset(used), was_fuzzy)

    def in_group(self, word: Word, group: str) -> bool:
        single = self._single.get(group)
        return single is not None and not single.isdisjoint(word.keys)

    def group_at(self, words: list[Word], index: int, group: str) -> int:
        """How many words from `index` on form an entry of the group (0: none)."""
        slot = self._groups_by_first.get(group)
        if slot is None or not 0 <= index < len(words):
            return 0
        longest = 0
        for alternative in _starting(slot, words[index], False):
            if _alternative_at(alternative, words, index, frozenset(), False) is not None:
                longest = max(longest, len(alternative))
        return longest

    def about_someone_else(self, words: list[Word], index: int) -> bool:
        """The clause names another person before word `index`, and not the writer after
        them ("my dad can't walk" does, "my wife says I can't walk" does not)."""
        clause = words[index].token.clause
        for i in range(index - 1, -1, -1):
            word = words[i]
            if word.token.clause != clause or self.in_group(word, "FIRST_PERSON"):
                return False
            if self.in_group(word, "OTHER_PERSON"):
                return True
        return False

    def group_anywhere(self, words: Iterable[Word], group: str) -> bool:
        listed = list(words)
        return any(self.group_at(listed, i, group) for i in range(len(listed)))


def _by_first_key(patterns: Iterable[tuple[Slot, ...]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for number, slots in enumerate(patterns):
        for key in slots[0].by_first:
            index.setdefault(key, []).append(number)
    return index


def _starting_with(patterns: tuple[P, ...], index: dict[str, list[int]], words: Words) -> list[P]:
    numbers = {n for key in words.loose for n in index.get(key, ())}
    return [patterns[n] for n in sorted(numbers)]


def _words_of(patterns: Iterable[tuple[Slot, ...]]) -> frozenset[str]:
    return frozenset(
        word
        for slots in patterns
        for slot in slots
        for alternative in slot.alternatives
        for word in alternative
    )


def _starting(slot: Slot, word: Word, fuzzy: bool) -> list[Alternative]:
    """The slot's alternatives that begin with this word (or, misspelt, may)."""
    keys = word.keys | word.fuzzy if fuzzy else word.keys
    return [a for key in keys for a in slot.by_first.get(key, ())]


def _near(word: str, vocabulary: tuple[str, ...]) -> list[str]:
    found = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE, limit=3)
    return [choice for choice, _score, _index in found]


def _alternative_at(
    alternative: Alternative, words: list[Word], index: int, masked: frozenset[int], fuzzy: bool
) -> tuple[list[int], bool] | None:
    """The word indices the adjacent words of `alternative` occupy from `index`, if they do."""
    if index + len(alternative) > len(words):
        return None
    clause = words[index].token.clause
    used, was_fuzzy = [], False
    for offset, expected in enumerate(alternative):
        i = index + offset
        word = words[i]
        if i in masked or word.token.clause != clause:
            return None
        if expected in word.keys:
            pass
        elif fuzzy and expected in word.fuzzy:
            was_fuzzy = True
        else:
            return None
        used.append(i)
    return used, was_fuzzy


def _match_from(
    slots: tuple[Slot, ...],
    slot: int,
    words: list[Word],
    first: int,
    last: int,
    gap: int,
    masked: frozenset[int],
    fuzzy: bool,
    used: tuple[int, ...],
) -> tuple[list[int], bool] | None:
    if slot == len(slots):
        return list(used), False
    # The first slot must sit exactly at `first`; later ones may skip up to `gap` words.
    reach = range(first, first + 1) if slot == 0 else range(last, last + gap + 1)
    clause = words[first].token.clause
    for index in reach:
        if index >= len(words) or words[index].token.clause != clause:
            break
        for alternative in _starting(slots[slot], words[index], fuzzy):
            hit = _alternative_at(alternative, words, index, masked, fuzzy)
            if hit is None:
                continue
            taken, was_fuzzy = hit
            rest = _match_from(
                slots, slot + 1, words, first, taken[-1] + 1, gap, masked, fuzzy, (*used, *taken)
            )
            if rest is not None:
                return rest[0], rest[1] or was_fuzzy
    return None


@cache
def compiled(lexicon: Lexicon) -> Compiled:
    return Compiled(lexicon)
