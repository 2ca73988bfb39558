"""统计报表 page: a period's figures as bar charts; a click on any bar lists the cases behind it.

The charts are drawn here with QPainter (a horizontal bar per figure, label and value beside it)
rather than with a chart library: QtCharts ships only in PySide6-Addons (a 59 MB download,
161 MB installed, for 3 MB of charts) and pyqtgraph brings numpy along; the bars officers need
are a hundred lines, hit-test exactly, and look like the printed report's reportlab bars.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError
from lcregulator.domain.reporting import (
    CaseFact,
    Figure,
    Section,
    Statistics,
    period_bounds,
    sections,
)
from lcregulator.services import statistics
from lcregulator.services.context import AppContext

from .file_dialogs import ask_save_path
from .screen_fit import fit_to_screen

COUNT_COLOUR = QColor("#3B6EA5")
AMOUNT_COLOUR = QColor("#C0504D")
ROW = 24
LABEL_WIDTH = 200


def money(value: float) -> str:
    return f"{value:,.2f}".removesuffix(".00")


class BarChart(QWidget):
    """Horizontal bars, one per figure; ``clicked(key)`` when a bar (or its label) is pressed."""

    clicked = Signal(str)

    def __init__(self, figures: tuple[Figure, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = figures
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(ROW * max(1, len(figures)) + 8)

    def sizeHint(self) -> QSize:
        return QSize(520, ROW * max(1, len(self.figures)) + 8)

    def row_rect(self, index: int) -> QRect:
        return QRect(0, 4 + index * ROW, self.width(), ROW)

    def row_centre(self, index: int) -> QPoint:
        return self.row_rect(index).center()

    def text(self, figure: Figure) -> str:
        return money(figure.value) + "元" if figure.amount else str(int(figure.value))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        top = max((f.value for f in self.figures), default=0) or 1
        value_width = max(
            (metrics.horizontalAdvance(self.text(f)) for f in self.figures), default=0
        )
        span = max(10, self.width() - LABEL_WIDTH - value_width - 20)
        if not self.figures:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("（本期无）"))
        for i, f in enumerate(self.figures):
            r = self.row_rect(i)
            label = metrics.elidedText(f.label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRect(0, r.top(), LABEL_WIDTH - 8, ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            length = int(span * f.value / top) if f.value else 0
            bar = QRect(LABEL_WIDTH, r.top() + 4, max(length, 1 if f.value else 0), ROW - 8)
            painter.fillRect(bar, AMOUNT_COLOUR if f.amount else COUNT_COLOUR)
            painter.drawText(
                QRect(LABEL_WIDTH + length + 6, r.top(), value_width + 10, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.text(f),
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = (int(event.position().y()) - 4) // ROW
        if 0 <= index < len(self.figures):
            self.clicked.emit(self.figures[index].key)


class CaseListDialog(QDialog):
    """The cases behind one figure; a double-click opens the case."""

    open_case = Signal(int)

    def __init__(self, title: str, rows: list[CaseFact], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCases")
        self.setWindowTitle(title)
        self.rows = rows
        self.table = QTableWidget(len(rows), 4)
        self.table.setObjectName("figureCaseTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("立案编号"), self.tr("案由"), self.tr("当事人"), self.tr("阶段")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for i, c in enumerate(rows):
            names = "、".join(dict.fromkeys(p.name for p in c.parties))
            for j, text in enumerate(
                [c.number or self.tr("（未立案）"), c.title, names, c.status.label]
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        for column, widest in ((1, 380), (2, 260)):  # long 案由 and party lists: elided
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("共 %1 件，双击打开案件。").replace("%1", str(len(rows)))))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 460)  # every column on a 1366×768 screen

    def _open(self, row: int) -> None:
        self.open_case.emit(self.rows[row].id)


class StatsPage(QWidget):
    """Period controls, one chart per section, and 导出报表 (PDF)."""

    open_case = Signal(int)

    KINDS = (("month", "月报"), ("quarter", "季报"), ("year", "年报"), ("custom", "自定义"))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsPage")
        self.ctx = ctx
        self.stats: Statistics | None = None
        self.charts: dict[str, BarChart] = {}
        today = ctx.today()
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for code, label in self.KINDS:
            self.kind.addItem(self.tr(label), code)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=today.year)
        self.year.setObjectName("periodYear")
        self.number = QSpinBox(minimum=1, maximum=12, value=today.month)
        self.number.setObjectName("periodNumber")
        self.date_from = QDateEdit(QDate(today.year, 1, 1), calendarPopup=True)  # type: ignore[call-overload]
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True)  # type: ignore[call-overload]
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.run_button = QPushButton(self.tr("统计"))
        self.run_button.setObjectName("statsRun")
        self.pdf_button = QPushButton(self.tr("导出报表（PDF）…"))
        self.pdf_button.setObjectName("statsPdf")
        self.period_label = QLabel()
        controls = QHBoxLayout()
        for w in (
            QLabel(self.tr("报表")),
            self.kind,
            self.year,
            self.number,
            QLabel(self.tr("自")),
            self.date_from,
            QLabel(self.tr("至")),
            self.date_to,
            self.run_button,
            self.pdf_button,
        ):
            controls.addWidget(w)
        controls.addStretch(1)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.period_label)
        layout.addWidget(scroll, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.run_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.kind.setCurrentIndex(2)  # 年报: this year to date
        self._kind_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stats is None:  # computed when first looked at, not at every start-up
            self.refresh()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        custom = kind == "custom"
        self.number.setVisible(kind in ("month", "quarter"))
        self.number.setMaximum(4 if kind == "quarter" else 12)
        for w in (self.date_from, self.date_to):
            w.setEnabled(custom)

    def period(self) -> tuple[dt.date, dt.date]:
        kind = self.kind.currentData()
        if kind == "custom":
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        start, end = period_bounds(kind, self.year.value(), self.number.value())
        return start, min(end, self.ctx.today()) if start <= self.ctx.today() else end

    def refresh(self) -> None:
        try:
            start, end = self.period()
            self.stats = statistics.statistics(self.ctx, start, end)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("统计报表"), str(exc))
            return
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self.period_label.setText(
            self.tr("统计期间：%1 至 %2（单击任一条目列出相应案件）")
            .replace("%1", start.isoformat())
            .replace("%2", end.isoformat())
        )
        self._show(sections(self.stats))

    def _show(self, report: list[Section]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget():
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.charts = {}
        for i, section in enumerate(report):
            box = QGroupBox(section.title)
            inner = QVBoxLayout(box)
            chart = BarChart(section.figures)
            chart.clicked.connect(self.show_cases)
            inner.addWidget(chart)
            self.grid.addWidget(box, i // 2, i % 2)
            for f in section.figures:
                self.charts[f.key] = chart

    def show_cases(self, key: str) -> CaseListDialog | None:
        if self.stats is None:
            return None
        label = next(
            (f.label for s in sections(self.stats) for f in s.figures if f.key == key), key
        )
        rows = statistics.cases_behind(self.ctx, self.stats, key)
        dialog = CaseListDialog(label, rows, self)
        dialog.open_case.connect(self.open_case)
        dialog.show()
        self._dialog = dialog
        return dialog

    def export_pdf(self) -> None:
        if self.stats is None:
            self.refresh()
        if self.stats is None:
            return
        name = f"统计报表-{self.stats.start.isoformat()}-{self.stats.end.isoformat()}.pdf"
        path = ask_save_path(self, self.tr("导出统计报表"), name, self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            statistics.write_report(self.ctx, self.stats, path)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("统计报表"), str(exc))
            return
        self.period_label.setText(self.tr("已导出：%1").replace("%1", str(path)))
