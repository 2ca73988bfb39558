"""One case from 线索 to 归档, two parties, through the window only.

The administrator enters the bureau's document settings in 设置 → 文书设置; the officer registers
the clue, opens its file, lists the officers, registers the two parties in the 当事人 tab
(新建当事人…) and the violation, assesses the fine, takes every step from the 办案操作 menu,
issues every document the path calls for — one 告知书, 决定书 and 送达回证 per party — records
the service of each, and archives the case. The 负责人 takes the approvals at the same
workstation (he signs in there). Dates are picked in the date fields as on the calendar;
everything else is typed or clicked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lcregulator.domain.authority import Officer
from lcregulator.domain.cases import CaseStatus
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.clue_register import ClueDialog
from lcregulator.gui.documents_tab import IssueDialog
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.party_dialog import PartyDialog
from lcregulator.gui.penalty_dialog import PenaltyDialog
from lcregulator.gui.violation_dialog import ViolationDialog
from lcregulator.gui.workflow_panel import StepDialog
from lcregulator.services import cases, documents, parties, setup
from lcregulator.services.context import AppContext
from tests.gui.test_officer_paths import (
    answer_confirmation,
    answer_modal,
    choose_step,
    press,
    raise_failures,
)
from tests.gui.typing import type_text
from tests.samples import USCC_PLATFORM

USCC_AGENCY = "91330106MA2H2Y1D30"


def officer(ctx: AppContext, name: str) -> Officer:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    return next(o for o in setup.list_officers(ctx, authority.id) if o.name == name)


def sign_in(ctx: AppContext, name: str) -> None:
    setup.sign_in(ctx, officer(ctx, name).id)  # type: ignore[arg-type]


ROOM = "杭州好物严选电子商务有限公司"
AGENCY = "杭州星光直播营销服务有限公司"


def document_settings(qtbot: QtBot, main: MainWindow) -> None:
    """设置 → 文书设置: what a 决定书 must name (复议机关 defaults from the region)."""
    from lcregulator.gui.settings_dialog import SettingsDialog

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        for key, text in (
            ("court", "杭州市西湖区人民法院"),
            ("payee", "杭州市西湖区财政局"),
            ("bank", "中国工商银行杭州西湖支行"),
            ("account", "1202000000000000000"),
        ):
            type_text(qtbot, dialog.findChild(QLineEdit, f"doc_{key}"), text)
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "saveDocumentSettings"), Qt.MouseButton.LeftButton
        )
        assert dialog.windowTitle().endswith("文书设置已保存")
        dialog.reject()

    answer_modal(fill, SettingsDialog)
    main.actions["tools.settings"].trigger()
    raise_failures()


def new_party(qtbot: QtBot, window: CaseWindow, fill: Callable[[PartyDialog], None]) -> None:
    """当事人 → 新建当事人…: the party is registered and listed in the case."""

    def save(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        fill(dialog)
        qtbot.mouseClick(
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    answer_modal(save, PartyDialog)
    qtbot.mouseClick(window.findChild(QPushButton, "newPartyButton"), Qt.MouseButton.LeftButton)
    raise_failures()


def room_operator(qtbot: QtBot) -> Callable[[PartyDialog], None]:
    def fill(dialog: PartyDialog) -> None:
        ui = dialog.ui
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("organization"))
        type_text(qtbot, ui.nameEdit, ROOM)
        ui.roomCheck.click()
        ui.channelCombo.setCurrentIndex(ui.channelCombo.findData("platform"))
        ui.registeredCheck.click()
        type_text(qtbot, ui.usccEdit, USCC_PLATFORM)
        type_text(qtbot, ui.domicileRegionEdit, "330106")
        type_text(qtbot, ui.domicileAddressEdit, "文三路1号")

    return fill


def service_agency(qtbot: QtBot) -> Callable[[PartyDialog], None]:
    def fill(dialog: PartyDialog) -> None:
        ui = dialog.ui
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("organization"))
        type_text(qtbot, ui.nameEdit, AGENCY)
        ui.agencyCheck.click()
        ui.registeredCheck.click()
        type_text(qtbot, ui.usccEdit, USCC_AGENCY)
        type_text(qtbot, ui.domicileRegionEdit, "330106")
        type_text(qtbot, ui.domicileAddressEdit, "教工路2号")

    return fill


def step(qtbot: QtBot, window: CaseWindow, step_id: str, day: str, **typed: str) -> None:
    """Choose a step from 办案操作, pick its date, type its inputs, press 确定 (and confirm)."""
    from lcregulator.domain.workflow_steps import step as declared

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.date.setDate(QDate.fromString(day, "yyyy-MM-dd"))
        for name, text in typed.items():
            edit = dialog.findChild(QLineEdit, name)
            edit.selectAll()
            type_text(qtbot, edit, text)
        if declared(step_id).irreversible:
            answer_confirmation(qtbot)
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")
        # a long step (归档) runs off the UI thread: wait for its outcome
        qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()), timeout=60000)
        assert not dialog.isVisible(), dialog.error.text()

    answer_modal(fill, StepDialog)
    choose_step(window, step_id)
    raise_failures()


def issue(qtbot: QtBot, window: CaseWindow, title: str, party: str = "", **answers: str) -> str:
    """出具文书: choose the kind (and the party it is addressed to), answer what it asks, 出具
    and confirm; returns the 文号."""
    tab = window.documents_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChildren(IssueDialog)[-1]
    dialog.kind.setCurrentIndex(dialog.kind.findText(title))
    if party:
        index = next(
            i for i in range(dialog.party.count()) if dialog.party.itemText(i).startswith(party)
        )
        dialog.party.setCurrentIndex(index)
    for name, text in answers.items():
        edit = dialog.inputs[name]
        edit.selectAll()
        type_text(qtbot, edit, text)
    answer_confirmation(qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):  # drawn and issued off the UI thread
        press(qtbot, dialog.findChild(QDialogButtonBox), "出具（编号并存档）")
    raise_failures()
    row = tab.table.rowCount() - 1
    assert tab.table.item(row, 0).text() == title
    return tab.table.item(row, 1).text()


def record_service(qtbot: QtBot, window: CaseWindow, number: str, method: str) -> None:
    """文书 → 记录送达… for the document with this 文号."""
    tab = window.documents_tab
    window.tabs.setCurrentWidget(tab)
    row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 1).text() == number)
    tab.table.setCurrentCell(row, 0)

    def answer(dialog: QWidget) -> None:
        combo = dialog.findChild(QComboBox)
        combo.setCurrentIndex(combo.findText(method))
        dialog.accept()  # type: ignore[attr-defined]

    answer_modal(answer, QInputDialog)
    qtbot.mouseClick(tab.serve_button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert tab.table.item(row, 3).text(), tab.status.text()


def test_a_two_party_case_from_clue_to_archive(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    ctx = app_configured
    authority = setup.our_authority(ctx)
    assert authority is not None
    main = MainWindow(ctx, authority)
    qtbot.addWidget(main)
    main.show()
    document_settings(qtbot, main)

    # 线索登记
    def clue(dialog: QWidget) -> None:
        assert isinstance(dialog, ClueDialog)
        dialog.source.setCurrentIndex(dialog.source.findText("投诉"))
        dialog.received.setDate(QDate(2026, 10, 9))
        type_text(qtbot, dialog.summary, "消费者投诉：好物严选直播间商品未标明价格。")
        type_text(qtbot, dialog.reporter, "王某")
        press(qtbot, dialog.findChild(QDialogButtonBox), "登记")

    answer_modal(clue, ClueDialog)
    main.actions["case.clue"].trigger()
    raise_failures()
    page = main.clue_page
    page.table.selectRow(0)

    def title(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        type_text(qtbot, edit, "好物严选直播间未明码标价案")
        dialog.accept()  # type: ignore[attr-defined]

    answer_modal(title, QInputDialog)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    raise_failures()
    window = main.open_windows[-1]
    qtbot.addWidget(window)

    # the file: two officers, two parties registered here, the violation
    for i in range(window.basic_tab.officer_list.count()):
        item = window.basic_tab.officer_list.item(i)
        if item.text().startswith(("张三", "李四")):
            item.setCheckState(Qt.CheckState.Checked)
    window.tabs.setCurrentWidget(window.parties_tab)
    new_party(qtbot, window, room_operator(qtbot))
    new_party(qtbot, window, service_agency(qtbot))
    assert window.parties_tab.party_table.rowCount() == 2
    assert {p.name for p in parties.search_parties(ctx, "杭州")} >= {ROOM, AGENCY}

    def violation(dialog: QWidget) -> None:
        assert isinstance(dialog, ViolationDialog)
        ui = dialog.ui
        type_text(qtbot, ui.filterEdit, "明码标价")
        ui.actStartEdit.setDate(QDate(2026, 10, 1))
        type_text(qtbot, ui.factsEdit, "直播间销售的商品未标明价格。")
        press(qtbot, ui.buttonBox, "确定")

    window.tabs.setCurrentWidget(window.violations_tab)
    answer_modal(violation, ViolationDialog)
    qtbot.mouseClick(window.findChild(QPushButton, "addViolationButton"), Qt.MouseButton.LeftButton)
    raise_failures()
    window.save_action.trigger()
    assert not window.dirty

    # 核查 → 立案
    issue(qtbot, window, "案件来源登记表", opinion="线索具体，建议核查。")
    step(qtbot, window, "start_verification", "2026-10-09")
    issue(qtbot, window, "立案审批表", handler_opinion="涉嫌未明码标价，建议立案。")
    sign_in(ctx, "王五")
    step(qtbot, window, "file", "2026-10-12")  # the 立案编号 is pre-filled
    assert window.case.case_number == "杭西市监立〔2026〕1号"
    sign_in(ctx, "张三")
    step(qtbot, window, "start_investigation", "2026-10-13")
    # the evidence the notice and the decision cite (a document cites only what is on file)
    replay = tmp_path / "直播回放.mp4"
    replay.write_bytes(b"\x00\x00\x00\x18ftypmp42" * 500)

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(replay))
        dialog.accept()

    window.tabs.setCurrentWidget(window.evidence_tab)
    answer_modal(choose, QFileDialog)
    qtbot.mouseClick(window.evidence_tab.add_evidence_button, Qt.MouseButton.LeftButton)
    raise_failures()
    # hashed and stored off the UI thread: the row appears when it is on file
    qtbot.waitUntil(lambda: window.evidence_tab.evidence_table.rowCount() == 1, timeout=10000)

    # 处罚裁量 for the violation
    window.tabs.setCurrentWidget(window.violations_tab)
    window.violations_tab.violation_table.selectRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "penaltyButton"), Qt.MouseButton.LeftButton)
    penalty = window.findChildren(PenaltyDialog)[-1]
    type_text(qtbot, penalty.proposed, "5000")
    save = next(b for b in penalty.findChildren(QPushButton) if b.text() == "保存裁量结果")
    with qtbot.waitSignal(penalty.accepted):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    window.save_action.trigger()
    assert window.case.violations[0].assessment

    # 调查终结 → 审核 → 告知, one 告知书 to each party, each served
    issue(qtbot, window, "案件调查终结报告")
    step(qtbot, window, "conclude", "2026-10-30")
    step(qtbot, window, "submit_review", "2026-11-02")
    issue(qtbot, window, "案件审核表", review_opinion="事实清楚，证据确凿，同意。")
    # 5,000 yuan for a company, no hearing right: neither the law nor the bureau's list asks
    # for 法制审核, so the path has no 法制审核表 (test_officer_paths covers the locked tick)
    assert not window.case.procedure.legal_review_required
    notices = [issue(qtbot, window, "行政处罚告知书", party=name) for name in (ROOM, AGENCY)]
    assert all(n.startswith("杭西市监罚告〔2026〕") for n in notices) and len(set(notices)) == 2
    for number in notices:
        record_service(qtbot, window, number, "直接送达")
    step(qtbot, window, "serve_notice", "2026-11-03")

    # 决定 → 送达 (a 决定书 and its 送达回证 for each party) → 执行 → 结案 → 归档
    sign_in(ctx, "王五")
    step(qtbot, window, "decide_penalty", "2026-11-11")  # the assessed 5000 is pre-filled
    sign_in(ctx, "张三")
    decisions = {}
    for name in (ROOM, AGENCY):
        number = issue(qtbot, window, "行政处罚决定书", party=name)
        decisions[name] = number
        issue(qtbot, window, "送达回证", party=name, document=f"行政处罚决定书（{number}）")
        record_service(qtbot, window, number, "直接送达")
    assert len(set(decisions.values())) == 2
    step(qtbot, window, "serve_decision", "2026-11-12")
    step(qtbot, window, "record_payment", "2026-11-13", amount="5000")
    issue(qtbot, window, "结案审批表", handler_opinion="罚款已缴清，建议结案。")
    sign_in(ctx, "王五")
    step(qtbot, window, "close", "2026-11-16")
    sign_in(ctx, "张三")
    step(qtbot, window, "archive", "2026-11-17")

    assert window.case.status is CaseStatus.ARCHIVED
    assert not window.documents_tab.issue_button.isEnabled()  # read-only now
    assert window.case.id is not None
    saved = cases.get_case(ctx, window.case.id)
    assert saved.status is CaseStatus.ARCHIVED and len(saved.parties) == 2
    assert saved.decided_on == dt.date(2026, 11, 11)
    issued = documents.issued(ctx, saved.id)  # type: ignore[arg-type]
    assert [d.kind for d in issued] == [
        "case_source_registration",
        "filing_approval",
        "investigation_report",
        "case_review_form",
        "penalty_notice",
        "penalty_notice",
        "penalty_decision",
        "service_receipt",
        "penalty_decision",
        "service_receipt",
        "closure_approval",
    ]
    # every document addressed to a party was served on it
    served = {d.number for d in issued if d.served_on}
    assert served == set(notices) | set(decisions.values())
    assert all(
        n.startswith("杭西市监罚〔2026〕") or n.startswith("杭西市监处罚〔2026〕")
        for n in decisions.values()
    )
    # each 送达回证 names its party's decision
    from tests.documents.test_documents import docx_text, squash

    receipts = [d for d in issued if d.kind == "service_receipt"]
    for receipt, name in zip(receipts, (ROOM, AGENCY), strict=True):
        text = squash(
            docx_text(documents.store_path(ctx, receipt.docx_sha256, ".docx").read_bytes())
        )
        assert decisions[name] in text and name in text
    main.refresh()
    assert page.table.item(0, 4).text() == "归档"
    window.close()
