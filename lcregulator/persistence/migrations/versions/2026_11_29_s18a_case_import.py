"""Case bundles: where an imported case came from, and the names kept as text.

Revision ID: s18a_case_import
Revises: i16_file_store
Create Date: 2026-11-29 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s18a_case_import"
down_revision: str | Sequence[str] | None = "i16_file_store"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("bundle_sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_case_import_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["officer.id"], name=op.f("fk_case_import_imported_by_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_import")),
    )
    op.create_index(op.f("ix_case_import_case_id"), "case_import", ["case_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_case_import_case_id"), table_name="case_import")
    op.drop_table("case_import")
