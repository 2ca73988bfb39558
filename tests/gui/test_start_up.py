"""The start-up sequence: first run on an empty database, sign-in on a configured one."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from lcregulator.gui import app
from lcregulator.gui.sign_in import OfficerSignInDialog
from lcregulator.services.context import AppContext


def answer_dialog(action: str, choose_index: int = 0, password: str = "") -> None:
    """Act on the modal dialog as soon as it is shown (exec() blocks the test otherwise)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        assert isinstance(dialog, QDialog)
        if isinstance(dialog, OfficerSignInDialog):
            dialog.ui.officerCombo.setCurrentIndex(choose_index)
            if action == "accept":  # signing in takes the officer's password
                dialog.password.setText(password)
                dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
                return
        dialog.accept() if action == "accept" else dialog.reject()

    QTimer.singleShot(20, act)


def test_configured_database_asks_who_is_working(qtbot: QtBot, app_configured: AppContext) -> None:
    from tests.gui.test_security_gui import PASSWORDS, with_passwords

    with_passwords(app_configured)
    app_configured.officer = None
    answer_dialog("accept", choose_index=2, password=PASSWORDS["王五"])
    window = app.sign_in(app_configured)
    assert window is not None
    qtbot.addWidget(window)
    assert app_configured.officer is not None and app_configured.officer.name == "王五"


def test_cancelling_sign_in_opens_nothing(qtbot: QtBot, app_configured: AppContext) -> None:
    app_configured.officer = None
    answer_dialog("reject")
    assert app.sign_in(app_configured) is None
    assert app_configured.officer is None


def test_empty_database_starts_with_first_run(qtbot: QtBot, app_ctx: AppContext) -> None:
    answer_dialog("reject")
    assert app.sign_in(app_ctx) is None
