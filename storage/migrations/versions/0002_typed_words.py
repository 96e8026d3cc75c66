"""the words a user typed behind an answer

Revision ID: 5c1d2e7a9b30
Revises: beadef44c092
Create Date: 2026-11-29 19:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "5c1d2e7a9b30"
down_revision = "beadef44c092"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("typed", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("typed")
