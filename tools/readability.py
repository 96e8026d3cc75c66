"""How long and how hard to read every result is, per referral row and language.

Every way of answering the flow is rendered; for each row the longest main message is
reported (characters, without markup) with its reading level: the US grade of
Flesch-Kincaid for English, Fernández Huerta's ease for Spanish and Flesch's ease
(Oborneva's Russian constants) for Russian, all counted offline with pyphen's syllables.

    python -m tools.readability
"""

from __future__ import annotations

import textstat

from bot.ui import render
from bot.ui.i18n import LANGUAGES, _, language
from bot.ui.render import plain
from flows.questions import QUESTIONS
from flows.referral import REFERRAL_TABLE, referral
from testing.paths import every_ending


def reading_level(text: str, code: str) -> float:
    """US grade for English (lower is easier), reading ease 0-100 otherwise (higher is)."""
    textstat.set_lang(code)
    if code == "en":
        return float(textstat.flesch_kincaid_grade(text))
    if code == "es":
        return float(textstat.fernandez_huerta(text))
    return float(textstat.flesch_reading_ease(text))


def longest_results(code: str) -> dict[str, str]:
    """Each referral row's longest main message in `code`, as plain text."""
    longest: dict[str, str] = {}
    with language(code):
        for final in every_ending():
            answers = final.answers
            row = referral(answers)
            text = plain(render.result_message(row, answers, 1, "").text)
            if len(text) > len(longest.get(row.row, "")):
                longest[row.row] = text
    return longest


def main() -> None:
    rows = [rule.referral.row for rule in REFERRAL_TABLE]
    results = {code: longest_results(code) for code in LANGUAGES}
    print("Longest result message per row: characters / reading level")
    print("(en: US grade, Flesch-Kincaid; es: Fernández Huerta ease; ru: Flesch ease)\n")
    print("| row | " + " | ".join(LANGUAGES) + " |")
    print("|---|" + "---|" * len(LANGUAGES))
    for row in rows:
        cells = [
            f"{len(results[code][row])} / {reading_level(results[code][row], code):.1f}"
            for code in LANGUAGES
        ]
        print(f"| {row} | " + " | ".join(cells) + " |")
    print("\nQuestions (text and hint): reading level")
    print("| question | " + " | ".join(LANGUAGES) + " |")
    print("|---|" + "---|" * len(LANGUAGES))
    for question in QUESTIONS:
        cells = []
        for code in LANGUAGES:
            with language(code):
                text = " ".join(_(t) for t in (question.text, question.hint) if t)
            cells.append(f"{reading_level(text, code):.1f}")
        print(f"| {question.id} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
