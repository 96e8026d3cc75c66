"""The assessment in a terminal: same service, flow and storage as the Telegram bot.

Buttons are numbered; type a number to press one, or type text as you would in Telegram.
The local account is the user, so an unfinished assessment resumes here too.
"""

from __future__ import annotations

import asyncio
import getpass
import html
import re
import sys
import zlib
from pathlib import Path
from typing import TextIO

from bot.config import Settings
from bot.core.commands import COMMANDS as COMMANDS_TABLE
from bot.core.replies import Button, Reply
from bot.core.service import COMMANDS, Sender, TriageService, load_typed_text_reader
from storage.database import create_schema
from storage.repository import StateRepository

_TAG = re.compile(r"</?[a-z]+>")
INTRO = "BackPath console. Type the number of an answer, or any text. Commands: {} /quit".format(
    " ".join(f"/{command.name}" for command in COMMANDS_TABLE)
)


def console_user_id(name: str | None = None) -> int:
    """A stable id for the local account, negative so it never equals a Telegram user id."""
    return -(zlib.crc32((name or getpass.getuser()).encode()) + 1)


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


class _Screen:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self.buttons: list[Button] = []

    def show(self, reply: Reply) -> None:
        if reply.notice:
            self._print(f"({reply.notice})")
        if reply.edit is not None:
            # The edited message's last line is what changed (e.g. "Your answer: Yes").
            self._print(plain(reply.edit.text).splitlines()[-1])
            self.buttons = []
        for message in reply.messages:
            self._print("\n" + plain(message.text))
            self.buttons = [button for row in message.buttons for button in row]
            for number, button in enumerate(self.buttons, 1):
                self._print(f"  [{number}] {button.label}")
        for document in reply.documents:
            path = Path(document.filename).resolve()
            path.write_bytes(document.data)
            self._print(f"\n({document.caption} Saved to {path})")

    def _print(self, text: str) -> None:
        print(text, file=self._out, flush=True)


async def run_console(
    settings: Settings,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    user_id: int | None = None,
) -> None:
    engine = settings.create_engine()
    try:
        await create_schema(engine)
        load_typed_text_reader()
        service = TriageService(StateRepository(engine), retention_days=settings.retention_days)
        user = user_id if user_id is not None else console_user_id()
        screen = _Screen(stdout)
        print(INTRO, file=stdout)
        screen.show(await service.command("start", Sender(user)))
        while line := await asyncio.to_thread(stdin.readline):
            line = line.strip()
            if not line:
                continue
            if line in ("/quit", "/exit"):
                break
            if line.isdigit() and 1 <= int(line) <= len(screen.buttons):
                reply = await service.press(Sender(user), screen.buttons[int(line) - 1].data)
            elif line.startswith("/") and line.split()[0][1:] in COMMANDS:
                reply = await service.command(line.split()[0][1:], Sender(user))
            else:
                reply = await service.text(Sender(user), line)
            screen.show(reply)
    finally:
        await engine.dispose()
