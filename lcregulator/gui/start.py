"""Opening the window safely: a database that cannot be used gets an explanation, not a crash.

``lcregulator`` with no arguments comes here. The cheap check runs before the window (a
garbage, truncated, emptied, foreign or newer database is never touched: the officer reads why
and what to do); after the first paint two jobs run on a worker thread: ``PRAGMA
quick_check`` over every page (a corrupted page shows the same explanation) and, on SQLite,
the first backup of the day with its rotation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from lcregulator.services import backup, health
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext
from lcregulator.services.health import DatabaseProblem

from . import error_hook, operations

log = logging.getLogger("lcregulator.gui")

DATABASE_EXIT = 3  # as the command line's exit status for the same problem


def database_problem_box(problem: DatabaseProblem, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        error_hook.TITLE,
        QApplication.translate("start", "无法使用案件数据库"),
        parent=parent,
    )
    box.setObjectName("databaseProblemBox")
    box.setInformativeText(problem.message)
    restore = box.addButton(
        QApplication.translate("start", "从备份恢复…"), QMessageBox.ButtonRole.ActionRole
    )
    restore.setObjectName("restoreBackup")
    other = box.addButton(
        QApplication.translate("start", "打开其他数据文件夹…"), QMessageBox.ButtonRole.ActionRole
    )
    other.setObjectName("openOtherFolder")
    leave = box.addButton(
        QApplication.translate("start", "退出"), QMessageBox.ButtonRole.RejectRole
    )
    leave.setObjectName("quit")
    return box


def explain(
    problem: DatabaseProblem, opener: Callable[[Path | None], AppContext]
) -> AppContext | None:
    """Show the explanation until the officer opens another folder, restores, or quits."""
    while True:
        box = database_problem_box(problem)
        box.exec()
        clicked = box.clickedButton()
        choice = clicked.objectName() if clicked is not None else "quit"
        try:
            if choice == "restoreBackup":
                file, _ = QFileDialog.getOpenFileName(
                    None, QApplication.translate("start", "选择备份文件"), "", "*.lcbackup"
                )
                if not file:
                    continue
                backup.restore_from_environment(Path(file), force=True)
                return opener(None)
            if choice == "openOtherFolder":
                folder = QFileDialog.getExistingDirectory(
                    None, QApplication.translate("start", "选择数据文件夹")
                )
                if not folder:
                    continue
                return opener(Path(folder))
            return None
        except DatabaseProblem as exc:
            problem = exc
        except Exception as exc:
            message = getattr(exc, "message", None) or error_hook.report_unexpected(exc)
            QMessageBox.warning(None, error_hook.TITLE, message)


def _open(home: Path | None) -> AppContext:
    if home is None:
        return open_context()
    from lcregulator.services.bootstrap import Paths

    return open_context(paths=Paths(home.resolve()))


def after_first_paint(ctx: AppContext, window: QWidget) -> list[operations.Operation[Any]]:
    """The page check and the daily backup, off the UI thread (quiet operations: the officer
    did not ask for them); returns the operations (tests wait for them)."""

    def checked(problem: object) -> None:
        if isinstance(problem, DatabaseProblem):
            database_problem_box(problem, window).exec()

    jobs: list[operations.Operation[Any]] = [
        operations.run(
            lambda _progress: health.background_check(ctx),
            checked,
            lambda exc: log.error("page check failed: %s", exc),
            parent=window,
            label="page check",
            quiet=True,
        )
    ]
    if ctx.database.is_sqlite:
        jobs.append(
            operations.run(
                lambda _progress: backup.daily_backup(ctx),
                lambda made: log.info("daily backup: %s", made),
                lambda exc: log.warning("daily backup failed: %s", exc),
                parent=window,
                label="daily backup",
                quiet=True,
            )
        )
    window._startup_jobs = jobs  # type: ignore[attr-defined]
    return jobs


def start_window() -> int:
    """``lcregulator`` with no arguments."""
    from .app import application, run

    application()
    error_hook.install()
    try:
        return run(open_context())
    except DatabaseProblem as problem:
        log.warning("database refused at start: %s", problem.message)
        ctx = _explain_at_start(problem)
    return DATABASE_EXIT if ctx is None else run(ctx)


def _explain_at_start(problem: DatabaseProblem) -> AppContext | None:
    """A database server gets 重试 / 数据库设置… / 联系信息; a local file the way back from a
    backup or another folder."""
    from lcregulator.services import connection
    from lcregulator.services.bootstrap import Paths

    paths = Paths.from_environment()
    if connection.uses_server(paths):
        from .server_dialog import explain_server

        return explain_server(problem, paths, open_context)
    return explain(problem, _open)


def schedule_after_first_paint(ctx: AppContext, window: QWidget) -> None:
    QTimer.singleShot(0, lambda: after_first_paint(ctx, window))
