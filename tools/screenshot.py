"""The README's window pictures, taken from the real application on the demo data at 1366×768.

    Xvfb :62 -screen 0 1366x768x24 &
    DISPLAY=:62 .venv/bin/python tools/screenshot.py docs/screenshots

Usually run through ``tools/screenshots.py``, which makes every picture. The data folder is a
throw-away one holding the sample bureau of ``lcregulator demo --keep`` (杭州市西湖区市场监督管理局,
its officers, the 好物严选 case with every document, the referral, the summons) and the
first-run wizard's stage cases, loaded unmarked and numbered after the bureau's own, so that the
register shows a case at every stage. Windows open at the size they get on that screen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lcregulator.domain.cases import CaseStatus, Clue, ClueSource  # noqa: E402
from lcregulator.services import cases, demo, evidence, sample_case, setup  # noqa: E402
from lcregulator.services.bootstrap import Paths, open_context  # noqa: E402
from lcregulator.services.context import AppContext  # noqa: E402

SAMPLE_CASE = "杭西市监立〔2026〕15号"  # the 好物严选 case: every document, closed
#: the sample bureau's own 立案编号 by filing date; the stage cases are numbered around them
SAMPLE_NUMBERS = {dt.date(2026, 3, 9): 15, dt.date(2026, 5, 8): 21, dt.date(2026, 5, 22): 23}


def stage_numbers(today: dt.date) -> dict[dt.date, int]:
    """立案编号 for the stage cases in filing order, after the sample bureau's number of the
    same or an earlier day and before its next one (one gap-free-looking register)."""
    filed = sorted(today - dt.timedelta(days=d[1]) for d in demo._DAYS_AGO.values() if d[1])
    numbers: dict[dt.date, int] = {}
    last = 0
    for day in sorted({*filed, *SAMPLE_NUMBERS}):
        if day in SAMPLE_NUMBERS:
            last = max(last, SAMPLE_NUMBERS[day])
        if day in filed:
            last += 1
            numbers[day] = last
    assert not set(numbers.values()) & set(SAMPLE_NUMBERS.values())
    return numbers


def sample(home: Path) -> AppContext:
    """The demo data in a fresh data folder, signed in as 张三 (承办人 and administrator)."""
    home.mkdir(parents=True, exist_ok=True)
    ctx = open_context(paths=Paths(home), url=f"sqlite:///{(home / 'db.sqlite3').as_posix()}")
    sample_case.keep(ctx, home / "demo-documents")
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    ctx.officer = next(o for o in setup.list_officers(ctx, authority.id) if o.name == "张三")
    today = ctx.today()
    demo.load_demo(ctx, mark="", number_for=stage_numbers(today).__getitem__)
    for days, source, text, who in (
        (
            3,
            ClueSource.PLATFORM_REPORT,
            "平台报告：某直播间连续三场未展示实际销售者信息。",
            "某直播平台",
        ),
        (2, ClueSource.COMPLAINT, "消费者投诉：直播间宣称“全网最低价”，实际高于日常售价。", "李某"),
        (1, ClueSource.REPORT, "举报：主播在直播中称普通面霜“七天祛斑”。", "王某"),
    ):
        cases.register_clue(ctx, Clue(source, today - dt.timedelta(days=days), text, reporter=who))
    # the case under investigation has its evidence: a replay and the product page
    investigating = by_status(ctx, CaseStatus.INVESTIGATING)
    folder = home / "证据"
    folder.mkdir(exist_ok=True)
    for name, size, url in (
        ("优品汇直播间直播回放.mp4", 2_400_000, "https://live.example.cn/replay/youpinhui"),
        ("商品详情页截图.png", 380_000, "https://shop.example.cn/item/20260930"),
        ("平台导出销售记录.xlsx", 52_000, "https://platform.example.cn/export/youpinhui"),
    ):
        path = folder / name
        path.write_bytes(hashlib.sha256(name.encode()).digest() * (size // 32))
        evidence.add_evidence_file(ctx, investigating, path, source_url=url)  # type: ignore[arg-type]
    return ctx


def settle(seconds: float = 0.4) -> None:
    """Let windows lay out and paint in a real event loop (see gui/operations.py on why not
    processEvents() in a loop: previews are drawn on worker threads)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path, wait: float = 0.4) -> None:
    widget.show()
    widget.raise_()
    settle(wait)
    widget.grab().save(str(path))
    print(path.name, widget.width(), "x", widget.height())


def screen(path: Path, wait: float = 0.4) -> None:
    """The whole (virtual) screen: a dialog seen over the window it belongs to."""
    settle(wait)
    shot = QApplication.primaryScreen().grabWindow(0)
    shot.save(str(path))
    print(path.name, shot.width(), "x", shot.height())


