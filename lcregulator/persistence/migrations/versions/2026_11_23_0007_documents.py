"""Issued documents and their 文号 sequences (one per authority, kind and year).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 03:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_sequence",
        sa.Column("authority_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["authority_id"],
            ["authority.id"],
            name=op.f("fk_document_sequence_authority_id_authority"),
        ),
        sa.PrimaryKeyConstraint("authority_id", "kind", "year", name=op.f("pk_document_sequence")),
    )
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("authority_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("docx_sha256", sa.String(length=64), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("service_method", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["authority_id"],
            ["authority.id"],
            name=op.f("fk_issued_document_authority_id_authority"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_issued_document_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["officer.id"], name=op.f("fk_issued_document_issued_by_officer")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["issued_document.id"],
            name=op.f("fk_issued_document_replaces_id_issued_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
        sa.UniqueConstraint(
            "authority_id",
            "kind",
            "year",
            "seq",
            name=op.f("uq_issued_document_authority_id_kind_year_seq"),
        ),
    )
    op.create_index(op.f("ix_issued_document_case_id"), "issued_document", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_issued_document_case_id"), table_name="issued_document")
    op.drop_table("issued_document")
    op.drop_table("document_sequence")
