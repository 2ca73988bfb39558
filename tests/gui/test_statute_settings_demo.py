"""Statute viewer, settings and demo data through the widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.settings_dialog import SettingsDialog
from lcregulator.gui.statute_viewer import StatuteViewer
from lcregulator.services import cases, setup
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.typing import type_text


def test_statute_viewer_opens_at_article_and_searches(qtbot: QtBot) -> None:
    viewer = StatuteViewer()
    qtbot.addWidget(viewer)
    viewer.show_article(47)
    text = viewer.text.toPlainText()
    assert "第四十七条" in text and "实际经营地" in text
    type_text(qtbot, viewer.search, "黑名单")
    assert viewer.count.text() == "3 条"
    assert viewer.current == 12
    viewer.search.clear()
    type_text(qtbot, viewer.search, "59")
    assert viewer.current == 59
    viewer.search.clear()
    type_text(qtbot, viewer.search, "不存在的词语")
    assert "没有找到" in viewer.text.toPlainText()


def test_citation_in_case_window_opens_the_viewer(qtbot: QtBot, app_configured: AppContext) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    main.actions["view.statute"].trigger()
    assert main.statute_viewer is not None and main.statute_viewer.current == 1
    window = main.new_case()
    qtbot.addWidget(window)
    window.open_statute.emit(59)
    assert main.statute_viewer.current == 59
    window.dirty = False


def test_settings_adds_an_officer_and_refuses_a_bad_region(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    dialog = SettingsDialog(app_configured)
    qtbot.addWidget(dialog)
    assert dialog.ui.officerTable.rowCount() == 3
    dialog.new_officer()
    type_text(qtbot, dialog.ui.officerNameEdit, "赵六")
    type_text(qtbot, dialog.ui.badgeEdit, "33010600103")
    dialog.save_officer()
    assert dialog.ui.officerTable.rowCount() == 4
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    assert "赵六" in [o.name for o in setup.list_officers(app_configured, authority.id)]

    dialog.ui.regionEdit.clear()
    type_text(qtbot, dialog.ui.regionEdit, "999999")
    dialog.save_authority()
    assert "不在国家行政区划代码表" in dialog.ui.errorLabel.text()
    assert dialog.errors.marked is dialog.ui.regionEdit
    assert setup.our_authority(app_configured).region == "330106"  # type: ignore[union-attr]


def test_demo_cases_from_the_tools_menu(qtbot: QtBot, app_configured: AppContext) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    assert "尚无案件" in main.empty.text()

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(yes, QMessageBox)
    main.actions["tools.demo"].trigger()
    assert main.model.total == 16
    roles = set()
    for summary in cases.list_cases(app_configured):
        roles |= {p.role for p in cases.get_case(app_configured, summary.id).parties}
    assert len(roles) == 5  # every role of Art 2 and Art 24
    statuses = {s.status for s in cases.list_cases(app_configured)}
    assert len(statuses) == 16  # every stage and side state


def test_menus_and_toolbar_come_from_one_registry(qtbot: QtBot, app_configured: AppContext) -> None:
    from lcregulator.gui.actions import ACTIONS

    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    assert set(main.actions) == {spec.id for spec in ACTIONS}
    toolbar_ids = {a.objectName() for a in main.findChild(QWidget, "mainToolbar").actions()}  # type: ignore[union-attr]
    assert toolbar_ids == {spec.id for spec in ACTIONS if spec.toolbar}
