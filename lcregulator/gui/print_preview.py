"""打印预览: the document as it will print, with zoom (fit width, fit page, +/−), a page
thumbnail strip to jump between pages, and 打印… from here.

Opened from the documents tab (an issued document, exactly the stored PDF) and from 出具文书
(the draft being prepared, with its placeholder 文号). Printing goes through the operation
runner, so a slow printer never freezes the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from . import operations
from .document_printing import print_files
from .screen_fit import fit_to_screen

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
THUMB_WIDTH = 110


class PrintPreviewDialog(QDialog):
    """One PDF (an issued document or a draft) shown page by page before printing."""

    #: pages sent to the printer, once the print operation has finished
    printed = Signal(int)

    def __init__(
        self, path: Path, title: str, parent: QWidget | None = None, *, draft: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.path = path
        self.print_op: operations.Operation[int] | None = None
        self.setWindowTitle(
            self.tr("打印预览（草稿，尚未出具）：") + title
            if draft
            else self.tr("打印预览：") + title
        )
        fit_to_screen(self, 1100, 760)
        self.pdf = QPdfDocument(self)
        self.pdf.load(str(path))

        self.view = QPdfView()
        self.view.setObjectName("previewView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.pdf)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.thumbnails = QListWidget()
        self.thumbnails.setObjectName("pageThumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setSpacing(6)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.42)))
        self.thumbnails.setFixedWidth(THUMB_WIDTH + 44)
        self._fill_thumbnails()
        self.thumbnails.currentRowChanged.connect(self.go_to_page)

        self.fit_width = QPushButton(self.tr("适合宽度"))
        self.fit_width.setObjectName("fitWidth")
        self.fit_width.clicked.connect(lambda _c=False: self._fit(QPdfView.ZoomMode.FitToWidth))
        self.fit_page = QPushButton(self.tr("适合页面"))
        self.fit_page.setObjectName("fitPage")
        self.fit_page.clicked.connect(lambda _c=False: self._fit(QPdfView.ZoomMode.FitInView))
        self.zoom_out = QPushButton("−")
        self.zoom_out.setObjectName("zoomOut")
        self.zoom_out.setToolTip(self.tr("缩小"))
        self.zoom_out.clicked.connect(lambda _c=False: self.zoom(1 / ZOOM_STEP))
        self.zoom_in = QPushButton("+")
        self.zoom_in.setObjectName("zoomIn")
        self.zoom_in.setToolTip(self.tr("放大"))
        self.zoom_in.clicked.connect(lambda _c=False: self.zoom(ZOOM_STEP))
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(40)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(lambda _c=False: self.ask_print())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("printStatus")

        tools = QHBoxLayout()
        for widget in (self.fit_width, self.fit_page, self.zoom_out, self.zoom_in):
            tools.addWidget(widget)
        tools.addWidget(self.zoom_label)
        tools.addStretch()
        tools.addWidget(self.page_label)
        split = QSplitter()
        split.addWidget(self.thumbnails)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _f: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _m: self._show_zoom())
        self._page_changed(navigator.currentPage())
        self._show_zoom()

    def _fill_thumbnails(self) -> None:
        for page in range(self.pdf.pageCount()):
            size = self.pdf.pagePointSize(page)
            height = int(THUMB_WIDTH * size.height() / max(size.width(), 1))
            image = self.pdf.render(page, QSize(THUMB_WIDTH, height))
            paper = QImage(image.size(), QImage.Format.Format_RGB32)
            paper.fill(Qt.GlobalColor.white)  # QtPdf renders transparent pages
            painter = QPainter(paper)
            painter.drawImage(0, 0, image)
            painter.end()
            item = QListWidgetItem(QIcon(QPixmap.fromImage(paper)), str(page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.pdf.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_changed(self, page: int) -> None:
        self.page_label.setText(
            self.tr("第 %1 页，共 %2 页")
            .replace("%1", str(page + 1))
            .replace("%2", str(self.pdf.pageCount()))
        )
        if self.thumbnails.currentRow() != page:
            self.thumbnails.blockSignals(True)
            self.thumbnails.setCurrentRow(page)
            self.thumbnails.blockSignals(False)

    def _fit(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._show_zoom()

    def zoom(self, step: float) -> None:
        """+/−: from the zoom shown now (a fit mode's too) by one step."""
        factor = self.effective_zoom() * step
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_MIN), ZOOM_MAX))
        self._show_zoom()

    def effective_zoom(self) -> float:
        """The zoom as shown: in a fit mode, the page width on screen over its width at 100 %."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.pdf.pageCount():
            return float(self.view.zoomFactor())
        points = self.pdf.pagePointSize(0)
        dpi = self.view.logicalDpiX() / 72.0
        room = self.view.viewport().size()
        margin = 2 * self.view.documentMargins().left()
        width_fit = (room.width() - margin) / max(points.width() * dpi, 1)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return width_fit
        height_fit = (room.height() - margin) / max(points.height() * dpi, 1)
        return min(width_fit, height_fit)

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        names = {
            QPdfView.ZoomMode.FitToWidth: self.tr("适合宽度"),
            QPdfView.ZoomMode.FitInView: self.tr("适合页面"),
        }
        self.zoom_label.setText(names.get(mode, f"{round(self.view.zoomFactor() * 100)}%"))
        self.zoom_out.setEnabled(self.effective_zoom() > ZOOM_MIN + 1e-6)
        self.zoom_in.setEnabled(self.effective_zoom() < ZOOM_MAX - 1e-6)

    def ask_print(self, printer: QPrinter | None = None) -> operations.Operation[int] | None:
        """打印…: the print dialog, then the PDF goes to the printer off the UI thread."""
        from .documents_tab import a4_printer

        if printer is None:
            printer = a4_printer()
            dialog = QPrintDialog(printer, self)
            dialog.setObjectName("printDialog")
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("正在打印…"))
        path = self.path

        def done(pages: int) -> None:
            self.print_button.setEnabled(True)
            self.status.setText(self.tr("已送打印机，共 %1 页。").replace("%1", str(pages)))
            self.printed.emit(pages)

        def failed(exc: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.status.clear()
            operations.show_failure(exc, self, self.tr("打印"))

        self.print_op = operations.run(
            lambda _progress: print_files([path], printer),
            done,
            failed,
            parent=self,
            label=self.tr("正在打印…"),
        )
        return self.print_op
