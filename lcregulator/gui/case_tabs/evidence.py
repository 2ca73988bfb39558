"""证据: the case's evidence files, hashed when taken in and checked on request — both through
the operation runner, off the UI thread (a recording of several GB takes a while)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.authority import Officer
from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.evidence import Evidence
from lcregulator.domain.formatting import CHINA_TZ, chinese_date
from lcregulator.services import evidence
from lcregulator.services.context import AppContext

from .. import operations
from ..field_errors import FieldErrors
from .common import CaseTab, fill_row, human_size, table


class EvidenceTab(CaseTab):
    """Evidence is written as it is taken in (not on 保存): ``changed`` moves the timeline."""

    notice = Signal(str)  # a passing message for the status bar

    def __init__(
        self,
        ctx: AppContext,
        officers: dict[int, Officer],
        errors: FieldErrors,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.officers = officers
        self.errors = errors
        self.case_id: CaseId | None = None
        self.evidence_table = table(
            [
                self.tr("文件名"),
                self.tr("大小"),
                self.tr("SHA-256"),
                self.tr("提取时间"),
                self.tr("提取人"),
                self.tr("校验"),
            ]
        )
        self.evidence_note = QLabel(
            self.tr("证据文件按 SHA-256 保存在证据库中；“重新校验”逐一核对文件是否被改动。")
        )
        self.evidence_note.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_evidence_button = QPushButton(self.tr("添加证据文件…"))
        self.add_evidence_button.clicked.connect(lambda _checked=False: self.add_evidence())
        self.verify_button = QPushButton(self.tr("重新校验全部证据"))
        self.verify_button.clicked.connect(lambda _checked=False: self.verify_evidence())
        buttons.addWidget(self.add_evidence_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.evidence_note)
        layout.addWidget(self.evidence_table)
        layout.addLayout(buttons)

    def load(self, case: Case) -> None:
        self.case_id = CaseId(case.id) if case.id is not None else None
        self._refresh()

    def _refresh(self, checks: dict[str, str] | None = None) -> None:
        items: list[Evidence] = []
        if self.case_id is not None:
            items = evidence.list_evidence(self.ctx, self.case_id)
        self.evidence_table.setRowCount(len(items))
        for row, item in enumerate(items):
            officer = self.officers.get(int(item.captured_by)) if item.captured_by else None
            local = item.captured_at.astimezone(CHINA_TZ)
            fill_row(
                self.evidence_table,
                row,
                [
                    item.original_name,
                    human_size(item.size),
                    item.sha256,
                    f"{chinese_date(local.date())} {local:%H:%M}",
                    officer.name if officer else "",
                    (checks or {}).get(item.sha256, ""),
                ],
            )
        self.add_evidence_button.setEnabled(self.case_id is not None)
        self.verify_button.setEnabled(bool(items))
        if self.case_id is None:
            self.evidence_note.setText(self.tr("请先保存案件，再添加证据。"))

    def add_evidence(self, path: str | None = None) -> None:
        if self.case_id is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择证据文件"))
        if not path:
            return
        ctx, case_id, source = self.ctx, self.case_id, Path(path)
        self.add_op = operations.run(  # hashing a long recording takes a while
            lambda _progress: evidence.add_evidence_file(ctx, case_id, source),
            lambda _added: self._added(),
            parent=self,
            label=self.tr("正在添加证据…"),
        )

    def _added(self) -> None:
        self._refresh()
        self.changed.emit()

    def verify_evidence(self) -> None:
        """Re-hash every file off the UI thread; 取消 stops between two files."""
        if self.case_id is None:
            return
        ctx, case_id = self.ctx, self.case_id
        self.check_op = operations.run(
            lambda progress: evidence.verify_evidence(ctx, case_id, progress),
            self._checked,
            parent=self,
            label=self.tr("正在校验证据文件…"),
            cancellable=True,
        )

    def _checked(self, results: list[evidence.EvidenceCheck]) -> None:
        checks = {r.evidence.sha256: ("一致" if r.ok else r.problem) for r in results}
        self._refresh(checks)
        bad = [r for r in results if not r.ok]
        if bad:
            lines = "\n".join(f"{r.evidence.original_name}：{r.problem}" for r in bad)
            self.errors.show(
                self.tr("%1 个证据文件校验不一致：").replace("%1", str(len(bad))) + lines
            )
        else:
            self.errors.clear()
            self.notice.emit(self.tr("%1 个证据文件校验一致。").replace("%1", str(len(results))))
