"""线索登记: every clue the bureau receives, before anyone decides whether to file.

A clue is registered with its source (投诉、举报、平台报告、移送、网络监测…); 核查 opens its
case file, which then goes 立案 or 不予立案 through 办案操作 (程序规定 Arts 18–20). The register
shows where each clue went, so a clue that never becomes a case still has its home.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.cases import Clue, ClueId, ClueSource
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.formatting import chinese_date
from lcregulator.services import cases
from lcregulator.services.context import AppContext

from .date_fields import from_qdate, to_qdate
from .field_errors import FieldErrors


class ClueDialog(QDialog):
    """Register one clue: where it came from, when, what it says, who reported it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Clue | None = None
        self.setWindowTitle(self.tr("登记线索"))
        self.source = QComboBox()
        self.source.setObjectName("clueSource")
        for source in ClueSource:
            self.source.addItem(source.label, source.value)
        self.received = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.received.setObjectName("clueReceived")
        self.received.setDisplayFormat("yyyy年M月d日")
        self.received.setMaximumDate(to_qdate(ctx.today()))
        self.received.setDate(to_qdate(ctx.today()))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("clueSummary")
        self.summary.setPlaceholderText(self.tr("线索反映的问题：直播间、商品、行为、时间"))
        self.reporter = QLineEdit(placeholderText=self.tr("投诉举报人或移送机关；匿名的留空"))
        self.reporter.setObjectName("clueReporter")
        self.contact = QLineEdit(placeholderText=self.tr("电话或地址"))
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("线索来源："), self.source)
        form.addRow(self.tr("接收日期："), self.received)
        form.addRow(self.tr("线索内容："), self.summary)
        form.addRow(self.tr("提供人："), self.reporter)
        form.addRow(self.tr("联系方式："), self.contact)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.errors = FieldErrors(self.error)
        self.errors.bind("clue.summary", self.summary)
        self.errors.bind("clue.received_on", self.received)

    def save(self) -> None:
        clue = Clue(
            source=ClueSource(self.source.currentData()),
            received_on=from_qdate(self.received.date()),
            summary=self.summary.toPlainText().strip(),
            reporter=self.reporter.text().strip(),
            reporter_contact=self.contact.text().strip(),
        )
        try:
            self.saved = cases.register_clue(self.ctx, clue)
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        except DomainError as exc:
            self.errors.show(exc.message)
            return
        self.accept()


class ClueRegisterPage(QWidget):
    """The register of clues with 登记线索, 核查 (opens the case file) and 打开案件."""

    open_case = Signal(int)

    HEADERS = ("接收日期", "来源", "线索内容", "提供人", "状态", "案件编号")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[cases.ClueEntry] = []
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("clueTable")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.register_button = QPushButton(self.tr("登记线索…"))
        self.register_button.setObjectName("registerClueButton")
        self.register_button.clicked.connect(lambda _c=False: self.register())
        self.verify_button = QPushButton(self.tr("核查（建立案卷）…"))
        self.verify_button.setObjectName("verifyClueButton")
        self.verify_button.setToolTip(
            self.tr("为线索建立案卷并开始核查；核查后在案件的“办案操作”中立案或者不予立案。")
        )
        self.verify_button.clicked.connect(lambda _c=False: self.verify())
        self.open_button = QPushButton(self.tr("打开案件"))
        self.open_button.setObjectName("openClueCaseButton")
        self.open_button.clicked.connect(lambda _c=False: self.open_selected())
        self.message = QLabel()
        self.message.setObjectName("clueMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.register_button, self.verify_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch()
        note = QLabel(
            self.tr(
                "线索应当自发现或者收到之日起十五个工作日内核查，决定是否立案"
                "（《市场监督管理行政处罚程序规定》第十八条）。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.entries = cases.clue_register(self.ctx)
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            values = (
                chinese_date(e.clue.received_on),
                e.clue.source.label,
                e.clue.summary.replace("\n", " "),
                e.clue.reporter or "—",
                e.state,
                e.case_number or ("—" if e.clue.case_id is None else self.tr("未立案")),
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setToolTip(e.clue.summary)
                self.table.setItem(row, col, item)
        self._update_buttons()

    def selected(self) -> cases.ClueEntry | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.entries) or not self.table.selectedItems():
            return None
        return self.entries[row]

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.verify_button.setEnabled(entry is not None and entry.clue.case_id is None)
        self.open_button.setEnabled(entry is not None and entry.clue.case_id is not None)

    def register(self) -> Clue | None:
        dialog = ClueDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        self.refresh()
        self.message.setText(self.tr("线索已登记。选中后点击“核查（建立案卷）”开始核查。"))
        for row, e in enumerate(self.entries):
            if e.clue.id == dialog.saved.id:
                self.table.selectRow(row)
        return dialog.saved

    def verify(self) -> int | None:
        entry = self.selected()
        if entry is None or entry.clue.id is None:
            return None
        first_line = entry.clue.summary.splitlines()[0] if entry.clue.summary else ""
        title, ok = QInputDialog.getText(
            self,
            self.tr("核查线索"),
            self.tr("案件名称（可在案件中修改）："),
            text=first_line[:30],
        )
        if not ok:
            return None
        officer = self.ctx.officer
        officers = [officer.id] if officer is not None and officer.id is not None else []
        try:
            case = cases.open_clue_case(self.ctx, ClueId(entry.clue.id), title, officers)
        except DomainError as exc:
            self.message.setText(exc.message)
            return None
        self.refresh()
        assert case.id is not None
        self.message.setText(
            self.tr("已建立案卷。在案件的“办案操作”中开始核查，再立案或者不予立案。")
        )
        self.open_case.emit(int(case.id))
        return int(case.id)

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.clue.case_id is not None:
            self.open_case.emit(int(entry.clue.case_id))
