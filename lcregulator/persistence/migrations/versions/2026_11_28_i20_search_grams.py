"""Index-backed search for every term length, on SQLite and PostgreSQL.

Terms of one or two characters (a surname, 食品) used to be answered by scanning every case's
search text; at provincial scale that is 60–300 ms a keystroke. Now (see
``lcregulator/persistence/grams.py``):

- SQLite: a contentless FTS5 table ``case_search_grams`` holds each case's distinct 1- and
  2-character grams (``detail=none``: document ids only, the smallest FTS5 index), kept in step
  with ``case_search`` by triggers that call the ``lcr_grams`` function the application
  registers on every connection. The trigram table keeps serving terms of 3+ characters.
- PostgreSQL: a GIN index on ``text gin_trgm_ops`` (``pg_trgm``) serves ILIKE for 3+
  characters; the same grams, stored by the application in ``case_search.grams`` (``text[]``,
  not in the models: SQLite has no such column), with a GIN index, serve 1–2 characters with
  ``@>`` and narrow longer terms to the cases holding all their pairs. ``pg_trgm`` is a
  trusted extension from PostgreSQL 13 on; where the role may not create it, the upgrade goes
  on without that index and logs a warning.

Revision ID: i20_search_grams
Revises: i14_event_chain
Create Date: 2026-11-28 21:00:00
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i20_search_grams"
down_revision: str | Sequence[str] | None = "i14_event_chain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

SQLITE = [
    "CREATE VIRTUAL TABLE case_search_grams USING fts5(grams, content='', detail='none', "
    "tokenize=\"unicode61 remove_diacritics 0 categories 'L* N*'\")",
    "CREATE TRIGGER case_search_grams_ai AFTER INSERT ON case_search BEGIN "
    "INSERT INTO case_search_grams(rowid, grams) VALUES (new.case_id, lcr_grams(new.text)); END",
    "CREATE TRIGGER case_search_grams_ad AFTER DELETE ON case_search BEGIN "
    "INSERT INTO case_search_grams(case_search_grams, rowid, grams) "
    "VALUES ('delete', old.case_id, lcr_grams(old.text)); END",
    "CREATE TRIGGER case_search_grams_au AFTER UPDATE ON case_search BEGIN "
    "INSERT INTO case_search_grams(case_search_grams, rowid, grams) "
    "VALUES ('delete', old.case_id, lcr_grams(old.text)); "
    "INSERT INTO case_search_grams(rowid, grams) VALUES (new.case_id, lcr_grams(new.text)); END",
    "INSERT INTO case_search_grams(rowid, grams) SELECT case_id, lcr_grams(text) FROM case_search",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from lcregulator.persistence.grams import SQL_FUNCTION, grams

        # The application registers the function on every connection; registering it again
        # here lets the migration run on any connection handed to Alembic.
        raw = bind.connection.dbapi_connection
        raw.create_function(SQL_FUNCTION, 1, grams, deterministic=True)  # type: ignore[union-attr]
        for statement in SQLITE:
            op.execute(statement)
        return
    if bind.dialect.name != "postgresql":
        return
    savepoint = bind.begin_nested()
    try:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        savepoint.commit()
        trigram = True
    except Exception as exc:  # not allowed to create it: search works, only slower
        savepoint.rollback()
        log.warning("pg_trgm is not available (%s); 3+ character search will scan", exc)
        trigram = False
    if trigram:
        op.execute(
            "CREATE INDEX ix_case_search_text_trgm ON case_search USING gin (text gin_trgm_ops)"
        )
    # The grams are worked out in Python (the same function as SQLite's) and stored: an SQL
    # function for them costs 0.4–3 ms a row, and PostgreSQL re-evaluates an indexed
    # expression whenever a bitmap scan rechecks.
    from lcregulator.persistence.grams import grams

    op.execute("ALTER TABLE case_search ADD COLUMN grams text[]")
    rows = bind.exec_driver_sql("SELECT case_id, text FROM case_search").all()
    update = sa.text("UPDATE case_search SET grams = CAST(:g AS text[]) WHERE case_id = :id")
    for start in range(0, len(rows), 5000):
        batch = rows[start : start + 5000]
        bind.execute(update, [{"id": r[0], "g": grams(r[1]).split()} for r in batch])
    op.execute("CREATE INDEX ix_case_search_grams ON case_search USING gin (grams)")
    op.execute("ANALYZE case_search")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("case_search_grams_ai", "case_search_grams_ad", "case_search_grams_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS case_search_grams")
        return
    if bind.dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_case_search_grams")
    op.execute("DROP INDEX IF EXISTS ix_case_search_text_trgm")
    op.execute("ALTER TABLE case_search DROP COLUMN IF EXISTS grams")
