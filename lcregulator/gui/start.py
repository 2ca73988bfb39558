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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from lcregulator.services.early_start import DatabaseProblem

from . import error_hook

if TYPE_CHECKING:
    from lcregulator.domain.authority import Authority
    from lcregulator.services.context import AppContext
    from lcregulator.services.early_start import Opening, Paths

    from . import operations
    from .main_window import MainWindow

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
                from lcregulator.services import backup

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


def open_context(paths: Paths | None = None) -> AppContext:
    """The database, opened and checked (SQLAlchemy is imported here, not at start-up)."""
    from lcregulator.services.bootstrap import open_context as open_checked

    return open_checked(paths=paths)


def _open(home: Path | None) -> AppContext:
    if home is None:
        return open_context()
    from lcregulator.services.bootstrap import Paths

    return open_context(paths=Paths(home.resolve()))


def after_first_paint(ctx: AppContext, window: QWidget) -> list[operations.Operation[Any]]:
    """The page check and the daily backup, off the UI thread (quiet operations: the officer
    did not ask for them); returns the operations (tests wait for them)."""
    from lcregulator.services import backup, health

    from . import operations

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
        early = _early_start()
        if early is not None:
            return early
        return run(open_context())
    except DatabaseProblem as problem:
        log.warning("database refused at start: %s", problem.message)
        ctx = _explain_at_start(problem)
    return DATABASE_EXIT if ctx is None else run(ctx)


# Imported on the database's thread while the officer types the password: what building the
# register needs (SQLAlchemy and the services come with the database itself).
BEFORE_REGISTER = (
    "lcregulator.gui.main_window",
    "lcregulator.gui.reporting_actions",
    "lcregulator.gui.operations",
    "lcregulator.gui.integrity_dialog",
)


def _early_start() -> int | None:
    """The everyday start: the sign-in dialog from the few facts read without SQLAlchemy, the
    database opened and the register built behind it (``services.early_start``). None when
    that path does not apply (a problem, a first run, an upgrade due, a server that does not
    answer); the ordinary start then runs."""
    from lcregulator.domain.authority import OfficerId
    from lcregulator.services import early_start

    from .app import after_first_paint as on_first_paint
    from .app import show, warm_up
    from .sign_in import OfficerSignInDialog

    paths = early_start.Paths.from_environment()
    facts = early_start.sign_in_facts(paths)
    if facts is None:
        return None
    opening = early_start.Opening(paths, then=lambda: warm_up(BEFORE_REGISTER))
    built: list[MainWindow] = []

    def build_window() -> None:
        """The register, for nobody yet: built as soon as the database is open (while the
        officer types) or at the latest while the password is checked; shown only if the
        password is right, and then told who signed in."""
        if not built:
            from .main_window import MainWindow

            ctx = opening.result()
            built.append(MainWindow(ctx, _authority(ctx)))

    def build_while_checking() -> None:
        """Meanwhile a failure must not hide the password check's own answer: the build is
        tried again after 登录, where a database problem is explained."""
        try:
            build_window()
        except Exception:
            log.info("register not built while the password was checked", exc_info=True)

    dialog = OfficerSignInDialog(
        facts.authority,
        facts.officers,
        preselect=OfficerId(last) if (last := early_start.last_officer(paths)) else None,
        opening=opening.result,
        while_checking=build_while_checking,
    )
    # Once the database is open (the officer is still typing), the register is built, hidden:
    # after 登录 only the password check, the officer's own cases and the first paint remain.
    ready = QTimer(dialog, interval=30)

    def build_when_open() -> None:
        if opening.done:
            ready.stop()
            try:
                build_window()
            except Exception:  # signing in meets it again, and explains it
                log.info("register not built ahead of sign-in", exc_info=True)

    ready.timeout.connect(build_when_open)

    def begin() -> None:
        opening.start()
        ready.start()

    on_first_paint(dialog, begin)  # not before: the dialog paints first
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        for window in built:
            window.deleteLater()
    if dialog.failure is not None:  # unexpected: reported as the ordinary start reports it
        _close_quietly(opening)
        raise dialog.failure
    if dialog.problem is not None:
        log.warning("database refused at start: %s", dialog.problem.message)
        ctx = _explain_at_start(dialog.problem)
        if ctx is None:
            return DATABASE_EXIT
        from .app import run

        return run(ctx)
    if not accepted:
        _close_quietly(opening)
        return 0
    ctx = opening.result()
    try:
        build_window()  # normally built already (ahead, or while the password was checked)
        window = built[0]
        window.officer_signed_in()
    except DatabaseProblem:
        ctx.database.dispose()  # start_window explains it, with the ways out
        raise
    if ctx.officer is not None and ctx.officer.id is not None:
        early_start.remember_officer(paths, ctx.officer.id)
    return show(ctx, window)


def _authority(ctx: AppContext) -> Authority:
    from lcregulator.services import setup

    authority = setup.our_authority(ctx)
    assert authority is not None  # the sign-in facts named it; nothing deletes an authority
    return authority


def _close_quietly(opening: Opening) -> None:
    """The officer cancelled: let an opening under way finish, then close the database."""
    if not opening.started:
        return
    try:
        opening.result(timeout=30).database.dispose()
    except Exception:  # cancelling must not show an error
        log.info("database closed after cancelling the sign-in", exc_info=True)


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
