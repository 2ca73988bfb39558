"""The main window's 导出台账… command and 统计报表 page, added by one call from the window.

The export runs on the thread pool: writing 10,000 cases takes a second or two, during which
the register stays usable; the result (or the Chinese reason it failed) comes back as a signal.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from lcregulator.domain.case_list import CaseQuery
from lcregulator.domain.errors import DomainError
from lcregulator.services import register
from lcregulator.services.context import AppContext

from .file_dialogs import ask_save_path


class RegisterExportDialog(QDialog):
    """Where to write the 台账, and whether each year gets its own sheet."""

    def __init__(self, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerExportDialog")
        self.setWindowTitle(self.tr("导出案件台账"))
        self.path_edit = QLineEdit(str(default))
        self.path_edit.setObjectName("registerPath")
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.per_year = QCheckBox(self.tr("每个年度一个工作表"))
        self.per_year.setObjectName("registerPerYear")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow("", self.per_year)
        form.addRow(self.buttons)
        self.resize(560, 140)

    def _browse(self) -> None:
        path = ask_save_path(
            self, self.tr("导出案件台账"), self.path_edit.text(), self.tr("Excel (*.xlsx)")
        )
        if path:
            self.path_edit.setText(str(path))

    def path(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _accept(self) -> None:
        if not self.path_edit.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写台账文件的保存位置。"))
            return
        self.accept()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class RegisterExportJob(QRunnable):
    def __init__(self, ctx: AppContext, path: Path, query: CaseQuery, per_year: bool) -> None:
        super().__init__()
        self.ctx, self.path, self.query, self.per_year = ctx, path, query, per_year
        self.signals = _Signals()

    def run(self) -> None:
        # no automatic garbage collection while this pool thread runs (see export_register)
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._run()
        finally:
            if collecting:
                gc.enable()

    def _run(self) -> None:
        try:
            result = register.export_register(
                self.ctx, self.path, self.query, per_year=self.per_year
            )
        except DomainError as exc:
            self.signals.failed.emit(str(exc))
        except Exception:  # reported to the officer, never a traceback
            import logging

            logging.getLogger(__name__).exception("register export failed")
            self.signals.failed.emit("导出台账时发生意外错误，详情已记入日志。")
        else:
            self.signals.done.emit(result)


def export_register(window: Any) -> RegisterExportJob | None:
    """导出台账…: the register's current filter, off the UI thread."""
    query: CaseQuery = window.current_query()
    default = Path.home() / f"案件台账-{window.ctx.today().isoformat()}.xlsx"
    dialog = RegisterExportDialog(default, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    job = RegisterExportJob(window.ctx, dialog.path(), query, dialog.per_year.isChecked())
    bar = window.statusBar()
    bar.showMessage(window.tr("正在导出台账…"))

    def done(result: register.RegisterExport) -> None:
        bar.showMessage(
            window.tr("已导出台账：%1 件，%2")
            .replace("%1", str(result.rows))
            .replace("%2", str(result.file))
        )

    def failed(message: str) -> None:
        bar.clearMessage()
        QMessageBox.warning(window, window.tr("导出案件台账"), message)

    # queued: the job emits on a pool thread, the widgets are touched on the UI thread
    job.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    window._register_job = job  # keep the signals alive until they fire
    # Qt objects that became garbage must be collected here, on the UI thread: a collection
    # that happened to run on the pool thread would delete widgets from there (a crash).
    window._register_dialog = dialog
    gc.collect()
    QThreadPool.globalInstance().start(job)
    return job


def install(window: Any) -> None:
    """Add the 统计报表 tab to the main window (导出台账… is in the action registry)."""

    def build() -> QWidget:
        from .stats_page import StatsPage

        page = StatsPage(window.ctx, window)
        page.open_case.connect(window.open_case)
        return page

    window.lazy_tabs.add("stats", window.tr("统计报表"), build)  # built when first opened
