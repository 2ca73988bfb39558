"""一案三查 on a case, and the missing Art 9 reports on the 期限预警 page.

SAMR asks that a case against a room operator or marketer also look at the platform (its own
duties, Arts 8–22) and the marketer's agency (Arts 39–45). The panel lists them as the Art 9
reports and the parties' accounts name them, asks for a conclusion, and turns a suspicion into a
linked clue in one step; the answers are recorded on the case (the 结案审批表 prints them).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.cases import Case
from lcregulator.domain.errors import DomainError
from lcregulator.domain.formatting import chinese_date
from lcregulator.domain.platform_reports import period_label
from lcregulator.services import platform_reports as reports
from lcregulator.services.context import AppContext


class TripleCheckPanel(QWidget):
    clue_created = Signal(int)  # the new clue's case id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: Case | None = None
        self.prompts: list[reports.TripleCheckPrompt] = []
        self.intro = QLabel(
            self.tr(
                "一案三查：查处直播间运营者、直播营销人员时，一并核查直播电商平台经营者"
                "（办法第八条至第二十二条）和直播营销人员服务机构（第三十九条至第四十五条）"
                "是否履行了各自的义务。下列对象来自平台报送的身份信息和当事人的直播账号。"
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("tripleCheckTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("核查对象"),
                self.tr("关联当事人"),
                self.tr("应核查的义务"),
                self.tr("结论"),
                self.tr("说明"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.answer = QComboBox()
        self.answer.setObjectName("tripleCheckAnswer")
        for key, label in reports.TRIPLE_CHECK_ANSWERS.items():
            if key != "checked_issue":
                self.answer.addItem(label, key)
        self.note = QLineEdit()
        self.note.setObjectName("tripleCheckNote")
        self.note.setPlaceholderText(self.tr("核查情况或者未核查的理由"))
        save = QPushButton(self.tr("记录结论"))
        save.setObjectName("saveTripleCheck")
        save.clicked.connect(self.save_answer)
        clue = QPushButton(self.tr("生成关联线索"))
        clue.setObjectName("tripleCheckClue")
        clue.clicked.connect(self.make_clue)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("结论")))
        row.addWidget(self.answer)
        row.addWidget(self.note, 1)
        row.addWidget(save)
        row.addWidget(clue)
        self.empty = QLabel(
            self.tr(
                "本案当事人中没有直播间运营者或直播营销人员，或者报送信息中没有找到其平台和服务机构。"
            )
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        if self.case is None or self.case.id is None:
            self.prompts = []
        else:
            self.prompts = reports.triple_check(self.ctx, int(self.case.id))
        self.table.setRowCount(len(self.prompts))
        for r, p in enumerate(self.prompts):
            kind = self.tr("平台") if p.kind == "platform" else self.tr("服务机构")
            answer = reports.TRIPLE_CHECK_ANSWERS.get(p.answer or "", self.tr("（待核查）"))
            values = [
                f"{p.name}（{kind}）",
                "、".join(p.found_for),
                p.basis.split("：")[1],
                answer,
                p.note,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.empty.setVisible(not self.prompts)

    def _selected(self) -> reports.TripleCheckPrompt | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.prompts):
            QMessageBox.information(self, self.tr("一案三查"), self.tr("请先选择核查对象。"))
            return None
        return self.prompts[row]

    def save_answer(self) -> None:
        prompt = self._selected()
        if prompt is None or self.case is None:
            return
        try:
            reports.record_triple_check(
                self.ctx,
                int(self.case.id),  # type: ignore[arg-type]
                prompt.kind,
                prompt.name,
                self.answer.currentData(),
                self.note.text(),
            )
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("一案三查"), exc.message)
            return
        self.note.clear()
        self.refresh()

    def make_clue(self) -> None:
        prompt = self._selected()
        if prompt is None or self.case is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("生成关联线索"),
            self.tr("对“%1”生成一条关联线索（%2）？")
            .replace("%1", prompt.name)
            .replace("%2", prompt.basis),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            clue = reports.triple_check_clue(
                self.ctx,
                int(self.case.id),
                prompt.kind,
                prompt.name,  # type: ignore[arg-type]
            )
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("一案三查"), exc.message)
            return
        self.refresh()
        self.clue_created.emit(int(clue.id))  # type: ignore[arg-type]


class MissingReportsBox(QGroupBox):
    """Listed platforms that have not reported by the end of January / July (Art 9)."""

    clue_created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("missingReports")
        self.setTitle(self.tr("平台未按期报送身份信息"))
        self.items: list[reports.MissingReport] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("missingReportsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("平台"), self.tr("报送期次"), self.tr("截止日"), self.tr("依据")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(130)
        button = QPushButton(self.tr("生成线索"))
        button.setObjectName("missingReportClue")
        button.clicked.connect(self.make_clue)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(button)
        self.refresh()

    def refresh(self) -> None:
        self.items = reports.missing_reports(self.ctx)
        self.table.setRowCount(len(self.items))
        for r, m in enumerate(self.items):
            for c, value in enumerate(
                [m.platform, period_label(m.period), chinese_date(m.due), m.basis]
            ):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.setVisible(bool(self.items))

    def make_clue(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.items):
            QMessageBox.information(self, self.title(), self.tr("请先选择平台。"))
            return
        item = self.items[row]
        try:
            case = reports.clue_for_missing_report(self.ctx, item.platform_id, item.period)
        except DomainError as exc:
            QMessageBox.warning(self, self.title(), exc.message)
            return
        QMessageBox.information(
            self, self.title(), self.tr("已登记线索：%1").replace("%1", case.title)
        )
        self.clue_created.emit(int(case.id))  # type: ignore[arg-type]
