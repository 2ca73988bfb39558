"""卷宗: the archive file bound for a case at 归档, kept by its SHA-256.

Revision ID: i21_case_archive
Revises: i14_sign_in
Create Date: 2026-11-28 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i21_case_archive"
down_revision: str | Sequence[str] | None = "i14_sign_in"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_archive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("volume_number", sa.String(length=60), nullable=False),
        sa.Column("retention", sa.String(length=20), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("archived_on", sa.Date(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=False),
        sa.Column("archived_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_case_archive_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["archived_by"], ["officer.id"], name=op.f("fk_case_archive_archived_by_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_archive")),
    )
    op.create_index(op.f("ix_case_archive_case_id"), "case_archive", ["case_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_case_archive_case_id"), table_name="case_archive")
    op.drop_table("case_archive")
