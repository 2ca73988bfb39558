"""The 期限预警 start page and the case window's stage bar, steps and deadlines."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, CaseStatus, ClueSource
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.workflow_panel import StepDialog
from lcregulator.services import cases, setup, workflow
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.typing import type_text


def sign_in_as(ctx: AppContext, name: str) -> None:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officer = next(o for o in setup.list_officers(ctx, authority.id) if o.name == name)
    assert officer.id is not None
    setup.sign_in(ctx, officer.id)


def case_filed_on(ctx: AppContext, filed: str, title: str) -> int:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officers = [o.id for o in setup.list_officers(ctx, authority.id) if o.role.value == "handler"]
    created = cases.create_case(
        ctx,
        Case(
            title=title,
            source=ClueSource.COMPLAINT,
            received_on=dt.date.fromisoformat(filed) - dt.timedelta(days=5),
            authority_id=authority.id,
            officer_ids=officers,  # type: ignore[arg-type]
        ),
    )
    assert created.id is not None
    sign_in_as(ctx, "王五")
    workflow.apply(
        ctx,
        created.id,
        "file",
        dt.date.fromisoformat(filed),
        case_number=f"杭西市监立〔2026〕{title[:2]}号",
    )
    sign_in_as(ctx, "张三")
    workflow.apply(ctx, created.id, "start_investigation", dt.date.fromisoformat(filed))
    return created.id


def test_decision_due_within_five_working_days_is_on_the_start_page(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    # today is 2026-11-20 (Friday); filed 8-24 + 90 days = 11-22 (Sunday) → Monday 11-23
    soon = case_filed_on(app_configured, "2026-08-24", "临近期限案")
    case_filed_on(app_configured, "2026-10-20", "期限尚远案")  # decision due 2027-01-18
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    assert main.pages.currentWidget() is main.start_page
    main.pages.setCurrentWidget(main.due_page)
    page = main.due_page
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "临近期限案"
    assert page.table.item(0, 2).text() == "作出处理决定"
    assert page.table.item(0, 3).text() == "2026年11月23日"
    assert page.table.item(0, 4).data(0) == 1
    assert "市场监督管理行政处罚程序规定》第六十四条第一款" in page.table.item(0, 5).text()

    page.days.setValue(60)  # the far one appears too, sorted by days left
    assert page.table.rowCount() == 2
    assert page.table.item(0, 1).text() == "临近期限案"

    page.table.cellDoubleClicked.emit(0, 1)
    window = main.case_windows[soon]
    qtbot.addWidget(window)
    assert window.tabs.currentWidget() is window.deadlines_tab.deadline_table.parentWidget()
    rows = {
        window.deadlines_tab.deadline_table.item(
            r, 0
        ).text(): window.deadlines_tab.deadline_table.item(r, 1).text()
        for r in range(window.deadlines_tab.deadline_table.rowCount())
    }
    assert rows["作出处理决定"] == "2026年11月23日"
    assert "当前：调查取证" in window.stage_bar.status.text()
    assert "调查终结" in window.stage_bar.next_step.text()

    # the register shows the next deadline and filters overdue cases
    main.pages.setCurrentWidget(main.register_page)
    assert "2026年11月23日 作出处理决定" in {
        main.model.index(r, 6).data() for r in range(main.model.rowCount())
    }
    main.overdue_filter.setChecked(True)
    assert main.model.rowCount() == 0


def test_a_refused_step_says_why_in_its_form_and_changes_nothing(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case_id = case_filed_on(app_configured, "2026-08-24", "调查中案")
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    window = main.open_case(case_id)
    qtbot.addWidget(window)
    seen: list[str] = []

    def try_conclude(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.run_step()  # no parties or violations yet: refused
        seen.append(dialog.error.text())
        dialog.reject()

    when_modal(try_conclude, StepDialog)
    assert not window.run_step("conclude")
    assert "调查终结前须列明当事人" in seen[0]
    assert cases.get_case(app_configured, case_id).status is CaseStatus.INVESTIGATING

    def suspend(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        type_text(qtbot, dialog.inputs["reason"], "产品送检")  # type: ignore[arg-type]
        dialog.run_step()

    when_modal(suspend, StepDialog)
    assert window.run_step("suspend")
    assert cases.get_case(app_configured, case_id).status is CaseStatus.SUSPENDED
    assert "中止" in window.stage_bar.status.text()
    assert "期限停止计算" in window.deadlines_tab.deadline_note.text()
    assert [a.objectName() for a in window.stage_bar.menu.actions()] == ["resume"]
    assert any("案件中止" in e.summary for e in cases.timeline(app_configured, case_id))


def test_saving_the_form_keeps_the_procedure_facts(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case_id = case_filed_on(app_configured, "2026-08-24", "保存不丢流程案")
    sign_in_as(app_configured, "王五")
    workflow.apply(app_configured, case_id, "extend_decision", dt.date(2026, 9, 1))
    sign_in_as(app_configured, "张三")
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    window = main.open_case(case_id)
    qtbot.addWidget(window)
    window.basic_tab.summary_edit.setPlainText("补充案情")
    assert window.save()
    stored = cases.get_case(app_configured, case_id)
    assert stored.procedure.decision_extended
    assert [a.step for a in stored.procedure.approvals] == ["file", "extend_decision"]
