"""办案操作 is generated from the step declarations: the stage's steps, greyed with the reason
when the case does not allow one yet (an investigation cannot end before its parties and
violations are listed: 程序规定 Art 55)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import CaseStatus
from lcregulator.domain.workflow_steps import offered
from lcregulator.gui.main_window import MainWindow
from lcregulator.services import setup
from lcregulator.services.context import AppContext
from tests.gui.test_deadlines_gui import case_filed_on


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
