"""Engine, sessions and schema upgrades for SQLite and PostgreSQL.

At start the application calls :meth:`Database.upgrade`: if the schema is behind the code, the
SQLite file is first copied to ``backups/`` (a migration that fails half-way must never cost an
officer their cases), then Alembic brings it to head.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from . import health
from .paths import Paths

if TYPE_CHECKING:
    from alembic.config import Config

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .grams import SQL_FUNCTION, grams
from .pg_settings import (  # re-exported: tests and IT scripts name them here
    PG_CONNECT_TIMEOUT_S,
    PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    PG_KEEPALIVES,
    PG_LOCK_TIMEOUT_MS,
    PG_STATEMENT_TIMEOUT_MS,
)
from .pg_settings import setting as _setting

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")

#: How long one SQLite connection waits for another's write lock before SQLite gives up; the
#: unit of work then retries with backoff (see :func:`begin_mode`), so the wait a writer can
#: sit through is a few times this.
BUSY_TIMEOUT_MS = 10_000

#: Execution option naming how a SQLite transaction begins. Units of work (the write path)
#: begin IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout applies, instead of
#: at the first write, where WAL refuses a read transaction whose snapshot went stale with an
#: immediate "database is locked" that no timeout can help. Everything else (plain
#: connections, read sessions, migrations) begins DEFERRED and never queues behind a writer.
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
    # The triggers that keep the short-term search index in step call this (migration
    # i20_search_grams); without it no case could be saved.
    dbapi_connection.create_function(SQL_FUNCTION, 1, grams, deterministic=True)


def application_name(officer: str | None = None) -> str:
    """``lcregulator/<officer>@<host>`` — what the DBA sees in ``pg_stat_activity`` and what a
    waiting workstation reads to say who holds a row. PostgreSQL keeps only printable ASCII
    there (and 63 bytes), so the officer's name is percent-encoded (``%E5%BC%A0%E4%B8%89`` for
    张三; :func:`_workstation` decodes it); a long host name is shortened first."""
    host = quote(socket.gethostname().split(".")[0] or "?", safe="-_")
    who = quote(officer or "", safe="")
    room = 63 - len("lcregulator/@") - len(who)
    if room < 1:
        who, room = who[:40].rsplit("%", 1)[0] if "%" in who[:40] else who[:40], 10
    return f"lcregulator/{who}@{host[:room]}"


def _workstation(app: str) -> str:
    """``lcregulator/张三@PC-07`` → ``张三（PC-07）``; another program's name as it is."""
    if not app.startswith("lcregulator/"):
        return app
    officer, _, host = app[len("lcregulator/") :].rpartition("@")
    officer, host = unquote(officer), unquote(host)
    if officer and host:
        return f"{officer}（{host}）"
    return officer or host


def _pg_connect_args() -> dict[str, Any]:
    options = " ".join(
        (
            f"-c lock_timeout={_setting('LOCK_TIMEOUT_MS', PG_LOCK_TIMEOUT_MS)}",
            # timestamptz comes back in UTC whatever the server's default zone
            "-c TimeZone=UTC",
            "-c idle_in_transaction_session_timeout="
            f"{_setting('IDLE_IN_TRANSACTION_TIMEOUT_MS', PG_IDLE_IN_TRANSACTION_TIMEOUT_MS)}",
        )
    )
    return {
        "connect_timeout": _setting("CONNECT_TIMEOUT_S", PG_CONNECT_TIMEOUT_S),
        "application_name": application_name(),
        "options": options,
        **PG_KEEPALIVES,
    }


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not pysqlite, decide when transactions begin, so that BEGIN covers
        # the reads of a unit of work too (pysqlite's legacy mode starts them late).
        event.listen(engine, "connect", _disable_pysqlite_transactions)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args=_pg_connect_args())


def _pg_begin(database: Database, conn: Any) -> None:
    """Reads carry a statement timeout (a register query never runs unbounded); the
    connection's application name follows the officer signed in on this workstation."""
    wanted = application_name(database.officer_name)
    info = conn.connection.info
    if info.get("application_name", application_name()) != wanted:
        conn.exec_driver_sql(
            "SELECT set_config('application_name', %(name)s, false)", {"name": wanted}
        )
        info["application_name"] = wanted
    if conn.get_execution_options().get(BEGIN_OPTION) == "DEFERRED":
        timeout = _setting("STATEMENT_TIMEOUT_MS", PG_STATEMENT_TIMEOUT_MS)
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout)}")


