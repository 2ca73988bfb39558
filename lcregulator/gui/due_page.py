"""期限预警: every case whose next deadline is overdue or due within N working days.

The start page of the main window; sortable; double-click opens the case at its deadlines.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.domain.formatting import chinese_date
from lcregulator.services import summons as summons_service
from lcregulator.services import workflow
from lcregulator.services.context import AppContext

from .triple_check_panel import MissingReportsBox


class DueSoonPage(QWidget):
    open_case = Signal(int)
    open_summons = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days = QSpinBox()
        self.days.setObjectName("dueDays")
        self.days.setRange(0, 60)
        self.days.setValue(5)
        self.days.setSuffix(self.tr(" 个工作日内到期"))
        self.overdue = QCheckBox(self.tr("包括已逾期"))
        self.overdue.setChecked(True)
        self.summary = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("dueTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("案件编号"),
                self.tr("案件名称"),
                self.tr("期限"),
                self.tr("到期日"),
                self.tr("剩余工作日"),
                self.tr("依据"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.cellDoubleClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示")))
        top.addWidget(self.days)
        top.addWidget(self.overdue)
        top.addStretch()
        top.addWidget(self.summary)
        # Platforms that have not sent their Art 9 report (a box shown only when there are any).
        self.missing_reports = MissingReportsBox(ctx)
        self.missing_reports.clue_created.connect(self.open_case.emit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.missing_reports)
        self.days.valueChanged.connect(lambda _: self.refresh())
        self.overdue.toggled.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        items: list[Any] = list(workflow.due_soon(self.ctx, self.days.value()))
        cal = workflow.calendar(self.ctx)
        today = self.ctx.today()
        until = cal.add_workdays(today, self.days.value())
        for s in summons_service.rectification_due(self.ctx, until):
            assert s.rectification_deadline is not None
            items.append(
                workflow.DueItem(
                    case_id=CaseId(-int(s.id or 0)),  # negative: a summons, not a case
                    case_number=self.tr("（约谈）"),
                    title=s.rectification_required[:30] or self.tr("约谈整改"),
                    status=CaseStatus.CLUE,
                    deadline_id="summons_rectification",
                    label=self.tr("约谈整改期限"),
                    due=s.rectification_deadline,
                    working_days_left=cal.workdays_between(today, s.rectification_deadline),
                    basis="《直播电商监督管理办法》第五十二条",
                )
            )
        if not self.overdue.isChecked():
            items = [i for i in items if i.working_days_left >= 0]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(items))
        overdue = 0
        for row, item in enumerate(items):
            values = [
                item.case_number or self.tr("（未立案）"),
                item.title,
                item.label,
                chinese_date(item.due),
                None,
                item.basis,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem()
                if column == 4:
                    cell.setData(Qt.ItemDataRole.DisplayRole, item.working_days_left)
                    if item.working_days_left < 0:
                        cell.setForeground(Qt.GlobalColor.red)
                        cell.setToolTip(self.tr("已逾期"))
                else:
                    cell.setText(str(value))
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, int(item.case_id))
                if column == 3:
                    cell.setData(Qt.ItemDataRole.UserRole + 1, item.due.isoformat())
                self.table.setItem(row, column, cell)
            overdue += item.working_days_left < 0
        self.table.setSortingEnabled(True)
        self.table.sortItems(4, Qt.SortOrder.AscendingOrder)
        self.summary.setText(
            self.tr("共 %1 件，其中逾期 %2 件")
            .replace("%1", str(len(items)))
            .replace("%2", str(overdue))
        )

    def case_id_at(self, row: int) -> int:
        item = self.table.item(row, 0)
        return int(item.data(Qt.ItemDataRole.UserRole))

    def _open(self, row: int, _column: int) -> None:
        target = self.case_id_at(row)
        if target < 0:
            self.open_summons.emit(-target)
        else:
            self.open_case.emit(target)
