"""约谈 (Art 52): summonses, and documents issued for a summons rather than a case.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "summons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authority_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("grounds", sa.String(length=20), nullable=False),
        sa.Column("ground_details", sa.Text(), nullable=False),
        sa.Column("invited_person", sa.String(length=100), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("officer_ids", sa.String(length=100), nullable=False),
        sa.Column("joint_with_cyberspace", sa.Boolean(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("commitments", sa.Text(), nullable=False),
        sa.Column("rectification_required", sa.Text(), nullable=False),
        sa.Column("rectification_deadline", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("escalated_case_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["authority_id"], ["authority.id"], name=op.f("fk_summons_authority_id_authority")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_summons_case_id_case")),
        sa.ForeignKeyConstraint(
            ["escalated_case_id"], ["case.id"], name=op.f("fk_summons_escalated_case_id_case")
        ),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_summons_party_id_party")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summons")),
    )
    op.create_index(op.f("ix_summons_case_id"), "summons", ["case_id"])
    op.create_index(op.f("ix_summons_party_id"), "summons", ["party_id"])
    op.create_index(
        op.f("ix_summons_rectification_deadline"), "summons", ["rectification_deadline"]
    )
    with op.batch_alter_table("issued_document") as batch:
        batch.alter_column("case_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("summons_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_issued_document_summons_id_summons"),
            "summons",
            ["summons_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_issued_document_summons_id"), ["summons_id"])


def downgrade() -> None:
    with op.batch_alter_table("issued_document") as batch:
        batch.drop_index(op.f("ix_issued_document_summons_id"))
        batch.drop_constraint(op.f("fk_issued_document_summons_id_summons"), type_="foreignkey")
        batch.drop_column("summons_id")
        batch.alter_column("case_id", existing_type=sa.Integer(), nullable=False)
    op.drop_index(op.f("ix_summons_rectification_deadline"), table_name="summons")
    op.drop_index(op.f("ix_summons_party_id"), table_name="summons")
    op.drop_index(op.f("ix_summons_case_id"), table_name="summons")
    op.drop_table("summons")
