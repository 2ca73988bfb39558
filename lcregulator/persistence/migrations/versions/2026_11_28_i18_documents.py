"""Documents a bureau can sign: the party a violation is charged to (its facts and penalty go on
that party's documents only), and 作废 of an issued document (the number stays recorded as void,
the files unchanged).

Revision ID: i18_documents
Revises: i14_event_chain
Create Date: 2026-11-28 21:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i18_documents"
down_revision: str | Sequence[str] | None = "i20_search_grams"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("violation") as batch:
        batch.add_column(sa.Column("party_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("issued_document") as batch:
        batch.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("voided_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("void_reason", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("issued_document") as batch:
        batch.drop_column("void_reason")
        batch.drop_column("voided_by")
        batch.drop_column("voided_at")
    with op.batch_alter_table("violation") as batch:
        batch.drop_column("party_id")
