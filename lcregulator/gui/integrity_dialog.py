"""工具 → 完整性校验 and the start-up chain check.

The same checks as ``lcregulator verify`` (the timeline's hash chain, the database, every
evidence file and issued document against its SHA-256) run on a worker thread with a progress
bar; the window stays usable. At start-up only the chain is checked, in the background; a
broken chain puts a red banner on the main window naming the first bad event (the data stays
readable).
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.services import verification
from lcregulator.services.context import AppContext

from .backup_dialog import Job

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
        self.job: Job | None = None
        intro = QLabel(
            self.tr(
                "校验时间线的哈希链（有无被改动、删除或插入的记录）、数据库本身、每个证据文件"
                "和每份已出具文书（PDF、DOCX）的 SHA-256。只读，不会修改任何数据。"
            )
        )
        intro.setWordWrap(True)
        self.start_button = QPushButton(self.tr("开始校验"))
        self.start_button.setObjectName("startIntegrityCheck")
        self.start_button.clicked.connect(self.start)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.start_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def start(self) -> Job:
        """Run every check on the thread pool; the results arrive on the UI thread."""
        self.start_button.setEnabled(False)
        self.table.setRowCount(0)
        self.progress.setRange(0, 0)  # busy until the first figure arrives
        self.summary.setText(self.tr("正在校验…"))

        ctx = self.ctx  # the worker holds nothing of the dialog

        def work(progress: object) -> verification.Report:
            return verification.verify(
                ctx,
                lambda done, total, _what: progress(done, total),  # type: ignore[operator]
            )

        job = Job(work)
        job.setAutoDelete(False)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = job
        QThreadPool.globalInstance().start(job)
        return job

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, report: object) -> None:
        assert isinstance(report, verification.Report)
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.start_button.setEnabled(True)
        counts = (
            self.tr("时间线 %1 条事件，证据文件 %2 个，已出具文书 %3 份。")
            .replace("%1", str(report.events))
            .replace("%2", str(report.evidence))
            .replace("%3", str(report.documents))
        )
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

    def _failed(self, exc: object) -> None:
        self.progress.setRange(0, 1)
        self.start_button.setEnabled(True)
        message = getattr(exc, "message", None) or str(exc)
        self.summary.setStyleSheet("color: #b00020;")
        self.summary.setText(self.tr("校验未能完成：%1").replace("%1", message))


def check_chain_in_background(ctx: AppContext, banner: QLabel) -> Job:
    """The start-up check: a broken chain shows ``banner`` (red) naming the first bad event."""

    def show(problem: object) -> None:
        if problem is None:
            return
        assert isinstance(problem, verification.Problem)
        banner.setText(
            banner.tr(
                "时间线完整性校验未通过：%1（数据仍可查阅；请在“工具 → 完整性校验”中查看全部问题，并报告管理员。）"
            ).replace("%1", problem.message)
        )
        banner.show()

    job = Job(lambda _progress: verification.first_bad_event(ctx))
    job.setAutoDelete(False)
    job.signals.finished.connect(show)
    QThreadPool.globalInstance().start(job)
    return job
