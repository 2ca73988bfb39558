"""办案操作 is generated from the step declarations: the stage's steps, greyed with the reason
when the case does not allow one yet (an investigation cannot end before its parties and
violations are listed: 程序规定 Art 55)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, CaseStatus, ClueSource
from lcregulator.domain.workflow_steps import offered
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.workflow_panel import StepDialog
from lcregulator.services import cases, setup
from lcregulator.services.context import AppContext
from tests.gui.test_deadlines_gui import case_filed_on
from tests.gui.test_officer_paths import answer_modal, press, raise_failures


def test_the_menu_is_the_stage_s_declared_steps_with_the_guards_reasons(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case_id = case_filed_on(app_configured, "2026-10-20", "调查中案")
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    window = main.open_case(case_id)
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.stage_bar.menu.actions()}
    assert list(actions) == [s.id for s in offered(CaseStatus.INVESTIGATING)]
    assert [actions[s].text() for s in ("conclude", "suspend")] == ["调查终结", "中止…"]
    assert not actions["conclude"].isEnabled()
    assert actions["conclude"].toolTip() == "调查终结前须列明当事人。"
    assert actions["suspend"].isEnabled() and actions["transfer"].isEnabled()
    assert actions["transfer"].toolTip() == "所需文书：案件移送函"


def served_case(ctx: AppContext) -> int:
    """A 10,000 yuan decision served on 2026-11-02, taken over as it stands."""
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officers = [o.id for o in setup.list_officers(ctx, authority.id) if o.role.value == "handler"]
    case = Case(
        title="已送达决定书案",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 8, 3),
        authority_id=authority.id,
        status=CaseStatus.SERVED,
        case_number="杭西市监立〔2026〕31号",
        filed_on=dt.date(2026, 8, 10),
        notice_served_on=dt.date(2026, 10, 12),
        decided_on=dt.date(2026, 10, 30),
        decision_served_on=dt.date(2026, 11, 2),
        officer_ids=officers,  # type: ignore[arg-type]
    )
    case.procedure.decision_kind = "penalty"
    case.procedure.fine = Decimal("10000")
    created = cases.create_case(ctx, case, taken_over=True)
    assert created.id is not None
    return created.id


def test_review_or_litigation_is_recorded_from_the_menu_with_its_end_date(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    """行政处罚法 Art 73(3): while a 复议 or 诉讼 is pending 加处罚款 is not counted; the
    officer records when it began and when it ended."""
    case_id = served_case(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    window = main.open_case(case_id)
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.stage_bar.menu.actions()}
    assert actions["review_started"].isEnabled()
    assert not actions["review_ended"].isEnabled()
    assert actions["review_ended"].toolTip() == "没有尚未结束的行政复议或者行政诉讼。"

    def started(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.date.setDate(QDate(2026, 11, 10))
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")

    answer_modal(started, StepDialog)
    actions["review_started"].trigger()
    raise_failures()
    actions = {a.objectName(): a for a in window.stage_bar.menu.actions()}
    assert not actions["review_started"].isEnabled() and actions["review_ended"].isEnabled()

    def ended(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.date.setDate(QDate(2026, 11, 19))
        end = dialog.findChild(QDateEdit, "end")
        assert end is not None
        end.setDate(QDate(2026, 11, 18))
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")

    answer_modal(ended, StepDialog)
    actions["review_ended"].trigger()
    raise_failures()
    periods = cases.get_case(app_configured, case_id).procedure.review_or_litigation
    assert [(p.start, p.end) for p in periods] == [(dt.date(2026, 11, 10), dt.date(2026, 11, 18))]
