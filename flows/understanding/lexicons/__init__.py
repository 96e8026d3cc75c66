"""Each language's words for the reader, keyed by language code."""

from __future__ import annotations

from flows.understanding.lexicon import Lexicon
from flows.understanding.lexicons import en, es, ru

LEXICONS: dict[str, Lexicon] = {
    lexicon.code: lexicon for lexicon in (en.LEXICON, es.LEXICON, ru.LEXICON)
}