_WRITE_TABLE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    return str(getattr(orig, "sqlstate", "") or getattr(orig, "pgcode", "") or "")


def busy_problem(exc: BaseException, database: Database) -> health.DatabaseProblem | None:
    """A PostgreSQL wait that ran out (lock timeout, statement timeout), said in Chinese and
    naming the workstation that holds the row when the server can tell (its application name).

    Nothing was written: the transaction is rolled back and the caller keeps what the officer
    typed."""
    state = _sqlstate(exc)
    if state not in ("55P03", "57014", "25P03"):
        return None
    statement = str(getattr(exc, "statement", "") or "")
    if state == "57014":
        return health.DatabaseProblem(
            health.Problem.BUSY,
            "数据库查询超时（服务器繁忙或查询范围过大），没有做任何修改。请缩小查询范围或稍后再试。",
            database.location,
        )
    if state == "25P03":
        return health.DatabaseProblem(
            health.Problem.BUSY,
            "本工作站的数据库事务空闲过久，已被服务器结束，刚才的修改没有保存。请重新操作。",
            database.location,
        )
    found = _WRITE_TABLE.search(statement)
    table = found.group(1) if found else ""
    holders = database.lock_holders(table) if table else []
    who = "、".join(holders) if holders else "另一台"
    if table == "document_sequence":
        text = f"文号正被 {who} 的工作站占用，请稍后再试。"
    else:
        text = f"该记录正被 {who} 的工作站修改，请稍后再试。"
    return health.DatabaseProblem(
        health.Problem.BUSY, text + "您填写的内容没有丢失，也没有保存任何修改。", database.location
    )


IT_CONTACT = "如仍无法解决，请联系本单位信息技术人员。"


def server_problem(exc: BaseException, database: Database) -> health.DatabaseProblem | None:
    """Why a PostgreSQL server could not be used, in Chinese with the way out: unreachable,
    user name or password refused, database missing, connection lost. None for other errors."""
    if database.is_sqlite:
        return None
    busy = busy_problem(exc, database)
    if busy is not None:
        return busy
    state = _sqlstate(exc)
    detail = str(getattr(exc, "orig", exc)).strip()
    lowered = detail.lower()
    url = database.engine.url
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if state in ("28P01", "28000") or "password authentication failed" in lowered:
        return health.DatabaseProblem(
            health.Problem.PASSWORD,
            f"数据库服务器 {where} 拒绝了用户名或密码（用户 {url.username}）。"
            "请检查 LCREGULATOR_DATABASE_URL 中的用户名和密码。" + IT_CONTACT,
            database.location,
        )
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return health.DatabaseProblem(
            health.Problem.MISSING,
            f"数据库服务器 {where} 上没有名为 {url.database} 的数据库。"
            "请检查 LCREGULATOR_DATABASE_URL 中的数据库名，或请信息技术人员建立数据库后"
            "运行 lcregulator db upgrade。" + IT_CONTACT,
            database.location,
        )
    if any(
        s in lowered
        for s in (
            "connection refused",
            "timeout expired",
            "could not connect",
            "could not translate host",
            "name or service not known",
            "no route to host",
            "network is unreachable",
            "connection failed",
            "not currently accepting connections",
        )
    ):
        return health.DatabaseProblem(
            health.Problem.UNREACHABLE,
            f"无法连接数据库服务器 {where}（服务器未运行、地址或端口有误，或网络不通）。"
            "请检查网络连接和 LCREGULATOR_DATABASE_URL，稍后重试。" + IT_CONTACT,
            database.location,
        )
    if (
        state.startswith("08")
        or "server closed the connection" in lowered
        or "terminating connection" in lowered
        or "consuming input failed" in lowered
    ):
        return health.DatabaseProblem(
            health.Problem.UNREACHABLE,
            f"与数据库服务器 {where} 的连接中断，刚才的操作没有保存；"
            "您填写的内容仍保留在窗口中，连接恢复后再保存即可。请检查网络后重试。" + IT_CONTACT,
            database.location,
        )
    return None


