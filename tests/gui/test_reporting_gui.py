"""导出台账…, the 统计报表 page and the 卷宗, pressed as an officer presses them."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.reporting_actions import RegisterExportDialog
from lcregulator.gui.stats_page import CaseListDialog
from lcregulator.gui.workflow_panel import StepDialog
from lcregulator.persistence.paths import Paths
from lcregulator.services import archive, sample_case, setup
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext, FixedClock
from tests.gui.modal import when_modal
from tests.reporting_data import Truth, fill


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    authority = setup.our_authority(ctx)
    assert authority is not None
    w = MainWindow(ctx, authority)
    qtbot.addWidget(w)
    w.show()
    return w


def _answer_save(path: Path):  # type: ignore[no-untyped-def]
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    return act


def _toolbar_button(w: QWidget, toolbar_name: str, action_name: str) -> QWidget:
    toolbar = w.findChild(QToolBar, toolbar_name)
    action = next(a for a in toolbar.actions() if a.objectName() == action_name)
    button = toolbar.widgetForAction(action)
    assert button is not None
    return button


@pytest.fixture
def data(app_ctx: AppContext) -> Truth:
    return fill(app_ctx, 150)


def test_register_export_writes_the_filtered_register(
    qtbot: QtBot, app_ctx: AppContext, data: Truth, tmp_path: Path
) -> None:
    w = _window(qtbot, app_ctx)
    w.pages.setCurrentIndex(w.pages.indexOf(w.table.parentWidget().parentWidget()))
    w.status_filter.setCurrentIndex(w.status_filter.findData(CaseStatus.CLOSED.value))
    qtbot.waitUntil(lambda: w.model.total == sum(c.status == "closed" for c in data.cases))
    out = tmp_path / "台账.xlsx"

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, RegisterExportDialog)
        dialog.path_edit.setText(str(out))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(answer, RegisterExportDialog)
    qtbot.mouseClick(
        _toolbar_button(w, "mainToolbar", "case.register_export"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "已导出台账" in w.statusBar().currentMessage(), timeout=10000)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    shown = [w.model.index(i, 1).data() for i in range(w.model.rowCount())]
    assert [r[1] for r in rows] == shown
    assert all(r[8] == "结案" for r in rows)


def test_statistics_page_charts_and_lists_the_cases_behind_a_bar(
    qtbot: QtBot, app_ctx: AppContext, data: Truth, tmp_path: Path
) -> None:
    w = _window(qtbot, app_ctx)
    tabs = w.pages.tabBar()
    index = w.pages.indexOf(w.stats_page)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
    page = w.stats_page
    assert w.pages.currentWidget() is page
    page.kind.setCurrentIndex(page.kind.findData("year"))
    page.year.setValue(2025)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    filed = {
        c.id for c in data.cases if c.filed_on and dt.date(2025, 1, 1) <= c.filed_on
        and c.filed_on <= dt.date(2025, 12, 31)
    }  # fmt: skip
    chart = page.charts["cases.filed"]
    figure = next(f for f in chart.figures if f.key == "cases.filed")
    assert figure.value == len(filed) > 0
    row = chart.figures.index(figure)
    opened: list[QWidget] = []
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.row_centre(row))
    dialog = page._dialog
    assert isinstance(dialog, CaseListDialog) and dialog.isVisible()
    opened.append(dialog)
    assert dialog.table.rowCount() == len(filed)
    assert {c.id for c in dialog.rows} == filed
    # a double-click on a listed case opens it
    qtbot.waitExposed(dialog)
    rect = dialog.table.visualItemRect(dialog.table.item(0, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert any(isinstance(x, CaseWindow) for x in w.open_windows)
    for x in w.open_windows:
        x.close()
    # the printable report
    out = tmp_path / "统计报表.pdf"
    when_modal(_answer_save(out), QFileDialog)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")


@pytest.fixture(scope="module")
def closed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("sample-gui")
    ctx = _context(home)
    out = home / "out"
    out.mkdir()
    sample_case._run(ctx, out)
    ctx.database.dispose()
    return home


def _context(home: Path) -> AppContext:
    return open_context(
        paths=Paths(home),
        url=f"sqlite:///{(home / 'demo.sqlite3').as_posix()}",
        clock=FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC)),
    )


def _yes(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()


def test_archive_step_then_export_the_volume(
    qtbot: QtBot, closed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bound_on: list[threading.Thread] = []
    original = archive.archive_case

    def archive_case(*args: Any, **kwargs: Any) -> Any:
        bound_on.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(archive, "archive_case", archive_case)
    home = tmp_path / "home"
    shutil.copytree(closed_home, home)
    ctx = _context(home)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    ctx.officer = setup.list_officers(ctx, authority.id)[0]
    w = _window(qtbot, ctx)
    case_window = w.open_case(1)
    export = case_window.archive_export_action
    assert not export.isEnabled()  # closed, not yet archived

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        retention = dialog.inputs["retention"]
        assert isinstance(retention, QLineEdit)
        retention.setText("永久")
        buttons = dialog.findChild(QDialogButtonBox)
        when_modal(_yes, QMessageBox)  # 归档 cannot be undone: the window asks first
        qtbot.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    when_modal(confirm, StepDialog)
    stage = case_window.findChild(QPushButton, "stepsButton")
    assert stage is not None
    archive_step = next(a for a in stage.menu().actions() if a.objectName() == "archive")
    archive_step.trigger()
    assert case_window.case.status is CaseStatus.ARCHIVED
    # the 卷宗 was bound off the UI thread (the window kept painting meanwhile)
    assert bound_on and bound_on[0] is not threading.main_thread()
    assert export.isEnabled()
    volume = archive.kept_volume(ctx, CaseId(1))
    assert volume is not None and volume.retention == "永久"
    out = tmp_path / "卷宗.pdf"
    when_modal(_answer_save(out), QFileDialog)
    qtbot.mouseClick(
        _toolbar_button(case_window, "caseToolbar", "case.archive_export"),
        Qt.MouseButton.LeftButton,
    )
    message = case_window.statusBar().currentMessage()
    assert "已导出卷宗" in message, message
    assert out.read_bytes() == volume.path.read_bytes()
    case_window.close()
    ctx.database.dispose()
