"""First start and sign-in, driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from lcregulator.gui.first_run import FirstRunDialog
from lcregulator.gui.sign_in import OfficerSignInDialog
from lcregulator.services import setup
from lcregulator.services.context import AppContext
from tests.gui.typing import type_text


def fill(qtbot: QtBot, dialog: FirstRunDialog, region: str) -> None:
    type_text(qtbot, dialog.name, "杭州市西湖区市场监督管理局")
    type_text(qtbot, dialog.short_name, "杭西市监")
    type_text(qtbot, dialog.region, region)
    type_text(qtbot, dialog.officer_name, "张三")
    type_text(qtbot, dialog.badge, "33010600101")


def press_save(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_bad_region_shows_message_and_keeps_the_form(qtbot: QtBot, app_ctx: AppContext) -> None:
    dialog = FirstRunDialog(app_ctx)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, "339999")
    press_save(qtbot, dialog)
    assert "339999 不在国家行政区划代码表" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.name.text() == "杭州市西湖区市场监督管理局"  # nothing typed is lost
    assert dialog.region.hasFocus() or dialog.region.selectedText() == "339999"
    assert setup.our_authority(app_ctx) is None  # nothing written


def test_valid_first_run_saves_and_signs_in(qtbot: QtBot, app_ctx: AppContext) -> None:
    dialog = FirstRunDialog(app_ctx)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, "330106")
    assert dialog.region_hint.text() == "浙江省杭州市西湖区"
    with qtbot.waitSignal(dialog.accepted):
        press_save(qtbot, dialog)
    authority = setup.our_authority(app_ctx)
    assert authority is not None and authority.name == "杭州市西湖区市场监督管理局"
    assert app_ctx.officer is not None and app_ctx.officer.name == "张三"


def test_sign_in_lists_our_officers(qtbot: QtBot, app_configured: AppContext) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    officers = setup.list_officers(app_configured, authority.id)
    dialog = OfficerSignInDialog(authority, officers)
    qtbot.addWidget(dialog)
    combo = dialog.ui.officerCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "张三（承办人，33010600101）",
        "李四（承办人，33010600102）",
        "王五（负责人，33010600001）",
    ]
    assert "杭州市西湖区市场监督管理局" in dialog.ui.authorityLabel.text()
    combo.setCurrentIndex(1)
    assert dialog.selected_officer_id() == officers[1].id
