"""Installation settings: which authority this installation works for, and other shared keys.

A database may hold several authorities (other bureaus to transfer cases to); the ``setting``
row ``authority_id`` says which one is "us".

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    # An installation that predates this revision had exactly one authority: make it ours.
    op.execute(
        "INSERT INTO setting (key, value) "
        "SELECT 'authority_id', CAST(MIN(id) AS VARCHAR(20)) FROM authority "
        "HAVING COUNT(*) > 0"
    )


def downgrade() -> None:
    op.drop_table("setting")
