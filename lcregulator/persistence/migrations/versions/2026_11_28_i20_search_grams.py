"""Index-backed search for every term length, on SQLite and PostgreSQL.

Terms of one or two characters (a surname, 食品) used to be answered by scanning every case's
search text; at provincial scale that is 60–300 ms a keystroke. Now (see
``lcregulator/persistence/grams.py``):

- SQLite: a contentless FTS5 table ``case_search_grams`` holds each case's distinct 1- and
  2-character grams (``detail=none``: document ids only, the smallest FTS5 index), kept in step
  with ``case_search`` by triggers that call the ``lcr_grams`` function the application
  registers on every connection. The trigram table keeps serving terms of 3+ characters.
- PostgreSQL: a GIN index on ``text gin_trgm_ops`` (``pg_trgm``) serves ILIKE for 3+
  characters, and a GIN index on the SQL function ``lcr_grams(text)`` (the same grams as a
  ``text[]``) serves 1–2 characters with ``@>``. ``pg_trgm`` is a trusted extension from
  PostgreSQL 13 on; where the role may not create it, the upgrade goes on without that index
  (the search still works, by scanning) and logs a warning.

Revision ID: i20_search_grams
Revises: i14_sign_in
Create Date: 2026-11-28 21:00:00
"""

import logging
from collections.abc import Sequence

from alembic import op

revision: str = "i20_search_grams"
down_revision: str | Sequence[str] | None = "i14_sign_in"
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

# The same grams as lcregulator.persistence.grams.grams(), as an array; whitespace separates
# grams, anything else (punctuation too) may be part of one, so every 1–2 character term that
# the register splits out of the search box is answered by the index.
POSTGRES_FUNCTION = r"""
CREATE OR REPLACE FUNCTION lcr_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g.gram), '{}'::text[])
    FROM (
        SELECT substr(lower(t), i, n) AS gram, n
        FROM generate_series(1, char_length(t)) AS i, (VALUES (1), (2)) AS k(n)
    ) AS g
    WHERE char_length(g.gram) = g.n AND g.gram !~ '\s'
$$
"""


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
    op.execute(POSTGRES_FUNCTION)
    op.execute("CREATE INDEX ix_case_search_grams ON case_search USING gin (lcr_grams(text))")
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
    op.execute("DROP FUNCTION IF EXISTS lcr_grams(text)")
