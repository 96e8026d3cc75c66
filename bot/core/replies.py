"""What the service answers, independent of Telegram: messages, buttons, and notices."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    data: str  # callback data, at most 64 bytes


@dataclass(frozen=True, slots=True)
class Message:
    text: str  # Telegram HTML subset: <b>, <i>
    buttons: tuple[tuple[Button, ...], ...] = ()
    # The id of the question this message asks, if it asks one (counted in the metrics).
    question: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Document:
    """A file to send. One whose `draw` is set gets its `data` from it once the event's
    transaction has committed, in a worker thread (`bot.core.documents`)."""

    filename: str
    data: bytes = b""
    caption: str = ""
    draw: Callable[[], bytes] | None = field(default=None, compare=False)
    # Drawn files are reused while this key is the same (the assessment, its end, the
    # language): tapping "Summary" again draws nothing.
    key: Hashable | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """The effects of one user event, in the order they are shown."""

    messages: tuple[Message, ...] = ()
    # Files sent after the messages (the PDF summary).
    documents: tuple[Document, ...] = ()
    # For a button press: a short notice on the button (None: just stop the spinner).
    notice: str | None = None
    # Show the notice as an alert the user closes, rather than a passing toast.
    alert: bool = False
    # For a button press: replace the pressed message with this (keyboard removed).
    edit: Message | None = None
    # Set when the event was a redelivery and nothing should be shown at all.
    duplicate: bool = False


DUPLICATE = Reply(duplicate=True)
