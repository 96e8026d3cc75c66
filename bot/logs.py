"""Logging set-up: what an operator needs, never the bot token, a user's answers or words.

BackPath's own loggers (`bot`, `flows`, `storage`) log at LOG_LEVEL. Libraries that are
noisy, or worse, at INFO log only warnings and errors, at any LOG_LEVEL, DEBUG included:

- `transitions` logs every state change of the dialogue machine, and their order reveals
  the answers ("bowel_bladder exit" then "done enter" is an emergency);
- `fontTools` and `fpdf` narrate the font subsetting of every PDF summary;
- `apscheduler` (PTB's job queue) logs "Running job ..." and "... executed successfully"
  for every run of every periodic job;
- `aiosqlite` logs every statement, its parameters included (at DEBUG);
- `httpx`/`httpcore` log each request URL, which holds the token; `aiohttp.access` and
  `uvicorn.access` each request path (the webhook's holds its secret path); their errors
  (`aiohttp.server`, `uvicorn.error`) are kept;
- `pymorphy3` names its dictionary files at start-up (BackPath logs the load itself),
  `alembic.runtime.plugins` lists Alembic's plugins.

Two more keep their INFO lines but never go below INFO: `telegram` ("Application
started", ...), whose DEBUG lines hold whole updates and Bot API calls (what users typed
and were told), and `alembic`, whose "Running upgrade a -> b" lines at start-up tell the
operator which migrations ran.

To see one of these libraries anyway (on a test bot: the output may hold users' answers),
set its logger's level before `configure_logging` runs; a level set explicitly is left
alone, e.g.

    python -c 'import logging, sys; logging.getLogger("transitions").setLevel("DEBUG");
    from bot.__main__ import main; sys.exit(main())'
"""

from __future__ import annotations

import logging

from pythonjsonlogger.json import JsonFormatter

# Third-party loggers and the lowest level each logs at, whatever LOG_LEVEL says.
QUIET: dict[str, int] = {
    "transitions": logging.WARNING,
    "fontTools": logging.WARNING,
    "fpdf": logging.WARNING,
    "apscheduler": logging.WARNING,
    "aiosqlite": logging.WARNING,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "aiohttp.access": logging.WARNING,
    "uvicorn.access": logging.WARNING,
    "pymorphy3": logging.WARNING,
    "alembic.runtime.plugins": logging.WARNING,
    "alembic": logging.INFO,
    "telegram": logging.INFO,
}

# The level configure_logging gave each logger in QUIET: any other level was set by hand.
_given: dict[str, int] = {}


class RedactToken(logging.Filter):
    """Replaces the token wherever it appears in a record (PTB logs the API URL at DEBUG)."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self._token and self._token in record.getMessage():
            record.msg = record.getMessage().replace(self._token, "<token>")
            record.args = None
        return True


def configure_logging(level: str, token: str | None, log_format: str = "text") -> None:
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(
            JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s", timestamp=False)
        )
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name, lowest in QUIET.items():
        logger = logging.getLogger(name)
        if logger.level not in (logging.NOTSET, _given.get(name)):
            continue  # set by hand: see the module docstring
        logger.setLevel(max(root.level, lowest))
        _given[name] = logger.level
