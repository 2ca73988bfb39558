"""首页: what the signed-in officer does next (我的待办) and the cases she worked on last.

我的待办 lists her open cases, the nearest deadline first, each with its next legal step and the
document it needs (from the workflow's ``NEXT_STEP``); a double click opens the case.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.formatting import chinese_date
from lcregulator.domain.workflow import NEXT_STEP
from lcregulator.services import cases
from lcregulator.services.context import AppContext

from .case_table import deadline_labels


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class StartPage(QWidget):
    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.todo_ids: list[int] = []
        self.recent_ids: list[int] = []
        self.greeting = QLabel()
        self.todo = _table(
            "todoTable",
            [
                self.tr("案件"),
                self.tr("阶段"),
                self.tr("下一步"),
                self.tr("所需文书"),
                self.tr("期限"),
                self.tr("到期日"),
            ],
        )
        self.recent = _table(
            "recentTable", [self.tr("案件"), self.tr("编号"), self.tr("当事人"), self.tr("阶段")]
        )
        self.todo.cellDoubleClicked.connect(lambda row, _c: self._open(self.todo_ids, row))
        self.recent.cellDoubleClicked.connect(lambda row, _c: self._open(self.recent_ids, row))
        todo_box = QGroupBox(self.tr("我的待办（承办的未结案件，期限近的在前）"))
        QVBoxLayout(todo_box).addWidget(self.todo)
        recent_box = QGroupBox(self.tr("最近办理的案件"))
        QVBoxLayout(recent_box).addWidget(self.recent)
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(todo_box, 3)
        layout.addWidget(recent_box, 2)
        self.refresh()

    def refresh(self) -> None:
        """The signed-in officer's greeting, cases to do and recent cases (read again)."""
        officer = self.ctx.officer
        self.greeting.setText(
            self.tr("%1，您好。双击一行打开案件。").replace("%1", officer.name)
            if officer
            else self.tr("未选择执法人员。")
        )
        mine = cases.my_open_cases(self.ctx)
        self.todo_ids = [int(s.id) for s in mine]
        self.todo.setRowCount(len(mine))
        today = self.ctx.today()
        for row, s in enumerate(mine):
            step, document = NEXT_STEP[s.status]
            due = chinese_date(s.next_deadline_on) if s.next_deadline_on else "—"
            values = [
                f"{s.title}（{s.case_number}）" if s.case_number else s.title,
                s.status.label,
                step,
                document,
                deadline_labels().get(s.next_deadline_id, "—") if s.next_deadline_id else "—",
                due,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 5 and s.next_deadline_on and s.next_deadline_on < today:
                    item.setForeground(Qt.GlobalColor.red)
                    item.setToolTip(self.tr("已逾期"))
                self.todo.setItem(row, col, item)
        recent = cases.recent_cases(self.ctx)
        self.recent_ids = [int(s.id) for s in recent]
        self.recent.setRowCount(len(recent))
        for row, s in enumerate(recent):
            for col, value in enumerate(
                [s.title, s.case_number or "—", s.parties or "—", s.status.label]
            ):
                self.recent.setItem(row, col, QTableWidgetItem(value))

    def _open(self, ids: list[int], row: int) -> None:
        if 0 <= row < len(ids):
            self.open_case.emit(ids[row])
