"""出具文书 from a case: choose the document, answer what the case does not hold, preview the
PDF (QtPdf), issue it (numbered, kept with the case), print it or save PDF/DOCX.

Rendering a batch runs off the UI thread with a cancellable progress dialog; widgets are only
touched on the UI thread.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.documents.template import MissingFields, definition
from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.errors import DomainError
from lcregulator.domain.formatting import chinese_date
from lcregulator.services import documents
from lcregulator.services import parties as party_service
from lcregulator.services.context import AppContext

from . import operations
from .document_printing import print_files
from .screen_fit import fit_to_screen, scrolling


def load_pdf(data: bytes | Path, parent: QObject) -> QPdfDocument:
    """QPdfDocument from bytes or a file (kept alive by its parent)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    pdf = QPdfDocument(parent)
    if isinstance(data, Path):
        pdf.load(str(data))
        return pdf
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf.load(buffer)
    return pdf


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


class IssueDialog(QDialog):
    """Pick a document kind; asks appear for what the case lacks; preview, then issue."""

    #: the preview shows the document as drawn now
    previewed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        case: Case,
        parent: QWidget | None = None,
        corrects: documents.IssuedDocument | None = None,  # type: ignore[name-defined]
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.corrects = corrects  # 更正: the same kind, a new document replacing this one
        self.issued: documents.Issued | None = None
        self.setWindowTitle(
            self.tr("更正文书") + f"：{corrects.title}{corrects.number}"
            if corrects
            else self.tr("出具文书")
        )
        fit_to_screen(self, 1100, 760)
        self.kind = QComboBox()
        self.kind.setObjectName("kindCombo")
        for kind in documents.KINDS if corrects is None else (corrects.kind,):
            self.kind.addItem(documents.kind_label(kind), kind)
        self.party = QComboBox()
        self.party.setObjectName("partyCombo")
        self.party_label = QLabel(self.tr("受送达当事人："))
        found = party_service.get_parties(ctx, [int(cp.party_id) for cp in case.parties])
        for cp in case.parties:
            if int(cp.party_id) in found:
                self.party.addItem(
                    f"{found[int(cp.party_id)].name}（{cp.role.label}）", int(cp.party_id)
                )
        self.form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.message = QLabel()
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.view = QPdfView()
        self.view.setObjectName("pdfPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf: QPdfDocument | None = None
        self._preview_seq = 0
        self.pdf_data: bytes | None = None
        self.preview_op: operations.Operation[bytes] | None = None
        self.issue_op: operations.Operation[Any] | None = None
        self.busy = QProgressBar()  # a thin busy bar while the preview is drawn
        self.busy.setObjectName("previewBusy")
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setRange(0, 1)
        self.busy.hide()  # shown while a preview is being drawn
        preview = QPushButton(self.tr("预览"))
        preview.clicked.connect(lambda _checked=False: self.preview())
        self.print_preview_button = QPushButton(self.tr("打印预览…"))
        self.print_preview_button.setObjectName("printPreviewButton")
        self.print_preview_button.clicked.connect(lambda _checked=False: self.open_print_preview())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = buttons.addButton(
            self.tr("出具（编号并存档）"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.issue)
        buttons.rejected.connect(self.reject)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("文书：")))
        left_layout.addWidget(self.kind)
        left_layout.addWidget(self.party_label)
        left_layout.addWidget(self.party)
        left_layout.addLayout(self.form)
        left_layout.addWidget(preview)
        left_layout.addWidget(self.print_preview_button)
        left_layout.addWidget(self.busy)
        left_layout.addWidget(self.message)
        left_layout.addStretch()
        split = QSplitter()
        split.addWidget(scrolling(left, "issueAsks"))  # many questions scroll, buttons stay
        split.addWidget(self.view)
        split.setSizes([330, 770])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(buttons)
        if corrects is not None:  # the correction goes to the party the original went to
            found_at = self.party.findData(documents.addressee_of(ctx, corrects))
            if found_at >= 0:
                self.party.setCurrentIndex(found_at)
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.party.currentIndexChanged.connect(lambda _: self.preview())
        self._kind_changed()

    def _kind_changed(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs = {}
        kind = self.kind.currentData()
        d = definition(kind)
        # an addressed kind is one party's: the officer says whose (DESIGN §9.1 --party)
        self.party.setVisible(d.addressed)
        self.party_label.setVisible(d.addressed)
        known = documents.case_answers(self.case, kind)  # what the file already holds
        issued = [f"{x.title}（{x.number}）" if x.number else x.title for x in self._issued_docs()]
        for spec in d.specs:
            edit = QLineEdit(known.get(spec.key, ""))
            edit.setObjectName(f"ask_{spec.key}")
            if spec.type == "document" and issued:
                # a 送达回证 names a document the case issued: offer them, newest first
                edit.setCompleter(QCompleter(list(reversed(issued)), edit))
                if not edit.text():
                    edit.setText(issued[-1])
                edit.setToolTip(self.tr("本案已出具：") + "；".join(issued))
            elif spec.type == "choice":
                edit.setPlaceholderText("／".join(spec.choices))
            edit.textChanged.connect(lambda _t: self.message.clear())
            self.inputs[spec.key] = edit
            label = spec.label + ("" if spec.required else self.tr("（选填）"))
            self.form.addRow(label + "：", edit)
        self.preview()

    def _issued_docs(self) -> list[Any]:
        return documents.issued(self.ctx, CaseId(self.case.id)) if self.case.id else []

    def party_id(self) -> int | None:
        if not definition(self.kind.currentData()).addressed:
            return None
        value = self.party.currentData()
        return int(value) if value is not None else None

    def answers(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.inputs.items()}

    def preview(self) -> bool:
        """Check the answers now (a missing one is named at once) and draw the PDF off the UI
        thread (the first one loads the fonts); returns whether the answers are complete.
        ``previewed`` once the drawing shows."""
        if not self._answered():
            return False
        self._preview_seq += 1
        seq = self._preview_seq

        def shown(data: bytes) -> None:
            self.busy.hide()
            if seq == self._preview_seq:  # an older preview arriving late is dropped
                self._show_pdf(data)

        self.busy.show()
        self.preview_op = operations.run(
            self._drawing(),
            shown,
            self._refused,
            parent=self,
            label=self.tr("正在生成预览…"),
            bar=self.busy,
        )
        return True

    def _answered(self) -> bool:
        try:
            documents.check_answers(
                self.ctx, self.case, self.kind.currentData(), self.answers(), self.party_id()
            )
        except (MissingFields, DomainError) as exc:  # "出具文书前请补充：…" names the fields
            self.message.setText(exc.message)
            return False
        self.message.clear()
        return True

    def _drawing(self) -> Callable[[operations.Progress], bytes]:
        """The preview as the worker draws it: the values taken now, on the UI thread."""
        ctx, case, kind = self.ctx, self.case, self.kind.currentData()
        answers, party_id = self.answers(), self.party_id()
        return lambda _progress: documents.preview(ctx, case, kind, answers, party_id)

    def _show_pdf(self, data: bytes) -> None:
        self.pdf_data = data
        self.pdf = load_pdf(data, self)
        self.view.setDocument(self.pdf)
        self.previewed.emit()

    def open_print_preview(self) -> QDialog | None:
        """The draft as it stands, in 打印预览 (zoom, thumbnails, 打印…)."""
        if self.pdf_data is None:
            self.message.setText(self.tr("请先补充文书所需事项，预览生成后再打印预览。"))
            return None
        import tempfile

        from .print_preview import PrintPreviewDialog

        folder = Path(tempfile.mkdtemp(prefix="lcregulator-draft-"))
        path = folder / "草稿.pdf"
        path.write_bytes(self.pdf_data)
        dialog = PrintPreviewDialog(path, self.kind.currentText(), self, draft=True)
        dialog.open()
        return dialog

    def _refused(self, exc: BaseException) -> None:
        self.busy.hide()
        self.issue_button.setEnabled(True)
        if isinstance(exc, MissingFields | DomainError):
            self.message.setText(exc.message)
        else:
            operations.show_failure(exc, self)

    def issue(self) -> None:
        """出具: draw what will be numbered, show it, confirm, then number and store it — the
        drawing and the issuing run off the UI thread (the first one loads the fonts)."""
        assert self.case.id is not None
        # what gets a number is what the officer has just seen: preview first, then confirm
        # (the default answer is 否, so a slip of Enter numbers nothing)
        if not self._answered():
            return
        self.issue_button.setEnabled(False)
        self._preview_seq += 1  # a preview still on its way is superseded by this one
        self.issue_op = operations.run(
            self._drawing(),
            self._confirm_and_issue,
            self._refused,
            parent=self,
            label=self.tr("正在生成文书…"),
        )

    def _confirm_and_issue(self, data: bytes) -> None:
        self._show_pdf(data)
        if not self._confirmed():
            self.issue_button.setEnabled(True)
            return
        ctx, case_id, kind = self.ctx, CaseId(self.case.id), self.kind.currentData()  # type: ignore[arg-type]
        answers, party_id, corrects = self.answers(), self.party_id(), self.corrects

        def work(_progress: operations.Progress) -> documents.Issued:
            if corrects is not None:  # 更正: a new document replacing the one corrected
                return documents.correct(ctx, case_id, corrects.id, answers, party_id=party_id)
            return documents.issue(ctx, case_id, kind, answers, party_id=party_id)

        self.issue_op = operations.run(
            work,
            self._done,
            self._refused,
            parent=self,
            label=self.tr("正在出具文书…"),
        )

    def _done(self, issued: documents.Issued) -> None:
        self.issued = issued
        self.issue_button.setEnabled(True)
        self.accept()

    def _confirmed(self) -> bool:
        d = definition(self.kind.currentData())
        whom = f"（{self.party.currentText()}）" if d.addressed and self.party.count() else ""
        what = (
            self.tr("出具后将占用文号，不能修改，只能作废或者更正。")
            if d.number_code
            else self.tr("出具后将存档，不能修改。")
        )
        if self.corrects is not None:
            what = (
                self.tr("新文书将更正")
                + f"{self.corrects.title}{self.corrects.number}"
                + self.tr("，原文书在登记中标为已更正。")
                + what
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("确认出具"),
            self.tr("确认按预览内容出具《") + d.title + "》" + whom + "？" + what,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmIssue")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("确认出具"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("返回修改"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


def copy_files(pairs: list[tuple[Path, Path]], progress: operations.Progress) -> list[str]:
    """Copy issued documents to a folder (on a worker: large batches take a while); stops
    between two files when the officer cancels."""
    written = []
    for i, (source, target) in enumerate(pairs):
        progress(i, len(pairs))
        shutil.copyfile(source, target)
        written.append(str(target))
    progress(len(pairs), len(pairs))
    return written


class DocumentsTab(QWidget):
    """The case's issued documents, with issue / preview-print / save / batch export."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: Case | None = None
        self.records: list[documents.IssuedDocument] = []  # type: ignore[name-defined]
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("issuedTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("文书"),
                self.tr("文号"),
                self.tr("出具日期"),
                self.tr("送达"),
                self.tr("SHA-256（PDF）"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.issue_button = QPushButton(self.tr("出具文书…"))
        self.issue_button.setObjectName("issueButton")
        self.issue_button.clicked.connect(lambda _checked=False: self.open_issue())
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_selected())
        self.save_button = QPushButton(self.tr("另存为 PDF/DOCX…"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_selected())
        self.serve_button = QPushButton(self.tr("记录送达…"))
        self.serve_button.setObjectName("serveButton")
        # clicked(bool) would arrive as the 送达方式: ask for it instead
        self.serve_button.clicked.connect(lambda _checked=False: self.record_service())
        self.export_button = QPushButton(self.tr("全部导出到文件夹…"))
        self.export_button.clicked.connect(lambda _checked=False: self.export_all())
        self.void_button = QPushButton(self.tr("作废…"))
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(lambda: self.void_selected())
        self.correct_button = QPushButton(self.tr("更正…"))
        self.correct_button.setObjectName("correctButton")
        self.correct_button.clicked.connect(lambda _checked=False: self.correct_selected())
        buttons = QHBoxLayout()
        for b in (
            self.issue_button,
            self.print_button,
            self.save_button,
            self.serve_button,
            self.export_button,
            self.void_button,
            self.correct_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.records = documents.issued(self.ctx, CaseId(case.id)) if case.id else []
        self.table.setRowCount(len(self.records))
        later = documents.corrected_by(self.records)
        for row, d in enumerate(self.records):
            served = chinese_date(d.served_on) if d.served_on else ""
            title = d.title + (self.tr("（已作废）") if d.voided else "")
            if d.id in later:  # the link to the document that corrects it
                title += self.tr("（已更正，见") + (later[d.id].number or later[d.id].title) + "）"
            elif d.replaces_id is not None:
                old = next((x for x in self.records if x.id == d.replaces_id), None)
                if old is not None:
                    title += self.tr("（更正") + (old.number or old.title) + "）"
            for col, value in enumerate(
                [title, d.number or "—", chinese_date(d.issued_on), served, d.pdf_sha256]
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        enabled = case.id is not None and not case.read_only
        self.issue_button.setEnabled(enabled)
        for b in (self.print_button, self.save_button, self.serve_button, self.export_button):
            b.setEnabled(bool(self.records))
        self.void_button.setEnabled(bool(self.records) and not case.read_only)
        self.correct_button.setEnabled(bool(self.records) and not case.read_only)

    def open_issue(self) -> IssueDialog | None:
        if self.case is None or self.case.id is None:
            return None
        dialog = IssueDialog(self.ctx, self.case, self)
        dialog.accepted.connect(self._issued)
        dialog.open()
        return dialog

    def correct_selected(self) -> IssueDialog | None:
        """更正 the selected document: the issue dialog for its kind, answered afresh; the new
        document takes a new number and names the one it corrects."""
        record = self.selected()
        if record is None or self.case is None or self.case.id is None:
            self.status.setText(self.tr("请先在上表中选择要更正的文书。"))
            return None
        later = documents.corrected_by(self.records).get(record.id)
        if later is not None:
            self.status.setText(
                self.tr("该文书已由")
                + f"{later.title}{later.number}"
                + self.tr("更正，请更正后者。")
            )
            return None
        dialog = IssueDialog(self.ctx, self.case, self, corrects=record)
        dialog.setObjectName("correctDialog")
        dialog.accepted.connect(self._corrected)
        dialog.open()
        return dialog

    def _corrected(self) -> None:
        self.status.setText(self.tr("已出具更正文书，原文书标为已更正。"))
        self._issued()

    def _issued(self) -> None:
        if self.case is not None:
            self.show_case(self.case)
            self.changed.emit()

    def selected(self) -> documents.IssuedDocument | None:  # type: ignore[name-defined]
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def record_service(self, method: str | None = None) -> None:
        record = self.selected()
        if record is None or self.case is None or self.case.id is None:
            self.status.setText(self.tr("请先在上表中选择要记录送达的文书。"))
            return
        if method is None:
            method, ok = QInputDialog.getItem(
                self,
                self.tr("记录送达"),
                self.tr("送达方式："),
                list(documents.SERVICE_METHODS),
                0,
                False,
            )
            if not ok:
                return
        try:
            documents.record_service(
                self.ctx, CaseId(self.case.id), record.id, self.ctx.today(), method
            )
        except DomainError as exc:
            self.status.setText(exc.message)
            return
        self.status.clear()
        self.show_case(self.case)
        self.changed.emit()

    def void_selected(self, reason: str | None = None) -> None:
        """作废 the selected document, asking for the reason (its number is never reused)."""
        record = self.selected()
        if record is None or self.case is None or self.case.id is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("作废文书"),
                self.tr("作废") + f"{record.title}{record.number}" + self.tr("的理由："),
            )
            if not ok:
                return
        try:
            documents.void(self.ctx, CaseId(self.case.id), record.id, reason)
        except DomainError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(self.tr("已作废，文号保留不再使用。"))
        self.show_case(self.case)
        self.changed.emit()

    def print_selected(self) -> None:
        """打印…: the preview with zoom and thumbnails, printing from there."""
        self.preview_selected()

    def preview_selected(self) -> QDialog | None:
        record = self.selected()
        if record is None:
            self.status.setText(self.tr("请先在上表中选择要打印的文书。"))
            return None
        from .print_preview import PrintPreviewDialog

        path = documents.store_path(self.ctx, record.pdf_sha256, ".pdf")
        if record.voided:  # the overlay is made now; the stored file stays as issued
            import tempfile

            folder = Path(tempfile.mkdtemp(prefix="lcregulator-void-"))
            path = folder / "作废.pdf"
            path.write_bytes(documents.printable_pdf(self.ctx, record))
        dialog = PrintPreviewDialog(path, f"{record.title}{record.number}", self)
        dialog.open()
        return dialog

    def save_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        name = f"{record.title}{record.number}".replace("/", "_")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), name + ".pdf", self.tr("PDF (*.pdf);;Word (*.docx)")
        )
        if not path:
            return
        suffix = ".docx" if path.lower().endswith(".docx") else ".pdf"
        sha = record.docx_sha256 if suffix == ".docx" else record.pdf_sha256
        shutil.copyfile(documents.store_path(self.ctx, sha, suffix), path)

    def export_all(self, folder: str | None = None) -> operations.Operation[list[str]] | None:
        if not self.records:
            return None
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("选择导出文件夹"))
        if not folder:
            return None
        pairs = []
        for i, d in enumerate(self.records, start=1):
            for sha, suffix in ((d.pdf_sha256, ".pdf"), (d.docx_sha256, ".docx")):
                target = Path(folder) / f"{i:02d}-{d.title}{d.number}{suffix}"
                pairs.append((documents.store_path(self.ctx, sha, suffix), target))
        self.export_op = operations.run(
            lambda progress: copy_files(pairs, progress),
            self._exported,
            parent=self,
            label=self.tr("正在导出文书…"),
            cancellable=True,
            on_cancel=lambda: self.status.setText(self.tr("已取消导出。")),
        )
        return self.export_op

    def _exported(self, written: list[str]) -> None:
        self.status.setText(self.tr("已导出 %1 个文件。").replace("%1", str(len(written))))


def batch_print(
    ctx: AppContext,
    records: list[documents.IssuedDocument],  # type: ignore[name-defined]
    printer: QPrinter,
    parent: QWidget,
    on_printed: Callable[[int], None],
) -> operations.Operation[int]:
    """Print several documents in one job off the UI thread; ``on_printed`` gets the pages.

    The issued PDFs go to the printer as they are (vector, one job); the progress dialog shows
    while the job is handed over."""
    paths = [documents.store_path(ctx, r.pdf_sha256, ".pdf") for r in records]
    return operations.run(
        lambda _progress: print_files(paths, printer),
        on_printed,
        parent=parent,
        label=parent.tr("正在打印文书…"),
    )
