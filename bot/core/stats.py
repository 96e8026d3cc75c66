"""The numbers a clinic asks for (`backpath stats`), per language: aggregates only, with
counts from 1 to 4 shown as "<5" (unless asked for exactly), since in a small clinic a
count that small can point to a person."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.ui.i18n import LANGUAGES
from flows.machine import STATES
from flows.referral import REFERRAL_TABLE, Urgency
from storage.models import AnswerSource, Tally
from storage.stats import UNKNOWN, ByLanguage, Numbers

# Counts below this are shown as "<5"; a share is not shown when it would give one away.
SMALLEST_SHOWN = 5
# An unfinished assessment untouched this long counts as stopped where it waits.
STOPPED_AFTER = timedelta(days=1)
TOTAL = "total"
UNKNOWN_LANGUAGE = "unknown"

Cell = int | float | str | None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the report: `section`/`key` name it in JSON, `label` in the table."""

    section: str
    key: str
    label: str
    cells: Mapping[str, Cell]


def stopped_before(now: datetime) -> datetime:
    return now - STOPPED_AFTER


def lines(numbers: Numbers, *, exact: bool = False) -> list[Line]:
    """Every line of the report, its cells by column (each language, then the total)."""
    columns = _columns(numbers)
    tallies, finished, answers = numbers.tallies, numbers.finished, numbers.answers
    # R1, R2, ... R12, not in the table's order of checking.
    rules = sorted(REFERRAL_TABLE, key=lambda r: int(r.referral.row.lstrip("R")))
    by_row = {r.referral.row: r.referral.urgency for r in rules}

    def count(found: ByLanguage, keys: Iterable[str]) -> dict[str, int]:
        keys = set(keys)
        cells = dict.fromkeys(columns, 0)
        for (language, key), n in found.items():
            if key in keys:
                cells[_column(language)] += n
                cells[TOTAL] += n
        return cells

    def shown(cells: Mapping[str, int]) -> dict[str, Cell]:
        return {c: n if exact or not 0 < n < SMALLEST_SHOWN else f"<{SMALLEST_SHOWN}"
                for c, n in cells.items()}  # fmt: skip

    def line(section: str, key: str, label: str, cells: Mapping[str, int]) -> Line:
        return Line(section, key, label, shown(cells))

    typed = count(answers, [AnswerSource.TYPED])
    tapped = count(answers, [AnswerSource.BUTTON])
    result = [
        line("assessments", "started", "Assessments started", count(tallies, [Tally.STARTED])),
        line("assessments", "finished", "Assessments finished", count(finished, by_row)),
        *(line("referrals", row, f"  {row} ({urgency})", count(finished, [row]))
          for row, urgency in by_row.items()),
        *(line("urgency", u.value, f"  urgency: {u.value}",
               count(finished, [r for r, v in by_row.items() if v is u]))
          for u in Urgency),
        line("answers", "given", "Answers given", count(answers, [AnswerSource.BUTTON,
                                                                   AnswerSource.TYPED, UNKNOWN])),
        line("answers", "typed", "  typed", typed),
        Line("answers", "typed_share", "  share typed",
             {c: _share(typed[c], tapped[c], exact) for c in columns}),
        line("emergency_confirmations", "asked", "Emergency confirmations asked",
             count(tallies, [Tally.EMERGENCY_ASKED])),
        line("emergency_confirmations", "confirmed", "  confirmed (yes)",
             count(tallies, [Tally.EMERGENCY_CONFIRMED])),
    ]  # fmt: skip
    waiting = {key for _, key in numbers.stopped}
    stopped = count(numbers.stopped, waiting)
    result.append(line("stopped_at", "total", "Unfinished, stopped at", stopped))
    for state in [*(s for s in STATES if s in waiting), *sorted(waiting - set(STATES))]:
        result.append(line("stopped_at", state, f"  {state}", count(numbers.stopped, [state])))
    return result


def as_text(report: list[Line], since: date | None, exact: bool) -> str:
    columns = list(report[0].cells)
    width = max(len(line.label) for line in report) + 2
    period = f"since {since.isoformat()} (UTC)" if since else "everything stored"
    hidden = "" if exact else f"; counts 1-{SMALLEST_SHOWN - 1} are shown as <{SMALLEST_SHOWN}"
    out = [f"BackPath numbers, {period}{hidden}", "", _row("", columns, width)]
    section = report[0].section
    for line in report:
        if line.section != section and not line.label.startswith(" "):
            out.append("")
        section = line.section
        out.append(_row(line.label, [_cell(line.cells[c]) for c in columns], width))
    return "\n".join(out)


def as_json(report: list[Line], since: date | None, exact: bool) -> str:
    found: dict[str, dict[str, Mapping[str, Cell]]] = {}
    for line in report:
        found.setdefault(line.section, {})[line.key] = line.cells
    head = {"since": since.isoformat() if since else None, "exact": exact}
    return json.dumps(head | found, indent=2, ensure_ascii=False)


def _columns(numbers: Numbers) -> list[str]:
    everything = (numbers.tallies, numbers.finished, numbers.answers, numbers.stopped)
    other = any(_column(lang) == UNKNOWN_LANGUAGE for found in everything for lang, _ in found)
    return [*LANGUAGES, *([UNKNOWN_LANGUAGE] if other else []), TOTAL]


def _column(language: str) -> str:
    return language if language in LANGUAGES else UNKNOWN_LANGUAGE


def _share(typed: int, tapped: int, exact: bool) -> float | None:
    """The share of answers typed, or None with none given or if it would give away a
    count below SMALLEST_SHOWN (3 typed out of 200 is 1.5%)."""
    if typed + tapped == 0:
        return None
    if not exact and any(0 < n < SMALLEST_SHOWN for n in (typed, tapped)):
        return None
    return round(typed / (typed + tapped), 3)


def _cell(value: Cell) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.0%}"
    return str(value)


def _row(label: str, cells: Iterable[str], width: int) -> str:
    return label.ljust(width) + "".join(c.rjust(8) for c in cells)
