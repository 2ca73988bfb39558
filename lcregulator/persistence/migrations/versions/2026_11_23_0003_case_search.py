"""Case search: a text row per case, with an FTS5 trigram index on SQLite; register indexes.

Officers search by case number, party name, 统一社会信用代码 / 身份证号, live account id or room
name. FTS5's trigram tokenizer finds terms of three or more characters quickly but returns
nothing for one- or two-character terms (a surname, 食品), which the repository answers with
LIKE on ``case_search.text`` instead. PostgreSQL uses ILIKE on the same table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = [
    "CREATE VIRTUAL TABLE case_search_fts USING fts5("
    "text, content='case_search', content_rowid='case_id', tokenize='trigram')",
    "CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN "
    "INSERT INTO case_search_fts(rowid, text) VALUES (new.case_id, new.text); END",
    "CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN "
    "INSERT INTO case_search_fts(case_search_fts, rowid, text) "
    "VALUES ('delete', old.case_id, old.text); END",
    "CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN "
    "INSERT INTO case_search_fts(case_search_fts, rowid, text) "
    "VALUES ('delete', old.case_id, old.text); "
    "INSERT INTO case_search_fts(rowid, text) VALUES (new.case_id, new.text); END",
]


def upgrade() -> None:
    op.create_table(
        "case_search",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_case_search_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_search")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS:
            op.execute(statement)
    # The register lists newest first; with this index the first page of 100,000 cases is
    # read in order instead of sorted.
    op.create_index("ix_case_received_on_id", "case", ["received_on", "id"])
    # Cases that already exist get their search text from their number and title; the
    # application refreshes the full text (parties, accounts) the next time a case is saved.
    op.execute(
        "INSERT INTO case_search (case_id, text) "
        "SELECT id, COALESCE(case_number, '') || ' ' || title FROM \"case\""
    )


def downgrade() -> None:
    op.drop_index("ix_case_received_on_id", table_name="case")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("case_search_ai", "case_search_ad", "case_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS case_search_fts")
    op.drop_table("case_search")
