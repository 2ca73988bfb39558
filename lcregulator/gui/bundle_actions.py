"""案件包 in the window: 导出案件包… on the case toolbar, 文件 → 导入案件包… in the main window.

Both go through :mod:`lcregulator.services.case_bundle` as operations (``operations.py``: off
the UI thread with a progress dialog — a case with hours of recorded live streams is gigabytes
to hash and copy) and report in the status bar. An import whose 立案编号 this bureau already has asks
whether to import it as a new, unnumbered case instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from lcregulator.domain.cases import CaseId
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.services import case_bundle

from . import operations
from .error_hook import report_unexpected
from .file_dialogs import ask_save_path


def ask_open_path(parent: QWidget, title: str, filters: str) -> Path | None:
    """Qt's own open dialog (as :func:`ask_save_path`: the same everywhere, answerable in tests)."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("openDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(filters)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def _run(
    window: Any,
    work: Callable[[Callable[[int, int], None]], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    label: str,
) -> operations.Operation[Any]:
    """The work as an operation (off the UI thread, with a progress dialog once it takes a
    while); neither an export nor an import stops half way, so no 取消."""
    window.bundle_job = operations.run(work, done, failed, parent=window, label=label)
    return window.bundle_job  # type: ignore[no-any-return]


def _failed(window: Any, title: str, exc: BaseException) -> None:
    if isinstance(exc, DomainError):
        window.statusBar().showMessage(exc.message)
        QMessageBox.warning(window, title, exc.message)
        return
    window.statusBar().showMessage(report_unexpected(exc, window))


# --- the case window ------------------------------------------------------------------------


def export_bundle(window: Any) -> operations.Operation[Any] | None:
    """Ask where, then write the open case's bundle (as saved: unsaved edits are not in it)."""
    case = window.case
    title = window.tr("导出案件包")
    if case.id is None:
        return None
    if window.dirty:
        QMessageBox.information(window, title, window.tr("请先保存案件，再导出案件包。"))
        return None
    name = f"案件包-{case.case_number or case.id}.zip".replace("/", "_")
    path = ask_save_path(window, title, name, window.tr("案件包 (*.zip)"))
    if not path:
        return None
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    ctx = window.ctx
    action = window.bundle_export_action
    action.setEnabled(False)
    window.statusBar().showMessage(window.tr("正在导出案件包…"))

    def done(result: case_bundle.Exported) -> None:
        action.setEnabled(True)
        window.statusBar().showMessage(
            window.tr("已导出案件包：%1（含当事人完整身份证件号码，请妥善保管）SHA-256 %2")
            .replace("%1", str(result.file))
            .replace("%2", result.sha256)
        )
        window.timeline_tab.refresh()  # the export is on the timeline

    def failed(exc: BaseException) -> None:
        action.setEnabled(True)
        _failed(window, title, exc)

    case_id = CaseId(case.id)
    return _run(
        window,
        lambda progress: case_bundle.export_case(ctx, case_id, path, progress),
        done,
        failed,
        window.tr("正在导出案件包…"),
    )


def install(window: Any, toolbar: QToolBar) -> QAction:
    """Add 导出案件包… to the case toolbar, enabled once the case is saved."""
    action = QAction(window.tr("导出案件包…"), window)
    action.setObjectName("case.bundle_export")
    action.setStatusTip(
        window.tr(
            "把本案（当事人、证据、文书、时间线，已归档的含卷宗）导出为一个案件包，用于移送或存档"
        )
    )
    action.triggered.connect(lambda _checked=False: export_bundle(window))
    toolbar.addAction(action)

    def update(*_: object) -> None:
        action.setEnabled(window.case.id is not None)

    window.saved.connect(update)
    update()
    window.bundle_export_action = action
    return action


# --- the main window ------------------------------------------------------------------------


def import_bundle(
    window: Any, path: Path | None = None, as_new: bool = False
) -> operations.Operation[Any] | None:
    """Ask for a bundle, check and import it; open the imported case."""
    title = window.tr("导入案件包")
    if path is None:
        path = ask_open_path(window, title, window.tr("案件包 (*.zip)"))
        if not path:
            return None
    ctx = window.ctx
    chosen = path
    window.statusBar().showMessage(window.tr("正在校验并导入案件包…"))

    def done(result: case_bundle.Imported) -> None:
        window.refresh()
        window.statusBar().showMessage(
            window.tr("已导入案件包：%1（来自%2）")
            .replace("%1", result.case if result.number else f"{result.title}（未编号）")
            .replace("%2", result.source)
        )
        window.open_case(result.case_id)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field == "case.number" and not as_new:
            answer = QMessageBox.question(
                window,
                title,
                exc.message.split("如确需")[0] + window.tr("\n\n是否作为未编号的新案件导入？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                import_bundle(window, chosen, as_new=True)
            else:
                window.statusBar().showMessage(window.tr("未导入案件包。"))
            return
        _failed(window, title, exc)

    return _run(
        window,
        lambda progress: case_bundle.import_bundle(ctx, chosen, as_new=as_new, progress=progress),
        done,
        failed,
        window.tr("正在校验并导入案件包…"),
    )
