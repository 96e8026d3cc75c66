"""simplemma's dictionaries in their compact form (flows/understanding/dictionaries.py): what
the reader finds through them is what it finds through the library's own dictionaries, and
without them (missing, or made from another simplemma version) the library is used."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.questions import QUESTIONS_BY_ID
from flows.understanding import corpus, dictionaries, morphology, understand
from flows.understanding.lexicons import LEXICONS
from flows.understanding.reading import Reading
from flows.understanding.text import normalise
from tools.dictionary_tables import differences

SIMPLEMMA_LANGUAGES = dictionaries.LANGUAGES
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


@pytest.fixture
def library() -> Iterator[None]:
    """The reader on simplemma's own dictionaries, for the duration of a test."""
    saved = dict(morphology.LEMMATISERS)
    for language in SIMPLEMMA_LANGUAGES:
        morphology.LEMMATISERS[language] = lambda code=language: morphology.simplemma_library(code)
    morphology.clear_cache()
    yield
    morphology.LEMMATISERS.update(saved)
    morphology.clear_cache()


def _strings(value: object) -> Iterator[str]:
    """Every string inside a lexicon (its entries, patterns and table keys)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))


def lexicon_phrases(language: str) -> list[str]:
    """Each entry and pattern of the lexicon as a message: "CANT pee" reads "pee"."""
    phrases = set()
    for text in _strings(LEXICONS[language]):
        words = [w for w in re.split(r"[\s|_]+", text) if w and not w.isupper()]
        if words:
            phrases.add(" ".join(words))
    return sorted(phrases)


def messages(language: str) -> list[corpus.Example]:
    return [e for which in corpus.Set for e in corpus.load(language, which)]


def readings(language: str) -> list[Reading]:
    """The reading of every corpus and held-out message at its question, and of every
    lexicon entry at the duration question."""
    found = []
    for example in messages(language):
        options = tuple(o.value for o in QUESTIONS_BY_ID[example.question].options)
        found.append(
            understand(example.text, language, example.question, options, example.labelled_on)
        )
    duration = tuple(o.value for o in QUESTIONS_BY_ID["duration"].options)
    found += [understand(p, language, "duration", duration) for p in lexicon_phrases(language)]
    return found


def words(language: str) -> list[str]:
    """Every word of the lexicon and the messages, and some that are in no dictionary
    (a letter more or less, a clitic or an ending added: what a typo or an inflection
    makes)."""
    texts = lexicon_phrases(language) + [e.text for e in messages(language)]
    seen = sorted({w for text in texts for w in _WORD.findall(normalise(text))})
    made = [w + ending for w in seen for ending in ("s", "me", "se", "mente", "'s", "n't")]
    return seen + made + [w[:-1] for w in seen if len(w) > 3] + [w[1:] for w in seen if len(w) > 3]


@pytest.mark.parametrize("language", SIMPLEMMA_LANGUAGES)
def test_the_compact_dictionaries_are_the_ones_in_use(language: str) -> None:
    assert morphology.simplemma_compact(language) is not None


def test_the_tables_are_what_the_installed_simplemma_makes() -> None:
    """`python -m tools.dictionary_tables` makes them again after an upgrade."""
    assert differences(dictionaries.TABLES) == []


@pytest.mark.parametrize("language", sorted(LEXICONS))
def test_every_message_and_lexicon_entry_reads_the_same_as_through_the_library(
    language: str, request: pytest.FixtureRequest
) -> None:
    compact = readings(language)
    request.getfixturevalue("library")
    assert readings(language) == compact


@pytest.mark.parametrize("language", SIMPLEMMA_LANGUAGES)
def test_every_word_has_the_library_lemma_and_is_known_as_there(language: str) -> None:
    compact = morphology.simplemma_compact(language)
    assert compact is not None
    lemma, known = compact
    library_lemma, library_known = morphology.simplemma_library(language)
    checked = words(language)
    assert len(checked) > 10_000
    assert [lemma(w) for w in checked] == [library_lemma(w) for w in checked]
    assert [known(w) for w in checked] == [library_known(w) for w in checked]


def _reads_with_the_library(caplog: pytest.LogCaptureFixture) -> None:
    morphology.clear_cache()
    with caplog.at_level(logging.WARNING, logger="flows.understanding.morphology"):
        assert morphology.lemma("caminaba", "es") == "caminar"
        assert morphology.is_known("caminaba", "es")
        assert not morphology.is_known("caminabaxq", "es")
        assert morphology.lemma("legs", "en") == "leg"
    warned = [r.getMessage() for r in caplog.records]
    assert any("no compact es dictionary" in m for m in warned), warned
    assert all("caminaba" not in m for m in warned)  # never a user's word


def test_without_the_tables_the_library_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(dictionaries, "TABLES", tmp_path / "missing")
    assert morphology.simplemma_compact("es") is None
    try:
        _reads_with_the_library(caplog)
    finally:
        morphology.clear_cache()


def test_tables_made_from_another_simplemma_version_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    copied = tmp_path / "tables"
    shutil.copytree(dictionaries.TABLES, copied)
    made = json.loads((copied / dictionaries.STAMP).read_text(encoding="utf-8"))
    made["simplemma"] = "0.1"
    (copied / dictionaries.STAMP).write_text(json.dumps(made), encoding="utf-8")
    monkeypatch.setattr(dictionaries, "TABLES", copied)
    assert morphology.simplemma_compact("es") is None
    try:
        _reads_with_the_library(caplog)
    finally:
        morphology.clear_cache()


def test_a_damaged_table_is_not_used(tmp_path: Path) -> None:
    copied = tmp_path / "tables"
    shutil.copytree(dictionaries.TABLES, copied)
    dictionaries.table_path(copied, "es").write_bytes(b"not a dawg")
    assert morphology.simplemma_compact("es", copied) is None
    assert morphology.simplemma_compact("en", copied) is not None
