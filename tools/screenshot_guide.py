"""The pictures of 帮助 → 操作指南: the first case, step by step, as the window shows it.

    Xvfb :45 -screen 0 1366x768x24 &
    DISPLAY=:45 .venv/bin/python tools/screenshot_guide.py

Runs the application on demo data in a throw-away folder (nothing touches an officer's data),
opens each screen the guide describes at the size it gets on a 1366×768 laptop, and saves PNGs
into ``lcregulator/gui/guide_images/`` — package data, so the guide in the installed program
shows them; the README tour shows the same files. Re-run it after changing a screen the guide
shows, and look at every picture.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from lcregulator.domain.cases import CaseStatus, ClueSource  # noqa: E402
from lcregulator.gui.app import application  # noqa: E402
from lcregulator.gui.clue_register import ClueDialog  # noqa: E402
from lcregulator.gui.guide import IMAGES  # noqa: E402
from lcregulator.gui.main_window import MainWindow  # noqa: E402
from lcregulator.gui.print_preview import PrintPreviewDialog  # noqa: E402
from lcregulator.gui.violation_dialog import ViolationDialog  # noqa: E402
from lcregulator.gui.workflow_panel import STEPS, StepDialog  # noqa: E402
from lcregulator.services import cases, documents, setup, workflow  # noqa: E402

#: the guide's pictures are shown at most this wide (the guide window is a little wider)
WIDTH = 820


def settle(seconds: float = 0.3) -> None:
    """Let the window lay out and paint, in a real event loop (see gui/operations.py on why
    not processEvents() in a loop)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def save(widget: QWidget, name: str, wait: float = 0.3) -> Path:
    widget.show()
    settle(wait)
    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    path = IMAGES / name
    image.save(str(path), "PNG")
    print(path.relative_to(ROOT), image.width(), image.height())
    return path


def main() -> None:
    from screenshot import sample

    IMAGES.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = sample(Path(tmp))
        authority = setup.our_authority(ctx)
        assert authority is not None

        # 1. 登记线索
        clue = ClueDialog(ctx)
        clue.source.setCurrentIndex(clue.source.findData(ClueSource.PLATFORM_REPORT))
        clue.received.setDate(QDate(2026, 11, 18))
        clue.summary.setPlainText("平台报告：某直播间连续三场未展示实际销售者的名称和地址。")
        clue.reporter.setText("某直播平台")
        save(clue, "1-clue.png")
        clue.reject()

        window = MainWindow(ctx, authority)
        window.resize(1366, 740)
        summaries = cases.list_cases(ctx)

        # 2. the case window: 基本信息 with the 办案操作 menu above
        investigating = next(s for s in summaries if s.status is CaseStatus.INVESTIGATING)
        case_window = window.open_case(investigating.id)
        case_window.tabs.setCurrentIndex(0)
        save(case_window, "2-case.png", 0.6)
        tabs = case_window.tabs
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "管辖"))
        save(case_window, "2-jurisdiction.png", 0.6)

        # 3. 违法行为: the provision picker finds 第58条
        violation = ViolationDialog(
            {r.role for r in cases.get_case(ctx, investigating.id).parties}, ctx.today()
        )
        violation.ui.filterEdit.setText("58")
        save(violation, "3-violation.png")
        violation.close()

        # 4. 处罚裁量
        concluded = next(s for s in summaries if s.status is CaseStatus.CONCLUDED)
        penalty_window = window.open_case(concluded.id)
        penalty = penalty_window.assess_violation(0)
        assert penalty is not None
        penalty.refused.setChecked(True)  # 拒不改正: the fine applies
        penalty.proposed.setText("30000")
        save(penalty, "4-penalty.png")
        penalty.reject()

        # 5. 送审核: the review the assessment requires is ticked and locked
        case = cases.get_case(ctx, concluded.id)
        defaults, locked = workflow.step_defaults(ctx, case)
        locked = locked or {
            "legal_review_required": "处罚裁量结果：须法制审核（行政处罚法第五十八条）"
        }
        step = StepDialog(ctx, concluded.id, STEPS["submit_review"], None, {}, defaults, locked)
        assert step.findChild(QCheckBox, "legal_review_required") is not None
        save(step, "5-review.png")
        step.close()

        # 6. 文书: issued documents, 记录送达, and 打印预览
        issued = documents.issued(ctx, investigating.id)  # type: ignore[arg-type]
        if not issued:
            documents.issue(
                ctx,
                investigating.id,  # type: ignore[arg-type]
                "case_source_registration",
                {"opinion": "线索具体，建议立案调查。"},
                dt.date(2026, 11, 20),
            )
        tab = case_window.documents_tab
        tab.show_case(cases.get_case(ctx, investigating.id))
        case_window.tabs.setCurrentWidget(tab)
        tab.table.setCurrentCell(0, 0)
        save(case_window, "6-documents.png", 0.6)
        record = documents.issued(ctx, investigating.id)[0]  # type: ignore[arg-type]
        preview = PrintPreviewDialog(
            documents.store_path(ctx, record.pdf_sha256, ".pdf"), record.title + record.number
        )
        save(preview, "6-print-preview.png", 1.0)
        preview.close()

        for open_window in (case_window, penalty_window):
            open_window.dirty = False
            open_window.close()
        window.close()
        ctx.database.dispose()


if __name__ == "__main__":
    main()
