"""Every message and button of every path, in each language, made of that language's words.

An English word in a Spanish message is a text that was never translated, or translated
once at import (a default argument) in whatever language was current then.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.core.commands import COMMANDS_BY_NAME, DESCRIPTIONS
from bot.core.replies import Message
from bot.ui import render, texts
from bot.ui.i18n import LANGUAGES, N_, _, language
from bot.ui.render import plain
from flows import machine
from flows.questions import DURATION, RED_FLAGS, Severity
from flows.referral import referral
from testing.catalogue import foreign_words

DAY = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


def path_messages(snapshot: machine.Snapshot | None = None) -> Iterator[Message]:
    """The question, answered and went-back messages of every path, and every result."""
    snapshot = snapshot or machine.start()
    if snapshot.finished:
        result = referral(snapshot.answers)
        yield render.result_message(result, snapshot.answers, 1, "")
        yield render.result_message(result, snapshot.answers, 1, "112")
        yield render.more_message(result, snapshot.answers)
        return
    question = snapshot.question
    assert question is not None
    yield render.question_message(1, snapshot)
    yield render.went_back_message(question)
    for option in question.options:
        yield render.answered_message(question, option.value)
        yield from path_messages(machine.answer(snapshot, question.id, option.value))


def other_messages() -> Iterator[Message]:
    """Everything the bot says outside the questions: commands, notes, offers, notices."""
    yield render.help_message(DESCRIPTIONS, 14, "")
    yield render.no_assessment()
    yield render.delete_confirmation()
    yield render.language_menu()
    yield render.reminder_list([(3, DAY)])
    yield render.reminder_list([])
    yield render.resume_offer(1, DAY)
    yield render.follow_up_message(2)
    yield render.follow_up_answered(True)
    yield render.follow_up_answered(False)
    for flag in (q.id for q in RED_FLAGS if q.severity is Severity.EMERGENCY):
        yield render.confirm_emergency(1, flag, "")
        yield render.confirmed_emergency(flag, _(texts.CONFIRM_NO), "911")
    for text in (
        texts.welcome(""),
        texts.privacy(90, True),
        texts.privacy(90, False),
        texts.not_understood("112"),
        texts.duration_not_sure("10", ""),
        texts.duration_noted("10", _(DURATION.options[0].label)),
        texts.reminder_set(render.date(DAY), True),
        texts.reminder_set(render.date(DAY), False),
        texts.unfinished_offer(render.date(DAY)),
        texts.remind_button(14),
        texts.cancel_reminder_button(render.date(DAY)),
        texts.console_intro([f"/{name}" for name in COMMANDS_BY_NAME]),
        texts.console_saved(_(texts.SUMMARY_CAPTION), "/0/1"),
        texts.progress_line(1, 14, RED_FLAGS[0].block),
        *(_(constant) for constant in _constants()),
    ):
        yield render.note(text)


def _constants() -> list[str]:
    """The module-level texts of `bot.ui.texts` (marked with N_ and translated at use)."""
    return [
        value for name, value in vars(texts).items() if name.isupper() and isinstance(value, str)
    ]


def visible(message: Message) -> Iterator[str]:
    yield plain(message.text)
    for row in message.buttons:
        for button in row:
            yield button.label


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_text_is_from_the_users_language(code: str) -> None:
    foreign: dict[str, str] = {}
    with language(code):
        for message in (*path_messages(), *other_messages()):
            for text in visible(message):
                for word in foreign_words(text, code):
                    foreign.setdefault(word, text)
    assert not foreign, f"{code}: {len(foreign)} words from no {code} text, e.g. " + "; ".join(
        f"{word!r} in {text[:80]!r}" for word, text in list(foreign.items())[:5]
    )


def test_the_check_catches_an_english_text_in_a_spanish_message() -> None:
    with language("es"):
        assert foreign_words(_(N_("More about this")), "es") == []
        assert foreign_words("More about this", "es") == ["More", "about", "this"]
