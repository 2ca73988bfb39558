"""工具 → 备份/恢复: back up now, restore a backup, and where the daily backups go.

Backing up and checking a backup read every stored file, so they run on a worker thread and
report to a progress bar; the window stays responsive. A restore replaces the database under
the running program, so the window closes afterwards and asks for a restart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.services import backup
from lcregulator.services.context import AppContext

from . import operations
from .error_hook import report_unexpected


class BackupDialog(QDialog):
    #: emitted after a successful restore: the main window must close (its database changed)
    restored = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: operations.Operation[Any] | None = None
        self.setWindowTitle(self.tr("备份/恢复"))
        self.setMinimumWidth(560)

        now_box = QGroupBox(self.tr("立即备份或恢复"))
        self.backup_button = QPushButton(self.tr("备份到文件(&B)…"))
        self.backup_button.setObjectName("backupButton")
        self.restore_button = QPushButton(self.tr("从备份恢复(&R)…"))
        self.restore_button.setObjectName("restoreButton")
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(
            self.tr(
                "备份包含数据库、证据文件和已出具的文书，并附 SHA-256 清单；"
                "办案过程中也可随时备份。恢复前会先校验备份，被替换的数据另存到 backups 文件夹。"
            )
        )
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        now_layout = QVBoxLayout(now_box)
        now_layout.addLayout(buttons)
        now_layout.addWidget(self.progress)
        now_layout.addWidget(self.status)

        auto_box = QGroupBox(self.tr("每日自动备份（每天首次启动后在后台进行）"))
        folder, daily, weekly = backup.backup_settings(ctx)
        self.folder_edit = QLineEdit(str(folder) if folder else "")
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setPlaceholderText(str(ctx.paths.backups))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.daily_spin = QSpinBox(minimum=1, maximum=365, value=daily)
        self.daily_spin.setObjectName("keepDaily")
        self.weekly_spin = QSpinBox(minimum=0, maximum=104, value=weekly)
        self.weekly_spin.setObjectName("keepWeekly")
        form = QFormLayout(auto_box)
        form.addRow(self.tr("备份文件夹（可为网络共享）"), folder_row)
        form.addRow(self.tr("保留最近的每日备份（份）"), self.daily_spin)
        form.addRow(self.tr("另保留每周备份（周）"), self.weekly_spin)
        if not ctx.database.is_sqlite:
            auto_box.setEnabled(False)
            auto_box.setToolTip(self.tr("共享数据库服务器由管理员用 pg_dump 备份。"))

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.button_box.accepted.connect(self._save_settings)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(now_box)
        layout.addWidget(auto_box)
        layout.addWidget(self.button_box)

        self.backup_button.clicked.connect(self.ask_backup)
        self.restore_button.clicked.connect(self.ask_restore)

    # --- settings ----------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"))
        if chosen:
            self.folder_edit.setText(chosen)

    def _save_settings(self) -> None:
        text = self.folder_edit.text().strip()
        try:
            backup.save_backup_settings(
                self.ctx,
                Path(text) if text else None,
                self.daily_spin.value(),
                self.weekly_spin.value(),
            )
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("备份设置"), exc.message)
            return
        self.accept()

    # --- backup and restore -------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.button_box.setEnabled(not busy)

    def _start(
        self,
        work: Callable[[Callable[[int, int], None]], Any],
        done: Callable[[Any], None],
        label: str,
    ) -> operations.Operation[Any]:
        """Backing up or restoring runs off the UI thread (an operation) into the progress bar;
        neither stops half way (a backup file or a restore must be whole), so no 取消."""
        self._busy(True)
        self.job = operations.run(
            work, done, self._on_failed, parent=self, label=label, bar=self.progress
        )
        return self.job

    def ask_backup(self) -> None:
        suggested = self.ctx.paths.home / f"lcregulator-{dt.date.today():%Y%m%d}.lcbackup"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("备份到文件"), str(suggested), self.tr("备份文件 (*.lcbackup)")
        )
        if path:
            self.start_backup(Path(path))

    def start_backup(self, out: Path) -> operations.Operation[Any]:
        self.status.setText(self.tr("正在备份…"))
        ctx = self.ctx
        return self._start(
            lambda progress: backup.backup(ctx, out, progress),
            self._backed_up,
            self.tr("正在备份…"),
        )

    def _backed_up(self, result: backup.BackupResult) -> None:
        self._busy(False)
        self.status.setText(
            self.tr("已备份 %1 件案件到 %2\nSHA-256：%3")
            .replace("%1", str(result.cases))
            .replace("%2", str(result.file))
            .replace("%3", result.sha256)
        )

    def ask_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择备份文件"),
            str(self.ctx.paths.home),
            self.tr("备份文件 (*.lcbackup)"),
        )
        if not path:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "恢复将用备份中的数据替换当前数据库和文件；当前数据会另存到 backups 文件夹，"
                "不会删除。恢复后本系统将关闭，请重新启动。继续吗？"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_restore(Path(path))

    def start_restore(self, file: Path) -> operations.Operation[Any]:
        self.status.setText(self.tr("正在校验并恢复…"))
        ctx = self.ctx

        def work(progress: Callable[[int, int], None]) -> object:
            ctx.database.dispose()
            return backup.restore_backup(
                ctx.database, ctx.paths, file, force=True, progress=progress
            )

        return self._start(work, self._restored, self.tr("正在校验并恢复…"))

    def _restored(self, result: tuple[int, Path | None]) -> None:
        self._busy(False)
        cases, kept = result
        text = self.tr("已从备份恢复 %1 件案件。").replace("%1", str(cases))
        if kept is not None:
            text += self.tr("原数据另存在 %1。").replace("%1", str(kept))
        self.status.setText(text)
        QMessageBox.information(self, self.tr("从备份恢复"), text + self.tr("请重新启动本系统。"))
        self.restored.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.progress.setValue(0)
        if isinstance(exc, ValidationError | DomainError):
            self.status.setText(exc.message)
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.status.setText(report_unexpected(exc, self))
