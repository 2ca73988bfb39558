"""The window's side of recovery: a damaged database explained at start-up, a corrupted page
found after first paint, a read-only database keeping the form, backup and restore with a
progress bar, and the unexpected-error message with its reference number."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.gui import error_hook, start
from lcregulator.gui.backup_dialog import BackupDialog
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.main_window import MainWindow
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths
from lcregulator.services import setup
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.typing import type_text
from tests.persistence.test_damaged import CASES, digest, healthy, page_corrupted


def press(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("case", sorted(CASES))
def test_damaged_database_at_start_is_explained_and_left_alone(
    case: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    db = healthy(home)
    CASES[case][0](db)
    before = digest(db)
    monkeypatch.setenv("LCREGULATOR_HOME", str(home))
    monkeypatch.setattr(error_hook, "install", lambda: None)  # keep pytest-qt's own hooks
    shown: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.informativeText())
        press(qtbot, box, "退出")

    when_modal(answer, QMessageBox)
    assert start.start_window() == start.DATABASE_EXIT
    assert str(db) in shown[0]
    assert "恢复最近一次备份" in shown[0] or "更新版本" in shown[0]
    assert digest(db) == before


def test_corrupted_page_is_reported_after_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    from lcregulator.services.bootstrap import open_context

    home = tmp_path / "home"
    db = healthy(home)
    page_corrupted(db)
    ctx = open_context(paths=Paths(home), url=f"sqlite:///{db.as_posix()}")
    window = QWidget()
    qtbot.addWidget(window)
    shown: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.informativeText())
        press(qtbot, box, "退出")

    when_modal(answer, QMessageBox)
    start.after_first_paint(ctx, window)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "已损坏" in shown[0] and "恢复最近一次备份" in shown[0]
    ctx.database.dispose()


def test_read_only_database_keeps_the_form_with_what_was_typed(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    window: CaseWindow = main.new_case()
    qtbot.addWidget(window)
    type_text(qtbot, window.basic_tab.title_edit, "只读时填写的案件")
    type_text(qtbot, window.basic_tab.summary_edit, "摘要不会丢")
    path = app_configured.database.engine.url.database
    app_configured.database = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    window.save_action.trigger()
    assert "只读" in window.banner.text() and "仍保留在窗口中" in window.banner.text()
    assert window.basic_tab.title_edit.text() == "只读时填写的案件"
    assert window.basic_tab.summary_edit.toPlainText() == "摘要不会丢"
    assert window.isVisible() or window.dirty
    app_configured.database.dispose()
    window.dirty = False


def test_backup_then_restore_through_the_dialog(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    dialog = BackupDialog(app_configured)
    qtbot.addWidget(dialog)
    out = tmp_path / "manual.lcbackup"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SHA-256" in dialog.status.text(), timeout=60000)
    assert out.is_file()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.backup_button.isEnabled()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    answers: list[str] = []

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        answers.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def acknowledge(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        answers.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(confirm, QMessageBox)
    with qtbot.waitSignal(dialog.restored, timeout=60000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(answers) == 1, timeout=10000)
        when_modal(acknowledge, QMessageBox)
    assert "另存到 backups" in answers[0]
    assert "已从备份恢复 0 件案件" in answers[1]
    assert list(app_configured.paths.backups.glob("replaced-*"))


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_in_the_window_shows_a_reference_number(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(error_hook, "qInstallMessageHandler", lambda handler: None)
    error_hook.install()
    button = QPushButton("出错")
    qtbot.addWidget(button)

    def boom() -> None:
        raise RuntimeError("internal detail")

    button.clicked.connect(boom)
    shown: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(answer, QMessageBox)
    with caplog.at_level(logging.ERROR, logger="lcregulator.gui"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "参考编号" in shown[0] and "Traceback" not in shown[0]
    reference = shown[0].split("参考编号 ")[1][:8]
    assert reference in caplog.text and "internal detail" in caplog.text
