"""The pictures of 帮助 → 操作指南: the first case, step by step, as the window shows it.

    Xvfb :62 -screen 0 1366x768x24 &
    DISPLAY=:62 .venv/bin/python tools/screenshot_guide.py

Runs the application on demo data in a throw-away folder (nothing touches an officer's data),
opens each screen the guide describes at the size it gets on a 1366×768 laptop, and saves PNGs
into ``lcregulator/gui/guide_images/`` — package data, so the guide in the installed program
shows them; the README tour shows the same files. Re-run it after changing a screen the guide
shows, and look at every picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from lcregulator.domain.assessment import ViolationAssessment  # noqa: E402
from lcregulator.domain.cases import CaseStatus, ClueSource  # noqa: E402
from lcregulator.domain.penalty import assess  # noqa: E402
from lcregulator.gui.app import application  # noqa: E402
from lcregulator.gui.clue_register import ClueDialog  # noqa: E402
from lcregulator.gui.guide import IMAGES  # noqa: E402
from lcregulator.gui.main_window import MainWindow  # noqa: E402
from lcregulator.gui.print_preview import PrintPreviewDialog  # noqa: E402
from lcregulator.gui.violation_dialog import ViolationDialog  # noqa: E402
from lcregulator.gui.workflow_panel import StepDialog  # noqa: E402
from lcregulator.services import cases, documents, setup, workflow  # noqa: E402

SAMPLE_CASE = "杭西市监立〔2026〕15号"  # the sample bureau's closed case, every document

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
    from screenshot import by_status, sample

    IMAGES.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = sample(Path(tmp) / "home")
        authority = setup.our_authority(ctx)
        assert authority is not None
        today = ctx.today()

        # 1. 登记线索
        clue = ClueDialog(ctx)
        clue.source.setCurrentIndex(clue.source.findData(ClueSource.PLATFORM_REPORT))
        clue.received.setDate(QDate(today.year, today.month, today.day))
        clue.summary.setPlainText("平台报告：某直播间连续三场未展示实际销售者的名称和地址。")
        clue.reporter.setText("某直播平台")
        save(clue, "1-clue.png")
        clue.reject()

        window = MainWindow(ctx, authority)
        window.resize(1366, 740)

        # 2. the case window: 基本信息 with the 办案操作 menu above, then 管辖
        investigating = by_status(ctx, CaseStatus.INVESTIGATING)
        case_window = window.open_case(investigating)
        case_window.tabs.setCurrentIndex(0)
        save(case_window, "2-case.png", 0.6)
        case_window.tabs.setCurrentWidget(case_window.jurisdiction_tab)
        save(case_window, "2-jurisdiction.png", 0.6)

        # 3. 违法行为: the provision picker finds 第58条
        violation = ViolationDialog(
            {r.role for r in cases.get_case(ctx, investigating).parties}, today
        )
        violation.ui.filterEdit.setText("58")
        save(violation, "3-violation.png")
        violation.close()

        # 4. 处罚裁量 on the concluded case: ordered to correct, it refused
        concluded = by_status(ctx, CaseStatus.CONCLUDED)
        penalty_window = window.open_case(concluded)
        penalty = penalty_window.violations_tab.assess_violation(0)
        assert penalty is not None
        penalty.correction.setCurrentIndex(penalty.correction.findData("overdue"))
        penalty.refused.setChecked(True)
        penalty.circumstance_checks["obstruction"].setChecked(True)
        penalty.proposed.setText("100000")
        save(penalty, "4-penalty.png")
        inp = penalty.penalty_input()
        case = cases.get_case(ctx, concluded)
        case.violations[0].assessment = ViolationAssessment.of(
            inp, assess(inp), "拟罚款100,000元（人民币壹拾万元整）"
        )
        penalty.reject()
        penalty_window.dirty = False
        penalty_window.close()
        cases.update_case(ctx, case)

        # 5. 送审核, then 告知: the hearing right the assessment found is ticked and locked
        workflow.apply(
            ctx,
            concluded,  # type: ignore[arg-type]
            "submit_review",
            today,
            legal_review_required=False,
            collective_discussion_required=False,
        )
        form = workflow.step_form(ctx, cases.get_case(ctx, concluded), "serve_notice")
        step = StepDialog(ctx, concluded, form)  # type: ignore[arg-type]
        assert step.findChild(QCheckBox, "hearing_right") is not None
        save(step, "5-review.png")
        step.close()

        # 6. 文书 of the sample bureau's closed case, and 打印预览 of its decision
        closed = next(
            s.id for s in cases.list_cases(ctx, limit=1000) if s.case_number == SAMPLE_CASE
        )
        closed_window = window.open_case(closed)
        tab = closed_window.documents_tab
        closed_window.tabs.setCurrentWidget(tab)
        record = next(
            d
            for d in documents.issued(ctx, closed)  # type: ignore[arg-type]
            if d.kind == "penalty_decision"
        )
        cells = tab.table
        row = next(
            r
            for r in range(cells.rowCount())
            for c in range(cells.columnCount())
            if (item := cells.item(r, c)) is not None and record.number in item.text()
        )
        tab.table.setCurrentCell(row, 0)
        save(closed_window, "6-documents.png", 0.6)
        preview = PrintPreviewDialog(
            documents.store_path(ctx, record.pdf_sha256, ".pdf"), record.title + record.number
        )
        save(preview, "6-print-preview.png", 1.0)
        preview.close()

        closed_window.close()
        case_window.dirty = False
        case_window.close()
        window.close()
        ctx.database.dispose()


if __name__ == "__main__":
    main()