def full_screen(widget: QWidget) -> None:
    """As a maximised window on the 1366×768 screen (Xvfb has no window manager to do it)."""
    area = QApplication.primaryScreen().availableGeometry()
    widget.setGeometry(area)


def pdf_page(pdf: Path, page: int, path: Path, dpi: int = 80) -> None:
    """One page of a PDF the program wrote, as the officer sees it on screen."""
    stem = path.with_suffix("")
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), *pages, "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    print(path.name, "from", pdf.name, "page", page)


def by_status(ctx: AppContext, status: CaseStatus) -> int:
    return next(s.id for s in cases.list_cases(ctx, limit=1000) if s.status is status)


def main(out: Path) -> None:
    from PySide6.QtWidgets import QCheckBox

    from lcregulator.domain.assessment import ViolationAssessment
    from lcregulator.domain.penalty import assess
    from lcregulator.gui.app import application
    from lcregulator.gui.documents_tab import IssueDialog
    from lcregulator.gui.first_run import FirstRunWizard
    from lcregulator.gui.guide import GuideDialog
    from lcregulator.gui.main_window import MainWindow
    from lcregulator.gui.party_dialog import PartyDialog
    from lcregulator.gui.print_preview import PrintPreviewDialog
    from lcregulator.gui.settings_dialog import SettingsDialog
    from lcregulator.gui.violation_dialog import ViolationDialog
    from lcregulator.gui.workflow_panel import StepDialog
    from lcregulator.services import documents, parties, statistics, workflow

    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        # the first-run wizard, on its bureau page, filled in as a bureau would
        wizard_ctx = open_context(
            paths=Paths(Path(tmp) / "w"), url=f"sqlite:///{Path(tmp) / 'w.sqlite3'}"
        )
        wizard = FirstRunWizard(wizard_ctx)
        wizard.show()
        settle(0.2)
        wizard.next()
        wizard.name.setText("杭州市西湖区市场监督管理局")
        wizard.short_name.setText("杭西市监")
        wizard.region.setText("330106")
        wizard.address.setText("杭州市西湖区文三路100号")
        wizard.phone.setText("0571-87000000")
        save(wizard, out / "first-run.png")
        wizard.close()
        wizard_ctx.database.dispose()

        ctx = sample(Path(tmp) / "home")
        authority = setup.our_authority(ctx)
        assert authority is not None
        window = MainWindow(ctx, authority)
        full_screen(window)
        window.show()
        window.pages.setCurrentWidget(window.register_page)
        save(window, out / "main-window.png")
        window.pages.setCurrentWidget(window.start_page)
        save(window, out / "start-page.png")
        window.pages.setCurrentWidget(window.clue_page)
        save(window, out / "clue-register.png")
        window.pages.setCurrentWidget(window.due_page)
        window.due_page.days.setValue(30)
        save(window, out / "due-page.png")

        # 统计报表 for this year (the Measures are in force from 2026-02-01)
        stats = window.stats_page
        window.pages.setCurrentWidget(stats)
        stats.kind.setCurrentIndex(stats.kind.findData("year"))
        stats.year.setValue(ctx.today().year)
        stats.refresh()
        save(window, out / "statistics-page.png", 0.8)
        listed = stats.show_cases("cases.filed")
        assert listed is not None
        listed.move(300, 160)
        screen(out / "statistics-cases.png", 0.8)
        listed.close()
        start, end = stats.period()
        report = Path(tmp) / "统计报表.pdf"
        statistics.write_report(ctx, statistics.statistics(ctx, start, end), report)
        pdf_page(report, 1, out / "statistics-report.png", dpi=60)

        # the case window of the case under investigation (a room operator and its marketer)
        investigating = by_status(ctx, CaseStatus.INVESTIGATING)
        case_window = window.open_case(investigating)
        full_screen(case_window)
        for name, page in {
            "parties": case_window.parties_tab,
            "violations": case_window.violations_tab,
            "evidence": case_window.evidence_tab,
            "jurisdiction": case_window.jurisdiction_tab,
        }.items():
            case_window.tabs.setCurrentWidget(page)
            save(case_window, out / f"case-{name}.png")
        # the deadlines of a decision served a week ago: payment, publicity, remedies
        served_window = window.open_case(by_status(ctx, CaseStatus.SERVED))
        full_screen(served_window)
        served_window.tabs.setCurrentWidget(served_window.deadlines_tab)
        save(served_window, out / "case-deadlines.png")
        served_window.close()
        # the timeline of the sample bureau's closed case: every step and document, by whom
        closed = next(
            s.id for s in cases.list_cases(ctx, limit=1000) if s.case_number == SAMPLE_CASE
        )
        closed_window = window.open_case(closed)
        full_screen(closed_window)
        closed_window.tabs.setCurrentWidget(closed_window.timeline_tab)
        save(closed_window, out / "case-timeline.png")
        closed_window.close()

        host = parties.search_parties(ctx, "主播陈某")[0]
        party_dialog = PartyDialog(ctx, host)
        party_dialog.ui.tabs.setCurrentIndex(1)
        save(party_dialog, out / "party-dialog.png")
        party_dialog.close()

        violation = ViolationDialog(
            {r.role for r in cases.get_case(ctx, investigating).parties}, ctx.today()
        )
        violation.ui.filterEdit.setText("第60条")
        save(violation, out / "violation-dialog.png")
        violation.close()

        # 处罚裁量 on the concluded case (an agency that did not check its marketers, Art 64):
        # ordered to correct, the period ran out, it refused, and it obstructed the inquiry
        concluded = by_status(ctx, CaseStatus.CONCLUDED)
        penalty_window = window.open_case(concluded)
        penalty = penalty_window.violations_tab.assess_violation(0)
        assert penalty is not None
        penalty.correction.setCurrentIndex(penalty.correction.findData("overdue"))
        penalty.refused.setChecked(True)
        penalty.circumstance_checks["obstruction"].setChecked(True)
        penalty.proposed.setText("100000")
        save(penalty, out / "penalty-dialog.png")
        # saved as the dialog saves it; then 送审核 and the 告知 step form it locks
        inp = penalty.penalty_input()
        result = assess(inp)
        case = cases.get_case(ctx, concluded)
        case.violations[0].assessment = ViolationAssessment.of(
            inp, result, "拟罚款100,000元（人民币壹拾万元整）"
        )
        penalty.reject()
        penalty_window.dirty = False
        penalty_window.close()
        cases.update_case(ctx, case)
        workflow.apply(
            ctx,
            concluded,  # type: ignore[arg-type]
            "submit_review",
            ctx.today(),
            legal_review_required=False,
            collective_discussion_required=False,
        )
        case = cases.get_case(ctx, concluded)
        form = workflow.step_form(ctx, case, "serve_notice")
        step = StepDialog(ctx, concluded, form)  # type: ignore[arg-type]
        box = step.findChild(QCheckBox, "hearing_right")
        assert box is not None and box.isChecked() and not box.isEnabled()
        save(step, out / "step-serve-notice.png")
        step.close()

        # 出具文书 on the case under investigation: an 询问通知书 with its preview
        issue = IssueDialog(ctx, cases.get_case(ctx, investigating))
        issue.kind.setCurrentIndex(issue.kind.findData("inquiry_notice"))
        when = ctx.today() + dt.timedelta(days=3)
        for key, value in {
            "time": f"{when.year}年{when.month}月{when.day}日上午9时30分",
            "place": "杭州市西湖区文三路100号本局执法大队301室",
            "materials": "营业执照副本复印件、法定代表人身份证明、直播回放及销售记录",
        }.items():
            if key in issue.inputs:
                issue.inputs[key].setText(value)
                issue.inputs[key].setCursorPosition(0)
        issue.preview()
        save(issue, out / "issue-dialog.png", 3.0)
        issue.close()

        # 打印预览 of the sample bureau's 行政处罚决定书, page 2, zoomed in
        decided = next(
            d
            for s in cases.list_cases(ctx, limit=1000)
            if s.case_number == SAMPLE_CASE
            for d in documents.issued(ctx, s.id)  # type: ignore[arg-type]
            if d.kind == "penalty_decision"
        )
        preview = PrintPreviewDialog(
            documents.store_path(ctx, decided.pdf_sha256, ".pdf"), decided.title + decided.number
        )
        preview.show()
        settle(1.0)
        preview.zoom_in.click()  # + from 适合宽度
        settle(0.5)
        preview.go_to_page(1)
        save(preview, out / "print-preview.png", 1.0)
        preview.close()

        viewer = window.show_statute(47)
        save(viewer, out / "statute-viewer.png")
        viewer.close()

        settings = SettingsDialog(ctx)
        tabs = settings.ui.tabs
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "文书设置"))
        save(settings, out / "settings.png")
        settings.close()

        guide = GuideDialog()
        save(guide, out / "guide.png")
        guide.close()

        case_window.dirty = False
        case_window.close()
        window.close()
        ctx.database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
