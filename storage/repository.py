"""The state repository: the only place that builds queries.

Callers open one transaction per update with `StateRepository.transaction()` and use the
methods of the `Transaction` it yields. Records come back as plain frozen dataclasses.
Every statement is SQLAlchemy Core on a connection: the ORM session's bookkeeping cost
more CPU per button press than SQLite took to run the statements (issue 14).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, literal, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.asyncpg_direct import on_asyncpg, runs_direct
from storage.database import unavailable
from storage.models import (
    ACTIVE_SQL,
    AnswerRow,
    AnswerSource,
    AssessmentRow,
    DailyCountRow,
    ProcessedUpdateRow,
    ReminderRow,
    ReminderStatus,
    Status,
    Tally,
    UserRow,
    utcnow,
)
from storage.prepared import (
    PreparedStatements,
    Statements,
    on_loop,
    runs_on_loop,
    through_sqlalchemy,
)

ASSESSMENTS = AssessmentRow.__table__
# Written out, not bound: see ACTIVE_SQL.
_IS_ACTIVE = ASSESSMENTS.c.status == literal_column(ACTIVE_SQL)
REMINDERS = ReminderRow.__table__
USERS = UserRow.__table__

# The statements every button press runs, built once: building a SQLAlchemy statement
# costs more CPU than SQLite takes to run it.
_LOAD = (
    select(
        select(UserRow.language)
        .where(UserRow.user_id == bindparam("user_id"))
        .scalar_subquery()
        .label("chosen_language"),
        *ASSESSMENTS.c,
    )
    .select_from(select(literal(1)).subquery())
    .outerjoin(
        ASSESSMENTS,
        (ASSESSMENTS.c.user_id == bindparam("user_id")) & _IS_ACTIVE,
    )
)
_SAVE = update(ASSESSMENTS).where(
    ASSESSMENTS.c.id == bindparam("old_id"), ASSESSMENTS.c.version == bindparam("old_version")
)
_RECORD_ANSWER = insert(AnswerRow.__table__)


def _set_language(upsert: Any) -> Any:
    new = upsert(UserRow.__table__)
    return new.on_conflict_do_update(
        index_elements=["user_id"],
        set_={"language": new.excluded.language, "updated_at": new.excluded.updated_at},
    )


# One statement, so two replicas setting a new user's language at once cannot collide.
_SET_LANGUAGE = {
    "sqlite": _set_language(sqlite_insert),
    "postgresql": _set_language(postgresql_insert),
}


def _count(upsert: Any) -> Any:
    new = upsert(DailyCountRow.__table__)
    return new.on_conflict_do_update(
        index_elements=["day", "language", "name"],
        set_={"count": DailyCountRow.__table__.c.count + new.excluded.count},
    )


# One statement: replicas counting the same thing on the same day add up, never collide.
_COUNT = {"sqlite": _count(sqlite_insert), "postgresql": _count(postgresql_insert)}
_CLAIM = {
    "sqlite": sqlite_insert(ProcessedUpdateRow.__table__).on_conflict_do_nothing(),
    "postgresql": postgresql_insert(ProcessedUpdateRow.__table__).on_conflict_do_nothing(),
}


class ConcurrentUpdate(RuntimeError):
    """The assessment changed since it was read (compare-and-set lost)."""


@dataclass(frozen=True, slots=True)
class StoredAssessment:
    id: int
    user_id: int
    flow_version: str
    state: str
    answers: Mapping[str, str]
    history: tuple[str, ...]
    status: str
    referral: str | None
    version: int
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None

    @classmethod
    def from_row(cls, row: Any) -> StoredAssessment:
        """From anything with the columns as attributes: an ORM row or a Core result row."""
        return cls(
            id=row.id,
            user_id=row.user_id,
            flow_version=row.flow_version,
            state=row.state,
            answers=dict(row.answers),
            history=tuple(row.history),
            status=row.status,
            referral=row.referral,
            version=row.version,
            started_at=_aware(row.started_at),
            updated_at=_aware(row.updated_at),
            finished_at=_aware(row.finished_at) if row.finished_at else None,
        )


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    question_id: str
    value: str
    answered_at: datetime
    typed: str | None = None


@dataclass(frozen=True, slots=True)
class StoredReminder:
    id: int
    user_id: int
    assessment_id: int
    due_at: datetime
    status: str
    language: str

    @classmethod
    def from_row(cls, row: Any) -> StoredReminder:
        return cls(
            row.id, row.user_id, row.assessment_id, _aware(row.due_at), row.status, row.language
        )


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every time we store is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class StateRepository:
    """Transactions on one database; `clock` stamps every time stored (tests pass their
    own, the bot the same one its service and jobs use)."""

    def __init__(self, engine: AsyncEngine, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._clock = clock
        # On the on-loop SQLite driver and on asyncpg the statements of a button press skip
        # SQLAlchemy's per-execution work; on a stock adapter they run through it like every
        # other statement.
        self._on_loop = runs_on_loop(engine.dialect)
        direct = self._on_loop or runs_direct(engine)
        self._prepared = PreparedStatements(engine.dialect) if direct else None

    @property
    def engine(self) -> AsyncEngine:
        return self._engine

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Raises CommitOutcomeUnknown when the database went away during the COMMIT itself:
        the work may or may not be stored, so it must not be run again as if it were not.
        """
        done = False
        try:
            async with self._open() as tx:
                yield tx
                done = True
        except Exception as error:
            if done and unavailable(error):
                raise CommitOutcomeUnknown("the database went away during COMMIT") from error
            raise

    @asynccontextmanager
    async def _open(self) -> AsyncIterator[Transaction]:
        if not self._on_loop:
            async with self._engine.begin() as connection:
                if self._prepared is None:
                    hot = through_sqlalchemy(connection)
                else:  # asyncpg
                    hot = on_asyncpg(self._prepared, connection)
                yield Transaction(connection, hot, self._clock)
            return
        assert self._prepared is not None
        # On the on-loop driver closing waits for nothing, so it needs none of the
        # shielding (a task of its own, and a wait) that `engine.begin()` gives it: the
        # connection is back in the pool before anyone else runs.
        connection = await self._engine.connect()
        try:
            async with connection.begin():
                driver = (await connection.get_raw_connection()).dbapi_connection
                hot = on_loop(self._prepared, driver)  # type: ignore[arg-type]
                yield Transaction(connection, hot, self._clock)
        finally:
            await connection.close()


