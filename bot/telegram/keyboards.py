"""The service's messages in Telegram's terms: inline keyboards, and what a message shows.

`content` and `shown_by` give the same form (text, formatting, buttons) for a message the
service wants shown and for a message Telegram holds, so the adapter can tell that an
edit would change nothing (Telegram refuses those as "message is not modified").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from telegram import MessageEntity

from bot.core.replies import Button, Message

# Text, its formatting as (entity type, UTF-16 offset, length, url), and the buttons as
# rows of (label, callback data).
Entity = tuple[str, int, int, str]
Content = tuple[str, tuple[Entity, ...], tuple[tuple[tuple[str, str], ...], ...]]

# Telegram's HTML tags and the entities it stores for them; other entities (links, commands
# and the like) are found by Telegram in any text and are no part of what the bot sent.
_ENTITY_OF_TAG = {
    "b": MessageEntity.BOLD, "strong": MessageEntity.BOLD,
    "i": MessageEntity.ITALIC, "em": MessageEntity.ITALIC,
    "u": MessageEntity.UNDERLINE, "ins": MessageEntity.UNDERLINE,
    "s": MessageEntity.STRIKETHROUGH, "strike": MessageEntity.STRIKETHROUGH,
    "del": MessageEntity.STRIKETHROUGH,
    "span": MessageEntity.SPOILER, "tg-spoiler": MessageEntity.SPOILER,
    "a": MessageEntity.TEXT_LINK, "code": MessageEntity.CODE, "pre": MessageEntity.PRE,
    "blockquote": MessageEntity.BLOCKQUOTE, "tg-emoji": MessageEntity.CUSTOM_EMOJI,
}  # fmt: skip
_FORMATTING = frozenset(_ENTITY_OF_TAG.values())


@lru_cache(maxsize=4096)
def reply_markup(rows: tuple[tuple[Button, ...], ...]) -> str | None:
    """The inline keyboard as the JSON Telegram takes; the same questions' buttons come
    back again and again, so each keyboard is encoded once."""
    if not rows:
        return None
    keyboard = [[{"text": b.label, "callback_data": b.data} for b in row] for row in rows]
    return json.dumps({"inline_keyboard": keyboard}, ensure_ascii=False)


@lru_cache(maxsize=4096)
def content(message: Message) -> Content:
    """What Telegram will show for this message, sent with parse_mode HTML (cached: the
    same answered questions come back again and again)."""
    reader = _HtmlReader()
    reader.feed(message.text)
    reader.close()
    text, entities = _strip("".join(reader.text), reader.entities)
    buttons = tuple(tuple((b.label, b.data) for b in row) for row in message.buttons)
    return text, tuple(sorted(entities)), buttons


def shown_in(message: Mapping[str, Any]) -> Content:
    """What a message on Telegram (its JSON, as in an update) shows, in the form of
    `content`."""
    entities = tuple(
        sorted(
            (e["type"], e["offset"], e["length"], e.get("url", ""))
            for e in message.get("entities", ())
            if e["type"] in _FORMATTING
        )
    )
    rows = message.get("reply_markup", {}).get("inline_keyboard", ())
    buttons = tuple(tuple((b["text"], b.get("callback_data", "")) for b in row) for row in rows)
    return message.get("text", ""), entities, buttons


class _HtmlReader(HTMLParser):
    """Telegram's HTML subset read into plain text and entities (UTF-16 offsets)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.entities: list[Entity] = []
        self._size = 0
        self._open: list[tuple[str, int, str]] = []  # tag, start, url

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open.append((tag, self._size, dict(attrs).get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                _, start, url = self._open.pop(index)
                kind = _ENTITY_OF_TAG.get(tag)
                if kind is not None and self._size > start:
                    self.entities.append((str(kind), start, self._size - start, url))
                return

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self._size += _utf16(data)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _strip(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Whitespace at either end stripped, as Telegram stores a text; entities follow."""
    stripped = text.strip()
    head = _utf16(text[: len(text) - len(text.lstrip())])
    size = _utf16(stripped)
    kept = []
    for kind, offset, length, url in entities:
        start, end = max(offset - head, 0), min(offset + length - head, size)
        if end > start:
            kept.append((kind, start, end - start, url))
    return stripped, kept
