"""A case whose figures meet a threshold shows the banner; the referral steps and clocks run."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import CaseStatus
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.workflow_panel import StepDialog
from lcregulator.services import cases, setup, workflow
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.test_deadlines_gui import case_filed_on, sign_in_as
from tests.gui.typing import type_text


def test_threshold_banner_and_referral_steps(qtbot: QtBot, app_configured: AppContext) -> None:
    case_id = case_filed_on(app_configured, "2026-11-02", "销售伪劣产品案")
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    window = main.open_case(case_id)
    qtbot.addWidget(window)
    assert window.referral_banner.isHidden()
    panel = window.referral_panel
    panel.conduct.setCurrentIndex(panel.conduct.findData("substandard_products"))
    type_text(qtbot, panel.figures["sales_amount"], "60000")
    panel.check_button.click()
    assert not window.referral_banner.isHidden()
    text = window.referral_banner.text()
    assert "涉嫌生产、销售伪劣产品罪：销售金额五万元以上" in text
    assert "第十六条" in text and "不得以行政处罚代替移送" in text
    assert "☐ 涉嫌犯罪案件移送书" in panel.result.toPlainText()

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.run_step()

    when_modal(confirm, StepDialog)
    assert window.run_step("referral_team")
    when_modal(confirm, StepDialog)
    assert window.run_step("referral_report")
    rows = {
        window.deadlines_tab.deadline_table.item(
            r, 0
        ).text(): window.deadlines_tab.deadline_table.item(r, 1).text()
        for r in range(window.deadlines_tab.deadline_table.rowCount())
    }
    assert rows["负责人决定是否移送（三日内）"] == "2026年11月23日"  # reported 11-20, 3 days
    [item] = [i for i in workflow.due_soon(app_configured, 5) if i.case_id == case_id]
    assert item.deadline_id == "referral_decision"
    sign_in_as(app_configured, "王五")
    workflow.apply(app_configured, case_id, "referral_decide", dt.date(2026, 11, 20), approve=True)
    sign_in_as(app_configured, "张三")  # the head approves; the case's handler transfers
    workflow.apply(app_configured, case_id, "refer", dt.date(2026, 11, 20))
    assert cases.get_case(app_configured, case_id).status is CaseStatus.REFERRED
    window.dirty = False