class CommitOutcomeUnknown(Exception):
    """The COMMIT of a transaction failed because the database went away: whether it was
    stored cannot be known (the user is told to try again; nothing is run again)."""


class Transaction:
    def __init__(
        self,
        connection: AsyncConnection,
        hot: Statements,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._connection = connection
        # The statements every button press runs (claim, load, save, record the answer).
        self._hot = hot
        self._clock = clock
        # One event asks for the user's language and active assessment several times (flow
        # upgrade, handler); within a transaction they only change when we write them.
        self._active: dict[int, StoredAssessment | None] = {}
        self._languages: dict[int, str | None] = {}

    async def claim_update(self, update_id: int, user_id: int | None) -> bool:
        """Record an update as processed; False if it already was (a redelivery)."""
        values = {"update_id": update_id, "user_id": user_id, "processed_at": self._clock()}
        claim = _CLAIM[self._connection.dialect.name]
        return bool((await self._hot(claim, values)).rowcount)

    async def active_assessment(self, user_id: int) -> StoredAssessment | None:
        if user_id not in self._active:
            await self._load(user_id)
        return self._active[user_id]

    async def language(self, user_id: int) -> str | None:
        """The language the user chose with /language, if any."""
        if user_id not in self._languages:
            await self._load(user_id)
        return self._languages[user_id]

    async def _load(self, user_id: int) -> None:
        """The user's language and active assessment in one query, since nearly every
        event needs both (each statement is a round trip to the database)."""
        (row,) = (await self._hot(_LOAD, {"user_id": user_id})).rows
        self._languages[user_id] = row.chosen_language
        self._active[user_id] = StoredAssessment.from_row(row) if row.id is not None else None

    async def latest_finished(self, user_id: int) -> StoredAssessment | None:
        row = await self._first(
            select(ASSESSMENTS)
            .where(ASSESSMENTS.c.user_id == user_id, ASSESSMENTS.c.status == Status.FINISHED)
            .order_by(ASSESSMENTS.c.finished_at.desc(), ASSESSMENTS.c.id.desc())
            .limit(1)
        )
        return StoredAssessment.from_row(row) if row else None

    async def _first(self, statement: Any) -> Any:
        return (await self._connection.execute(statement)).first()

    async def start_assessment(
        self, user_id: int, flow_version: str, state: str, language: str | None = None
    ) -> StoredAssessment:
        """A new active assessment, in `language`; an unfinished one of the same user is
        discarded. Counted as started (`Tally.STARTED`).

        Raises ConcurrentUpdate if another process started one for the user meanwhile
        (both found none; the database keeps one active assessment per user)."""
        await self.discard_active(user_id)
        self._active.pop(user_id, None)
        now = self._clock()
        values: dict[str, Any] = {
            "user_id": user_id,
            "flow_version": flow_version,
            "state": state,
            "answers": {},
            "history": [],
            "status": Status.ACTIVE,
            "referral": None,
            "language": language,
            "version": 1,
            "started_at": now,
            "updated_at": now,
            "finished_at": None,
        }
        try:
            new_id = await self._connection.scalar(
                insert(ASSESSMENTS).values(values).returning(ASSESSMENTS.c.id)
            )
        except IntegrityError as error:  # the only unique key it can break is that one
            raise ConcurrentUpdate(f"user {user_id} started an assessment concurrently") from error
        assert new_id is not None
        await self.count(Tally.STARTED, language)
        stored = StoredAssessment.from_row(SimpleNamespace(id=new_id, **values))
        self._active[user_id] = stored
        return stored

    async def save_progress(
        self,
        assessment: StoredAssessment,
        *,
        state: str,
        answers: Mapping[str, str],
        history: Sequence[str],
        answered: tuple[str, str] | None = None,
        typed: str | None = None,
        source: str = AnswerSource.BUTTON,
        referral: str | None = None,
        flow_version: str | None = None,
    ) -> StoredAssessment:
        """Compare-and-set the assessment's state; finished when `referral` is given.

        `answered` (question id, value) is added to the answer trail, with how it was
        given (`source`, an AnswerSource) and the words the user `typed` for it, if any.

        Raises ConcurrentUpdate if someone else saved it since `assessment` was read.
        """
        now = self._clock()
        finished = referral is not None
        saved = replace(
            assessment,
            state=state,
            answers=dict(answers),
            history=tuple(history),
            version=assessment.version + 1,
            updated_at=now,
            status=Status.FINISHED if finished else assessment.status,
            referral=referral or assessment.referral,
            finished_at=now if finished else assessment.finished_at,
            flow_version=flow_version or assessment.flow_version,
        )
        result = await self._hot(
            _SAVE,
            {
                "old_id": assessment.id,
                "old_version": assessment.version,
                "state": saved.state,
                "answers": saved.answers,
                "history": list(saved.history),
                "version": saved.version,
                "updated_at": now,
                "status": saved.status,
                "referral": saved.referral,
                "finished_at": saved.finished_at,
                "flow_version": saved.flow_version,
            },
        )
        if result.rowcount != 1:
            raise ConcurrentUpdate(f"assessment {assessment.id} changed concurrently")
        if answered is not None:
            question_id, value = answered
            await self._hot(
                _RECORD_ANSWER,
                {"assessment_id": assessment.id, "question_id": question_id, "value": value,
                 "typed": typed, "source": source, "answered_at": now},
            )  # fmt: skip
        self._active[assessment.user_id] = saved if saved.status == Status.ACTIVE else None
        return saved

    async def answer_trail(self, assessment_id: int) -> list[StoredAnswer]:
        rows = await self._connection.execute(
            select(AnswerRow.__table__)
            .where(AnswerRow.assessment_id == assessment_id)
            .order_by(AnswerRow.id)
        )
        return [StoredAnswer(r.question_id, r.value, _aware(r.answered_at), r.typed) for r in rows]

    async def discard_active(self, user_id: int) -> bool:
        """Delete the user's unfinished assessment and its answers; True if there was one."""
        self._active[user_id] = None
        ids = select(AssessmentRow.id).where(AssessmentRow.user_id == user_id, _IS_ACTIVE)
        await self._connection.execute(delete(AnswerRow).where(AnswerRow.assessment_id.in_(ids)))
        result = await self._connection.execute(
            delete(AssessmentRow).where(AssessmentRow.user_id == user_id, _IS_ACTIVE)
        )
        return bool(result.rowcount)

    async def delete_user(self, user_id: int) -> int:
        """Erase every row about the user; the number of assessments removed."""
        self._active[user_id] = None
        self._languages[user_id] = None
        await self._connection.execute(delete(ReminderRow).where(ReminderRow.user_id == user_id))
        await self._connection.execute(delete(UserRow).where(UserRow.user_id == user_id))
        ids = select(AssessmentRow.id).where(AssessmentRow.user_id == user_id)
        await self._connection.execute(delete(AnswerRow).where(AnswerRow.assessment_id.in_(ids)))
        result = await self._connection.execute(
            delete(AssessmentRow).where(AssessmentRow.user_id == user_id)
        )
        await self._connection.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.user_id == user_id)
        )
        return result.rowcount or 0

    async def count_rows_about(self, user_id: int) -> int:
        """How many rows in any table name this user (for privacy checks)."""
        ids = select(AssessmentRow.id).where(AssessmentRow.user_id == user_id)
        counts = [
            select(func.count()).select_from(AssessmentRow).where(AssessmentRow.user_id == user_id),
            select(func.count()).select_from(AnswerRow).where(AnswerRow.assessment_id.in_(ids)),
            select(func.count())
            .select_from(ProcessedUpdateRow)
            .where(ProcessedUpdateRow.user_id == user_id),
            select(func.count()).select_from(ReminderRow).where(ReminderRow.user_id == user_id),
            select(func.count()).select_from(UserRow).where(UserRow.user_id == user_id),
        ]
        return sum([await self._connection.scalar(c) or 0 for c in counts])

    async def finished_assessment(
        self, user_id: int, assessment_id: int
    ) -> StoredAssessment | None:
        row = await self._first(
            select(ASSESSMENTS).where(
                ASSESSMENTS.c.id == assessment_id,
                ASSESSMENTS.c.user_id == user_id,
                ASSESSMENTS.c.status == Status.FINISHED,
            )
        )
        return StoredAssessment.from_row(row) if row else None

    # --- the user's choices ------------------------------------------------------------

    async def set_language(self, user_id: int, language: str) -> None:
        """The user's language from now on, the unfinished assessment's included."""
        self._languages[user_id] = language
        values = {"user_id": user_id, "language": language, "updated_at": self._clock()}
        await self._connection.execute(_SET_LANGUAGE[self._connection.dialect.name], values)
        await self._connection.execute(
            update(ASSESSMENTS)
            .where(ASSESSMENTS.c.user_id == user_id, _IS_ACTIVE)
            .values(language=language)
        )

    async def count(self, name: str, language: str | None) -> None:
        """Add one to today's count of `name` (a Tally) in `language`: a number about no
        one, committed with the rest of the event, so a redelivered update adds nothing."""
        values = {"day": self._clock().date(), "language": language or "", "name": name,
                  "count": 1}  # fmt: skip
        await self._connection.execute(_COUNT[self._connection.dialect.name], values)

    # --- reminders ---------------------------------------------------------------------

    async def add_reminder(
        self, user_id: int, assessment_id: int, due_at: datetime, language: str
    ) -> StoredReminder | None:
        """A pending reminder for a finished assessment; None if it already has one."""
        existing = await self._first(
            select(REMINDERS.c.id).where(REMINDERS.c.assessment_id == assessment_id)
        )
        if existing is not None:
            return None
        new_id = await self._connection.scalar(
            insert(REMINDERS)
            .values(
                user_id=user_id,
                assessment_id=assessment_id,
                due_at=due_at,
                status=ReminderStatus.PENDING,
                language=language,
                created_at=self._clock(),
                sent_at=None,
            )
            .returning(REMINDERS.c.id)
        )
        assert new_id is not None
        return StoredReminder(
            new_id, user_id, assessment_id, _aware(due_at), ReminderStatus.PENDING, language
        )

    async def reminder(self, user_id: int, reminder_id: int) -> StoredReminder | None:
        row = await self._first(
            select(REMINDERS).where(REMINDERS.c.id == reminder_id, REMINDERS.c.user_id == user_id)
        )
        return StoredReminder.from_row(row) if row else None

    async def pending_reminders(self, user_id: int) -> list[StoredReminder]:
        rows = await self._connection.execute(
            select(REMINDERS)
            .where(REMINDERS.c.user_id == user_id, REMINDERS.c.status == ReminderStatus.PENDING)
            .order_by(REMINDERS.c.due_at)
        )
        return [StoredReminder.from_row(r) for r in rows]

    async def cancel_reminder(self, user_id: int, reminder_id: int) -> bool:
        return await self._move_reminder(
            user_id, reminder_id, ReminderStatus.PENDING, ReminderStatus.CANCELLED
        )

    async def close_reminder(self, user_id: int, reminder_id: int) -> bool:
        """Record the answer to a sent reminder; False if it was not waiting for one."""
        return await self._move_reminder(
            user_id, reminder_id, ReminderStatus.SENT, ReminderStatus.DONE
        )

    async def _move_reminder(self, user_id: int, reminder_id: int, old: str, new: str) -> bool:
        result = await self._connection.execute(
            update(ReminderRow)
            .where(
                ReminderRow.id == reminder_id,
                ReminderRow.user_id == user_id,
                ReminderRow.status == old,
            )
            .values(status=new)
        )
        return bool(result.rowcount)

    async def claim_due_reminders(self, now: datetime, limit: int) -> list[StoredReminder]:
        """Mark up to `limit` due reminders as sent and return them.

        The caller sends them after the commit: a crash in between loses a reminder rather
        than sending it twice.
        """
        rows = (
            await self._connection.execute(
                select(REMINDERS)
                .where(REMINDERS.c.status == ReminderStatus.PENDING, REMINDERS.c.due_at <= now)
                .order_by(REMINDERS.c.due_at)
                .limit(limit)
            )
        ).all()
        if not rows:
            return []
        result = await self._connection.execute(
            update(ReminderRow)
            .where(
                ReminderRow.id.in_([r.id for r in rows]),
                ReminderRow.status == ReminderStatus.PENDING,
            )
            .values(status=ReminderStatus.SENT, sent_at=now)
        )
        if result.rowcount != len(rows):
            raise ConcurrentUpdate("another process claimed some of these reminders")
        return [StoredReminder.from_row(r) for r in rows]

    async def purge_unfinished(self, untouched_since: datetime) -> int:
        """Delete unfinished assessments (and their answers) idle since before a moment."""
        stale = select(AssessmentRow.id).where(
            _IS_ACTIVE, AssessmentRow.updated_at < untouched_since
        )
        await self._connection.execute(delete(AnswerRow).where(AnswerRow.assessment_id.in_(stale)))
        result = await self._connection.execute(
            delete(AssessmentRow).where(_IS_ACTIVE, AssessmentRow.updated_at < untouched_since)
        )
        return result.rowcount or 0

    async def prune_processed_updates(self, older_than: datetime) -> int:
        result = await self._connection.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.processed_at < older_than)
        )
        return result.rowcount or 0
