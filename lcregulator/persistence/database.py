"""Engine, sessions and schema upgrades for SQLite and PostgreSQL.

At start the application calls :meth:`Database.upgrade`: if the schema is behind the code, the
SQLite file is first copied to ``backups/`` (a migration that fails half-way must never cost an
officer their cases), then Alembic brings it to head.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import health
from .paths import Paths

if TYPE_CHECKING:
    from alembic.config import Config

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")

#: How long one SQLite connection waits for another's write lock before SQLite gives up; the
#: unit of work then retries with backoff (see :func:`begin_mode`), so the wait a writer can
#: sit through is a few times this.
BUSY_TIMEOUT_MS = 10_000

#: Execution option naming how a SQLite transaction begins. Write transactions (the default)
#: begin IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout applies, instead of
#: at the first write, where WAL refuses a read transaction whose snapshot went stale with an
#: immediate "database is locked" that no timeout can help. Read-only work passes "DEFERRED".
BEGIN_OPTION = "lcregulator_begin"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, foreign keys on (off by default in SQLite), and a wait
    instead of an immediate 'database is locked' when two windows write at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if dbapi_connection.execute("PRAGMA database_list").fetchone()[2]:  # file, not :memory:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not pysqlite, decide when transactions begin, so that BEGIN covers
        # the reads of a unit of work too (pysqlite's legacy mode starts them late).
        event.listen(engine, "connect", _disable_pysqlite_transactions)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _begin(conn: Any) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "IMMEDIATE")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked"/"busy" once the busy timeout ran out (safe to retry when
    raised at BEGIN, before the transaction did anything)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


def _disable_pysqlite_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def alembic_config(url: str) -> Config:
    from alembic.config import Config  # only to upgrade: importing Alembic costs start-up time

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
        #: Sessions that only read: on SQLite they begin DEFERRED, so they never queue behind
        #: a writer (WAL lets readers go on while one connection writes).
        self.read_session_factory = sessionmaker(
            self.engine.execution_options(**{BEGIN_OPTION: "DEFERRED"}), expire_on_commit=False
        )

    _units = threading.local()

    def open_units(self) -> int:
        """Units of work this thread has open on this database."""
        return int(getattr(self._units, str(id(self)), 0))

    def enter_unit(self) -> None:
        setattr(self._units, str(id(self)), self.open_units() + 1)

    def leave_unit(self) -> None:
        setattr(self._units, str(id(self)), max(0, self.open_units() - 1))

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

    def read_connection(self) -> Any:
        """A connection whose transactions begin DEFERRED (reads beside a writer)."""
        return self.engine.connect().execution_options(**{BEGIN_OPTION: "DEFERRED"})

    def current_revision(self) -> str | None:
        """The schema revision, read with one query (no Alembic)."""
        with self.read_connection() as conn:
            tables = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name='alembic_version'"
                if self.is_sqlite
                else "SELECT table_name FROM information_schema.tables "
                "WHERE table_name='alembic_version' AND table_schema=current_schema()"
            ).first()
            if tables is None:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def is_at_head(self) -> bool:
        return self.current_revision() == health.known_revisions()[1]

    @property
    def location(self) -> str:
        if self.is_sqlite:
            return str(self.engine.url.database or ":memory:")
        return self.engine.url.render_as_string(hide_password=True)

    def check(self, paths: Paths | None = None, *, create: bool = True) -> str | None:
        """The cheap check at open: raise :class:`health.DatabaseProblem` for a database that
        is missing (unless ``create``), damaged, foreign, newer or unreachable; else return
        its revision (None: empty, may be created). Writes nothing."""
        if self.is_sqlite:
            name = self.engine.url.database
            if not name or name == ":memory:":
                return None
            path = Path(name)
            revision = health.check_sqlite(path, paths)
            if not create and (not path.exists() or path.stat().st_size == 0):
                raise health.DatabaseProblem(
                    health.Problem.MISSING,
                    f"找不到数据库 {path}。请先运行 lcregulator db upgrade 或打开窗口完成首次设置，"
                    "或用 LCREGULATOR_HOME 指定正确的数据文件夹。",
                    str(path),
                )
            return revision
        try:
            revision = self.current_revision()
        except DBAPIError as exc:
            raise health.DatabaseProblem(
                health.Problem.UNREACHABLE,
                f"无法连接数据库服务器 {self.location}（{str(exc.orig).strip()[:200]}）。"
                "请检查网络和 LCREGULATOR_DATABASE_URL，或联系本单位信息技术人员。",
                self.location,
            ) from None
        if revision is None and not create:
            raise health.DatabaseProblem(
                health.Problem.MISSING,
                f"数据库 {self.location} 尚未建立本系统的数据表。请先运行 lcregulator db upgrade。",
                self.location,
            )
        health.check_revision(revision, self.location)
        return revision

    def upgrade(self, backup_dir: Path | None = None, revision: str = "head") -> Path | None:
        """Bring the schema to ``revision``; returns the backup made first, if any."""
        current = self.current_revision()
        if revision == "head" and current == self.head_revision():
            return None
        from alembic import command

        backup = None
        if current is not None and backup_dir is not None:
            # once per upgrade: a retry after a failed attempt keeps the first, untouched copy
            label = f"before-upgrade-from-{current}"
            earlier = sorted(backup_dir.glob(f"*-{label}.sqlite3"))
            backup = earlier[-1] if earlier else self.backup(backup_dir, label)
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
