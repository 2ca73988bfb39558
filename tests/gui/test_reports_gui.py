"""平台报送身份信息 through the widgets: check with errors, accept the valid rows, map foreign
headers, look a person up and open the record, 一案三查 on a case, missing reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, CaseParty, ClueSource
from lcregulator.domain.parties import PartyRole
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.due_page import DueSoonPage
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.reports_window import (
    ColumnMappingDialog,
    ImportDialog,
    ProfileDialog,
    ReportsWindow,
)
from lcregulator.services import cases, setup
from lcregulator.services import platform_reports as reports
from lcregulator.services.context import AppContext
from tests import report_samples as samples
from tests.gui.modal import when_modal
from tests.gui.typing import type_text


def _click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(button: QMessageBox.StandardButton) -> list[QWidget]:
    return when_modal(lambda box: box.button(button).click(), QMessageBox)  # type: ignore[attr-defined]


def _open_import(qtbot: QtBot, window: ReportsWindow, name: str = "openImport") -> ImportDialog:
    window.tabs.setCurrentWidget(window.reports)
    _click(qtbot, window.reports, name)
    dialog = window.reports.findChild(ImportDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_import_lists_bad_rows_then_imports_the_valid_ones(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    main.actions["tools.reports"].trigger()
    window = main.findChild(ReportsWindow)
    assert window is not None
    body = list(samples.rows(5)) + [bad for _, bad, _, _ in samples.BAD_ROWS[:4]]
    path = samples.write_csv(tmp_path / "抖音2026-07.csv", body)
    dialog = _open_import(qtbot, window)
    dialog.file_edit.setText(str(path))
    dialog.platform.setCurrentText("抖音")
    assert dialog.period.currentData() == "2026-07"
    _click(qtbot, dialog, "checkReport")
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.result is not None, timeout=20000)
    assert "共 9 行：有效 5 行，未通过检查 4 行" in dialog.summary.text()
    rows = [
        [dialog.problems.item(r, c).text() for c in range(3)]
        for r in range(dialog.problems.rowCount())
    ]
    assert [r[:2] for r in rows] == [
        ["7", "类型"],
        ["8", "类型"],
        ["9", "名称或姓名"],
        ["10", "统一社会信用代码"],
    ]
    assert reports.list_reports(app_configured) == []  # checking stores nothing
    assert dialog.import_button.text() == "导入有效的 5 行"
    _answer(QMessageBox.StandardButton.Yes)
    _click(qtbot, dialog, "importReport")
    qtbot.waitUntil(lambda: "已导入 5 行" in dialog.summary.text(), timeout=20000)
    listed = reports.list_reports(app_configured)
    assert [(r.platform, r.imported, r.rejected) for r in listed] == [("抖音", 5, 4)]
    assert window.reports.table.rowCount() == 1
    # the same file again is refused with the reason
    _answer(QMessageBox.StandardButton.Ok)
    _click(qtbot, dialog, "checkReport")
    qtbot.waitUntil(lambda: "不能重复导入" in dialog.summary.text(), timeout=20000)


def test_foreign_headers_open_the_mapping_dialog_and_are_remembered(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    foreign = ["主体类别", "主体名称", "信用代码", "证件号", "经营地址", "电话", "账号ID"]
    path = samples.write_csv(tmp_path / "f.csv", [r[:7] for r in samples.rows(3)], header=foreign)
    window = ReportsWindow(app_configured)
    qtbot.addWidget(window)
    dialog = _open_import(qtbot, window)
    dialog.file_edit.setText(str(path))
    dialog.platform.setCurrentText("淘宝直播")
    wanted = dict(
        zip(
            foreign,
            ["type", "name", "uscc", "id_number", "address", "contact", "accounts"],
            strict=True,
        )
    )

    def map_columns(d: QWidget) -> None:
        assert isinstance(d, ColumnMappingDialog)
        for header, key in wanted.items():
            combo = d.combos[header]
            combo.setCurrentIndex(combo.findData(key))
        d.accept()

    when_modal(map_columns, ColumnMappingDialog)
    _click(qtbot, dialog, "checkReport")
    qtbot.waitUntil(lambda: "全部通过检查" in dialog.summary.text(), timeout=20000)
    _click(qtbot, dialog, "importReport")
    qtbot.waitUntil(lambda: "已导入 3 行" in dialog.summary.text(), timeout=20000)
    platform = reports.get_platform(app_configured, "淘宝直播")
    assert platform is not None and platform.header_mapping == wanted


def test_look_up_open_record_and_make_party(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    body = list(samples.rows(3))
    reports.import_report(
        app_configured,
        samples.write_csv(tmp_path / "r.csv", body),
        platform="抖音",
        period="2026-07",
    )
    window = ReportsWindow(app_configured)
    qtbot.addWidget(window)
    page = window.lookup
    qtbot.keyClicks(page.query, "room0")
    _click(qtbot, page, "findReports")
    assert page.table.rowCount() == 2  # the room operator and the marketer on that account
    names = {page.table.item(r, 1).text() for r in range(2)}
    assert names == {"某电子商务有限公司0", "主播2"}
    row = next(r for r in range(2) if page.table.item(r, 1).text() == "主播2")
    assert page.table.item(row, 2).text() == body[2][3][:6] + "********" + body[2][3][-4:]
    page.table.selectRow(row)
    seen: list[str] = []

    def read(d: QWidget) -> None:
        assert isinstance(d, ProfileDialog)
        seen.append(d.findChild(QWidget, "profileIdentifier").text())  # type: ignore[union-attr]
        d.reject()

    when_modal(read, ProfileDialog)
    _click(qtbot, page, "openRecord")
    assert seen == [body[2][3]]  # opened: the full number
    _answer(QMessageBox.StandardButton.Ok)
    _click(qtbot, page, "partyFromRecord")
    from lcregulator.services import parties

    assert parties.search_parties(app_configured, "主播2")[0].roles == {PartyRole.MARKETER}


def test_triple_check_tab_records_answer_and_makes_clue(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    reports.save_platform(app_configured, reports.Platform("抖音", "110105"))
    reports.import_report(
        app_configured,
        samples.write_csv(tmp_path / "r.csv", list(samples.rows(3))),
        platform="抖音",
        period="2026-07",
    )
    marketer = reports.party_from_record(
        app_configured, reports.find(app_configured, "主播2")[0].id
    )
    case = cases.create_case(
        app_configured,
        Case(
            title="主播2虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 1),
            authority_id=app_configured.officer.authority_id,  # type: ignore[union-attr, arg-type]
            parties=[CaseParty(marketer.id, PartyRole.MARKETER)],  # type: ignore[arg-type]
        ),
    )
    authority = setup.our_authority(app_configured)
    window = CaseWindow(app_configured, authority, case)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    panel = window.triple_check
    window.tabs.setCurrentWidget(panel)
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 0).text() == "抖音（平台）"
    assert panel.table.item(1, 0).text() == "杭州某文化传媒有限公司（服务机构）"
    assert "第八条至第二十二条" in panel.table.item(0, 2).text()
    panel.table.selectRow(0)
    panel.answer.setCurrentIndex(panel.answer.findData("not_checked"))
    _answer(QMessageBox.StandardButton.Ok)
    _click(qtbot, panel, "saveTripleCheck")  # 未核查 without a reason is refused
    assert panel.table.item(0, 3).text() == "（待核查）"
    panel.answer.setCurrentIndex(panel.answer.findData("checked_ok"))
    type_text(qtbot, panel.note, "已调取平台主播身份核验记录")
    _click(qtbot, panel, "saveTripleCheck")
    assert panel.table.item(0, 3).text() == "已核查，未发现违法行为"
    panel.table.selectRow(1)
    created: list[int] = []
    panel.clue_created.connect(created.append)
    _answer(QMessageBox.StandardButton.Yes)
    _click(qtbot, panel, "tripleCheckClue")
    assert created and panel.table.item(1, 3).text().startswith("已核查，发现涉嫌违法行为")
    assert "第三十九条至第四十五条" in cases.get_case(app_configured, created[0]).summary
    window.dirty = False


def test_missing_report_on_the_due_page_becomes_a_clue(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    reports.save_platform(
        app_configured, reports.Platform("快手", "110108", listed_since=dt.date(2026, 1, 1))
    )
    page = DueSoonPage(app_configured)
    qtbot.addWidget(page)
    box = page.missing_reports
    assert not box.isHidden() and box.table.rowCount() == 1
    assert box.table.item(0, 0).text() == "快手" and "第九条" in box.table.item(0, 3).text()
    opened: list[int] = []
    page.open_case.connect(opened.append)
    box.table.selectRow(0)
    _answer(QMessageBox.StandardButton.Ok)
    _click(qtbot, box, "missingReportClue")
    assert opened and "未按规定报送身份信息" in cases.get_case(app_configured, opened[0]).title
    assert isinstance(box, QDialog) is False
