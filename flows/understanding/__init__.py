"""Reading typed messages: red-flag signs, durations and direct answers, per language.

`understand(text, language, pending, options, today)` returns a `Reading`: plain data
about what the message says, with the positions of the words. What the bot does with a
reading is `flows.typed.decide`. Each language's words are data in `lexicons/<code>.py`.
"""

from flows.understanding.lexicon import Certainty
from flows.understanding.reader import understand, warm_up
from flows.understanding.reading import Duration, Reading, Sign

__all__ = ["Certainty", "Duration", "Reading", "Sign", "understand", "warm_up"]
