"""The slash commands, once: the service's dispatch, Telegram's menu, /help and the
console's introduction are all built from `COMMANDS`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import account, assessment, followups
from bot.core.event import Event, UseCase
from bot.core.replies import Reply
from bot.ui import render
from bot.ui.i18n import N_
from flows import machine


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str  # marked for translation; shown in the menu and in /help
    run: UseCase
    # Only tells something and changes nothing: the console shows the pending question
    # again after it, since its answer scrolled the question away.
    informs: bool = False


async def show_help(event: Event) -> Reply:
    """/help: how it works and every command; the question count comes from the flow."""
    questions = machine.remaining_questions(machine.start())
    return Reply((render.help_message(DESCRIPTIONS, questions, event.emergency_number),))


# In the order of Telegram's menu.
COMMANDS: tuple[Command, ...] = (
    Command("start", N_("Begin, or carry on with an unfinished assessment"), assessment.start),
    Command("summary", N_("Your last result, for your doctor"), assessment.show_summary, True),
    Command("restart", N_("Start a new assessment"), assessment.restart),
    Command("reminders", N_("See or cancel your follow-up reminders"), followups.reminders, True),
    Command("language", N_("Choose your language"), account.choose_language),
    Command("privacy", N_("What is stored and for how long"), account.privacy, True),
    Command("cancel", N_("Stop and delete the unfinished assessment"), assessment.cancel),
    Command("delete", N_("Erase everything stored about you"), account.ask_delete),
    Command("help", N_("How BackPath works"), show_help, True),
)
COMMANDS_BY_NAME: dict[str, Command] = {command.name: command for command in COMMANDS}
DESCRIPTIONS: tuple[tuple[str, str], ...] = tuple((c.name, c.description) for c in COMMANDS)
