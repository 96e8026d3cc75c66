"""The tables: assessments, the answers given in each, processed Telegram updates,
reminders, users' choices, and daily counts that name no user."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: DateTime(timezone=True),
        int: BigInteger,
    }


class Status:
    ACTIVE = "active"
    FINISHED = "finished"


# "Active" as SQL text, for the partial index of active assessments and every query that
# should use it (storage/repository.py): a query that binds the status as a parameter
# instead is compiled again by SQLite on every run, since a partial index may or may not
# apply to the value bound (measured: 100 us instead of 6 us for the load of a press).
ACTIVE_SQL = f"'{Status.ACTIVE}'"


class AssessmentRow(Base):
    """One assessment of one user; at most one is active per user."""

    __tablename__ = "assessments"
    __table_args__ = (
        Index(
            "uq_assessments_one_active_per_user",
            "user_id",
            unique=True,
            sqlite_where=text(f"status = {ACTIVE_SQL}"),
            postgresql_where=text(f"status = {ACTIVE_SQL}"),
        ),
        Index("ix_assessments_user_started", "user_id", "started_at"),
        # Ids are never reused: a button of a deleted assessment must not match a new one.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    user_id: Mapped[int]
    flow_version: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    history: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    referral: Mapped[str | None] = mapped_column(String(8))
    # The language the assessment is spoken in (for the clinic's numbers, `backpath stats`).
    language: Mapped[str | None] = mapped_column(String(8))
    # Optimistic lock: every write is "UPDATE ... WHERE version = <the version read>".
    version: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class AnswerRow(Base):
    """Every answer given, in order: the audit trail that explains a finished assessment."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64))
    # The user's own words when the answer was typed rather than tapped (health data:
    # deleted with the assessment, never logged).
    typed: Mapped[str | None] = mapped_column(Text)
    # How it was given: AnswerSource (a typed answer may keep no words, as an option named).
    source: Mapped[str | None] = mapped_column(String(8))
    answered_at: Mapped[datetime]


class AnswerSource:
    BUTTON = "button"
    TYPED = "typed"


class ProcessedUpdateRow(Base):
    """Telegram update ids already applied, so a redelivered update is skipped."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int | None] = mapped_column(index=True)
    processed_at: Mapped[datetime] = mapped_column(index=True)


class ReminderStatus:
    PENDING = "pending"  # waiting for its due time
    SENT = "sent"  # the question "is it better?" went out; waiting for the answer
    DONE = "done"  # answered
    CANCELLED = "cancelled"


class ReminderRow(Base):
    """A follow-up question due at a given time (the six-week check after acute pain)."""

    __tablename__ = "reminders"
    __table_args__ = (
        Index("ix_reminders_status_due", "status", "due_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    user_id: Mapped[int] = mapped_column(index=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), unique=True
    )
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    # The language the follow-up question is asked in.
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class UserRow(Base):
    """What a user chose that outlives an assessment: for now, the language."""

    __tablename__ = "users"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime]


class Tally:
    """What `daily_counts` counts."""

    STARTED = "started"  # an assessment begun (kept when it is deleted later)
    EMERGENCY_ASKED = "emergency_asked"  # typed words that may report an emergency: asked
    EMERGENCY_CONFIRMED = "emergency_confirmed"  # ... and the user tapped "yes"


class DailyCountRow(Base):
    """How often something happened on a day (UTC), per language: aggregates with no user
    id, so nothing here is about anyone, and neither /delete nor the retention rule (both
    about a user's rows) removes them."""

    __tablename__ = "daily_counts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
