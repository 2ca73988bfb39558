"""导出案件包… and 文件 → 导入案件包…, pressed and answered as an officer does."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import CaseId
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.main_window import MainWindow
from lcregulator.persistence.paths import Paths
from lcregulator.services import cases, sample_case, setup
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext, FixedClock
from tests.gui.modal import when_modal


def _context(home: Path) -> AppContext:
    return open_context(
        paths=Paths(home),
        url=f"sqlite:///{(home / 'demo.sqlite3').as_posix()}",
        clock=FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC)),
    )


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("bundle-gui")
    ctx = _context(home)
    out = home / "out"
    out.mkdir()
    sample_case._run(ctx, out)
    ctx.database.dispose()
    return home


def _choose(path: Path):  # type: ignore[no-untyped-def]
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    return act


def test_export_then_import_as_a_new_case(qtbot: QtBot, sample_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    ctx = _context(home)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    ctx.officer = setup.list_officers(ctx, authority.id)[0]  # 张三, the case's 承办人
    w = MainWindow(ctx, authority)
    qtbot.addWidget(w)
    w.show()
    case_window = w.open_case(1)
    assert isinstance(case_window, CaseWindow)
    # 导出案件包… on the case toolbar
    out = tmp_path / "移送案件包.zip"
    when_modal(_choose(out), QFileDialog)
    toolbar = case_window.findChild(QToolBar, "caseToolbar")
    action = next(a for a in toolbar.actions() if a.objectName() == "case.bundle_export")
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "已导出案件包" in case_window.statusBar().currentMessage(), timeout=30_000
    )
    with zipfile.ZipFile(out) as zf:
        data = json.loads(zf.read("case.json"))
    assert data["case"]["number"] == cases.get_case(ctx, CaseId(1)).case_number
    assert case_window.timeline_tab.timeline_table.item(0, 2).text().startswith("导出案件包")
    case_window.close()
    # 文件 → 导入案件包…: the same 立案编号 is here already, so the window offers a new case
    before = {s.id for s in cases.list_cases(ctx, limit=1000)}
    menu_action = w.findChild(QAction, "file.import_bundle")
    assert menu_action is not None and menu_action.text().startswith("导入案件包")
    asked: list[str] = []

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(_choose(out), QFileDialog)
    when_modal(yes, QMessageBox)
    menu_action.trigger()
    qtbot.waitUntil(lambda: "已导入案件包" in w.statusBar().currentMessage(), timeout=30_000)
    assert asked and "未编号的新案件" in asked[0]
    new = {s.id for s in cases.list_cases(ctx, limit=1000)} - before
    assert len(new) == 1
    imported = cases.get_case(ctx, CaseId(new.pop()))
    assert imported.case_number == "" and imported.title == data["case"]["title"]
    opened = [x for x in w.open_windows if x.case.id == imported.id]
    assert opened, "the imported case is opened"
    for x in list(w.open_windows):
        x.close()
    ctx.database.dispose()
