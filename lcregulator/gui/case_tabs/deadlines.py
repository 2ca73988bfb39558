"""期限: the case's legal deadlines, what is left of each and its legal basis."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lcregulator.domain.cases import Case, CaseStatus
from lcregulator.services.context import AppContext

from ..workflow_panel import deadline_rows
from .common import CaseTab, fill_row, table


class DeadlinesTab(CaseTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deadline_table = table(
            [self.tr("期限"), self.tr("到期日"), self.tr("剩余"), self.tr("依据"), self.tr("状态")]
        )
        self.deadline_table.setObjectName("deadlineTable")
        self.deadline_note = QLabel()
        self.deadline_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.deadline_table)
        layout.addWidget(self.deadline_note)

    def load(self, case: Case) -> None:
        rows = deadline_rows(self.ctx, case) if case.id else []
        target = self.deadline_table
        target.setRowCount(len(rows))
        for row, values in enumerate(rows):
            fill_row(target, row, list(values))
            if values[4] == "已逾期":
                target.item(row, 4).setForeground(Qt.GlobalColor.red)  # type: ignore[union-attr]
        note = ""
        if case.status is CaseStatus.SUSPENDED:
            note = self.tr("案件中止，办案期限停止计算；恢复后继续计算（程序规定第六十四条）。")
        self.deadline_note.setText(note)
