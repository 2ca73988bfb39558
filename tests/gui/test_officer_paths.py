"""What an officer new to the product hit first, each pressed through the real buttons.

Every test here clicks the button an officer clicks and answers the dialog that opens; none
calls a handler directly (that is how a dead 记录送达 button went unseen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.documents_tab import IssueDialog
from lcregulator.services import cases, documents, setup
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.typing import type_text


def case_window(qtbot: QtBot, ctx: AppContext) -> CaseWindow:
    from tests.documents.test_numbering import a_case

    case_id = a_case(ctx)
    authority = setup.our_authority(ctx)
    assert authority is not None
    window = CaseWindow(ctx, authority, cases.get_case(ctx, case_id))
    qtbot.addWidget(window)
    return window


def open_issue_dialog(qtbot: QtBot, window: CaseWindow) -> IssueDialog:
    window.tabs.setCurrentWidget(window.documents_tab)
    qtbot.mouseClick(window.documents_tab.issue_button, Qt.MouseButton.LeftButton)
    dialogs = window.documents_tab.findChildren(IssueDialog)
    assert dialogs
    return dialogs[-1]


_failures: list[BaseException] = []


def answer_modal(act: Callable[[QWidget], None], kind: type[QWidget] = QWidget) -> None:
    """Like ``when_modal``, but a failed check closes the dialog instead of hanging exec()."""

    def guarded(dialog: QWidget) -> None:
        try:
            act(dialog)
        except BaseException as exc:  # re-raised by raise_failures() once exec() returns
            _failures.append(exc)
            if isinstance(dialog, QDialog):
                dialog.reject()

    when_modal(guarded, kind)


def raise_failures() -> None:
    if _failures:
        failure = _failures[0]
        _failures.clear()
        raise failure


def answer_confirmation(qtbot: QtBot, yes: bool = True) -> None:
    """Answer the next “请确认” box (irreversible steps and issuing ask one)."""
    from PySide6.QtWidgets import QMessageBox

    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        which = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)

    answer_modal(click, QMessageBox)


def press(qtbot: QtBot, buttons: QDialogButtonBox, text: str) -> None:
    button = next(b for b in buttons.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


OPINION_KINDS = {
    "case_source_registration": ["处理意见"],
    "filing_approval": ["承办人员意见"],
    "not_filing_approval": ["不予立案理由", "承办人员意见"],
    "case_review_form": ["审核意见"],
    "legal_review_form": ["需法制审核的情形（行政处罚法第五十八条）", "法制审核意见"],
    "closure_approval": ["承办人员意见"],
}


def test_every_form_asks_what_its_template_reads(qtbot: QtBot, app_configured: AppContext) -> None:
    window = case_window(qtbot, app_configured)
    dialog = open_issue_dialog(qtbot, window)
    for kind, labels in OPINION_KINDS.items():
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        assert "dict object" not in dialog.message.text()
        asked = [dialog.form.itemAt(i, dialog.form.ItemRole.LabelRole) for i in range(len(labels))]
        assert [w.widget().text() for w in asked] == [label + "：" for label in labels]
        for label in labels:
            assert label in dialog.message.text()  # "出具文书前请补充：…" names the field
    dialog.kind.setCurrentIndex(dialog.kind.findData("case_source_registration"))
    type_text(qtbot, dialog.inputs["opinion"], "线索具体，建议核查。")
    assert dialog.message.text() == ""  # the complaint goes when the field is filled
    buttons = dialog.findChild(QDialogButtonBox)
    answer_confirmation(qtbot, yes=False)
    press(qtbot, buttons, "出具（编号并存档）")
    # drawn off the UI thread, then the box: answered once the button is back
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=20000)
    raise_failures()
    assert dialog.isVisible() and documents.issued(app_configured, window.case.id) == []  # type: ignore[arg-type]
    answer_confirmation(qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        press(qtbot, buttons, "出具（编号并存档）")
    raise_failures()
    assert window.documents_tab.table.item(0, 0).text() == "案件来源登记表"


def test_service_is_recorded_through_the_button(qtbot: QtBot, app_configured: AppContext) -> None:
    from tests.documents.test_numbering import ASK

    window = case_window(qtbot, app_configured)
    assert window.case.id is not None
    documents.issue(
        app_configured, window.case.id, "case_source_registration", ASK, dt.date(2026, 3, 2)
    )
    window.documents_tab.show_case(window.case)
    tab = window.documents_tab
    tab.table.setCurrentCell(0, 0)

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        combo = dialog.findChild(QComboBox)
        combo.setCurrentIndex(combo.findText("邮寄送达"))
        dialog.accept()

    when_modal(answer, QInputDialog)
    qtbot.mouseClick(tab.serve_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == ""
    assert tab.table.item(0, 3).text() == "2026年11月20日"
    served = [e for e in cases.timeline(app_configured, window.case.id) if "送达" in e.summary]
    assert served and "邮寄送达" in served[-1].summary
    QApplication.processEvents()


def test_violation_picker_saves_only_what_is_chosen(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from PySide6.QtWidgets import QPushButton

    from lcregulator.gui.violation_dialog import ViolationDialog

    window = case_window(qtbot, app_configured)
    window.tabs.setCurrentIndex(2)
    seen: dict[str, object] = {}

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, ViolationDialog)
        ui = dialog.ui
        for typed in ("58", "第58条", "五十八"):
            ui.filterEdit.clear()
            type_text(qtbot, ui.filterEdit, typed)
            shown = [
                ui.provisionList.item(i).text()
                for i in range(ui.provisionList.count())
                if not ui.provisionList.item(i).isHidden()
            ]
            assert shown == ["第五十八条　直播间运营者未履行实际销售者信息展示义务"], typed
        ui.filterEdit.clear()
        type_text(qtbot, ui.filterEdit, "第60条")
        # two 第六十条 rows, none clicked: nothing is chosen and the pane shows nothing
        assert "第五十三条" not in ui.provisionText.toPlainText()
        assert ui.provisionText.toPlainText() == ""
        type_text(qtbot, ui.factsEdit, "直播间未明码标价。")
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["error"] = ui.errorLabel.text()
        assert dialog.isVisible()  # refused, nothing saved
        row = next(
            i
            for i in range(ui.provisionList.count())
            if "明码标价" in ui.provisionList.item(i).text()
        )
        rect = ui.provisionList.visualItemRect(ui.provisionList.item(row))
        qtbot.mouseClick(ui.provisionList.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert "第六十条" in ui.provisionText.toPlainText()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_modal(pick, ViolationDialog)
    button = window.findChild(QPushButton, "addViolationButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert seen["error"] == "请选择违反的条款。"
    assert [v.provision_id for v in window.violations_tab.violations] == ["M60/price-marking"]
    window.save_action.trigger()
    assert not window.dirty
    assert window.case.id is not None
    saved = cases.get_case(app_configured, window.case.id)
    assert [v.provision_id for v in saved.violations] == ["M60/price-marking"]


def concluded_case_window(qtbot: QtBot, ctx: AppContext) -> CaseWindow:
    """A concluded case whose saved assessment found a hearing right and 法制审核."""
    from lcregulator.domain.assessment import ViolationAssessment
    from lcregulator.domain.cases import CaseParty, Violation
    from lcregulator.domain.parties import Channel, Party, PartyKind, PartyRole, Place
    from lcregulator.services import parties, workflow
    from tests.samples import USCC_PLATFORM
    from tests.services.test_workflow_service import head, new_case

    company = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州某电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc=USCC_PLATFORM,
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路1号"),
            registered=True,
        ),
    )
    case_id = new_case(ctx)
    case = cases.get_case(ctx, case_id)
    case.parties = [CaseParty(company.id, PartyRole.ROOM_OPERATOR)]  # type: ignore[arg-type]
    case.violations = [
        Violation(
            "M60/price-marking",
            "未明码标价。",
            act_start=dt.date(2026, 10, 1),
            assessment=ViolationAssessment.from_json(
                {
                    "input": {"proposed_fine": "185000"},
                    "result": {"hearing_right": True, "legal_review_required": True},
                    "summary": "拟罚款185000元",
                }
            ),
        )
    ]
    cases.update_case(ctx, case)
    signed_in = ctx.officer
    head(ctx)
    workflow.apply(ctx, case_id, "file", dt.date(2026, 11, 10), case_number="杭西市监立〔2026〕7号")
    ctx.officer = signed_in
    workflow.apply(ctx, case_id, "start_investigation", dt.date(2026, 11, 11))
    workflow.apply(ctx, case_id, "conclude", dt.date(2026, 11, 18))
    authority = setup.our_authority(ctx)
    assert authority is not None
    window = CaseWindow(ctx, authority, cases.get_case(ctx, case_id))
    qtbot.addWidget(window)
    return window


def choose_step(window: CaseWindow, step_id: str) -> None:
    """Pick the step from the 办案操作 menu, as an officer does."""
    [action] = [a for a in window.stage_bar.menu.actions() if a.objectName() == step_id]
    action.trigger()


def test_review_and_hearing_start_from_the_assessment(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from PySide6.QtWidgets import QCheckBox

    from lcregulator.gui.workflow_panel import StepDialog

    window = concluded_case_window(qtbot, app_configured)
    seen: dict[str, object] = {}

    def submit(dialog: QWidget) -> None:
        legal = dialog.findChild(QCheckBox, "legal_review_required")
        collective = dialog.findChild(QCheckBox, "collective_discussion_required")
        seen["legal"] = (legal.isChecked(), legal.isEnabled())
        seen["collective"] = (collective.isChecked(), collective.isEnabled())
        qtbot.mouseClick(collective, Qt.MouseButton.LeftButton)  # adding one is allowed
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")

    answer_modal(submit, StepDialog)
    choose_step(window, "submit_review")
    raise_failures()
    assert seen == {"legal": (True, False), "collective": (False, True)}
    assert window.case.procedure.legal_review_required
    assert window.case.procedure.collective_discussion_required

    def notice(dialog: QWidget) -> None:
        hearing = dialog.findChild(QCheckBox, "hearing_right")
        seen["hearing"] = (hearing.isChecked(), hearing.isEnabled())
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")

    answer_modal(notice, StepDialog)
    choose_step(window, "serve_notice")
    raise_failures()
    assert seen["hearing"] == (True, False)
    assert window.case.procedure.hearing_right


def test_a_clue_is_registered_verified_and_not_filed(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from lcregulator.gui.clue_register import ClueDialog
    from lcregulator.gui.main_window import MainWindow
    from lcregulator.gui.workflow_panel import StepDialog
    from tests.services.test_workflow_service import head

    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ClueDialog)
        dialog.source.setCurrentIndex(dialog.source.findText("平台报告"))
        ok = dialog.findChild(QDialogButtonBox)
        press(qtbot, ok, "登记")  # empty: refused at the field
        assert dialog.error.text() == "请填写线索内容。"
        type_text(qtbot, dialog.summary, "某平台报告：好物严选直播间标价不实。")
        assert dialog.error.text() == ""  # cleared as soon as the field changes
        type_text(qtbot, dialog.reporter, "某直播平台")
        press(qtbot, ok, "登记")

    answer_modal(fill, ClueDialog)
    main.actions["case.clue"].trigger()
    raise_failures()
    page = main.clue_page
    assert main.pages.currentWidget() is page
    assert [page.table.item(0, c).text() for c in (1, 4)] == ["平台报告", "待核查"]
    assert page.verify_button.isEnabled()

    def name(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        type_text(qtbot, edit, "好物严选直播间标价不实案")
        dialog.accept()  # type: ignore[attr-defined]

    answer_modal(name, QInputDialog)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    raise_failures()
    assert page.table.item(0, 4).text() == "线索登记"
    [window] = main.open_windows
    assert window.case.title == "好物严选直播间标价不实案"

    def confirm(dialog: QWidget) -> None:
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")

    answer_modal(confirm, StepDialog)
    choose_step(window, "start_verification")
    raise_failures()
    head(app_configured)

    def decline(dialog: QWidget) -> None:
        type_text(qtbot, dialog.findChild(QLineEdit, "reason"), "经核查，标价与实际一致")
        answer_confirmation(qtbot)
        press(qtbot, dialog.findChild(QDialogButtonBox), "确定")

    answer_modal(decline, StepDialog)
    choose_step(window, "decline")
    raise_failures()
    main.refresh()
    assert page.table.item(0, 4).text() == "不予立案"


def test_tab_leaves_a_date_field_without_changing_it(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from lcregulator.gui.clue_register import ClueDialog

    window = case_window(qtbot, app_configured)  # a window installs the behaviour
    dialog = ClueDialog(app_configured, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.received.date()
    dialog.received.setFocus()
    qtbot.keyClick(dialog.received, Qt.Key.Key_Tab)
    focused = dialog.focusWidget()
    assert focused is dialog.summary  # the next field, not the month of the date
    qtbot.keyClicks(focused, "15")
    assert dialog.summary.toPlainText() == "15"
    assert dialog.received.date() == before
    assert window.windowTitle().startswith("某直播间案")


def test_main_window_title_names_the_bureau_once(qtbot: QtBot, app_configured: AppContext) -> None:
    from lcregulator.gui.main_window import MainWindow

    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    assert main.windowTitle() == "杭州市西湖区市场监督管理局"


def test_no_code_words_or_font_files_on_screen(qtbot: QtBot, app_configured: AppContext) -> None:
    from PySide6.QtWidgets import QLabel

    from lcregulator.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_configured)
    qtbot.addWidget(dialog)
    fonts = dialog.findChild(QLabel, "fontReport").text()
    assert fonts and not any(ext in fonts.lower() for ext in (".ttf", ".ttc", ".otf"))
    window = case_window(qtbot, app_configured)
    assert window is not None
    from lcregulator.domain.penalty import PenaltyInput, assess

    result = assess(
        PenaltyInput(
            provision="M60/price-marking",
            party_type="organization",
            act_date=dt.date(2026, 10, 1),
            discovery_date=dt.date(2026, 10, 8),
            decision_date=dt.date(2026, 11, 20),
        )
    )
    assert "verified" not in result.explanation and "verified" not in " ".join(result.warnings)


def test_batch_printing_offers_only_kinds_issued(qtbot: QtBot, app_configured: AppContext) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from lcregulator.gui.main_window import MainWindow
    from tests.documents.test_numbering import ASK, a_case

    ids = [a_case(app_configured) for _ in range(2)]
    documents.issue(app_configured, ids[0], "case_source_registration", ASK, dt.date(2026, 3, 2))
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    main.pages.setCurrentWidget(main.register_page)
    selection = main.table.selectionModel()
    for row in range(main.model.rowCount()):
        selection.select(
            main.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    offered: list[str] = []

    def look(dialog: QWidget) -> None:
        combo = dialog.findChild(QComboBox)
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        dialog.reject()  # type: ignore[attr-defined]

    answer_modal(look, QInputDialog)
    main.actions["case.batch_print"].trigger()
    raise_failures()
    assert offered == ["案件来源登记表（1 件案件）"]


def test_filing_outside_our_jurisdiction_needs_a_recorded_reason(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit

    from lcregulator.gui.workflow_panel import StepDialog
    from tests.gui.test_jurisdiction_panel import build
    from tests.services.test_workflow_service import head

    case, _room = build(app_configured)  # a 滨江区 case; we are 西湖区
    assert case.id is not None
    authority = setup.our_authority(app_configured)
    assert authority is not None
    officers = [o.id for o in setup.list_officers(app_configured, authority.id)][:2]  # type: ignore[arg-type]
    case.officer_ids = officers  # type: ignore[assignment]
    case = cases.update_case(app_configured, case)
    window = CaseWindow(app_configured, authority, case)
    qtbot.addWidget(window)
    head(app_configured)
    seen: dict[str, str] = {}

    def file(dialog: QWidget) -> None:
        reason = dialog.findChild(QLineEdit, "jurisdiction_reason")
        seen["why"] = dialog.findChild(QLabel, "jurisdiction_reason_reason").text()
        ok = dialog.findChild(QDialogButtonBox)
        answer_confirmation(qtbot)
        press(qtbot, ok, "确定")
        seen["refused"] = dialog.error.text()  # type: ignore[attr-defined]
        assert reason.styleSheet()  # marked at the field
        type_text(qtbot, reason, "当事人主要违法行为发生地在本区，经市局指定由本局管辖")
        assert dialog.error.text() == ""  # type: ignore[attr-defined]
        answer_confirmation(qtbot)
        press(qtbot, ok, "确定")

    answer_modal(file, StepDialog)
    choose_step(window, "file")
    raise_failures()
    assert "主播甲" in seen["why"] and "移送" in seen["why"]
    assert "不具有管辖权" in seen["refused"]
    assert window.case.status.value == "filed"
    assert window.case.case_number == "杭西市监立〔2026〕1号"  # pre-filled, next free number
    summaries = [e.summary for e in cases.timeline(app_configured, case.id)]
    assert any("管辖说明：当事人主要违法行为发生地在本区" in s for s in summaries)


def test_start_page_shows_my_next_steps_and_recent_cases(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from lcregulator.gui.main_window import MainWindow
    from tests.services.test_workflow_service import new_case

    mine = new_case(app_configured)  # 张三 (signed in) handles it
    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    page = main.start_page
    assert main.pages.currentWidget() is page
    todo = page.todo
    assert todo.rowCount() == 1
    assert [todo.item(0, c).text() for c in range(1, 6)] == [
        "线索登记",
        "核查线索，决定是否立案",
        "案件来源登记表",
        "核查并决定是否立案",
        "2026年11月23日",
    ]
    assert page.recent.item(0, 0).text() == "某案"
    main.show()
    qtbot.waitExposed(main)
    rect = todo.visualItemRect(todo.item(0, 0))
    qtbot.mouseClick(todo.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(todo.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert int(mine) in main.case_windows


def test_help_menu_has_the_guide(qtbot: QtBot, app_configured: AppContext) -> None:
    from lcregulator.gui.guide import GuideDialog
    from lcregulator.gui.main_window import MainWindow

    authority = setup.our_authority(app_configured)
    assert authority is not None
    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    [help_menu] = [m for m in main.menuBar().actions() if m.text().startswith("帮助")]
    [guide] = [a for a in help_menu.menu().actions() if a.text().startswith("操作指南")]
    guide.trigger()
    [dialog] = main.findChildren(GuideDialog)
    text = dialog.view.toPlainText()
    assert "登记线索" in text and "批准立案" in text and "归档" in text
    # the steps are shown with real screenshots (package data), every one of them found
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument, QTextImageFormat

    from lcregulator.gui.guide import IMAGES

    document = dialog.view.document()
    names = []
    block = document.begin()
    while block.isValid():
        for fragment in (it.fragment() for it in block):  # type: ignore[attr-defined]
            if fragment.charFormat().isImageFormat():
                names.append(QTextImageFormat(fragment.charFormat()).name())
        block = block.next()
    assert sorted(names) == sorted(p.name for p in IMAGES.glob("*.png")) and len(names) >= 6
    for name in names:
        image = dialog.view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name
    dialog.close()
