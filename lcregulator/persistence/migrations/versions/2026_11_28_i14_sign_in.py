"""Sign-in: every role an officer holds, and their credential (hash, lockout, must-change).

An installation that predates this revision had no administrator: its first active officer
becomes one (they set their password at the next start), so someone can manage the others.

Revision ID: i14_sign_in
Revises: 0008
Create Date: 2026-11-28 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i14_sign_in"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("officer") as batch:
        batch.add_column(
            sa.Column("roles", sa.String(length=64), server_default="", nullable=False)
        )
    op.execute("UPDATE officer SET roles = role")
    op.execute(
        "UPDATE officer SET roles = roles || ',admin' WHERE id = "
        "(SELECT MIN(id) FROM officer WHERE active = true) "
        "AND NOT EXISTS (SELECT 1 FROM officer WHERE role = 'admin')"
    )
    op.create_table(
        "officer_credential",
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("must_change", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officer.id"],
            name=op.f("fk_officer_credential_officer_id_officer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("officer_id", name=op.f("pk_officer_credential")),
    )


def downgrade() -> None:
    op.drop_table("officer_credential")
    with op.batch_alter_table("officer") as batch:
        batch.drop_column("roles")
