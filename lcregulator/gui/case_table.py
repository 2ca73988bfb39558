"""The case register as an item model: rows fetched a page at a time as the view scrolls.

A provincial database holds hundreds of thousands of cases; loading them all would cost
hundreds of megabytes and seconds at start (DESIGN §8), so ``canFetchMore``/``fetchMore`` pull
one page of summaries at a time from the service.

The total (a count over every match) is computed on a worker thread after the first page is
shown: on a broad term it costs as much as the page, and the officer is reading by then. Each
row's texts are worked out once when its page arrives, because the view asks ``data()`` for
every cell and role on each paint (thousands of calls with ResizeToContents columns).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from functools import cache
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

from lcregulator.domain.case_list import CaseQuery, CaseSummary, SortKey
from lcregulator.domain.deadlines import catalogue
from lcregulator.domain.formatting import chinese_date
from lcregulator.services import cases
from lcregulator.services.context import AppContext

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b00020")


@cache
def deadline_labels() -> dict[str, str]:
    """The deadline catalogue's labels, read the first time a case with a deadline is shown."""
    return {rule.id: rule.label for rule in catalogue()[0]}


class CaseTableModel(QAbstractTableModel):
    PAGE = 200
    counted = Signal(int)
    _counted_elsewhere = Signal(int, int)  # generation, total: from the counting thread

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
        self._cells: list[tuple[tuple[str, ...], bool, str]] = []  # texts, overdue, tooltip
        self._exhausted = False
        self._generation = 0  # which query a count that arrives belongs to
        self._counted_elsewhere.connect(self._on_counted)
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
        self._cells = []
        self._exhausted = False
        self.total = None
        self._generation += 1
        self.endResetModel()
        self.fetchMore(QModelIndex())
        if self._exhausted:
            self._set_total(len(self._rows))
        else:
            generation, query = self._generation, self.query
            QTimer.singleShot(0, lambda: self._count_in_background(generation, query))

    def _count_in_background(self, generation: int, query: CaseQuery) -> None:
        if generation != self._generation:
            return  # the officer typed on; that query counts itself

        def work() -> None:
            try:
                total = cases.count_cases(self.ctx, query)
                self._counted_elsewhere.emit(generation, total)
            except Exception:  # a closed window or database: the count is not needed then
                log.debug("case count abandoned", exc_info=True)

        threading.Thread(target=work, name="case-count", daemon=True).start()

    def _on_counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self._set_total(total)

    def _set_total(self, total: int) -> None:
        self.total = total
        self.counted.emit(total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column, SortKey.RECEIVED)
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self.query, sort=key, descending=descending)
        if self._generation == 0:  # the view set up its header before the first load
            self.query = query
            return
        self.set_query(query)

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
        self._cells.extend(self._texts(row) for row in page)
        self.endInsertRows()

    def _texts(self, row: CaseSummary) -> tuple[tuple[str, ...], bool, str]:
        overdue = row.next_deadline_on is not None and row.next_deadline_on < self.ctx.today()
        deadline = ""
        label = deadline_labels().get(row.next_deadline_id, "") if row.next_deadline_id else ""
        if row.next_deadline_on is not None:
            deadline = f"{chinese_date(row.next_deadline_on)} {label}" + (
                "（已逾期）" if overdue else ""
            )
        texts = (
            row.case_number or self.tr("（未立案）"),
            row.title,
            row.parties,
            row.status.label,
            chinese_date(row.filed_on) if row.filed_on else "",
            row.officers,
            deadline,
        )
        tooltip = (label or row.next_deadline_id) if row.next_deadline_id else ""
        return texts, overdue, tooltip

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][0][index.column()]
        if index.column() != 6:
            return None
        _texts, overdue, tooltip = self._cells[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and tooltip:
            return tooltip
        return None
