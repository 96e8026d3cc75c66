"""Each language through the service: every command, the result's buttons, a reminder,
a typed answer, all in the user's language and nothing else."""

from __future__ import annotations

import pytest

from bot.core import actions
from bot.core.actions import Action, AnswerAction, decode
from bot.core.commands import COMMANDS_BY_NAME
from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from bot.ui.i18n import LANGUAGES
from bot.ui.render import plain
from storage.repository import StateRepository
from testing.catalogue import foreign_words

NO_FLAGS = ["no"] * 8
# Option values, so the walk is the same whatever the labels say (50 or over with pain
# of 6 weeks or more is no risk factor: contract v3, section 1a).
TO_R3 = [*NO_FLAGS, "18_49", "no", "acute_0_2", "back", "mechanical"]
TO_R5 = [*NO_FLAGS, "50_plus", "no", "persistent", "both", "mechanical", "no"]


class Visitor:
    """One user pressing buttons by what they do, collecting every text they see."""

    def __init__(self, service: TriageService, code: str) -> None:
        self.service = service
        self.who = Sender(42, language_code=code)
        self.seen: list[str] = []

    def see(self, reply: Reply) -> Reply:
        for message in (*reply.messages, *([reply.edit] if reply.edit else [])):
            self.seen.append(plain(message.text))
            self.seen += [b.label for row in message.buttons for b in row]
        self.seen += [d.caption for d in reply.documents]
        if reply.notice:
            self.seen.append(reply.notice)
        return reply

    async def command(self, name: str) -> Reply:
        return self.see(await self.service.command(name, self.who))

    async def text(self, words: str) -> Reply:
        return self.see(await self.service.text(self.who, words))

    async def press(self, reply: Reply, kind: type[Action], value: str | None = None) -> Reply:
        data = next(
            (
                b.data
                for m in reply.messages
                for row in m.buttons
                for b in row
                if isinstance(action := decode(b.data), kind)
                and (value is None or getattr(action, "value", None) == value)
            ),
            None,
        )
        assert data is not None, f"no {kind.__name__} {value or ''} button in {reply}"
        return self.see(await self.service.press(self.who, data))

    async def answer(self, reply: Reply, values: list[str]) -> Reply:
        for value in values:
            reply = await self.press(reply, AnswerAction, value)
        return reply


@pytest.mark.parametrize("code", list(LANGUAGES))
async def test_a_user_sees_only_their_language(repository: StateRepository, code: str) -> None:
    user = Visitor(TriageService(repository, emergency_number="112"), code)
    await user.command("start")
    reply = await user.text("xyzzy")  # not understood: the emergency line, the question
    await user.press(reply, actions.WhyAction)
    reply = await user.answer(reply, NO_FLAGS[:1])
    reply = await user.press(reply, actions.BackAction)
    result = await user.answer(reply, TO_R3)
    await user.press(result, actions.RemindAction)
    await user.press(result, actions.MoreAction)
    await user.press(result, actions.SummaryAction)
    reply = await user.press(result, actions.NewAssessmentAction)
    await user.answer(reply, TO_R5)
    for name in COMMANDS_BY_NAME:
        reply = await user.command(name)
    await user.press(await user.command("reminders"), actions.CancelReminderAction)
    await user.press(await user.command("delete"), actions.DeleteAction)

    foreign = {word: text for text in user.seen for word in foreign_words(text, code)}
    assert not foreign, f"{code}: " + "; ".join(
        f"{word!r} in {text[:80]!r}" for word, text in list(foreign.items())[:5]
    )
    assert len(user.seen) > 60


async def test_in_the_console_a_reminder_says_it_comes_only_in_telegram(
    repository: StateRepository,
) -> None:
    from bot.core.event import Channel

    for channel, says in ((Channel.CONSOLE, True), (Channel.TELEGRAM, False)):
        user = Visitor(TriageService(repository, channel=channel), "en")
        user.who = Sender(7 if says else 8, language_code="en")
        result = await user.answer(await user.command("start"), TO_R3)
        done = await user.press(result, actions.RemindAction)
        assert ("comes only in Telegram" in done.messages[0].text) is says
        privacy = (await user.command("privacy")).messages[0].text
        assert ("Telegram user id" in privacy) is not says
