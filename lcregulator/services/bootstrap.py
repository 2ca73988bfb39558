"""Open the application's world: folders, log, database at the current schema."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from lcregulator.persistence.database import Database, server_problem
from lcregulator.persistence.health import DatabaseProblem, Problem, damaged, write_failure
from lcregulator.persistence.paths import Paths as Paths  # re-exported: callers name the home
from lcregulator.persistence.paths import database_url

from .context import AppContext, Clock, SystemClock

log = logging.getLogger("lcregulator")


class MaskIdentityNumbers(logging.Filter):
    """No 身份证号 reaches a log file whole, whatever a message or traceback quotes."""

    def filter(self, record: logging.LogRecord) -> bool:
        from lcregulator.domain.identifiers import mask_rics_in

        message = record.getMessage()
        masked = mask_rics_in(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = mask_rics_in(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask_rics_in(record.exc_text)
        return True


def configure_logging(paths: Paths) -> None:
    paths.logs.mkdir(parents=True, exist_ok=True)
    target = str((paths.logs / "lcregulator.log").resolve())
    root = logging.getLogger("lcregulator")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if old.baseFilename == target:
            root.setLevel(logging.INFO)
            return
        root.removeHandler(old)  # another data folder in the same process (tests, demo)
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskIdentityNumbers())
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_context(
    paths: Paths | None = None,
    url: str | None = None,
    clock: Clock | None = None,
    *,
    create: bool = True,
) -> AppContext:
    """Resolve paths, check the database (:class:`DatabaseProblem` when it is missing — unless
    ``create`` —, damaged, foreign, newer or unreachable: then nothing is written), back up and
    migrate if the schema is behind."""
    paths = paths or Paths.from_environment()
    try:
        paths.ensure()
    except OSError as exc:
        raise DatabaseProblem(
            Problem.READ_ONLY,
            f"无法使用数据文件夹 {paths.home}（{exc.strerror}）。请检查该文件夹是否存在、可写，"
            "或用 LCREGULATOR_HOME 指定另一个数据文件夹。",
            str(paths.home),
        ) from None
    configure_logging(paths)
    from lcregulator.documents import OVERRIDE_DIRS  # the list only, not the renderers

    overrides = paths.home / "templates"
    if overrides not in OVERRIDE_DIRS:
        OVERRIDE_DIRS.insert(0, overrides)
    database = Database(url or database_url(paths))
    try:
        database.check(paths, create=create)
        backup = database.upgrade(backup_dir=paths.backups)
    except DatabaseProblem:
        database.dispose()
        raise
    except DBAPIError as exc:
        database.dispose()
        raise problem_from(exc, database) from None
    if backup is not None:
        log.info("schema upgraded; the previous database was saved to %s", backup)
    return AppContext(database=database, paths=paths, clock=clock or SystemClock())


def problem_from(exc: BaseException, database: Database) -> DatabaseProblem:
    """A database error met while working, said as exit 3 / the window's explanation."""
    if isinstance(exc, DatabaseProblem):
        return exc
    found = write_failure(exc, database.location) or server_problem(exc, database)
    if found is not None:
        return found
    detail = str(getattr(exc, "orig", exc)).strip()[:200]
    if "locked" in detail or "busy" in detail:
        return DatabaseProblem(
            Problem.UNREACHABLE,
            f"数据库 {database.location} 正被其他用户长时间占用（{detail}），请稍后再试。",
            database.location,
        )
    if not database.is_sqlite:
        return DatabaseProblem(
            Problem.UNREACHABLE,
            f"数据库服务器 {database.location} 出错（{detail}）。请联系本单位信息技术人员。",
            database.location,
        )
    return damaged(database.location, detail)


def open_folder(home: Path) -> AppContext:
    """Another data folder the officer chose (its SQLite database), checked like the default."""
    paths = Paths(home.expanduser().resolve())
    return open_context(paths=paths, url=f"sqlite:///{paths.database.as_posix()}")
