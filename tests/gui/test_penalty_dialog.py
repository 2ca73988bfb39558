"""The penalty dialog: circumstances move the range; an amount outside it is refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, CaseParty, ClueSource, Violation
from lcregulator.domain.parties import Channel, Party, PartyKind, PartyRole, Place
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.penalty_dialog import PenaltyDialog
from lcregulator.services import cases, parties, setup
from lcregulator.services.context import AppContext
from tests.gui.typing import type_text
from tests.samples import USCC_ROOM


def art59_case(ctx: AppContext) -> Case:
    room = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州某电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc=USCC_ROOM,
            channel=Channel.PLATFORM,
            domicile=Place("330106"),
            registered=True,
        ),
    )
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None and room.id
    return cases.create_case(
        ctx,
        Case(
            title="未核验直播营销人员身份案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 3, 10),
            authority_id=authority.id,
            parties=[CaseParty(room.id, PartyRole.ROOM_OPERATOR)],
            violations=[
                Violation("M59(1)", "未核验直播营销人员身份", act_start=dt.date(2026, 3, 1))
            ],
        ),
    )


def test_serious_moves_art59_from_no_fine_to_the_range_and_200000_is_refused(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case = art59_case(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    dialog = window.assess_violation(0)
    assert isinstance(dialog, PenaltyDialog)
    qtbot.addWidget(dialog)
    assert "依现有事实不能罚款" in dialog.result.toPlainText()
    assert "拒不改正或者情节严重的方可处以罚款" in dialog.result.toPlainText()

    dialog.serious.click()
    text = dialog.result.toPlainText()
    assert "应当罚款 10,000元（人民币壹万元整） 至 100,000元（人民币壹拾万元整）" in text
    assert "裁量：一般" in text and "未经核实" in text

    type_text(qtbot, dialog.proposed, "200000")
    assert "超出法定上限100,000元" in dialog.error.text()
    dialog.save()
    assert dialog.isVisible() and dialog.result_assessment is None  # refused, nothing kept

    dialog.proposed.clear()
    type_text(qtbot, dialog.proposed, "50000")
    assert dialog.error.text() == ""
    dialog.circumstance_checks["confessed"].click()  # 应当从轻或减轻
    assert "裁量：从轻" in dialog.result.toPlainText()
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[union-attr]
    assert window.violation_table.item(0, 5).text() == "拟罚款50,000元（人民币伍万元整）"
    assert window.save()
    stored = cases.get_case(app_configured, case.id)  # type: ignore[arg-type]
    saved = stored.violations[0].assessment
    assert saved is not None
    assert saved["law_data_version"] and saved["result"]["fine"] == {
        "min": 10000,
        "max": 100000,
        "mandatory": True,
    }
    assert saved["input"]["circumstances"] == ["confessed"]
