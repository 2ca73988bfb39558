"""The main window's 导出台账… command and 统计报表 page, added by one call from the window.

The export is an operation (``operations.py``): writing 10,000 cases takes a second or two, during
which the register stays usable; the result, or the Chinese reason it failed, comes back on the
UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
from lcregulator.services import register

from . import operations
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


def export_register(window: Any) -> operations.Operation[register.RegisterExport] | None:
    """导出台账…: the register's current filter, written off the UI thread (an operation)."""
    query: CaseQuery = window.current_query()
    default = Path.home() / f"案件台账-{window.ctx.today().isoformat()}.xlsx"
    dialog = RegisterExportDialog(default, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    ctx, path, per_year = window.ctx, dialog.path(), dialog.per_year.isChecked()
    bar = window.statusBar()
    bar.showMessage(window.tr("正在导出台账…"))

    def done(result: register.RegisterExport) -> None:
        bar.showMessage(
            window.tr("已导出台账：%1 件，%2")
            .replace("%1", str(result.rows))
            .replace("%2", str(result.file))
        )

    def failed(exc: BaseException) -> None:
        bar.clearMessage()
        operations.show_failure(exc, window, window.tr("导出案件台账"))

    dialog.deleteLater()
    window._register_job = operations.run(
        lambda _progress: register.export_register(ctx, path, query, per_year=per_year),
        done,
        failed,
        parent=window,
        label=window.tr("正在导出台账…"),
    )
    return window._register_job  # type: ignore[no-any-return]


def install(window: Any) -> None:
    """Add the 统计报表 tab to the main window (导出台账… is in the action registry)."""

    def build() -> QWidget:
        from .stats_page import StatsPage

        page = StatsPage(window.ctx, window)
        page.open_case.connect(window.open_case)
        return page

    window.lazy_tabs.add("stats", window.tr("统计报表"), build)  # built when first opened
