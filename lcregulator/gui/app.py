"""Start the desktop application: first-run set-up, sign-in, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from lcregulator.services import setup
from lcregulator.services.context import AppContext

from . import date_fields
from .first_run import FirstRunWizard
from .forms import rc_lcregulator  # noqa: F401 - registers :/icons
from .main_window import MainWindow
from .sign_in import choose_officer


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
    authority = setup.our_authority(ctx)
    if authority is None:
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
        if choose_officer(ctx) is None:
            return None
    return MainWindow(ctx, authority)


def run(ctx: AppContext) -> int:
    app = application()
    window = sign_in(ctx)
    if window is None:
        return 0
    window.show()
    window.start_security()  # the bureau's idle lock
    window.start_chain_check()  # the timeline's hash chain, in the background
    from .start import schedule_after_first_paint

    schedule_after_first_paint(ctx, window)  # page check and daily backup, in the background
    return app.exec()


def check_gui() -> int:
    """Start the real application on a temporary database with a sample bureau, show the main
    window, and quit: proves an installation can open its window (Qt plugins, fonts, data)."""
    import shutil
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QTimer

    from lcregulator.domain.authority import Authority, Officer, OfficerRole
    from lcregulator.persistence.paths import Paths
    from lcregulator.services.bootstrap import open_context

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
