"""simplemma's English and Spanish dictionaries in a compact form, read by simplemma itself.

simplemma decodes a language's dictionary into a Python dict on first use: about 85 MB for
Spanish and 20 MB for English, and half a second to load. The same dictionary is kept here
as a DAWG (a minimal automaton over its word forms, read by `dawg_python`, which pymorphy3
uses for its own dictionaries): each form maps to the edit that turns it into its lemma
("caminaba" -> drop 3 letters, add "ar"); Spanish has 1,875 distinct edits for 823,840
forms. Loaded, both languages take about 2.5 MB and a few milliseconds.

simplemma's own lemmatiser runs over these tables (its `DictionaryFactory` protocol), so
every strategy it applies to a word outside its dictionary (clitics, rules, affixes) sees
the same dictionary: the lemma and "is it a known word" are the library's, for any word.
The tables are made from the installed simplemma by `python -m tools.dictionary_tables`
and are used only with the simplemma version they were made from (`tables/simplemma.json`);
otherwise the library's own dictionaries are used (`morphology.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import dawg_python

TABLES = Path(__file__).with_name("tables")
STAMP = "simplemma.json"
LANGUAGES = ("en", "es")

Edit = tuple[int, str]  # letters dropped from the end of a form, letters then added


def edit_of(form: str, lemma: str) -> Edit:
    """The suffix edit that turns `form` into `lemma` ("caminaba", "caminar": (3, "ar"))."""
    shared = 0
    for a, b in zip(form, lemma, strict=False):
        if a != b:
            break
        shared += 1
    return len(form) - shared, lemma[shared:]


def table_path(folder: Path, language: str) -> Path:
    return folder / f"{language}.dawg"


class CompactDictionary(Mapping[str, str]):
    """One language's dictionary: word form -> lemma, read from its DAWG."""

    def __init__(self, forms: dawg_python.IntDAWG, edits: tuple[Edit, ...], size: int) -> None:
        self._forms = forms
        self._edits = edits
        self._size = size

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        found = self._forms.get(key)
        if found is None:
            return default
        drop, add = self._edits[found]
        return key[: len(key) - drop] + add

    def __getitem__(self, key: str) -> str:
        lemma = self.get(key)
        if lemma is None:
            raise KeyError(key)
        return lemma

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._forms

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the compact dictionary is read by lookup only")

    def __len__(self) -> int:
        return self._size


@dataclass(frozen=True, slots=True)
class CompactFactory:
    """simplemma's `DictionaryFactory` protocol over the compact dictionaries."""

    dictionaries: Mapping[str, CompactDictionary]

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        try:
            return self.dictionaries[lang]
        except KeyError:
            raise ValueError(f"Unsupported language: {lang}") from None


def stamp(folder: Path = TABLES) -> dict[str, object] | None:
    """What the tables in `folder` were made from, or None when there are none."""
    try:
        return json.loads((folder / STAMP).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return None


def load(language: str, simplemma_version: str, folder: Path = TABLES) -> CompactDictionary | None:
    """The language's compact dictionary, or None when the tables are missing, unreadable
    or were made from another simplemma version (their lemmas may differ)."""
    made = stamp(folder)
    if made is None or made.get("simplemma") != simplemma_version:
        return None
    entry = made.get("languages", {}).get(language)  # type: ignore[attr-defined]
    if entry is None:
        return None
    try:
        forms = dawg_python.IntDAWG().load(str(table_path(folder, language)))
    except (OSError, ValueError, IndexError):
        return None
    edits = tuple((int(drop), str(add)) for drop, add in entry["edits"])
    return CompactDictionary(forms, edits, int(entry["forms"]))
