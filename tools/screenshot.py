"""Render the main screens with demo data to PNG files, for the README and for review.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py docs/screenshots

Uses a throw-away data folder; nothing touches the officer's real database.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.cases import CaseStatus
from lcregulator.gui.app import application
from lcregulator.gui.first_run import FirstRunWizard
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.party_dialog import PartyDialog
from lcregulator.gui.settings_dialog import SettingsDialog
from lcregulator.gui.sign_in import OfficerSignInDialog
from lcregulator.gui.violation_dialog import ViolationDialog
from lcregulator.services import cases, demo, parties, setup
from lcregulator.services.bootstrap import Paths, open_context
from lcregulator.services.context import AppContext


def sample(home: Path) -> AppContext:
    ctx = open_context(paths=Paths(home), url=f"sqlite:///{(home / 'db.sqlite3').as_posix()}")
    me = setup.first_run(
        ctx,
        Authority(
            "杭州市西湖区市场监督管理局", "杭西市监", "330106", "文三路100号", "0571-87000000"
        ),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    setup.save_officer(ctx, Officer("李四", OfficerRole.HANDLER, "33010600102", me.authority_id))
    setup.save_officer(ctx, Officer("王五", OfficerRole.HEAD, "33010600001", me.authority_id))
    demo.load_demo_cases(ctx)
    return ctx


def save(widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(30):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        wizard_ctx = open_context(paths=Paths(Path(tmp) / "w"), url=f"sqlite:///{tmp}/w.sqlite3")
        wizard = FirstRunWizard(wizard_ctx)
        wizard.next()
        save(wizard, out / "first-run.png")
        wizard.close()
        wizard_ctx.database.dispose()

        ctx = sample(Path(tmp))
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        dialog = OfficerSignInDialog(authority, setup.list_officers(ctx, authority.id))
        save(dialog, out / "sign-in.png")
        dialog.close()

        window = MainWindow(ctx, authority)
        window.resize(1280, 640)
        window.pages.setCurrentIndex(1)
        save(window, out / "main-window.png")
        window.pages.setCurrentIndex(0)
        window.due_page.days.setValue(30)
        save(window, out / "due-page.png")

        summary = next(s for s in cases.list_cases(ctx) if s.status is CaseStatus.INVESTIGATING)
        case_window = window.open_case(summary.id)
        case_window.resize(1100, 560)
        pages = {
            "basic": case_window.basic_tab,
            "parties": case_window.parties_tab,
            "violations": case_window.violations_tab,
            "evidence": case_window.evidence_tab,
            "jurisdiction": case_window.jurisdiction_tab,
            "deadlines": case_window.deadlines_tab,
            "timeline": case_window.timeline_tab,
        }
        for name, page in pages.items():
            case_window.tabs.setCurrentWidget(page)
            save(case_window, out / f"case-{name}.png")

        host = parties.search_parties(ctx, "主播陈某")[0]
        party_dialog = PartyDialog(ctx, host)
        party_dialog.ui.tabs.setCurrentIndex(1)
        save(party_dialog, out / "party-dialog.png")
        party_dialog.close()

        violation = ViolationDialog(
            {r.role for r in cases.get_case(ctx, summary.id).parties}, ctx.today()
        )
        save(violation, out / "violation-dialog.png")
        violation.close()

        penalty_case = next(s for s in cases.list_cases(ctx) if s.status is CaseStatus.CONCLUDED)
        penalty_window = window.open_case(penalty_case.id)
        penalty_dialog = penalty_window.violations_tab.assess_violation(0)
        assert penalty_dialog is not None
        penalty_dialog.refused.setChecked(True)
        penalty_dialog.circumstance_checks["eliminated_harm"].setChecked(True)
        penalty_dialog.proposed.setText("30000")
        save(penalty_dialog, out / "penalty-dialog.png")
        penalty_dialog.reject()
        penalty_window.dirty = False
        penalty_window.close()

        viewer = window.show_statute(47)
        viewer.resize(1000, 560)
        save(viewer, out / "statute-viewer.png")

        settings = SettingsDialog(ctx)
        settings.ui.tabs.setCurrentIndex(1)
        save(settings, out / "settings.png")
        settings.close()
        case_window.dirty = False
        window.close()
        ctx.database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
