"""The tamper-evident timeline: a hash chain over the events, and append-only triggers.

Existing events are chained in id order; from now on the application appends through
``EventRepository.add``. Triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on
``event`` for every role, the owner's included — an administrator who must repair something
drops them knowingly, and ``lcregulator verify`` reports them missing.

Revision ID: i14_event_chain
Revises: i22_platform_reports
Create Date: 2026-11-28 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from lcregulator.persistence.base import UTCDateTime
from lcregulator.persistence.chain import (
    GENESIS,
    create_triggers,
    drop_triggers,
    event_content,
    event_hash,
)

revision: str = "i14_event_chain"
down_revision: str | Sequence[str] | None = "i22_platform_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

event = sa.table(
    "event",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("party_id", sa.Integer),
    sa.column("officer_id", sa.Integer),
    sa.column("at", UTCDateTime()),
    sa.column("action", sa.String),
    sa.column("summary", sa.Text),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
    sa.column("seq", sa.BigInteger),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(batch.f("uq_event_seq"), ["seq"])
    chain_head = op.create_table(
        "event_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_chain")),
    )
    bind = op.get_bind()
    prev, seq = GENESIS, 0
    rows = bind.execute(sa.select(event).order_by(event.c.id)).mappings().all()
    for row in rows:
        seq += 1
        content = event_content(
            seq=seq,
            case_id=row["case_id"],
            party_id=row["party_id"],
            officer_id=row["officer_id"],
            at=row["at"],
            action=row["action"],
            summary=row["summary"],
            before=row["before"],
            after=row["after"],
        )
        digest = event_hash(prev, content)
        bind.execute(
            event.update()
            .where(event.c.id == row["id"])
            .values(seq=seq, prev_hash=prev, hash=digest)
        )
        prev = digest
    op.bulk_insert(chain_head, [{"id": 1, "length": seq, "last_hash": prev}])
    create_triggers(bind)


def downgrade() -> None:
    drop_triggers(op.get_bind())
    op.drop_table("event_chain")
    with op.batch_alter_table("event") as batch:
        batch.drop_constraint(batch.f("uq_event_seq"), type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
