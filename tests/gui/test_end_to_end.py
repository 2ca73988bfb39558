"""One case from 线索 to 归档, two parties, through the window only.

The officer registers the clue, opens its file, lists the officers, the two parties (registered
earlier in the party register) and the violation, assesses the fine, takes every step from the
办案操作 menu, issues the documents on the way and records their service, and archives the
case. The 负责人 takes the approvals at the same workstation (he signs in there). Dates are
picked in the date fields as on the calendar; everything else is typed or clicked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lcregulator.domain.authority import Officer
from lcregulator.domain.cases import CaseStatus
from lcregulator.domain.parties import Channel, Party, PartyKind, PartyRole, Place
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.clue_register import ClueDialog
from lcregulator.gui.documents_tab import IssueDialog
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.party_dialog import PartyPickerDialog
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


def register_parties(ctx: AppContext) -> None:
    # what a decision must name (复议机关 defaults from the region; court and payee are the
    # bureau's, set once by its administrator in 设置 → 文书设置)
    from lcregulator.services import bureau

    bureau.save(
        ctx,
        bureau.DocumentSettings(
            court="杭州市西湖区人民法院",
            payee="杭州市西湖区财政局",
            bank="中国工商银行杭州西湖支行",
            account="1202000000000000000",
        ),
    )
    parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州好物严选电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc=USCC_PLATFORM,
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路1号"),
            registered=True,
        ),
    )
    parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州星光直播营销服务有限公司",
            {PartyRole.SERVICE_AGENCY},
            uscc=USCC_AGENCY,
            domicile=Place("330106", "教工路2号"),
            registered=True,
        ),
    )


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
        assert not dialog.isVisible(), dialog.error.text()

    answer_modal(fill, StepDialog)
    choose_step(window, step_id)
    raise_failures()


def issue(qtbot: QtBot, window: CaseWindow, title: str, **answers: str) -> str:
    """出具文书: choose the kind, answer what it asks, 出具 and confirm; returns the 文号."""
    tab = window.documents_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChildren(IssueDialog)[-1]
    dialog.kind.setCurrentIndex(dialog.kind.findText(title))
    for name, text in answers.items():
        edit = dialog.inputs[name]
        edit.selectAll()
        type_text(qtbot, edit, text)
    answer_confirmation(qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        press(qtbot, dialog.findChild(QDialogButtonBox), "出具（编号并存档）")
    raise_failures()
    row = tab.table.rowCount() - 1
    assert tab.table.item(row, 0).text() == title
    return tab.table.item(row, 1).text()


def record_service(qtbot: QtBot, window: CaseWindow, title: str, method: str) -> None:
    tab = window.documents_tab
    row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 0).text() == title)
    tab.table.setCurrentCell(row, 0)

    def answer(dialog: QWidget) -> None:
        combo = dialog.findChild(QComboBox)
        combo.setCurrentIndex(combo.findText(method))
        dialog.accept()  # type: ignore[attr-defined]

    answer_modal(answer, QInputDialog)
    qtbot.mouseClick(tab.serve_button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert tab.table.item(row, 3).text(), tab.status.text()


def pick_party(qtbot: QtBot, window: CaseWindow, name: str) -> None:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyPickerDialog)
        type_text(qtbot, dialog.search, name)
        assert dialog.results.count() == 1
        press(qtbot, dialog.findChild(QDialogButtonBox), "选择")

    answer_modal(choose, PartyPickerDialog)
    qtbot.mouseClick(window.findChild(QPushButton, "pickPartyButton"), Qt.MouseButton.LeftButton)
    raise_failures()


def test_a_two_party_case_from_clue_to_archive(qtbot: QtBot, app_configured: AppContext) -> None:
    ctx = app_configured
    register_parties(ctx)
    authority = setup.our_authority(ctx)
    assert authority is not None
    main = MainWindow(ctx, authority)
    qtbot.addWidget(main)
    main.show()

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

    # the file: two officers, two parties, the violation
    for i in range(window.basic_tab.officer_list.count()):
        item = window.basic_tab.officer_list.item(i)
        if item.text().startswith(("张三", "李四")):
            item.setCheckState(Qt.CheckState.Checked)
    window.tabs.setCurrentIndex(1)
    pick_party(qtbot, window, "好物严选")
    pick_party(qtbot, window, "星光直播")
    assert window.parties_tab.party_table.rowCount() == 2

    def violation(dialog: QWidget) -> None:
        assert isinstance(dialog, ViolationDialog)
        ui = dialog.ui
        type_text(qtbot, ui.filterEdit, "明码标价")
        ui.actStartEdit.setDate(QDate(2026, 10, 1))
        type_text(qtbot, ui.factsEdit, "直播间销售的商品未标明价格。")
        press(qtbot, ui.buttonBox, "确定")

    window.tabs.setCurrentIndex(2)
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

    # 处罚裁量 for the violation
    window.tabs.setCurrentIndex(2)
    window.violations_tab.violation_table.selectRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "penaltyButton"), Qt.MouseButton.LeftButton)
    penalty = window.findChildren(PenaltyDialog)[-1]
    type_text(qtbot, penalty.proposed, "5000")
    save = next(b for b in penalty.findChildren(QPushButton) if b.text() == "保存裁量结果")
    with qtbot.waitSignal(penalty.accepted):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    window.save_action.trigger()
    assert window.case.violations[0].assessment

    # 调查终结 → 审核 → 告知
    step(qtbot, window, "conclude", "2026-10-30")
    step(qtbot, window, "submit_review", "2026-11-02")
    issue(qtbot, window, "案件审核表", review_opinion="事实清楚，证据确凿，同意。")
    notice = issue(qtbot, window, "行政处罚告知书")
    assert notice.startswith("杭西市监罚告〔2026〕")
    step(qtbot, window, "serve_notice", "2026-11-03")
    record_service(qtbot, window, "行政处罚告知书", "直接送达")

    # 决定 → 送达 → 执行 → 结案 → 归档
    sign_in(ctx, "王五")
    step(qtbot, window, "decide_penalty", "2026-11-11")  # the assessed 5000 is pre-filled
    sign_in(ctx, "张三")
    decision = issue(qtbot, window, "行政处罚决定书")
    issue(qtbot, window, "送达回证")  # names the decision by itself
    record_service(qtbot, window, "行政处罚决定书", "直接送达")
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
    kinds = [d.kind for d in documents.issued(ctx, saved.id)]  # type: ignore[arg-type]
    assert kinds == [
        "case_source_registration",
        "filing_approval",
        "case_review_form",
        "penalty_notice",
        "penalty_decision",
        "service_receipt",
        "closure_approval",
    ]
    served = [d for d in documents.issued(ctx, saved.id) if d.served_on]  # type: ignore[arg-type]
    assert {d.kind for d in served} == {"penalty_notice", "penalty_decision"}
    assert decision.startswith("杭西市监罚〔2026〕") or decision.startswith("杭西市监处罚〔2026〕")
    main.refresh()
    assert page.table.item(0, 4).text() == "归档"
    window.close()
