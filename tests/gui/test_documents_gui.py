"""出具文书 from the case window: asks, preview, issue with a number, print, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.document_printing import print_files
from lcregulator.gui.documents_tab import IssueDialog, a4_printer
from lcregulator.services import cases, documents, setup
from lcregulator.services.context import AppContext
from tests.gui.typing import type_text


def answer_confirmation(*, confirm: bool) -> list[QWidget]:
    """Answer the 确认出具 box the issue button opens once the document is drawn (its default
    button is 返回修改); returns a list holding the box once answered."""
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.modal import when_modal

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "confirmIssue"
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        wanted = QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.No
        box.button(wanted).click()

    return when_modal(answer, QMessageBox)


def _button(parent: QWidget, text: str) -> QPushButton:
    return next(b for b in parent.findChildren(QPushButton) if b.text() == text)


def window_for_a_case(qtbot: QtBot, ctx: AppContext) -> CaseWindow:
    from tests.documents.test_numbering import a_case

    case_id = a_case(ctx)
    authority = setup.our_authority(ctx)
    assert authority is not None
    window = CaseWindow(ctx, authority, cases.get_case(ctx, case_id))
    qtbot.addWidget(window)
    return window


def test_issue_preview_print_and_export(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    window = window_for_a_case(qtbot, app_configured)
    tab = window.documents_tab
    dialog = tab.open_issue()
    assert isinstance(dialog, IssueDialog)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("inquiry_notice"))
    assert "出具文书前请补充：询问时间、询问地点、需携带的材料" in dialog.message.text()
    type_text(qtbot, dialog.inputs["time"], "2026年3月12日9时")
    type_text(qtbot, dialog.inputs["place"], "本局301室")
    type_text(qtbot, dialog.inputs["materials"], "营业执照副本")
    with qtbot.waitSignal(dialog.previewed, timeout=20000):  # drawn off the UI thread
        qtbot.mouseClick(_button(dialog, "预览"), Qt.MouseButton.LeftButton)
    assert dialog.pdf is not None and dialog.pdf.pageCount() == 1
    # 打印预览… shows the draft as it stands (its 文号 is taken only when it is issued)
    from lcregulator.gui.print_preview import PrintPreviewDialog

    qtbot.mouseClick(dialog.print_preview_button, Qt.MouseButton.LeftButton)
    [draft] = dialog.findChildren(PrintPreviewDialog)
    assert draft.windowTitle() == "打印预览（草稿，尚未出具）：询问通知书"
    assert draft.pdf.pageCount() == 1
    draft.reject()
    # the first press is answered 返回修改: nothing is numbered
    seen = answer_confirmation(confirm=False)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and dialog.issue_button.isEnabled(), timeout=20000)
    assert documents.issued(app_configured, window.case.id) == []  # type: ignore[arg-type]
    answer_confirmation(confirm=True)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == "询问通知书"
    assert tab.table.item(0, 1).text() == "杭西市监询〔2026〕1号"
    assert any(
        e.action == "document.issued" for e in cases.timeline(app_configured, window.case.id)
    )  # type: ignore[arg-type]

    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    record = documents.issued(app_configured, window.case.id)[0]  # type: ignore[arg-type]
    issued_pdf = documents.store_path(app_configured, record.pdf_sha256, ".pdf")
    assert print_files([issued_pdf], printer, tab) == 1
    # the printer got the issued vector PDF itself, not pictures of its pages
    assert printed.read_bytes() == issued_pdf.read_bytes()
    import pdfplumber

    with pdfplumber.open(printed) as pdf:
        assert "询问通知书" in (pdf.pages[0].extract_text() or "")
        assert not pdf.pages[0].images

    out = tmp_path / "export"
    out.mkdir()
    tab.table.setCurrentCell(0, 0)
    job = tab.export_all(str(out))
    assert job is not None
    qtbot.waitUntil(lambda: tab.status.text() == "已导出 2 个文件。", timeout=5000)
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]


def test_service_is_recorded_and_batch_printing_prints_each_case(
    qtbot: QtBot, app_configured: AppContext, tmp_path: Path
) -> None:
    import datetime as dt

    from PySide6.QtCore import QItemSelectionModel

    from lcregulator.gui.main_window import MainWindow
    from tests.documents.test_numbering import ASK, a_case

    ids = [a_case(app_configured) for _ in range(2)]
    for case_id in ids:
        documents.issue(
            app_configured, case_id, "case_source_registration", ASK, dt.date(2026, 3, 2)
        )
    authority = setup.our_authority(app_configured)
    assert authority is not None
    window = CaseWindow(app_configured, authority, cases.get_case(app_configured, ids[0]))
    qtbot.addWidget(window)
    tab = window.documents_tab
    tab.table.setCurrentCell(0, 0)
    tab.record_service("直接送达")
    assert tab.table.item(0, 3).text() == "2026年11月20日"
    assert any(e.action == "document.served" for e in cases.timeline(app_configured, ids[0]))

    main = MainWindow(app_configured, authority)
    qtbot.addWidget(main)
    main.pages.setCurrentWidget(main.register_page)
    selection = main.table.selectionModel()
    for row in range(main.model.rowCount()):
        selection.select(
            main.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert sorted(main.selected_case_ids()) == sorted(int(i) for i in ids)
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "batch.pdf"
    printer.setOutputFileName(str(out))
    assert main.batch_print("case_source_registration", printer) == 2
    # printed off the UI thread: the page count arrives in the status bar
    qtbot.waitUntil(lambda: "已打印 2 份文书，共 2 页" in main.statusBar().currentMessage())
    from pypdf import PdfReader

    assert len(PdfReader(str(out)).pages) == 2
    assert all(
        not page.images and "案件来源登记表" in page.extract_text()
        for page in PdfReader(str(out)).pages
    )


def test_settings_show_the_title_font_beside_the_fangsong_substitute(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    from PySide6.QtWidgets import QLabel

    from lcregulator.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_configured)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "fontReport")
    assert label is not None
    lines = label.text().splitlines()
    assert lines[0].startswith("仿宋：") and lines[1].startswith("标题（小标宋）：")
    assert "黑体" not in lines[1].partition("：")[2]  # the title is never set in 黑体
    assert any(line.startswith("生僻字") for line in lines)


def test_settings_save_what_a_decision_must_name(qtbot: QtBot, app_configured: AppContext) -> None:
    from lcregulator.gui.settings_dialog import SettingsDialog
    from lcregulator.services import bureau

    app_configured.officer = setup.list_officers(
        app_configured,
        setup.our_authority(app_configured).id,  # type: ignore[union-attr, arg-type]
    )[0]
    dialog = SettingsDialog(app_configured)
    qtbot.addWidget(dialog)
    edits = dialog.document_edits
    assert edits["review_body"].placeholderText().endswith("人民政府")
    type_text(qtbot, edits["court"], "杭州市西湖区人民法院")
    type_text(qtbot, edits["payee"], "杭州市西湖区财政局")
    type_text(qtbot, edits["bank"], "工商银行西湖支行")
    type_text(qtbot, edits["account"], "1202000000000000000")
    from PySide6.QtWidgets import QPushButton

    button = dialog.findChild(QPushButton, "saveDocumentSettings")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    saved = bureau.effective(app_configured, setup.our_authority(app_configured))
    assert saved.court == "杭州市西湖区人民法院" and saved.account == "1202000000000000000"
    assert saved.missing_for_decision() == []


def test_a_cups_printer_gets_the_issued_pdfs_themselves_in_one_lp_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat

    from lcregulator.gui.document_printing import send_to_cups

    files = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for f in files:
        f.write_bytes(b"%PDF-1.4")
    log = tmp_path / "lp.log"
    lp = tmp_path / "bin" / "lp"
    lp.parent.mkdir()
    lp.write_text(f'#!/bin/sh\necho "$@" > {log}\n')
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{lp.parent}:/usr/bin:/bin")
    send_to_cups(files, "Office", copies=2, two_sided=True)
    args = log.read_text().split()
    assert args[:4] == ["-d", "Office", "-n", "2"]
    assert "sides=two-sided-long-edge" in args and "print-scaling=none" in args
    assert args[-2:] == [str(files[0]), str(files[1])]


def test_an_addressed_document_is_issued_for_the_party_chosen(
    qtbot: QtBot, app_ctx: AppContext, tmp_path: Path
) -> None:
    from lcregulator.domain.cases import CaseId
    from tests.documents.test_documents import docx_text, squash
    from tests.documents.test_paper import MARKETER, ROOM, populate

    made = populate(app_ctx, tmp_path)
    authority = setup.our_authority(app_ctx)
    assert authority is not None
    window = CaseWindow(app_ctx, authority, cases.get_case(app_ctx, made.case_id))
    qtbot.addWidget(window)
    dialog = window.documents_tab.open_issue()
    assert isinstance(dialog, IssueDialog)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("penalty_notice"))
    assert dialog.party.isVisibleTo(dialog)
    assert [dialog.party.itemText(i) for i in range(dialog.party.count())] == [
        f"{ROOM}（直播间运营者）",
        f"{MARKETER}（直播营销人员）",
    ]
    dialog.party.setCurrentIndex(1)
    answer_confirmation(confirm=True)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    record = documents.issued(app_ctx, CaseId(made.case_id))[-1]
    text = squash(
        docx_text(documents.store_path(app_ctx, record.docx_sha256, ".docx").read_bytes())
    )
    assert f"{MARKETER}：" in text and ROOM not in text
    dialog.kind.setCurrentIndex(dialog.kind.findData("case_review_form"))
    assert not dialog.party.isVisibleTo(dialog)  # a form is the case's, not a party's


def test_print_preview_zooms_and_its_thumbnails_turn_the_pages(
    qtbot: QtBot, app_ctx: AppContext, tmp_path: Path
) -> None:
    """打印预览 from the documents tab: fit width/page, +/−, a click on the second page's
    thumbnail shows that page, and 打印… sends the stored PDF to the printer."""
    import datetime as dt

    from PySide6.QtPdfWidgets import QPdfView

    from lcregulator.domain.cases import CaseId
    from lcregulator.gui.print_preview import PrintPreviewDialog
    from tests.documents.test_paper import ANSWERS, populate

    made = populate(app_ctx, tmp_path)
    case_id = CaseId(made.case_id)
    record = documents.issue(
        app_ctx, case_id, "penalty_decision", ANSWERS, dt.date(2026, 5, 20), party_id=made.room
    ).record
    authority = setup.our_authority(app_ctx)
    assert authority is not None
    window = CaseWindow(app_ctx, authority, cases.get_case(app_ctx, case_id))
    qtbot.addWidget(window)
    window.show()
    tab = window.documents_tab
    window.tabs.setCurrentWidget(tab)
    row = next(r for r, d in enumerate(tab.records) if d.id == record.id)
    tab.table.setCurrentCell(row, 0)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    [preview] = tab.findChildren(PrintPreviewDialog)
    qtbot.waitExposed(preview)
    assert preview.pdf.pageCount() >= 2 and preview.thumbnails.count() == preview.pdf.pageCount()
    assert preview.zoom_label.text() == "适合宽度"
    qtbot.mouseClick(preview.fit_page, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert preview.zoom_label.text() == "适合页面"
    shown = preview.effective_zoom()
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert abs(preview.view.zoomFactor() - shown * 1.25) < 0.01
    assert preview.zoom_label.text() == f"{round(shown * 125)}%"
    qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.zoom_out, Qt.MouseButton.LeftButton)
    assert abs(preview.view.zoomFactor() - shown / 1.25) < 0.01
    qtbot.mouseClick(preview.fit_width, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    assert preview.current_page() == 0 and preview.page_label.text().startswith("第 1 页")
    second = preview.thumbnails.visualItemRect(preview.thumbnails.item(1)).center()
    qtbot.mouseClick(preview.thumbnails.viewport(), Qt.MouseButton.LeftButton, pos=second)
    qtbot.waitUntil(lambda: preview.current_page() == 1, timeout=5000)
    assert preview.page_label.text().startswith("第 2 页")

    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(preview.printed, timeout=20000):
        preview.ask_print(printer)  # the print dialog itself is the platform's
    stored = documents.store_path(app_ctx, record.pdf_sha256, ".pdf")
    assert out.read_bytes() == stored.read_bytes()
    assert preview.status.text().startswith("已送打印机")


def test_a_document_is_corrected_and_another_voided_from_the_documents_tab(
    qtbot: QtBot, app_ctx: AppContext, tmp_path: Path
) -> None:
    """更正… opens the issue dialog for the selected document's kind; the correction takes a
    new number, says which it corrects, and the register marks the old one 已更正 with a link.
    作废… asks for the reason and marks the row 已作废."""
    from PySide6.QtWidgets import QInputDialog

    from lcregulator.domain.cases import CaseId
    from tests.documents.test_documents import docx_text, squash
    from tests.documents.test_paper import ANSWERS, MARKETER, ROOM, populate
    from tests.gui.modal import when_modal

    made = populate(app_ctx, tmp_path)
    first = documents.issue(
        app_ctx, made.case_id, "penalty_notice", ANSWERS, party_id=made.marketer
    )
    authority = setup.our_authority(app_ctx)
    assert authority is not None
    window = CaseWindow(app_ctx, authority, cases.get_case(app_ctx, made.case_id))
    qtbot.addWidget(window)
    tab = window.documents_tab
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(IssueDialog, "correctDialog")
    assert isinstance(dialog, IssueDialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["penalty_notice"]
    # the correction goes to the party the original went to (not the first on the case)
    assert dialog.party.currentText().startswith(MARKETER)
    answer_confirmation(confirm=True)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    records = documents.issued(app_ctx, CaseId(made.case_id))
    assert len(records) == 2 and records[1].replaces_id == first.record.id
    assert records[1].number == "杭西市监罚告〔2026〕2号"
    assert tab.table.item(0, 0).text() == "行政处罚告知书（已更正，见杭西市监罚告〔2026〕2号）"
    assert tab.table.item(1, 0).text() == "行政处罚告知书（更正杭西市监罚告〔2026〕1号）"
    text = squash(
        docx_text(documents.store_path(app_ctx, records[1].docx_sha256, ".docx").read_bytes())
    )
    assert "行政处罚告知书（杭西市监罚告〔2026〕1号）的更正" in text
    assert MARKETER in text and ROOM not in text
    # a corrected document is not corrected twice: the later one is
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert "请更正后者" in tab.status.text()

    def give_reason(box: object) -> None:
        assert isinstance(box, QInputDialog)
        box.setTextValue("送达对象有误")
        box.accept()

    tab.table.selectRow(1)
    when_modal(give_reason, QInputDialog)
    qtbot.mouseClick(tab.void_button, Qt.MouseButton.LeftButton)
    assert tab.table.item(1, 0).text().startswith("行政处罚告知书（已作废）")
    assert documents.issued(app_ctx, CaseId(made.case_id))[1].void_reason == "送达对象有误"
