"""Dictionary forms of words, per language, from well-kept lemmatisers.

- English and Spanish: `simplemma` (dictionary lookup with rules for unknown words), over
  its dictionaries in a compact form (`dictionaries.py`: 2.5 MB instead of 105 MB, loaded
  in milliseconds); the library's own dictionaries when those tables are missing or were
  made from another simplemma version.
- Russian: `pymorphy3`, a morphological analyser: it knows "отнялись" is "отняться", which
  simplemma's Russian dictionary does not, loads in a tenth of the time and holds a fifth
  of the memory.

Lookups are cached per word: messages repeat the same few hundred words, and a cached
lookup costs a dictionary access instead of an analysis.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

from flows.understanding import dictionaries

log = logging.getLogger(__name__)

# Distinct words kept per language; a long tail of typos and names falls out first.
_CACHE_WORDS = 20_000


def fold_accents(word: str) -> str:
    """ "caí" -> "cai": people often type Spanish without accents (ñ is kept)."""
    if word.isascii():  # most words: nothing to fold (the lexicons' are folded at start-up)
        return word
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


Lemmatiser = tuple[Callable[[str], str], Callable[[str], bool]]  # lemma, is known


def simplemma_library(language: str) -> Lemmatiser:
    """simplemma with its own dictionaries (the source of the compact ones)."""
    return (
        lambda word: simplemma.lemmatize(word, lang=language).lower(),
        lambda word: simplemma.is_known(word, lang=language),
    )


def simplemma_compact(language: str, tables: Path | None = None) -> Lemmatiser | None:
    """simplemma's own lemmatiser and lookup (what `simplemma.lemmatize` and
    `simplemma.is_known` run) over the compact dictionary in `tables` (the package's by
    default); None without one."""
    table = dictionaries.load(language, simplemma.__version__, tables or dictionaries.TABLES)
    if table is None:
        return None
    factory = dictionaries.CompactFactory({language: table})
    # No cache of its own: `_cached` keeps the words.
    lemmatizer = simplemma.Lemmatizer(
        cache_max_size=0, lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)
    )
    lookup = DictionaryLookupStrategy(factory)
    return (
        lambda word: lemmatizer.lemmatize(word, language).lower(),
        # simplemma.is_known: the NFC form is looked up.
        lambda word: lookup.get_lemma(unicodedata.normalize("NFC", word), language) is not None,
    )


def _simplemma(language: str) -> Lemmatiser:
    compact = simplemma_compact(language)
    if compact is not None:
        return compact
    log.warning(
        "no compact %s dictionary for simplemma %s (python -m tools.dictionary_tables):"
        " using the library's, which takes about 20 times the memory",
        language,
        simplemma.__version__,
    )
    return simplemma_library(language)


# How each language's lemmatiser is made, on its first word.
LEMMATISERS: dict[str, Callable[[], Lemmatiser]] = {
    "en": lambda: _simplemma("en"),
    "es": lambda: _simplemma("es"),
    "ru": lambda: (_russian_lemma, _russian_known),
}


@cache
def _cached(language: str) -> Lemmatiser:
    lemma, known = LEMMATISERS[language]()
    return lru_cache(_CACHE_WORDS)(lemma), lru_cache(_CACHE_WORDS)(known)


def clear_cache() -> None:
    """Forget the lemmatisers made and the words looked up (after LEMMATISERS changed)."""
    _cached.cache_clear()


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
