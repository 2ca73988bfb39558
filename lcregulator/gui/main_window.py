"""The window an officer lives in: the case register, with who is working and where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QWidget,
)

from lcregulator import __version__
from lcregulator.domain.authority import Authority
from lcregulator.services.context import AppContext

from .case_table import CaseTableModel


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, authority: Authority, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.authority = authority
        self.setWindowTitle(self.tr("直播电商监管执法办案系统 — %1").replace("%1", authority.name))
        self.resize(1200, 760)

        self.model = CaseTableModel(ctx, self)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel(self.tr("尚无案件。"))
        self.empty.setObjectName("emptyLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.setCentralWidget(self.stack)

        self._build_menus()
        officer = ctx.officer
        who = f"{officer.name}（{officer.role.label}）" if officer else self.tr("未选择执法人员")
        database = self.tr("共享数据库") if not ctx.database.is_sqlite else self.tr("本机数据库")
        self.statusBar().addWidget(QLabel(self.tr("当前执法人员：%1").replace("%1", who)))
        self.statusBar().addPermanentWidget(QLabel(database))
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        refresh = QAction(self.tr("刷新(&R)"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        self.model.reload()
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "直播电商监管执法办案系统 lcregulator %1\n依据《直播电商监督管理办法》"
            ).replace("%1", __version__),
        )
