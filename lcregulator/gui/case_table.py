"""The case register as an item model: rows fetched a page at a time as the view scrolls.

A provincial database holds hundreds of thousands of cases; loading them all would cost
hundreds of megabytes and seconds at start (DESIGN §8), so ``canFetchMore``/``fetchMore`` pull
one page of summaries at a time from the service.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from lcregulator.domain.deadlines import catalogue
from lcregulator.domain.formatting import chinese_date
from lcregulator.persistence.case_search import CaseQuery, SortKey
from lcregulator.persistence.repositories import CaseSummary
from lcregulator.services import cases
from lcregulator.services.context import AppContext

Index = QModelIndex | QPersistentModelIndex
DEADLINE_LABELS = {rule.id: rule.label for rule in catalogue()[0]}


class CaseTableModel(QAbstractTableModel):
    PAGE = 200
    counted = Signal(int)

    SORT_KEYS: ClassVar[dict[int, SortKey]] = {
        0: SortKey.NUMBER,
        1: SortKey.TITLE,
        3: SortKey.STATUS,
        4: SortKey.FILED,
        6: SortKey.DEADLINE,
    }

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = CaseQuery()
        self.total: int | None = None
        self._rows: list[CaseSummary] = []
        self._exhausted = False
        self.headers = [
            self.tr("案件编号"),
            self.tr("案件名称"),
            self.tr("当事人"),
            self.tr("状态"),
            self.tr("立案日期"),
            self.tr("承办人"),
            self.tr("下一期限"),
        ]

    def set_query(self, query: CaseQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """First page now; the total (a full count over a big register) right after it is
        painted, so the officer sees results without waiting for the count."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.total = None
        self.endResetModel()
        self.fetchMore(QModelIndex())
        if self._exhausted:
            self._set_total(len(self._rows))
        else:
            QTimer.singleShot(0, self._count)

    def _count(self) -> None:
        self._set_total(cases.count_cases(self.ctx, self.query))

    def _set_total(self, total: int) -> None:
        self.total = total
        self.counted.emit(total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column, SortKey.RECEIVED)
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self.query, sort=key, descending=descending))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        page = cases.list_cases(self.ctx, self.query, limit=self.PAGE, offset=len(self._rows))
        if len(page) < self.PAGE:
            self._exhausted = True
        if not page:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        overdue = row.next_deadline_on is not None and row.next_deadline_on < self.ctx.today()
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and overdue:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.next_deadline_id:
            return DEADLINE_LABELS.get(row.next_deadline_id, row.next_deadline_id)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.case_number or self.tr("（未立案）")
        if column == 1:
            return row.title
        if column == 2:
            return row.parties
        if column == 3:
            return row.status.label
        if column == 4:
            return chinese_date(row.filed_on) if row.filed_on else ""
        if column == 5:
            return row.officers
        if row.next_deadline_on is None:
            return ""
        label = DEADLINE_LABELS.get(row.next_deadline_id, "")
        return f"{chinese_date(row.next_deadline_on)} {label}" + ("（已逾期）" if overdue else "")
