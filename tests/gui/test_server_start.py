"""The window starts when the bureau's server cannot be used: the cause, 重试, 数据库设置… and
联系信息, pressed as an officer presses them (a closed port stands for a server that is down)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.gui import error_hook, start
from tests.gui.modal import when_modal
from tests.gui.typing import type_text

DOWN = "postgresql+psycopg://lcr_app@127.0.0.1:1/lcregulator"


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answers(steps: list[Callable[[QWidget], None]]) -> list[QWidget]:
    """Answer the next modal dialogs in order, one step each."""
    seen: list[QWidget] = []

    def step(widget: QWidget) -> None:
        act = steps.pop(0)
        if steps:
            seen.extend(when_modal(step, QDialog))
        act(widget)

    seen.extend(when_modal(step, QDialog))
    return seen


@pytest.fixture
def server_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("LCREGULATOR_HOME", str(home))
    monkeypatch.setenv("LCREGULATOR_IT_CONTACT", "信息中心 王工 0571-87001234")
    monkeypatch.setenv("LCREGULATOR_PG_CONNECT_TIMEOUT_S", "2")
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(error_hook, "install", lambda: None)  # keep pytest-qt's own hooks
    home.mkdir()
    (home / "connection.json").write_text(json.dumps({"database_url": DOWN}), encoding="utf-8")
    return home


def test_server_down_at_start_offers_contact_retry_and_settings_then_quits(
    qtbot: QtBot, server_start: Path
) -> None:
    shown: list[str] = []

    def contact(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "serverProblemBox"
        shown.append(box.text() + box.informativeText())
        click(qtbot, box, "contactInfo")

    def read_contact(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "contactInfoBox"
        shown.append(box.informativeText())
        ok = box.button(QMessageBox.StandardButton.Ok)
        assert ok is not None
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def retry(box: QWidget) -> None:
        assert box.objectName() == "serverProblemBox"
        click(qtbot, box, "retry")

    def settings(box: QWidget) -> None:
        assert box.objectName() == "serverProblemBox"
        click(qtbot, box, "databaseSettings")

    def edit(dialog: QWidget) -> None:
        assert dialog.objectName() == "databaseSettingsDialog"
        url = dialog.findChild(QLineEdit, "databaseUrl")
        result = dialog.findChild(QLabel, "testResult")
        assert url is not None and result is not None
        assert url.text() == DOWN  # the saved address, shown for correction
        url.clear()
        type_text(qtbot, url, "not a server")
        click(qtbot, dialog, "saveAndConnect")  # refused, dialog stays
        assert "格式不对" in result.text() and dialog.isVisible()
        url.clear()
        type_text(qtbot, url, "postgresql://lcr_app:secret@127.0.0.1:2/bureau")
        click(qtbot, dialog, "testConnection")
        assert result.text().startswith("连接失败") and "127.0.0.1:2" in result.text()
        click(qtbot, dialog, "saveAndConnect")

    def quit_(box: QWidget) -> None:
        assert box.objectName() == "serverProblemBox"
        shown.append(box.informativeText())
        click(qtbot, box, "quit")

    answers([contact, read_contact, retry, settings, edit, quit_])
    assert start.start_window() == start.DATABASE_EXIT
    assert "无法连接数据库服务器" in shown[0] and "127.0.0.1:1" in shown[0]
    assert "王工 0571-87001234" in shown[1]
    assert "127.0.0.1:2" in shown[2]  # the retry after saving used the new address
    saved = json.loads((server_start / "connection.json").read_text(encoding="utf-8"))
    assert saved["database_url"] == "postgresql+psycopg://lcr_app@127.0.0.1:2/bureau"
    assert "secret" not in (server_start / "connection.json").read_text(encoding="utf-8")
    assert not (server_start / "pgpass").exists()  # not asked to remember it
    os.environ.pop("PGPASSWORD", None)
