"""A typed message as words with their positions, split into clauses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words (with inner apostrophes: "can't"), and numbers with a decimal part ("39.5").
_WORD = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)*")
# Punctuation that ends a clause; ":" and "-" do not ("numbness: no", "fever - none").
_CLAUSE_END = re.compile(r"[.!?;,()\n]|\s[–—]\s")


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe, "ё" as "е", single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("`", "'").replace("ё", "е")
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    clause: int  # index of the clause the word belongs to
    # The clause ends in a question mark ("Incontinence? Never.": the first word's does).
    asked: bool = False


def tokenise(text: str, clause_breaks: frozenset[str]) -> list[Token]:
    """The words of a normalised message, each with the clause it is in.

    A clause ends at punctuation and before a word such as "but" / "pero" / "но", so that
    a negation counts only inside its own clause.
    """
    found: list[tuple[str, int, int, int]] = []
    clause, position = 0, 0
    asked: set[int] = set()
    for match in _WORD.finditer(text):
        between = text[position : match.start()]
        if found and "?" in between:
            asked.add(clause)
        if _CLAUSE_END.search(text, position, match.start()):
            clause += 1
        word = match.group()
        if word in clause_breaks and found:
            clause += 1
        found.append((word, match.start(), match.end(), clause))
        position = match.end()
    if found and "?" in text[position:]:
        asked.add(clause)
    return [Token(word, start, end, at, at in asked) for word, start, end, at in found]
