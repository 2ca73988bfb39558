"""Start the desktop application: first-run set-up, sign-in, main window.

The window should open like a bare Qt window. Its first window is the sign-in dialog: on a
local database it is built from what the standard library reads, before SQLAlchemy is
imported, and the database, the register's modules and the register itself are readied behind
it while the officer types (``gui/start.py``, ``services/early_start.py``). Before the
register's first paint only Qt, SQLAlchemy and the modules the register needs are imported
(``tests/test_start_up_imports.py`` names them, for both paints). Everything else (the case
window, the document renderers, the statute text) is imported where first used, and ahead of
that on a background thread once the register has been painted (:func:`warm_up`); background
checks wait for the first paint too (:data:`AFTER_FIRST_PAINT`).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from lcregulator.domain.authority import OfficerId
from lcregulator.services import setup
from lcregulator.services.context import AppContext

from . import date_fields
from .forms import rc_lcregulator  # noqa: F401 - registers :/icons

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

# Imported on a background thread after the first paint, so that opening the first case or
# printing the first document does not stall on them (reportlab, python-docx, Jinja2 …).
WARM_UP = (
    "lcregulator.services.documents",
    "lcregulator.gui.case_window",
    "lcregulator.gui.summons_dialog",
    "lcregulator.gui.party_dialog",
    "lcregulator.gui.documents_tab",
    "lcregulator.gui.statute_viewer",
)

# Work for after the register is on screen (integrity checks, backups …): each is called on
# the GUI thread once the main window has painted, and should itself hand long work to a
# thread. Append to this list rather than calling such work before the window shows.
AFTER_FIRST_PAINT: list[Callable[[AppContext], None]] = []


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName("lcregulator")
    app.setApplicationDisplayName("直播电商监管执法办案系统")
    app.setOrganizationName("lcregulator")
    app.setWindowIcon(QIcon(":/icons/lcregulator.svg"))
    # Officers read Chinese whatever the system locale: Qt's own strings (Cancel, Yes, No …)
    # come from its zh_CN catalogue, ours from resources/translations when a translation exists.
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(chinese)
    qt_catalogue = QTranslator(app)
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_catalogue.load(chinese, "qtbase", "_", qt_path):
        app.installTranslator(qt_catalogue)
    date_fields.install()
    ours = QTranslator(app)
    if ours.load(QLocale(), "lcregulator", "_", ":/translations"):
        app.installTranslator(ours)
    return app


def sign_in(ctx: AppContext) -> MainWindow | None:
    """Ask who is working, with their password (after a first-run set-up if needed); None when
    the officer cancels."""
    from .main_window import MainWindow
    from .sign_in import choose_officer

    authority = setup.our_authority(ctx)
    if authority is None:
        from .first_run import FirstRunWizard

        dialog = FirstRunWizard(ctx)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        authority = setup.our_authority(ctx)
        assert authority is not None
    else:
        assert authority.id is not None
        if not setup.list_officers(ctx, authority.id):
            QMessageBox.critical(
                None,
                "直播电商监管执法办案系统",
                "本机关尚未登记执法人员，请联系管理员。",
            )
            return None
        from lcregulator.services import early_start

        last = early_start.last_officer(ctx.paths)
        signed = choose_officer(ctx, preselect=OfficerId(last) if last is not None else None)
        if signed is None or signed.id is None:
            return None
        early_start.remember_officer(ctx.paths, signed.id)
    return MainWindow(ctx, authority)


def run(ctx: AppContext) -> int:
    window = sign_in(ctx)
    if window is None:
        return 0
    return show(ctx, window)


def show(ctx: AppContext, window: MainWindow) -> int:
    """Show the signed-in officer's window, start what waits for its first paint, and run the
    event loop until the officer quits."""
    app = application()
    window.show()
    window.start_security()  # the bureau's idle lock

    def painted() -> None:
        from .start import schedule_after_first_paint

        schedule_after_first_paint(ctx, window)  # page check and daily backup, in the background
        window.start_chain_check()  # the timeline's hash chain, in the background
        if not ctx.database.is_sqlite:
            window.watch_connection()  # the outage banner
        start_background_work(ctx)

    after_first_paint(window, painted)
    return app.exec()


class _FirstPaint(QObject):
    """Calls back once, soon after the first paint of a window or any widget inside it."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.callback = window, callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> QObject:
    """Run ``callback`` on the GUI thread right after ``window`` first paints."""
    watcher = _FirstPaint(window, callback)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watcher)
    return watcher


def start_background_work(ctx: AppContext) -> threading.Thread:
    """The deferred start-up: the checks registered in AFTER_FIRST_PAINT, then the warm-up.

    The document fonts are not parsed here: the CJK fonts cost ~200 MB, which an officer who
    only searches the register should not pay (the first document drawn loads them, off the UI thread)."""
    for check in AFTER_FIRST_PAINT:
        try:
            check(ctx)
        except Exception:  # a check that fails must not take the window down
            log.exception("background check %r failed", check)
    thread = threading.Thread(target=warm_up, name="warm-up", daemon=True)
    thread.start()
    return thread


def warm_up(modules: tuple[str, ...] = WARM_UP) -> None:
    """Import what the first case window and the first document will need. Imports release
    the GIL often enough that the register stays responsive meanwhile."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # the real use will import it again and report properly
            log.exception("warm-up import of %s failed", name)


def check_gui() -> int:
    """Start the real application on a temporary database with a sample bureau, show the main
    window, and quit: proves an installation can open its window (Qt plugins, fonts, data)."""
    import shutil
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QTimer

    from lcregulator.domain.authority import Authority, Officer, OfficerRole
    from lcregulator.services.bootstrap import Paths, open_context

    from .main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="lcregulator-check-"))
    try:
        app = application()
        ctx = open_context(
            paths=Paths(home), url=f"sqlite:///{(home / 'check.sqlite3').as_posix()}"
        )
        setup.first_run(
            ctx,
            Authority("检查用市场监督管理局", "检市监", "110105"),
            Officer("检查员", OfficerRole.HANDLER, "CHECK-0001"),
        )
        authority = setup.our_authority(ctx)
        assert authority is not None
        window = MainWindow(ctx, authority)
        window.show()
        QTimer.singleShot(300, app.quit)
        code = app.exec()
        shown = window.isVisible() or window.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        )
        print(f"main window: {'shown' if shown else 'NOT shown'} ({window.windowTitle()})")
        window.close()
        ctx.database.dispose()
        return code if shown else 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
