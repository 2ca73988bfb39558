"""The database file store: files kept on the bureau's server, chunked, by SHA-256.

Revision ID: i16_file_store
Revises: i14_event_chain
Create Date: 2026-11-28 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i16_file_store"
down_revision: str | Sequence[str] | None = "i18_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_file",
        sa.Column("store", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("suffix", sa.String(length=16), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("store", "sha256", "suffix", name=op.f("pk_stored_file")),
    )
    op.create_table(
        "stored_chunk",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_stored_chunk")),
    )


def downgrade() -> None:
    op.drop_table("stored_chunk")
    op.drop_table("stored_file")
