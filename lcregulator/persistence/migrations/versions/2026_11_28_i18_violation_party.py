"""The party a violation is charged to: its facts and penalty go on that party's documents.

Revision ID: i18_violation_party
Revises: i22_platform_reports
Create Date: 2026-11-28 21:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i18_violation_party"
down_revision: str | Sequence[str] | None = "i22_platform_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("violation") as batch:
        batch.add_column(sa.Column("party_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("violation") as batch:
        batch.drop_column("party_id")
