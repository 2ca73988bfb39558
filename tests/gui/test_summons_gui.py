"""约谈 through the widgets: create, issue the notice, record "not rectified", escalate."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from pytestqt.qtbot import QtBot

from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.party_dialog import PartyDialog
from lcregulator.gui.summons_dialog import SummonsDialog
from lcregulator.services import cases, documents, parties, setup
from lcregulator.services import summons as summons_service
from lcregulator.services.context import AppContext, FixedClock
from tests.gui.typing import type_text
from tests.persistence.test_repositories import make_parties


def test_summons_notice_not_rectified_opens_a_prefilled_clue(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    _, room, _ = make_parties(app_configured)
    authority = setup.our_authority(app_configured)
    assert authority is not None and room.id is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    dialog = main.new_summons(room)
    assert isinstance(dialog, SummonsDialog)
    qtbot.addWidget(dialog)
    assert not dialog.buttons["summons_notice"].isEnabled()  # nothing to issue before saving
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 10), QTime(9, 30), QTimeZone(8 * 3600)))
    dialog.ground_checks[1].click()
    type_text(qtbot, dialog.invited, "法定代表人赵某")
    type_text(qtbot, dialog.place, "本局三楼约谈室")
    dialog.officers.item(0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.save()
    assert "两名以上执法人员" in dialog.error.text()
    dialog.officers.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.rectification.setPlainText("建立直播营销人员身份核验制度")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # then it can be issued
    notice = dialog.buttons["summons_notice"]
    # today (11-20) is after the 约谈: a notice now would be served too late
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "应在约谈前送达" in dialog.error.text(), timeout=30000)
    assert dialog.issued is None
    clock = app_configured.clock
    app_configured.clock = FixedClock(dt.datetime(2026, 11, 5, 2, 0, tzinfo=dt.UTC))
    try:  # the notice as it went out, before the 约谈 (issued off the UI thread)
        qtbot.waitUntil(notice.isEnabled)
        qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.issued is not None, timeout=30000)
    finally:
        app_configured.clock = clock
    assert dialog.issued is not None and dialog.issued.record.number == "杭西市监约〔2026〕1号"
    assert "已出具：约谈通知书 杭西市监约〔2026〕1号" in dialog.info.text()

    dialog.record.setPlainText("被约谈人承认未核验主播身份，承诺限期整改。")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("not_rectified"))
    dialog.outcome_note.setText("复查时仍未建立核验制度")
    assert dialog.save()
    assert dialog.escalate_button.isEnabled()
    case_id = dialog.escalate()
    assert case_id is not None
    window = main.case_windows[case_id]
    qtbot.addWidget(window)
    assert window.basic_tab.title_edit.text() == "杭州某电子商务有限公司约谈后未整改线索"
    assert "复查时仍未建立核验制度" in window.basic_tab.summary_edit.toPlainText()
    assert window.parties_tab.party_table.item(0, 0).text() == "杭州某电子商务有限公司"
    assert cases.get_case(app_configured, case_id).status.value == "clue"
    assert len(documents.issued(app_configured, case_id)) == 0  # the notice stays with the summons

    history = summons_service.for_party(app_configured, room.id)
    assert history.not_rectified == 1
    party_dialog = PartyDialog(app_configured, parties.get_party(app_configured, room.id))
    qtbot.addWidget(party_dialog)
    assert party_dialog.summons_note.text() == "共约谈 1 次，其中未整改或者部分整改 1 次。"
    window.dirty = False
