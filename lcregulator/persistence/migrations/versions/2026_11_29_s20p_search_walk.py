"""PostgreSQL: the register's search walks a narrow index in the register's order.

A broad term (食品, 虚假宣传: 16,000–31,000 of 100,000 cases) read every match through the GIN
indexes and sorted them to show the newest 200: 100–230 ms a page. Walking the register newest
first and testing each case until the page is full costs more per case than it saves when the
test needs a lookup of the wide ``case_search`` row (its grams array makes it ~1 KB) for every
case met: 60–400 ms when the matches lie far down the register (浙市监立〔2025〕: the 27,000 cases
received in 2026 come first).

So ``case_search`` gains, on PostgreSQL only (hand-made like ``grams``; SQLite has its own walk):

- ``received_on``, the case's, kept in step by triggers (set on insert, followed on every
  change of ``case.received_on``) whatever path writes the rows (application, bulk fill,
  bundle import);
- ``walk_text``, a stored generated copy of ``text`` when it is at most 2,000 bytes (NULL for a
  longer one, which the walk tests through the table instead: a B-tree entry must stay under
  ~2,700 bytes);
- ``lcr_case_search_like(case_id, pattern)``, that test for a longer text;
- ``ix_case_search_walk`` on ``(received_on, case_id) INCLUDE (walk_text)``: an index-only scan
  in the register's order that tests each case's text in the index itself — 27,000 cases in
  ~13 ms, the whole register in ~45 ms (see ``case_search.page``).

Revision ID: s20p_search_walk
Revises: s16_timestamptz
Create Date: 2026-11-29 03:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "s20p_search_walk"
down_revision: str | Sequence[str] | None = "s16_timestamptz"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The longest text (in bytes) the walk index carries; longer ones are NULL in ``walk_text``.
WALK_TEXT_BYTES = 2000

UPGRADE = [
    "ALTER TABLE case_search ADD COLUMN received_on date",
    'UPDATE case_search SET received_on = c.received_on FROM "case" c '
    "WHERE c.id = case_search.case_id",
    "ALTER TABLE case_search ADD COLUMN walk_text text GENERATED ALWAYS AS "
    f"(CASE WHEN octet_length(text) <= {WALK_TEXT_BYTES} THEN text END) STORED",
    """
    CREATE FUNCTION lcr_case_search_received_on() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.received_on := (SELECT c.received_on FROM "case" c WHERE c.id = NEW.case_id);
        RETURN NEW;
    END $$
    """,
    "CREATE TRIGGER case_search_received_on BEFORE INSERT OR UPDATE OF case_id ON case_search "
    "FOR EACH ROW EXECUTE FUNCTION lcr_case_search_received_on()",
    """
    CREATE FUNCTION lcr_case_received_on_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE case_search SET received_on = NEW.received_on WHERE case_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    'CREATE TRIGGER case_received_on_changed AFTER UPDATE OF received_on ON "case" '
    "FOR EACH ROW WHEN (OLD.received_on IS DISTINCT FROM NEW.received_on) "
    "EXECUTE FUNCTION lcr_case_received_on_changed()",
    # the walk's test of a text too long for the index; declared cheap (COST 1) because it is
    # called for those few rows only: costed as a subquery per row, a walk of the register
    # looks expensive enough for PostgreSQL to JIT-compile it (+100 ms every time)
    """
    CREATE FUNCTION lcr_case_search_like(id integer, pattern text) RETURNS boolean
    LANGUAGE sql STABLE COST 1 AS $$
        SELECT text LIKE pattern ESCAPE '\\' FROM case_search WHERE case_id = id
    $$
    """,
    "CREATE INDEX ix_case_search_walk ON case_search (received_on, case_id) INCLUDE (walk_text)",
    "ANALYZE case_search",
]

DOWNGRADE = [
    'DROP TRIGGER IF EXISTS case_received_on_changed ON "case"',
    "DROP TRIGGER IF EXISTS case_search_received_on ON case_search",
    "DROP FUNCTION IF EXISTS lcr_case_received_on_changed()",
    "DROP FUNCTION IF EXISTS lcr_case_search_received_on()",
    "DROP FUNCTION IF EXISTS lcr_case_search_like(integer, text)",
    "DROP INDEX IF EXISTS ix_case_search_walk",
    "ALTER TABLE case_search DROP COLUMN IF EXISTS walk_text",
    "ALTER TABLE case_search DROP COLUMN IF EXISTS received_on",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(statement)
