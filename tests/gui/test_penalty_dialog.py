"""The penalty dialog: circumstances move the range; an amount outside it is refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, CaseParty, ClueSource, Violation
from lcregulator.domain.parties import Channel, Party, PartyKind, PartyRole, Place
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.penalty_dialog import PenaltyDialog
from lcregulator.services import cases, parties, setup
from lcregulator.services.context import AppContext
from tests.gui.typing import type_text
from tests.samples import RIC_MARKETER, USCC_ROOM


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
    dialog = window.violations_tab.assess_violation(0)
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
    assert (
        window.violations_tab.violation_table.item(0, 5).text()
        == "拟罚款50,000元（人民币伍万元整）"
    )
    assert window.save()
    stored = cases.get_case(app_configured, case.id)  # type: ignore[arg-type]
    saved = stored.violations[0].assessment
    assert saved is not None
    assert saved.law_data_version and saved.result["fine"] == {
        "min": 10000,
        "max": 100000,
        "mandatory": True,
    }
    assert saved.circumstances == ("confessed",)


def marketer_case(ctx: AppContext) -> Case:
    host = parties.save_party(
        ctx,
        Party(
            PartyKind.NATURAL_PERSON,
            "主播甲",
            {PartyRole.MARKETER},
            id_number=RIC_MARKETER,
            domicile=Place("330106"),
        ),
    )
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None and host.id
    return cases.create_case(
        ctx,
        Case(
            title="主播发布虚假广告案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 3, 10),
            authority_id=authority.id,
            parties=[CaseParty(host.id, PartyRole.MARKETER)],
            violations=[
                Violation("M62-1/advertising", "直播中发布虚假广告", act_start=dt.date(2026, 3, 1)),
                Violation("M60/price-marking", "未明码标价", act_start=dt.date(2026, 3, 1)),
            ],
        ),
    )


def test_the_dialog_shows_roles_employer_liability_confiscation_and_its_hearing_right(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    """广告法 Arts 55(3) and 61 (roles), 办法 Art 63 (职务行为), 听证办法 Art 5(1)(4)."""
    case = marketer_case(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    dialog = window.violations_tab.assess_violation(0)
    assert isinstance(dialog, PenaltyDialog)
    qtbot.addWidget(dialog)
    text = dialog.result.toPlainText()
    assert "广告中的身份：广告主" in text and "办法第三十五条" in text
    assert "办法第六十三条" in text  # asks whether it was in the course of employment

    dialog.ad_role.setFocus()
    qtbot.keyClick(dialog.ad_role, Qt.Key.Key_Down)  # 广告主
    qtbot.keyClick(dialog.ad_role, Qt.Key.Key_Down)  # 广告发布者
    type_text(qtbot, dialog.ad_fee, "10000")
    text = dialog.result.toPlainText()
    assert "广告中的身份：广告发布者" in text
    assert "没收：广告费用10,000元" in text and "明知或者应知" in text

    qtbot.keyClick(dialog.ad_role, Qt.Key.Key_Down)  # 广告代言人
    type_text(qtbot, dialog.gains, "8000")
    text = dialog.result.toPlainText()
    assert "广告中的身份：广告代言人" in text
    assert "应当罚款 8,000元（人民币捌仟元整） 至 16,000元（人民币壹万陆仟元整）" in text
    assert "没收：违法所得8,000元" in text and "听证权利：有" in text

    dialog.employment.setFocus()
    qtbot.keyClick(dialog.employment, Qt.Key.Key_Down)  # 是：职务行为
    assert "责任主体：直播营销人员所在单位" in dialog.result.toPlainText()
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[union-attr]
    saved = dialog.result_assessment
    assert saved is not None
    assert saved.facts.advertising_role == "endorser"
    assert saved.facts.in_course_of_employment is True
    assert saved.result["liable"] == "employer"

    # 听证办法 Art 5(1)(4): no fine, but gains and 非法财物 worth 100,000 confiscated from the
    # room operator's side of the case (no party in that role: assessed as an organisation)
    price = window.violations_tab.assess_violation(1)
    assert isinstance(price, PenaltyDialog)
    qtbot.addWidget(price)
    assert not price.ad_role.isEnabled()
    type_text(qtbot, price.gains, "60000")
    type_text(qtbot, price.property_value, "39999")
    type_text(qtbot, price.proposed, "0")
    assert "听证权利：无" in price.result.toPlainText()  # 99,999 in all
    price.property_value.selectAll()
    type_text(qtbot, price.property_value, "40000")
    text = price.result.toPlainText()
    assert "没收：违法所得60,000元" in text and "非法财物40,000元" in text
    assert "听证权利：有" in text and "第五条第一款第四项" in text
    price.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()  # type: ignore[union-attr]
    assert not price.isVisible()
    window.save_action.trigger()  # the toolbar's 保存
    assert not window.dirty
    stored = cases.get_case(app_configured, case.id)  # type: ignore[arg-type]
    kept = stored.violations[0].assessment
    assert kept is not None and kept.result["liable"] == "employer"
    assert kept.result["confiscation"]["illegal_gains"] == 8000


def test_a_saved_assessment_reopens_with_every_input_and_the_reasons(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case = art59_case(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    dialog = window.violations_tab.assess_violation(0)
    assert isinstance(dialog, PenaltyDialog)
    qtbot.addWidget(dialog)
    dialog.serious.click()
    type_text(qtbot, dialog.gains, "12000")
    type_text(qtbot, dialog.ad_fee, "3000")
    type_text(qtbot, dialog.goods, "80000")
    type_text(qtbot, dialog.proposed, "30000")
    type_text(qtbot, dialog.reasons, "首次违法，积极整改")
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[union-attr]
    window.save_action.trigger()
    assert not window.dirty
    saved = cases.get_case(app_configured, case.id)  # type: ignore[arg-type]
    assert saved.violations[0].assessment == dialog.result_assessment

    reopened = CaseWindow(app_configured, authority, saved)
    qtbot.addWidget(reopened)
    again = reopened.violations_tab.assess_violation(0)
    assert isinstance(again, PenaltyDialog)
    qtbot.addWidget(again)
    assert again.serious.isChecked()
    assert [e.text() for e in (again.gains, again.ad_fee, again.goods, again.proposed)] == [
        "12000",
        "3000",
        "80000",
        "30000",
    ]
    assert again.reasons.text() == "首次违法，积极整改"
