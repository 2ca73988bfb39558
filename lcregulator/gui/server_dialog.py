"""The window when the bureau's database server cannot be used at start: the cause and the ways
out — 重试, 数据库设置… (correct and test the server address), 联系信息 (the IT contact) — instead
of a traceback and no window. Loaded only when it is needed (not before the first paint)."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError
from lcregulator.services import connection
from lcregulator.services.bootstrap import Paths
from lcregulator.services.context import AppContext
from lcregulator.services.health import DatabaseProblem, Problem

from . import error_hook

CAUSES = {
    Problem.UNREACHABLE: "无法连接数据库服务器",
    Problem.PASSWORD: "数据库服务器拒绝了用户名或密码",
    Problem.MISSING: "服务器上没有本系统的数据库",
    Problem.NEWER: "数据库已由更新版本的 lcregulator 升级，请先升级本工作站的 lcregulator",
    Problem.BUSY: "数据库服务器繁忙",
}


def _tr(text: str) -> str:
    return QApplication.translate("server", text)


def server_problem_box(problem: DatabaseProblem, parent: QWidget | None = None) -> QMessageBox:
    cause = CAUSES.get(problem.problem, "无法使用案件数据库")
    box = QMessageBox(QMessageBox.Icon.Critical, error_hook.TITLE, _tr(cause), parent=parent)
    box.setObjectName("serverProblemBox")
    text = problem.message
    if problem.problem is Problem.NEWER and "请先升级本工作站的 lcregulator" not in text:
        text += "请先升级本工作站的 lcregulator。"
    box.setInformativeText(text)
    for name, label, role in (
        ("retry", "重试", QMessageBox.ButtonRole.AcceptRole),
        ("databaseSettings", "数据库设置…", QMessageBox.ButtonRole.ActionRole),
        ("contactInfo", "联系信息", QMessageBox.ButtonRole.ActionRole),
        ("quit", "退出", QMessageBox.ButtonRole.RejectRole),
    ):
        button = box.addButton(_tr(label), role)
        button.setObjectName(name)
    return box


class DatabaseSettingsDialog(QDialog):
    """Edit and test the server address; saved in this user's settings (the password only in
    libpq's password file, when asked to remember it)."""

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("databaseSettingsDialog")
        self.setWindowTitle(self.tr("数据库设置"))
        settings = connection.current(paths)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.url_edit = QLineEdit(settings.url)
        self.url_edit.setObjectName("databaseUrl")
        self.url_edit.setPlaceholderText("postgresql://用户名@服务器:5432/数据库名")
        self.url_edit.setMinimumWidth(420)
        form.addRow(self.tr("数据库地址"), self.url_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("databasePassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if settings.password_remembered:
            self.password_edit.setPlaceholderText(self.tr("已记住（留空则沿用）"))
        form.addRow(self.tr("密码"), self.password_edit)
        self.remember = QCheckBox(self.tr("在本机记住密码（仅本用户可读的密码文件，不写入设置）"))
        self.remember.setObjectName("rememberPassword")
        form.addRow("", self.remember)
        layout.addLayout(form)
        notes = [
            self.tr(
                "不记住密码时，密码只在本次运行中使用；也可由信息技术人员设置环境变量 "
                "PGPASSWORD 或 LCREGULATOR_DATABASE_URL。"
            )
        ]
        if settings.from_environment:
            notes.append(
                self.tr(
                    "注意：本机的环境变量 LCREGULATOR_DATABASE_URL 指定了数据库；这里保存的地址"
                    "在本次运行中使用，下次启动时仍以环境变量为准。"
                )
            )
        note = QLabel("\n".join(notes))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.result_label = QLabel()
        self.result_label.setObjectName("testResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setObjectName("testConnection")
        self.save_button = QPushButton(self.tr("保存并连接"))
        self.save_button.setObjectName("saveAndConnect")
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        cancel.setObjectName("cancel")
        buttons.addStretch(1)
        for button in (self.test_button, self.save_button, cancel):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

    def test_connection(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_label.setText(
                connection.try_connection(self.url_edit.text(), self.password_edit.text())
            )
            return True
        except DomainError as exc:
            self.result_label.setText(self.tr("连接失败：") + exc.message)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()

    def save(self) -> None:
        try:
            saved = connection.save(
                self.paths,
                self.url_edit.text(),
                self.password_edit.text(),
                remember=self.remember.isChecked(),
            )
        except DomainError as exc:
            self.result_label.setText(exc.message)
            return
        if os.environ.get(connection.ENVIRONMENT):
            os.environ[connection.ENVIRONMENT] = saved  # this run; IT's setting returns next time
        self.accept()


def explain_server(
    problem: DatabaseProblem, paths: Paths, opener: Callable[[], AppContext]
) -> AppContext | None:
    """Show the cause until the database opens (retry, after new settings) or the officer quits."""
    while True:
        box = server_problem_box(problem)
        box.exec()
        clicked = box.clickedButton()
        choice = clicked.objectName() if clicked is not None else "quit"
        if choice == "contactInfo":
            info = QMessageBox(
                QMessageBox.Icon.Information,
                error_hook.TITLE,
                _tr("信息技术联系人"),
            )
            info.setObjectName("contactInfoBox")
            info.setInformativeText(connection.it_contact(paths))
            info.exec()
            continue
        if choice == "databaseSettings":
            dialog = DatabaseSettingsDialog(paths)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                continue
        elif choice != "retry":
            return None
        try:
            return opener()
        except DatabaseProblem as exc:
            problem = exc
        except Exception as exc:
            message = getattr(exc, "message", None) or error_hook.report_unexpected(exc)
            QMessageBox.warning(None, error_hook.TITLE, message)