def _handle_error(database: Database, context: Any) -> None:
    """Every failed statement or connection attempt on a server: a lost or refused connection
    is announced to the listeners (the window's outage banner), whichever code met it. A
    failed pre-ping is not an outage: the pool replaces the stale connection itself."""
    if getattr(context, "is_pre_ping", False):
        return
    exc = context.original_exception
    if _sqlstate(exc) in ("55P03", "57014", "25P03"):  # waits, not outages
        return
    problem = server_problem(exc, database)
    if problem is not None and problem.problem is health.Problem.UNREACHABLE:
        database.connection_lost(problem)


def _forget_application_name(conn: Any) -> None:
    with contextlib.suppress(Exception):
        conn.connection.info.pop("application_name", None)


def _begin(conn: Any) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
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
        #: The officer signed in here, named in the server's ``application_name``.
        self.officer_name: str | None = None
        if self.engine.dialect.name == "postgresql":
            event.listen(self.engine, "begin", lambda conn: _pg_begin(self, conn))
            # a rolled-back SET reverts: name the officer again at the next transaction
            event.listen(self.engine, "rollback", _forget_application_name)
            event.listen(self.engine, "handle_error", lambda ctx: _handle_error(self, ctx))
        #: Called (on whichever thread met it) when the server connection is lost or refused.
        self.connection_listeners: list[Callable[[health.DatabaseProblem], None]] = []
        #: Sessions of units of work: on SQLite they begin IMMEDIATE (see BEGIN_OPTION).
        self.session_factory = sessionmaker(
            self.engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False
        )
        #: Sessions that only read: they begin DEFERRED, so they never queue behind a writer
        #: (WAL lets readers go on while one connection writes); on PostgreSQL the option also
        #: gives them the register's statement timeout.
        self.read_session_factory = sessionmaker(
            self.engine.execution_options(**{BEGIN_OPTION: "DEFERRED"}), expire_on_commit=False
        )

    _units = threading.local()

    def connection_lost(self, problem: health.DatabaseProblem) -> None:
        for listener in list(self.connection_listeners):
            try:
                listener(problem)
            except Exception:  # a listener's failure must not hide the original error
                log.exception("connection listener failed")

    def set_officer(self, name: str | None) -> None:
        """Name the officer at this workstation in the server's ``application_name`` (applied
        at the next transaction of each pooled connection)."""
        self.officer_name = name

    def open_units(self) -> int:
        """Units of work this thread has open on this database."""
        return int(getattr(self._units, str(id(self)), 0))

    def enter_unit(self) -> None:
        setattr(self._units, str(id(self)), self.open_units() + 1)

    def leave_unit(self) -> None:
        setattr(self._units, str(id(self)), max(0, self.open_units() - 1))

    def lock_holders(self, table: str) -> list[str]:
        """Who, by application name, has an open transaction that wrote ``table`` — "张三
        （PC-07）" — read on a fresh connection (the waiting one is aborted)."""
        if self.is_sqlite:
            return []
        query = text(
            "SELECT DISTINCT a.application_name FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.relation = to_regclass(:table) AND l.granted "
            "AND l.mode IN ('RowExclusiveLock', 'RowShareLock', 'ExclusiveLock', "
            "'ShareRowExclusiveLock', 'AccessExclusiveLock') AND l.pid <> pg_backend_pid() "
            "AND a.xact_start IS NOT NULL ORDER BY 1"
        )
        names: list[str] = []
        try:
            with self.engine.connect() as conn:
                for (app,) in conn.execute(query, {"table": table}):
                    names.append(_workstation(app or ""))
        except DBAPIError:
            return []
        return [n for n in names if n]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading (DEFERRED); writes go through a unit of work."""
        with self.read_session_factory() as session:
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
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            return None if found is None else str(found)

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
            raise server_problem(exc, self) or health.DatabaseProblem(
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
        health.check_revision(revision, self.location, noun="数据库")
        return revision

    def upgrade(self, backup_dir: Path | None = None, revision: str = "head") -> Path | None:
        """Bring the schema to ``revision``; returns the backup made first, if any.

        At head already (the everyday start) this is one query and no Alembic import: the
        head is read from the migration files' text, and Alembic asked only if that is unclear.
        """
        current = self.current_revision()
        if revision == "head" and current == (health.known_revisions()[1] or self.head_revision()):
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
