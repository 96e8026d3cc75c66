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


def tokenise(text: str, clause_breaks: frozenset[str]) -> list[Token]:
    """The words of a normalised message, each with the clause it is in.

    A clause ends at punctuation and before a word such as "but" / "pero" / "но", so that
    a negation counts only inside its own clause.
    """
    tokens: list[Token] = []
    clause, position = 0, 0
    for match in _WORD.finditer(text):
        if _CLAUSE_END.search(text, position, match.start()):
            clause += 1
        word = match.group()
        if word in clause_breaks and tokens:
            clause += 1
        tokens.append(Token(word, match.start(), match.end(), clause))
        position = match.end()
    return tokens
