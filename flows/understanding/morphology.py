"""Dictionary forms of words, per language, from well-kept lemmatisers.

- English and Spanish: `simplemma` (dictionary lookup with rules for unknown words).
- Russian: `pymorphy3`, a morphological analyser: it knows "отнялись" is "отняться", which
  simplemma's Russian dictionary does not, loads in a tenth of the time and holds a fifth
  of the memory.

Lookups are cached per word: messages repeat the same few hundred words, and a cached
lookup costs a dictionary access instead of an analysis.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

import simplemma

# Distinct words kept per language; a long tail of typos and names falls out first.
_CACHE_WORDS = 20_000


def fold_accents(word: str) -> str:
    """ "caí" -> "cai": people often type Spanish without accents (ñ is kept)."""
    decomposed = unicodedata.normalize("NFD", word.replace("ñ", "\0"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\0", "ñ")


@cache
def _pymorphy() -> object:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _russian_lemma(word: str) -> str:
    parses = _pymorphy().parse(word)  # type: ignore[attr-defined]
    return parses[0].normal_form.replace("ё", "е") if parses else word


def _russian_known(word: str) -> bool:
    return bool(_pymorphy().word_is_known(word))  # type: ignore[attr-defined]


def _simplemma_lemma(language: str) -> Callable[[str], str]:
    return lambda word: simplemma.lemmatize(word, lang=language).lower()


def _simplemma_known(language: str) -> Callable[[str], bool]:
    return lambda word: simplemma.is_known(word, lang=language)


_LEMMATISERS: dict[str, tuple[Callable[[str], str], Callable[[str], bool]]] = {
    "en": (_simplemma_lemma("en"), _simplemma_known("en")),
    "es": (_simplemma_lemma("es"), _simplemma_known("es")),
    "ru": (_russian_lemma, _russian_known),
}


@cache
def _cached(language: str) -> tuple[Callable[[str], str], Callable[[str], bool]]:
    lemma, known = _LEMMATISERS[language]
    return lru_cache(_CACHE_WORDS)(lemma), lru_cache(_CACHE_WORDS)(known)


def lemma(word: str, language: str) -> str:
    """The dictionary form of a lower-case word."""
    return _cached(language)[0](word)


def is_known(word: str, language: str) -> bool:
    """Whether the lemmatiser's dictionary has the word (an unknown word may be a typo)."""
    return _cached(language)[1](word)


def warm_up(language: str) -> None:
    """Load the language's dictionary now rather than on its first message."""
    lemma("warm", language)
    is_known("warm", language)
