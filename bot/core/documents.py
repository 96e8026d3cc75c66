"""Files drawn after the commit: in a worker thread, and reused while nothing changed.

Drawing the PDF summary (fonts, layout) takes tens of milliseconds of CPU; on the event
loop that stalled every other user whenever someone tapped "Summary".
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import replace

from bot.core.replies import Reply

# Drawn files kept for reuse; a PDF summary is about 30 kB.
KEEP = 64


class DrawnDocuments:
    def __init__(self, keep: int = KEEP) -> None:
        self._keep = keep
        self._drawn: OrderedDict[Hashable, bytes] = OrderedDict()

    async def draw(self, reply: Reply) -> Reply:
        """`reply` with every file's data drawn (or reused)."""
        if not any(d.draw for d in reply.documents):
            return reply
        documents = []
        for document in reply.documents:
            if document.draw is None:
                documents.append(document)
                continue
            data = self._drawn.get(document.key) if document.key is not None else None
            if data is None:
                # to_thread copies the context: the file is drawn in the user's language.
                data = await asyncio.to_thread(document.draw)
                if document.key is not None:
                    self._drawn[document.key] = data
                    if len(self._drawn) > self._keep:
                        self._drawn.popitem(last=False)
            else:
                self._drawn.move_to_end(document.key)
            documents.append(replace(document, data=data, draw=None))
        return replace(reply, documents=tuple(documents))
