"""The case window, typed into and clicked as an officer would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import CaseId
from lcregulator.domain.parties import PartyRole
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.party_dialog import PartyDialog
from lcregulator.gui.violation_dialog import ViolationDialog
from lcregulator.services import cases, evidence, parties, setup
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.typing import type_text
from tests.samples import RIC_MARKETER, USCC_ROOM


def main_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    authority = setup.our_authority(ctx)
    assert authority is not None
    window = MainWindow(ctx, authority)
    qtbot.addWidget(window)
    return window


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def fill_room_operator(qtbot: QtBot, dialog: PartyDialog, uscc: str) -> None:
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("organization"))
    type_text(qtbot, ui.nameEdit, "杭州好物电子商务有限公司")
    ui.roomCheck.click()
    ui.channelCombo.setCurrentIndex(ui.channelCombo.findData("platform"))
    ui.registeredCheck.click()
    type_text(qtbot, ui.usccEdit, uscc)
    type_text(qtbot, ui.domicileRegionEdit, "330106")
    type_text(qtbot, ui.domicileAddressEdit, "文三路1号")
    click(qtbot, ui.addAccountButton)
    ui.accountsTable.item(0, 0).setText("某直播平台")
    ui.accountsTable.item(0, 1).setText("haowu_001")
    ui.accountsTable.item(0, 2).setText("好物严选直播间")


def fill_marketer(qtbot: QtBot, dialog: PartyDialog) -> None:
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("natural_person"))
    type_text(qtbot, ui.nameEdit, "陈某")
    ui.marketerCheck.click()
    type_text(qtbot, ui.idNumberEdit, RIC_MARKETER)
    type_text(qtbot, ui.domicileRegionEdit, "330106")


def press_save(qtbot: QtBot, dialog: PartyDialog) -> None:
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))


def test_create_a_case_with_two_parties_and_a_violation(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    main = main_window(qtbot, app_configured)
    window = main.new_case()
    qtbot.addWidget(window)
    type_text(qtbot, window.basic_tab.title_edit, "好物严选直播间虚假宣传案")
    for i in range(2):  # 张三, 李四
        window.basic_tab.officer_list.item(i).setCheckState(Qt.CheckState.Checked)
    assert window.windowTitle().startswith("*")

    def room(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        fill_room_operator(qtbot, dialog, USCC_ROOM)
        press_save(qtbot, dialog)

    when_modal(room, PartyDialog)
    click(qtbot, window.findChild(QWidget, "newPartyButton"))

    def marketer(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        fill_marketer(qtbot, dialog)
        press_save(qtbot, dialog)

    when_modal(marketer, PartyDialog)
    click(qtbot, window.findChild(QWidget, "newPartyButton"))
    assert window.parties_tab.party_table.rowCount() == 2
    assert window.parties_tab.party_table.item(1, 1).text() == "直播营销人员"

    def violation(dialog: QWidget) -> None:
        assert isinstance(dialog, ViolationDialog)
        type_text(qtbot, dialog.ui.filterEdit, "商业宣传")
        visible = [
            dialog.ui.provisionList.item(i)
            for i in range(dialog.ui.provisionList.count())
            if not dialog.ui.provisionList.item(i).isHidden()
        ]
        dialog.ui.provisionList.setCurrentItem(visible[0])
        assert "第六十二条" in dialog.ui.provisionText.toPlainText()
        type_text(qtbot, dialog.ui.factsEdit, "直播中宣称普通食品可治疗糖尿病")
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(violation, ViolationDialog)
    click(qtbot, window.findChild(QWidget, "addViolationButton"))
    assert window.violations_tab.violation_table.item(0, 0).text() == "第六十二条第一款"

    assert window.save(), window.banner.text()
    assert not window.windowTitle().startswith("*")
    [summary] = cases.list_cases(app_configured)
    stored = cases.get_case(app_configured, summary.id)
    assert stored.title == "好物严选直播间虚假宣传案"
    assert [p.role for p in stored.parties] == [PartyRole.ROOM_OPERATOR, PartyRole.MARKETER]
    assert stored.violations[0].provision_id == "M62-1/promotion"
    assert summary.parties == "杭州好物电子商务有限公司、陈某"
    assert main.model.rowCount() == 1  # the register refreshed itself


def test_invalid_uscc_is_shown_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    dialog = PartyDialog(app_configured)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.tabs.setCurrentIndex(3)
    fill_room_operator(qtbot, dialog, USCC_ROOM[:-1] + "5")
    press_save(qtbot, dialog)
    assert "统一社会信用代码校验位错误" in dialog.ui.errorLabel.text()
    assert "校验位应为 4" in dialog.ui.errorLabel.text()
    assert dialog.errors.marked is dialog.ui.usccEdit
    assert dialog.ui.tabs.currentIndex() == 0  # brought to the field's tab
    assert dialog.isVisible()
    assert dialog.ui.nameEdit.text() == "杭州好物电子商务有限公司"  # kept as typed
    assert parties.search_parties(app_configured, "好物") == []


def test_two_character_search_finds_the_case(qtbot: QtBot, app_configured: AppContext) -> None:
    from tests.persistence.test_case_search import seed

    seed(app_configured)
    main = main_window(qtbot, app_configured)
    assert main.model.rowCount() == 3
    type_text(qtbot, main.search, "食品")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    assert main.model.index(0, 1).data() == "主播销售过期食品案"
    assert main.count_label.text() == "共 1 件"
    main.search.clear()
    type_text(qtbot, main.search, "没有这个词")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is main.empty)
    assert main.empty.text() == "没有符合条件的案件。"


def test_evidence_shows_sha256_and_reverification_reports_a_change(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    from tests.persistence.test_case_search import seed

    seed(app_configured)
    summary = cases.list_cases(app_configured)[0]
    # evidence is taken by an officer of the case
    setup.sign_in(app_configured, cases.get_case(app_configured, summary.id).officer_ids[0])
    main = main_window(qtbot, app_configured)
    window = main.open_case(summary.id)
    qtbot.addWidget(window)
    replay = tmp_path / "直播回放.mp4"
    replay.write_bytes(b"\x00\x00\x00\x18ftypmp42" * 5000)
    tab = window.evidence_tab

    def choose(box: QWidget) -> None:
        assert isinstance(box, QFileDialog)
        box.selectFile(str(replay))
        box.accept()

    when_modal(choose, QFileDialog)
    click(qtbot, tab.add_evidence_button)
    # hashed off the UI thread (an operation): the row appears once the file is stored
    qtbot.waitUntil(lambda: tab.evidence_table.rowCount() == 1, timeout=10000)
    [item] = evidence.list_evidence(app_configured, CaseId(summary.id))
    assert tab.evidence_table.item(0, 0).text() == "直播回放.mp4"
    assert tab.evidence_table.item(0, 2).text() == item.sha256

    click(qtbot, tab.verify_button)
    qtbot.waitUntil(lambda: tab.evidence_table.item(0, 5).text() != "", timeout=10000)
    assert tab.evidence_table.item(0, 5).text() == "一致"

    stored = evidence.stored_path(app_configured, item.sha256)
    stored.write_bytes(stored.read_bytes() + b"tampered")
    click(qtbot, tab.verify_button)
    qtbot.waitUntil(lambda: tab.evidence_table.item(0, 5).text() != "一致", timeout=10000)
    assert tab.evidence_table.item(0, 5).text().startswith("文件已被改动")
    assert "1 个证据文件校验不一致" in window.banner.text()


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_them(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    main = main_window(qtbot, app_configured)
    window = main.new_case()
    qtbot.addWidget(window)
    type_text(qtbot, window.basic_tab.title_edit, "未保存的案件")

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert "尚未保存" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    asked = when_modal(cancel, QMessageBox)
    window.close()
    qtbot.waitUntil(lambda: bool(asked))
    assert window.isVisible()
    assert window.basic_tab.title_edit.text() == "未保存的案件"

    def discard(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Discard).click()

    discarded = when_modal(discard, QMessageBox)
    window.close()
    qtbot.waitUntil(lambda: bool(discarded))
    assert not window.isVisible()


def test_failed_save_says_why_and_keeps_the_form(qtbot: QtBot, app_configured: AppContext) -> None:
    main = main_window(qtbot, app_configured)
    window: CaseWindow = main.new_case()
    qtbot.addWidget(window)
    type_text(qtbot, window.basic_tab.summary_edit, "只写了摘要")
    assert not window.save()
    assert window.banner.text() == "案件名称不能为空。"
    assert window.errors.marked is window.basic_tab.title_edit
    assert window.basic_tab.summary_edit.toPlainText() == "只写了摘要"
    assert cases.count_cases(app_configured) == 0
    window.dirty = False  # let teardown close it without asking
