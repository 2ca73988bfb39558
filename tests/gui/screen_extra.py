"""The rest of the windows the screen probe opens (kept apart so the list grows in one place)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QWidget


def more_windows(ctx: object, case: object) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    from lcregulator.domain.workflow_steps import step as declared
    from lcregulator.gui.clue_register import ClueDialog
    from lcregulator.gui.first_run import FirstRunWizard
    from lcregulator.gui.guide import GuideDialog
    from lcregulator.gui.main_window import MainWindow
    from lcregulator.gui.party_dialog import PartyDialog, PartyPickerDialog
    from lcregulator.gui.settings_dialog import SettingsDialog
    from lcregulator.gui.sign_in import OfficerSignInDialog
    from lcregulator.gui.statute_viewer import StatuteViewer
    from lcregulator.gui.violation_dialog import ViolationDialog
    from lcregulator.gui.workflow_panel import StepDialog
    from lcregulator.services import setup, workflow

    authority = setup.our_authority(ctx)  # type: ignore[arg-type]
    assert authority is not None and authority.id is not None
    officers = setup.list_officers(ctx, authority.id)  # type: ignore[arg-type]
    yield "主窗口", lambda: MainWindow(ctx, authority)  # type: ignore[arg-type]
    yield "线索登记", lambda: ClueDialog(ctx)  # type: ignore[arg-type]
    yield "违法行为", lambda: ViolationDialog(set(), dt.date(2026, 11, 20))
    yield "当事人", lambda: PartyDialog(ctx)  # type: ignore[arg-type]
    yield "选择当事人", lambda: PartyPickerDialog(ctx)  # type: ignore[arg-type]
    yield "设置", lambda: SettingsDialog(ctx)  # type: ignore[arg-type]
    yield "签到", lambda: OfficerSignInDialog(authority, officers)
    yield "首次设置", lambda: FirstRunWizard(ctx)  # type: ignore[arg-type]
    yield "法规", lambda: StatuteViewer()
    yield "操作指南", lambda: GuideDialog()
    yield "打印预览", lambda: _print_preview(ctx, case)
    from lcregulator.gui.backup_dialog import BackupDialog
    from lcregulator.gui.integrity_dialog import IntegrityDialog

    yield "完整性校验", lambda: IntegrityDialog(ctx)  # type: ignore[arg-type]
    yield "备份/恢复", lambda: BackupDialog(ctx)  # type: ignore[arg-type]
    case_id = case.id  # type: ignore[attr-defined]
    for step_id in ("file", "submit_review", "decide_penalty", "suspend"):
        yield (
            f"办案操作：{declared(step_id).label}",
            lambda s=step_id: StepDialog(
                ctx,  # type: ignore[arg-type]
                case_id,
                workflow.step_form(ctx, case, s),  # type: ignore[arg-type]
            ),
        )


def _print_preview(ctx: object, case: object) -> QWidget:
    import tempfile
    from pathlib import Path

    from lcregulator.gui.print_preview import PrintPreviewDialog
    from lcregulator.services import documents

    data = documents.preview(ctx, case, "case_source_registration", {"opinion": "建议核查。"})  # type: ignore[arg-type]
    path = Path(tempfile.mkdtemp(prefix="lcregulator-probe-")) / "预览.pdf"
    path.write_bytes(data)
    return PrintPreviewDialog(path, "案件来源登记表")
