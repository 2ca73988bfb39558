"""工具 → 文书模板: which documents use the bureau's own wording, install or remove one.

Only an administrator can install (the service refuses anyone else, and says so here); an
override is checked first and its problems are shown with the file and line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError
from lcregulator.services import templates
from lcregulator.services.context import AppContext


class TemplatesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("文书模板"))
        intro = QLabel(
            self.tr(
                "管理员可安装本局调整过措辞的文书模板（文件名为文书种类加 .txt）。模板在安全沙箱中"
                "填写，安装前逐行检查；若本局模板出错，仍使用内置模板。"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("templateTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("文书"), self.tr("种类"), self.tr("使用"), self.tr("版本")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.message = QLabel()
        self.message.setObjectName("templateMessage")
        self.message.setWordWrap(True)
        install = QPushButton(self.tr("安装模板…"))
        install.setObjectName("installTemplate")
        install.clicked.connect(lambda: self.install())
        remove = QPushButton(self.tr("撤销所选的本局模板"))
        remove.setObjectName("removeTemplate")
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(install)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        self.infos = templates.list_templates(self.ctx)
        self.table.setRowCount(len(self.infos))
        for r, info in enumerate(self.infos):
            for c, value in enumerate(
                [
                    info.title,
                    info.kind,
                    self.tr("本局模板") if info.overridden else self.tr("内置"),
                    info.version,
                ]
            ):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def install(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择文书模板"), "", self.tr("文书模板 (*.txt)")
            )
        if not path:
            return False
        try:
            info = templates.install_override(self.ctx, Path(path))
        except DomainError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(exc.message)
            return False
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("已安装：%1（%2）").replace("%1", info.title).replace("%2", info.version)
        )
        self.reload()
        return True

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.infos):
            return
        try:
            templates.remove_override(self.ctx, self.infos[row].kind)
        except DomainError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("已恢复内置模板。"))
        self.reload()
