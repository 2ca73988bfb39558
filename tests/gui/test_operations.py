"""Long work runs off the UI thread (gui/operations.py): the window keeps running while a
document is drawn, 取消 stops an export between two files, and a failure becomes a Chinese
message with a reference number — all through the buttons an officer presses."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lcregulator.services import documents
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.test_documents_gui import answer_confirmation, window_for_a_case
from tests.gui.typing import type_text


def _registration_dialog(qtbot: QtBot, ctx: AppContext) -> object:
    window = window_for_a_case(qtbot, ctx)
    dialog = window.documents_tab.open_issue()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("case_source_registration"))
    type_text(qtbot, dialog.inputs["opinion"], "线索具体，建议核查。")
    return dialog


def test_the_window_keeps_running_while_a_document_is_drawn(
    qtbot: QtBot, app_configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _registration_dialog(qtbot, app_configured)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    real = documents.preview
    released = threading.Event()
    drawn_on: list[str] = []

    def slow(*args: object) -> bytes:
        # the drawing waits until the UI thread has run its timer five times: were the UI
        # thread blocked on it, the timer could not fire and this would give up
        drawn_on.append(threading.current_thread().name)
        released.wait(timeout=20)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "preview", slow)
    timer.timeout.connect(lambda: len(ticks) >= 5 and released.set())
    answer_confirmation(confirm=True)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    timer.stop()
    assert released.is_set() and len(ticks) >= 5
    assert drawn_on and threading.main_thread().name not in drawn_on
    assert dialog.issued is not None and dialog.issued.record.title == "案件来源登记表"  # type: ignore[attr-defined]


def test_cancel_stops_an_export_between_two_files(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from lcregulator.gui import documents_tab

    dialog = _registration_dialog(qtbot, app_configured)
    answer_confirmation(confirm=True)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    tab = dialog.parent()  # type: ignore[attr-defined]
    out = tmp_path / "export"
    out.mkdir()
    real_copy = shutil.copyfile
    copying = threading.Event()
    go_on = threading.Event()

    def copy(source: Path, target: Path) -> None:
        copying.set()
        go_on.wait(timeout=20)  # the first file takes until the officer has pressed 取消
        real_copy(source, target)

    monkeypatch.setattr(documents_tab.shutil, "copyfile", copy)

    def choose(box: QWidget) -> None:
        assert isinstance(box, QFileDialog)
        box.setDirectory(str(out))
        box.accept()

    when_modal(choose, QFileDialog)
    button = next(b for b in tab.findChildren(QPushButton) if b.text() == "全部导出到文件夹…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(copying.is_set, timeout=10000)

    def progress_shown() -> QProgressDialog | None:
        found = [d for d in tab.findChildren(QProgressDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=10000)
    progress = progress_shown()
    assert progress is not None
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: tab.status.text() == "已取消导出。", timeout=10000)
    assert len(list(out.iterdir())) == 1  # the file being copied was finished, no more


def test_a_failure_is_a_message_with_a_reference_number(
    qtbot: QtBot, app_configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _registration_dialog(qtbot, app_configured)

    def full_disk(*_args: object, **_kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(documents, "issue", full_disk)
    told: list[str] = []

    def answer() -> None:  # 确认出具 first, then whatever message the failure brings
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "confirmIssue":
            box.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(box, QMessageBox):
            told.append(box.text())
            box.accept()

    poll = QTimer()
    poll.timeout.connect(answer)
    poll.start(10)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    poll.stop()
    assert "参考编号" in told[0] and "Traceback" not in told[0] and "OSError" not in told[0]
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=5000)  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.issued is None  # type: ignore[attr-defined]
