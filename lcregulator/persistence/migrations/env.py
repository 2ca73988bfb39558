"""Alembic environment: one transaction per migration, batch mode and no foreign keys on SQLite.

SQLite cannot ALTER most things, so batch mode recreates tables; foreign keys are switched off
while it does, or dropping a parent table would cascade into its children.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from lcregulator.persistence.base import Base
from lcregulator.persistence.database import make_engine
from lcregulator.persistence.report_rows import *  # noqa: F403
from lcregulator.persistence.rows import *  # noqa: F403 - registers every table on Base.metadata

config = context.config
target_metadata = Base.metadata


# Search indexes created by hand in migrations (0003, i20_search_grams, s20p_search_walk), not
# from the models: FTS5 tables and their shadow tables on SQLite, GIN and walk indexes and the
# columns they need on PostgreSQL.
HAND_MADE_TABLES = ("case_search_fts", "case_search_grams")
HAND_MADE_INDEXES = ("ix_case_search_text_trgm", "ix_case_search_grams", "ix_case_search_walk")
HAND_MADE_COLUMNS = ("grams", "received_on", "walk_text")  # of case_search, PostgreSQL only


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(HAND_MADE_TABLES)
    if type_ == "column":  # grams: written by case_search.refresh(); the others: by the server
        table = parent_names.get("table_name") if isinstance(parent_names, dict) else None
        return not (table == "case_search" and name in HAND_MADE_COLUMNS)
    return not (type_ == "index" and name in HAND_MADE_INDEXES)


def _run(connection: Connection) -> None:
    is_sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite,
        transaction_per_migration=True,
        compare_type=True,
        include_name=_include_name,
    )
    if is_sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        with context.begin_transaction():
            context.run_migrations()
    finally:
        if is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = (
        config.get_main_option("sqlalchemy.url")
        or os.environ.get("LCREGULATOR_DATABASE_URL")
        or "sqlite:///lcregulator-check.sqlite3"
    )
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("lcregulator migrations run online only")
run_migrations_online()
