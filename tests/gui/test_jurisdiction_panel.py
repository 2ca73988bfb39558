"""The case window's jurisdiction panel, computed from the case's parties and their links."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, CaseParty, ClueSource
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    Party,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.gui.case_window import CaseWindow
from lcregulator.services import cases, parties, setup
from lcregulator.services.context import AppContext
from tests.samples import RIC_MARKETER, USCC_PLATFORM


def build(ctx: AppContext) -> tuple[Case, Party]:
    platform = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "滨江某直播平台有限公司",
            {PartyRole.PLATFORM_OPERATOR},
            uscc=USCC_PLATFORM,
            domicile=Place("330108", "网商路1号"),
            registered=True,
        ),
    )
    room = parties.save_party(
        ctx,
        Party(
            PartyKind.NATURAL_PERSON,
            "刘某（未登记的直播间运营者）",
            {PartyRole.ROOM_OPERATOR},
            channel=Channel.PLATFORM,
            domicile=Place("341102", ""),
            registered=False,
            business_place=None,
            links=[PartyLink(LinkKind.ON_PLATFORM, platform.id)],  # type: ignore[arg-type]
        ),
    )
    host = parties.save_party(
        ctx,
        Party(
            PartyKind.NATURAL_PERSON,
            "主播甲",
            {PartyRole.MARKETER},
            id_number=RIC_MARKETER,
            domicile=Place("110105", ""),
            links=[PartyLink(LinkKind.APPEARS_FOR, room.id)],  # type: ignore[arg-type]
        ),
    )
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None and host.id
    case = cases.create_case(
        ctx,
        Case(
            title="主播甲虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
            parties=[CaseParty(host.id, PartyRole.MARKETER)],
        ),
    )
    return case, room


def test_marketer_in_an_unregistered_platform_room_goes_to_the_platform_place(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case, _ = build(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(4)
    text = window.jurisdiction_tab.jurisdiction_view.toPlainText()
    assert "管辖地：浙江省杭州市滨江区" in text
    assert "《直播电商监督管理办法》第四十七条第三款" in text
    assert "经《直播电商监督管理办法》第四十七条第二款" in text
    assert "未办理经营主体登记" in text
    # our authority is 西湖区 (330106): not competent, must transfer to 滨江区
    assert "应由杭州市滨江区市场监督管理局管辖" in text
    assert "案件移送函" in text
    assert window.jurisdiction_tab.jurisdiction_flag.isHidden()


def test_confirmed_conclusion_is_flagged_when_a_party_edit_changes_it(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    case, room = build(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None and case.id is not None
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.jurisdiction_tab)
    qtbot.mouseClick(window.jurisdiction_tab.confirm_button, Qt.MouseButton.LeftButton)
    events = [e.action for e in cases.timeline(app_configured, case.id)]
    assert "case.jurisdiction" in events
    window.close()

    room.business_place = Place("330106", "西湖区某路")  # found later: 西湖区
    parties.save_party(app_configured, room)

    reopened = CaseWindow(app_configured, authority, cases.get_case(app_configured, case.id))
    qtbot.addWidget(reopened)
    reopened.show()
    reopened.tabs.setCurrentIndex(4)
    assert reopened.jurisdiction_tab.jurisdiction_flag.isVisible()
    assert "管辖结论已与确认时不同" in reopened.jurisdiction_tab.jurisdiction_flag.text()
    assert "管辖地：浙江省杭州市西湖区" in reopened.jurisdiction_tab.jurisdiction_view.toPlainText()
    assert "有管辖权" in reopened.jurisdiction_tab.jurisdiction_view.toPlainText()


def test_marketer_without_a_room_says_what_is_missing(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    host = parties.save_party(
        app_configured,
        Party(PartyKind.NATURAL_PERSON, "主播乙", {PartyRole.MARKETER}, domicile=Place("330106")),
    )
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None and host.id
    case = Case(
        title="x",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 3, 2),
        authority_id=authority.id,
        parties=[CaseParty(host.id, PartyRole.MARKETER)],
    )
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    assert "尚未关联其出镜的直播间运营者" in window.jurisdiction_tab.jurisdiction_view.toPlainText()
    assert not window.jurisdiction_tab.confirm_button.isEnabled()
    window.dirty = False
