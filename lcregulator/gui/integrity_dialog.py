"""工具 → 完整性校验 and the start-up chain check.

The same checks as ``lcregulator verify`` (the timeline's hash chain, the database, every
evidence file and issued document against its SHA-256) run on a worker thread with a progress
bar; the window stays usable. At start-up only the chain is checked, in the background; a
broken chain puts a red banner on the main window naming the first bad event (the data stays
readable). When the check finds stored files that no row names (left by a crash between storing
a file and committing its row), 隔离无引用文件 moves those older than 10 minutes to the
quarantine folder — the same repair as ``lcregulator verify --repair`` — never deleting them.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError
from lcregulator.services import orphans, verification
from lcregulator.services.context import AppContext

from . import operations

log = logging.getLogger("lcregulator.gui")

KIND_LABELS = {
    "database": "数据库",
    "event": "时间线",
    "evidence": "证据文件",
    "document": "已出具文书",
    "archive": "卷宗",
    "orphan": "无记录引用的文件",
}


class IntegrityDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("integrityDialog")
        self.setWindowTitle(self.tr("完整性校验"))
        self.report: verification.Report | None = None
        self.repaired: int | None = None  # files moved by the last repair
        self.job: operations.Operation[Any] | None = None
        intro = QLabel(
            self.tr(
                "校验时间线的哈希链（有无被改动、删除或插入的记录）、数据库本身、每个证据文件"
                "和每份已出具文书（PDF、DOCX）的 SHA-256。只读，不会修改任何数据。"
            )
        )
        intro.setWordWrap(True)
        self.start_button = QPushButton(self.tr("开始校验"))
        self.start_button.setObjectName("startIntegrityCheck")
        self.start_button.clicked.connect(lambda _checked=False: self.start())
        self.stop_button = QPushButton(self.tr("停止"))
        self.stop_button.setObjectName("stopIntegrityCheck")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(lambda _checked=False: self.job and self.job.cancel())
        self.progress = QProgressBar()
        self.progress.setObjectName("integrityProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary = QLabel(self.tr("尚未校验。"))
        self.summary.setObjectName("integrityResult")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("integrityProblems")
        self.table.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("编号/文件"), self.tr("问题")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.repair_button = QPushButton(self.tr("隔离无引用文件…"))
        self.repair_button.setObjectName("repairOrphans")
        self.repair_button.setToolTip(
            self.tr("把无任何记录引用、且已超过 10 分钟的文件移入隔离文件夹（不删除）。")
        )
        self.repair_button.setEnabled(False)
        self.repair_button.clicked.connect(lambda _checked=False: self.repair())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        starting = QHBoxLayout()
        starting.addWidget(self.start_button, 1)
        starting.addWidget(self.stop_button)
        layout.addLayout(starting)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.repair_button)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def start(self) -> operations.Operation[verification.Report]:
        """Run every check off the UI thread (an operation); the results arrive on the UI
        thread. 停止 stops between two checked items (the check only reads)."""
        self.start_button.setEnabled(False)
        self.repair_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.table.setRowCount(0)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在校验…"))

        ctx = self.ctx  # the worker holds nothing of the dialog

        def work(progress: operations.Progress) -> verification.Report:
            return verification.verify(ctx, lambda done, total, _what: progress(done, total))

        self.job = operations.run(
            work,
            self._finished,
            self._failed,
            parent=self,
            label=self.tr("正在校验…"),
            bar=self.progress,
            cancellable=True,
            on_cancel=self._stopped,
        )
        return self.job

    def _stopped(self) -> None:
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.summary.setText(self.tr("已停止校验，未得出结论。"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, report: verification.Report) -> None:
        self.report = report
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        counts = (
            self.tr("时间线 %1 条事件，证据文件 %2 个，已出具文书 %3 份。")
            .replace("%1", str(report.events))
            .replace("%2", str(report.evidence))
            .replace("%3", str(report.documents))
        )
        if self.repaired is not None:
            counts += self.tr("已隔离或清除 %1 个文件。").replace("%1", str(self.repaired))
        if report.ok:
            self.summary.setStyleSheet("color: #1b5e20;")
            self.summary.setText(self.tr("校验通过，未发现改动。") + counts)
        else:
            self.summary.setStyleSheet("color: #b00020; font-weight: bold;")
            self.summary.setText(
                self.tr("发现 %1 处问题。").replace("%1", str(len(report.problems))) + counts
            )
        self.table.setRowCount(len(report.problems))
        for row, problem in enumerate(report.problems):
            values = [
                self.tr(KIND_LABELS.get(problem.kind, problem.kind)),
                "" if problem.id is None else str(problem.id),
                problem.message,
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.repair_button.setEnabled(any(p.kind == "orphan" for p in report.problems))

    def repair(self) -> operations.Operation[int] | None:
        """After the officer confirms, quarantine old orphans off the UI thread, then check
        again so the list shows what is left."""
        answer = QMessageBox.question(
            self,
            self.tr("隔离无引用文件"),
            self.tr(
                "将把无任何记录引用、且已超过 10 分钟的文件移入数据文件夹下的 quarantine "
                "隔离文件夹（不删除，可由信息技术人员核查），并记入时间线。是否继续？"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.repair_button.setEnabled(False)
        self.start_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在隔离…"))
        ctx = self.ctx

        def work(_progress: operations.Progress) -> int:
            return len(orphans.repair_orphans(ctx))

        self.job = operations.run(
            work,
            self._repaired,
            self._failed,
            parent=self,
            label=self.tr("正在隔离…"),
            bar=self.progress,
        )
        return self.job

    def _repaired(self, count: int) -> None:
        self.repaired = count
        self.start()

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if not isinstance(exc, DomainError):  # logged with a reference number, never shown raw
            message = operations.show_failure(exc, self)
        else:
            message = exc.message
        self.summary.setStyleSheet("color: #b00020;")
        self.summary.setText(self.tr("校验未能完成：%1").replace("%1", message))


def check_chain_in_background(
    ctx: AppContext, banner: QLabel
) -> operations.Operation[verification.Problem | None]:
    """The start-up check: a broken chain shows ``banner`` (red) naming the first bad event."""

    def show(problem: verification.Problem | None) -> None:
        if problem is None:
            return
        banner.setText(
            banner.tr(
                "时间线完整性校验未通过：%1（数据仍可查阅；请在“工具 → 完整性校验”中查看全部问题，并报告管理员。）"
            ).replace("%1", problem.message)
        )
        banner.show()

    return operations.run(
        lambda _progress: verification.first_bad_event(ctx),
        show,
        lambda exc: log.error("chain check failed: %s", exc),
        parent=banner,
        label="chain check",
        quiet=True,
    )
