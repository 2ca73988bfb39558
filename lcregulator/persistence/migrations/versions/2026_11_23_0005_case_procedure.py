"""Case procedure facts (JSON) and the next pending deadline, indexed for the warning page.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case") as batch:
        batch.add_column(sa.Column("procedure", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("next_deadline_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("next_deadline_id", sa.String(length=40), nullable=True))
        batch.create_index("ix_case_next_deadline_on", ["next_deadline_on"])


def downgrade() -> None:
    with op.batch_alter_table("case") as batch:
        batch.drop_index("ix_case_next_deadline_on")
        batch.drop_column("next_deadline_id")
        batch.drop_column("next_deadline_on")
        batch.drop_column("procedure")
