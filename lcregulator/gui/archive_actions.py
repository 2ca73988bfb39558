"""The case window's 卷宗 command: save a copy of an archived case's kept 卷宗.

归档 itself is the workflow step 归档 (it binds and keeps the 卷宗 in the same transaction);
this adds the way back to the bound volume, checked against its SHA-256 before it is copied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QToolBar

from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.domain.errors import DomainError
from lcregulator.services import archive

from .file_dialogs import ask_save_path


def export_volume(window: Any) -> archive.ArchiveVolume | None:
    case = window.case
    if case.id is None:
        return None
    name = f"卷宗-{case.case_number or case.id}.pdf".replace("/", "_")
    path = ask_save_path(window, window.tr("导出卷宗"), name, window.tr("PDF (*.pdf)"))
    if not path:
        return None
    try:
        volume = archive.export_volume(window.ctx, CaseId(case.id), path)
    except DomainError as exc:
        QMessageBox.warning(window, window.tr("导出卷宗"), str(exc))
        return None
    window.statusBar().showMessage(
        window.tr("已导出卷宗（卷号 %1，共 %2 页）：%3")
        .replace("%1", volume.volume_number)
        .replace("%2", str(volume.pages))
        .replace("%3", str(path))
    )
    return volume


def install(window: Any, toolbar: QToolBar) -> QAction:
    """Add 导出卷宗… to the case toolbar, enabled once the case is archived."""
    action = QAction(window.tr("导出卷宗…"), window)
    action.setObjectName("case.archive_export")
    action.setStatusTip(window.tr("另存归档时装订的卷宗（PDF）"))
    action.triggered.connect(lambda _checked=False: export_volume(window))
    toolbar.addAction(action)

    def update(*_: object) -> None:
        action.setEnabled(window.case.status is CaseStatus.ARCHIVED)

    window.saved.connect(update)
    update()
    window.archive_export_action = action
    return action
