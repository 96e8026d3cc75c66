"""The assessment in a terminal: same service, flow and storage as the Telegram bot.

Answers are numbered; Back and Why keep their own keys (`b`, `?`) on every question, so
a number is always an answer. Typed text is read as in Telegram. The local account is
the user, so an unfinished assessment resumes here too.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import os
import sys
import threading
import zlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TextIO

from bot.config import Settings
from bot.core.actions import BackAction, WhyAction, decode
from bot.core.commands import COMMANDS_BY_NAME
from bot.core.event import Channel
from bot.core.replies import Button, Reply
from bot.core.service import Sender, TriageService, load_typed_text_reader
from bot.ui import texts
from bot.ui.i18n import _, language
from bot.ui.render import plain
from storage.database import create_schema
from storage.repository import StateRepository

QUIT = ("/quit", "/exit")
# Buttons with a key of their own on every question; the others are numbered.
KEYS: dict[type, str] = {BackAction: "b", WhyAction: "?"}


def console_user_id(name: str | None = None) -> int:
    """A stable id for the local account, negative so it never equals a Telegram user id."""
    return -(zlib.crc32((name or getpass.getuser()).encode()) + 1)


def _key(button: Button) -> str | None:
    return KEYS.get(type(decode(button.data)))


class _Screen:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self.buttons: dict[str, Button] = {}

    def show(self, reply: Reply) -> None:
        if reply.notice:
            self.print(f"({reply.notice})")
        if reply.edit is not None:
            # The edited message's last line is what changed (e.g. "Your answer: Yes").
            self.print(plain(reply.edit.text).splitlines()[-1])
            self.buttons = {}
        for message in reply.messages:
            self.print("\n" + plain(message.text))
            answers: dict[str, Button] = {}
            keyed: dict[str, Button] = {}
            for button in (button for row in message.buttons for button in row):
                key = _key(button)
                if key is None:
                    answers[str(len(answers) + 1)] = button
                else:
                    keyed[key] = button
            self.buttons = answers | keyed
            for key, button in self.buttons.items():
                self.print(f"  [{key}] {button.label}")
        for document in reply.documents:
            path = Path(document.filename).resolve()
            path.write_bytes(document.data)
            self.print("\n" + texts.console_saved(document.caption, str(path)))

    def print(self, text: str) -> None:
        print(text, file=self._out, flush=True)


async def _lines(stdin: TextIO) -> AsyncIterator[str]:
    """Lines typed on `stdin`, read without blocking the event loop.

    The reading thread is a daemon reading the file descriptor itself: it holds no lock of
    Python's stdin, so Ctrl-C ends the program at once even while it waits for a line.
    """
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory stream (tests)
        for line in stdin:
            yield line
        return
    loop = asyncio.get_running_loop()
    chunks: asyncio.Queue[bytes] = asyncio.Queue()

    def read() -> None:
        try:
            while chunk := os.read(fd, 4096):
                loop.call_soon_threadsafe(chunks.put_nowait, chunk)
        finally:  # end of input, or the terminal went away (EIO): the console ends too
            with contextlib.suppress(RuntimeError):  # the loop has closed already
                loop.call_soon_threadsafe(chunks.put_nowait, b"")

    threading.Thread(target=read, name="console-stdin", daemon=True).start()
    pending = b""
    while chunk := await chunks.get():
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line.decode(errors="replace")
    if pending:
        yield pending.decode(errors="replace")


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
        service = TriageService(
            StateRepository(engine),
            retention_days=settings.retention_days,
            emergency_number=settings.emergency_number,
            channel=Channel.CONSOLE,
        )
        who = Sender(user_id if user_id is not None else console_user_id())
        screen = _Screen(stdout)
        speaks = await service.language_of(who)
        with language(speaks):
            screen.print(texts.console_intro([*(f"/{name}" for name in COMMANDS_BY_NAME), QUIT[0]]))
        try:
            screen.show(await service.command("start", who))
            async for typed in _lines(stdin):
                if (line := typed.strip()) in QUIT:
                    break
                if line:
                    await _handle(service, who, screen, line)
                    speaks = await service.language_of(who)  # /language may change it
        except (asyncio.CancelledError, KeyboardInterrupt):  # Ctrl-C
            with language(speaks):
                screen.print("\n" + _(texts.CONSOLE_STOPPED))
            raise
    finally:
        await engine.dispose()


async def _handle(service: TriageService, who: Sender, screen: _Screen, line: str) -> None:
    """One typed line: a key of the buttons shown, a command, or text to read."""
    command = COMMANDS_BY_NAME.get(line.split()[0][1:]) if line.startswith("/") else None
    if line in screen.buttons:
        reply = await service.press(who, screen.buttons[line].data)
    elif command is not None:
        reply = await service.command(command.name, who)
    else:
        reply = await service.text(who, line)
    screen.show(reply)
    # Show the question again, unless the reply has buttons of its own to pick from (the
    # reminders to cancel): the question's numbers would take their place.
    if command is not None and command.informs and not screen.buttons:
        screen.show(await service.pending_question(who))
