"""Art 9 identity reports: platforms, imported files, reported rows, accounts; 一案三查 answers.

Revision ID: i22_platform_reports
Revises: i14_sign_in
Create Date: 2026-11-28 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i22_platform_reports"
down_revision: str | Sequence[str] | None = "i21_case_archive"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_triple_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("target_name", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("clue_case_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_case_triple_check_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["clue_case_id"],
            ["case.id"],
            name=op.f("fk_case_triple_check_clue_case_id_case"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_case_triple_check_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_triple_check")),
        sa.UniqueConstraint(
            "case_id",
            "target_kind",
            "target_name",
            name=op.f("uq_case_triple_check_case_id_target_kind_target_name"),
        ),
    )
    op.create_table(
        "report_platform",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("domicile_region", sa.String(length=6), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column("listed_since", sa.Date(), nullable=True),
        sa.Column("header_mapping", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["party.id"],
            name=op.f("fk_report_platform_party_id_party"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_platform")),
        sa.UniqueConstraint("name", name=op.f("uq_report_platform_name")),
    )
    op.create_table(
        "platform_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_authority", sa.String(length=100), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["officer.id"], name=op.f("fk_platform_report_imported_by_officer")
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["report_platform.id"],
            name=op.f("fk_platform_report_platform_id_report_platform"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_report")),
        sa.UniqueConstraint("sha256", name=op.f("uq_platform_report_sha256")),
    )
    with op.batch_alter_table("platform_report", schema=None) as batch_op:
        batch_op.create_index(
            "ix_platform_report_platform_id_period", ["platform_id", "period"], unique=False
        )

    op.create_table(
        "report_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["platform_report.id"],
            name=op.f("fk_report_account_report_id_platform_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_account")),
    )
    with op.batch_alter_table("report_account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_account_account"), ["account"], unique=False)

    op.create_table(
        "report_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("identifier", sa.String(length=18), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("region", sa.String(length=6), nullable=True),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("accounts", sa.Text(), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("qualifications", sa.String(length=300), nullable=False),
        sa.Column("position", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["platform_report.id"],
            name=op.f("fk_report_record_report_id_platform_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_record")),
        sa.UniqueConstraint(
            "report_id", "sheet", "row_no", name=op.f("uq_report_record_report_id_sheet_row_no")
        ),
    )
    with op.batch_alter_table("report_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_record_identifier"), ["identifier"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_report_record_name"), ["name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_record_name"))
        batch_op.drop_index(batch_op.f("ix_report_record_identifier"))

    op.drop_table("report_record")
    with op.batch_alter_table("report_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_account_account"))

    op.drop_table("report_account")
    with op.batch_alter_table("platform_report", schema=None) as batch_op:
        batch_op.drop_index("ix_platform_report_platform_id_period")

    op.drop_table("platform_report")
    op.drop_table("report_platform")
    op.drop_table("case_triple_check")
