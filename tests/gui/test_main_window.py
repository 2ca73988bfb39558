"""The main window shows the register, the empty state, and who is working."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.gui.main_window import MainWindow
from lcregulator.services import cases, setup
from lcregulator.services.context import AppContext


def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    authority = setup.our_authority(ctx)
    assert authority is not None
    w = MainWindow(ctx, authority)
    qtbot.addWidget(w)
    return w


def test_empty_register_says_so(qtbot: QtBot, app_configured: AppContext) -> None:
    w = window(qtbot, app_configured)
    assert w.stack.currentWidget() is w.empty
    assert "尚无案件" in w.empty.text()
    labels = [lbl.text() for lbl in w.statusBar().findChildren(QLabel)]
    assert "当前执法人员：张三（承办人、管理员）" in labels  # the first officer administers
    assert "本机数据库" in labels
    assert "杭州市西湖区市场监督管理局" in w.windowTitle()


def test_register_lists_cases_after_refresh(qtbot: QtBot, app_configured: AppContext) -> None:
    w = window(qtbot, app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    for n in range(3):
        cases.create_case(
            app_configured,
            Case(
                title=f"第{n}号直播间虚假宣传案",
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 3, 2 + n),
                authority_id=authority.id,
            ),
        )
    w.refresh()
    assert w.stack.currentWidget() is w.table
    model = w.table.model()
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "第2号直播间虚假宣传案"  # newest first
    assert model.index(0, 0).data() == "（未立案）"
    assert model.index(0, 3).data() == "线索登记"


def test_register_fetches_lazily(qtbot: QtBot, app_configured: AppContext) -> None:
    w = window(qtbot, app_configured)
    w.model.PAGE = 2  # type: ignore[misc]
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    for n in range(5):
        cases.create_case(
            app_configured,
            Case(
                title=f"案{n}",
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 3, 2),
                authority_id=authority.id,
            ),
        )
    w.refresh()
    assert w.model.rowCount() == 2
    w.model.fetchMore(w.model.index(-1, -1))
    assert w.model.rowCount() == 4
    w.model.fetchMore(w.model.index(-1, -1))
    assert w.model.rowCount() == 5
    assert not w.model.canFetchMore(w.model.index(-1, -1))
