"""Engine, sessions and schema upgrades for SQLite and PostgreSQL.

At start the application calls :meth:`Database.upgrade`: if the schema is behind the code, the
SQLite file is first copied to ``backups/`` (a migration that fails half-way must never cost an
officer their cases), then Alembic brings it to head.

Alembic (with Mako) costs about half a second to import, more than a bare window takes to
open, so the everyday start, a database already at head, never imports it: the stored revision
is read with one query and compared with the head read from the migration files' own
``revision``/``down_revision`` lines (:func:`head_from_files`). Alembic is imported only when an
upgrade is needed or the files cannot be read that simply.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .grams import SQL_FUNCTION, grams

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, foreign keys on (off by default in SQLite), and a wait
    instead of an immediate 'database is locked' when two windows write at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    if dbapi_connection.execute("PRAGMA database_list").fetchone()[2]:  # file, not :memory:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # The triggers that keep the short-term search index in step call this (migration
    # i20_search_grams); without it no case could be saved.
    dbapi_connection.create_function(SQL_FUNCTION, 1, grams, deterministic=True)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not pysqlite, decide when transactions begin, so that BEGIN covers
        # the reads of a unit of work too (pysqlite's legacy mode starts them late).
        event.listen(engine, "connect", _disable_pysqlite_transactions)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    return create_engine(url, pool_pre_ping=True)


def _disable_pysqlite_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Database:
    """One database, SQLite file or PostgreSQL server; cheap sessions, explicit upgrades."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.session_factory() as session:
            yield session

    # --- schema ---------------------------------------------------------------------------

    def head_revision(self) -> str:
        from alembic.script import ScriptDirectory

        heads = ScriptDirectory.from_config(alembic_config(self.url)).get_heads()
        if len(heads) != 1:
            raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
        return heads[0]

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            stored = _stored_revisions(conn)
            if stored is not None and len(stored) <= 1:
                return stored[0] if stored else None
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()

    def is_at_head(self) -> bool:
        return self.current_revision() == self.head_revision()

    def upgrade(self, backup_dir: Path | None = None, revision: str = "head") -> Path | None:
        """Bring the schema to ``revision``; returns the backup made first, if any.

        At head already (the everyday start) this is one query and no Alembic import."""
        if revision == "head":
            with self.engine.connect() as conn:
                stored = _stored_revisions(conn)
            head = head_from_files()
            if head is not None and stored == [head]:
                return None
        current = self.current_revision()
        if revision == "head" and current == self.head_revision():
            return None
        from alembic import command

        backup = None
        if current is not None and backup_dir is not None:
            backup = self.backup(backup_dir, f"before-upgrade-from-{current}")
        with self.engine.begin() as conn:
            config = alembic_config(self.url)
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        log.info("database upgraded from %s to %s", current, revision)
        return backup

    def downgrade(self, revision: str) -> None:
        from alembic import command

        with self.engine.begin() as conn:
            config = alembic_config(self.url)
            config.attributes["connection"] = conn
            command.downgrade(config, revision)

    def backup(self, backup_dir: Path, label: str) -> Path | None:
        """A consistent copy of the SQLite file (online backup API, safe under WAL).

        A shared PostgreSQL server is the bureau's DBA's to back up (pg_dump); we log that.
        """
        if not self.is_sqlite:
            log.warning("no automatic backup of a PostgreSQL database; use pg_dump")
            return None
        source = self.engine.url.database
        if not source or source == ":memory:":
            return None
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backup_dir / f"{Path(source).stem}-{stamp}-{label}.sqlite3"
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        log.info("database backed up to %s", target)
        return target


def _stored_revisions(conn: Any) -> list[str] | None:
    """The revisions in ``alembic_version`` (empty before the first upgrade); None when the
    table cannot be read that simply (Alembic then answers)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
    elif dialect == "postgresql":
        exists = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
    else:
        return None
    if not exists:
        return []
    try:
        return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError:
        return None


_REVISION = re.compile(r"^revision(?:\s*:\s*[^=]+)?\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(None|[\"']([^\"']+)[\"'])", re.M)


@cache
def head_from_files() -> str | None:
    """The single head of the migration chain, read from the version files without Alembic.

    None when a file does not spell its revisions as plain string literals, or the chain has
    more or fewer than one head: Alembic is then asked instead. A test checks that this agrees
    with Alembic's own ``ScriptDirectory.get_heads()``."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(2):
            parents.add(down.group(2))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
