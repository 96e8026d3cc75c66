"""The clinic's numbers (`backpath stats`): counts grouped by language, never a user id,
an answer's value or anyone's words.

Everything but the daily counts is counted from the rows stored now, so the retention
rule and /delete apply to it: a deleted user, or an unfinished assessment purged after
RETENTION_DAYS, is in no number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, true
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.models import AnswerRow, AssessmentRow, DailyCountRow, Status

ASSESSMENTS = AssessmentRow.__table__
ANSWERS = AnswerRow.__table__
COUNTS = DailyCountRow.__table__

# A language nobody recorded (assessments older than the column, tests): shown as such.
UNKNOWN = ""

# (language, key) -> how many; the key names a referral row, a source, a tally or a question.
ByLanguage = Mapping[tuple[str, str], int]


@dataclass(frozen=True, slots=True)
class Numbers:
    tallies: ByLanguage  # daily counts (storage.models.Tally)
    finished: ByLanguage  # finished assessments by referral row
    answers: ByLanguage  # answers by AnswerSource
    stopped: ByLanguage  # unfinished assessments idle since `idle_since`, by pending question


async def clinic_numbers(engine: AsyncEngine, since: date | None, idle_since: datetime) -> Numbers:
    """The numbers since the start of `since` (UTC; None: everything stored). An unfinished
    assessment counts as stopped once untouched since `idle_since`."""
    start = datetime.combine(since, time(), UTC) if since else None
    # Written out, not bound: PostgreSQL groups only by the same expression, and two
    # parameters of the same value are not that.
    unknown = literal_column(f"'{UNKNOWN}'")
    language = func.coalesce(ASSESSMENTS.c.language, unknown)
    source = func.coalesce(ANSWERS.c.source, unknown)
    queries = {
        "tallies": select(COUNTS.c.language, COUNTS.c.name, func.sum(COUNTS.c.count))
        .where(_from(COUNTS.c.day, since))
        .group_by(COUNTS.c.language, COUNTS.c.name),
        "finished": select(language, ASSESSMENTS.c.referral, func.count())
        .where(ASSESSMENTS.c.status == Status.FINISHED, _from(ASSESSMENTS.c.finished_at, start))
        .group_by(language, ASSESSMENTS.c.referral),
        "answers": select(language, source, func.count())
        .select_from(ANSWERS.join(ASSESSMENTS))
        .where(_from(ANSWERS.c.answered_at, start))
        .group_by(language, source),
        "stopped": select(language, ASSESSMENTS.c.state, func.count())
        .where(
            ASSESSMENTS.c.status == Status.ACTIVE,
            _from(ASSESSMENTS.c.started_at, start),
            ASSESSMENTS.c.updated_at < idle_since,
        )
        .group_by(language, ASSESSMENTS.c.state),
    }
    found: dict[str, ByLanguage] = {}
    async with engine.connect() as connection:
        for name, query in queries.items():
            rows = await connection.execute(query)
            found[name] = {(str(lang), str(key)): int(n) for lang, key, n in rows}
    return Numbers(**found)


def _from(column: Any, start: date | None) -> ColumnElement[bool]:
    return column >= start if start is not None else true()
