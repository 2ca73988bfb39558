"""Connection lost during work: the main window's banner says so and retries with growing
pauses; the case form whose save failed keeps what was typed and says so; once the banner says
the connection is back, saving again works. On SQLite the outage is a service that raises the
lost-connection error (tests/postgres/test_outage.py cuts a real server's connections)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.outage import OutageBanner
from lcregulator.services import cases, health, setup
from lcregulator.services.context import AppContext
from lcregulator.services.health import DatabaseProblem, Problem
from tests.gui.typing import type_text

LOST = (
    "与数据库服务器 db-server:5432 的连接中断，刚才的操作没有保存；"
    "您填写的内容仍保留在窗口中，连接恢复后再保存即可。"
)


def test_lost_connection_shows_the_banner_keeps_the_form_and_saves_after_it_is_back(
    qtbot: QtBot, app_configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = app_configured
    authority = setup.our_authority(ctx)
    assert authority is not None
    main = MainWindow(ctx, authority)
    qtbot.addWidget(main)
    main.show()
    monkeypatch.setattr(OutageBanner, "BACKOFF_S", (0.05, 0.1))
    banner = main.watch_connection()
    assert banner.isHidden()

    real_create = cases.create_case
    problem = DatabaseProblem(Problem.UNREACHABLE, LOST, "db-server")

    def server_gone(context: AppContext, case: Case, *args: Any) -> Case:
        context.database.connection_lost(problem)  # as the engine's error hook does
        raise problem

    pings: list[int] = []

    def ping(context: AppContext) -> DatabaseProblem | None:
        pings.append(1)
        return problem if len(pings) < 3 else None  # back on the third try

    monkeypatch.setattr(cases, "create_case", server_gone)
    monkeypatch.setattr(health, "ping", ping)

    window = main.new_case()
    qtbot.addWidget(window)
    type_text(qtbot, window.basic_tab.title_edit, "断网时填写的案件")
    type_text(qtbot, window.basic_tab.summary_edit, "摘要也不会丢")
    window.save_action.trigger()

    assert "仍保留在窗口中" in window.banner.text()
    assert window.basic_tab.title_edit.text() == "断网时填写的案件"
    assert window.basic_tab.summary_edit.toPlainText() == "摘要也不会丢"
    assert window.dirty
    qtbot.waitUntil(lambda: banner.isVisible() and "连接中断" in banner.text(), timeout=5000)
    assert "第 1 次" in banner.text() and "保留" in banner.text()
    qtbot.waitUntil(lambda: "第 2 次" in banner.text(), timeout=5000)  # retried, paused longer
    qtbot.waitUntil(lambda: "已重新连接" in banner.text(), timeout=5000)
    assert len(pings) == 3

    monkeypatch.setattr(cases, "create_case", real_create)
    window.save_action.trigger()
    assert not window.dirty and window.case.id is not None
    assert cases.get_case(ctx, window.case.id).title == "断网时填写的案件"


def test_a_read_that_meets_the_lost_connection_says_so_without_a_reference_number(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
    from sqlalchemy.exc import OperationalError

    from lcregulator.gui import error_hook
    from tests.gui.modal import when_modal

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(error_hook, "qInstallMessageHandler", lambda handler: None)
    error_hook.install()
    button = QPushButton("搜索")
    qtbot.addWidget(button)

    def search() -> None:  # a register query while the server is away
        raise OperationalError(
            "SELECT …", {}, Exception("server closed the connection unexpectedly")
        )

    button.clicked.connect(search)
    shown: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.objectName() + ":" + box.text())
        ok = box.button(QMessageBox.StandardButton.Ok)
        assert ok is not None
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(answer, QMessageBox)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].startswith("outageBox:") and "连接中断" in shown[0]
    assert "参考编号" not in shown[0] and "SELECT" not in shown[0]
