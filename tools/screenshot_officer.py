"""Render the screens an officer meets on a first case, on a 1366×768 screen, to PNG.

    Xvfb :19 -screen 0 1366x768x24 &
    DISPLAY=:19 .venv/bin/python tools/screenshot_officer.py docs/screenshots

Windows open at the size they get on that screen (``screen_fit``), so the pictures show what an
officer with a laptop sees. Uses a throw-away data folder.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QWidget

from lcregulator.domain.cases import CaseStatus, Clue, ClueSource
from lcregulator.domain.parties import PartyRole
from lcregulator.gui.app import application
from lcregulator.gui.documents_tab import IssueDialog
from lcregulator.gui.guide import GuideDialog
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.violation_dialog import ViolationDialog
from lcregulator.gui.workflow_panel import StepDialog
from lcregulator.services import cases, setup, workflow

sys.path.insert(0, str(Path(__file__).parent))
from screenshot import sample


def save(widget: QWidget, path: Path, settle: float = 0.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    widget.show()
    # a real event loop, not processEvents() in a loop: the preview is drawn on a worker
    # thread, and PySide6 crashes busy-waits beside Python threads (see gui/operations.py)
    loop = QEventLoop()
    QTimer.singleShot(int(max(settle, 0.3) * 1000), loop.quit)
    loop.exec()
    widget.grab().save(str(path))
    print(path, widget.width(), widget.height())


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = sample(Path(tmp))
        authority = setup.our_authority(ctx)
        assert authority is not None
        for source, day, text, who in (
            (
                ClueSource.PLATFORM_REPORT,
                18,
                "平台报告：某直播间连续三场未展示实际销售者信息。",
                "某直播平台",
            ),
            (
                ClueSource.COMPLAINT,
                19,
                "消费者投诉：直播间宣称“全网最低价”，实际高于日常售价。",
                "李某",
            ),
        ):
            cases.register_clue(ctx, Clue(source, dt.date(2026, 11, day), text, reporter=who))
        first = cases.clue_register(ctx)[-1].clue
        assert first.id is not None
        cases.open_clue_case(ctx, first.id, "某直播间未展示实际销售者信息案", [])
        window = MainWindow(ctx, authority)
        window.showMaximized()
        window.pages.setCurrentWidget(window.start_page)
        save(window, out / "start-page.png")
        window.pages.setCurrentWidget(window.clue_page)
        save(window, out / "clue-register.png")

        summaries = cases.list_cases(ctx)
        concluded = next(s for s in summaries if s.status is CaseStatus.CONCLUDED)
        case_window = window.open_case(concluded.id)
        penalty = case_window.violations_tab.assess_violation(0)
        assert penalty is not None
        penalty.proposed.setText("185000")
        save(penalty, out / "penalty-dialog.png")
        penalty.reject()

        case = cases.get_case(ctx, concluded.id)
        form = workflow.step_form(ctx, case, "submit_review")
        if not form.locked:  # the demo case has no assessment: show the lock as one would
            reason = "处罚裁量结果：须法制审核（行政处罚法第五十八条）"
            form = replace(form, locked={"legal_review_required": reason})
        step = StepDialog(ctx, concluded.id, form)
        save(step, out / "step-submit-review.png")
        assert step.findChild(QCheckBox, "legal_review_required") is not None
        step.close()

        issue = IssueDialog(ctx, case)
        issue.kind.setCurrentIndex(issue.kind.findData("filing_approval"))
        issue.inputs["handler_opinion"].setText("涉嫌违反《直播电商监督管理办法》，建议立案调查。")
        issue.preview()
        save(issue, out / "issue-dialog.png", settle=3.0)
        issue.close()

        violation = ViolationDialog(set(PartyRole), ctx.today())
        violation.ui.filterEdit.setText("第60条")
        save(violation, out / "violation-dialog.png")
        violation.close()

        guide = GuideDialog()
        save(guide, out / "guide.png")
        guide.close()
        case_window.dirty = False
        case_window.close()
        window.close()
        ctx.database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
