"""Screens of the Art 9 reports feature at an office screen's 1366×768, for the README.

    Xvfb :22 -screen 0 1366x768x24 &  DISPLAY=:22 .venv/bin/python tools/screenshot_reports.py docs/screenshots

Grabs the whole (virtual) screen, so a dialog is seen over the window it belongs to. Uses a
throw-away data folder with the demo cases and a generated platform report.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lcregulator.domain.cases import Case, CaseParty, ClueSource
from lcregulator.domain.parties import PartyRole
from lcregulator.gui.app import application
from lcregulator.gui.case_window import CaseWindow
from lcregulator.gui.reports_window import ImportDialog, ProfileDialog, ReportsWindow
from lcregulator.services import cases, setup
from lcregulator.services import platform_reports as reports
from tests import report_samples as samples
from tools.screenshot import sample


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(path: Path) -> None:
    settle()
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    print(path)


def place(widget: QWidget, x: int, y: int, w: int, h: int) -> None:
    widget.setGeometry(x, y, w, h)
    widget.show()
    widget.raise_()
    widget.activateWindow()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        ctx = sample(home / "home")
        reports.save_platform(
            ctx, reports.Platform("抖音", "110105", listed_since=dt.date(2026, 1, 1))
        )
        reports.save_platform(
            ctx, reports.Platform("快手", "110108", listed_since=dt.date(2026, 1, 1))
        )
        body = list(samples.rows(2000))
        bad = [b for _, b, _, _ in samples.BAD_ROWS]
        for i, row in enumerate(bad):
            body.insert(37 + i * 97, row)
        path = samples.write_csv(home / "抖音-2026年7月-身份信息报送.csv", body)

        window = ReportsWindow(ctx)
        place(window, 0, 0, 1366, 740)
        window.tabs.setCurrentWidget(window.reports)
        dialog = ImportDialog(ctx, window.reports)
        dialog.file_edit.setText(str(path))
        dialog.platform.setCurrentText("抖音")
        place(dialog, 120, 70, 1120, 640)
        dialog.check()
        while dialog.worker is not None:
            settle(0.1)
        shoot(out / "reports-import-errors.png")
        reports.import_report(ctx, path, platform="抖音", period="2026-07", accept_valid=True)
        older = list(samples.rows(40))
        older[2][4] = "浙江省杭州市余杭区五常大道9号"
        reports.import_report(
            ctx,
            samples.write_csv(home / "抖音-2026年1月.csv", older),
            platform="抖音",
            period="2026-01",
        )
        reports.import_report(
            ctx,
            samples.write_csv(home / "快手-2026年7月.csv", [samples.row(2), samples.row(5)]),
            platform="快手",
            period="2026-07",
        )
        dialog.close()

        window.tabs.setCurrentWidget(window.lookup)
        window.lookup.query.setText(samples.row(2)[3])
        window.lookup.search()
        window.lookup.only_current.setChecked(False)
        shoot(out / "reports-lookup.png")
        profile = ProfileDialog(reports.open_record(ctx, window.lookup.records[0].id), window)
        place(profile, 300, 150, 760, 460)
        shoot(out / "reports-record.png")
        profile.close()
        window.close()

        marketer = reports.party_from_record(ctx, window.lookup.records[0].id)
        room_record = next(r for r in reports.find(ctx, "room0") if r.type.value != "marketer")
        room = reports.party_from_record(ctx, room_record.id)
        authority = setup.our_authority(ctx)
        assert authority is not None
        case = cases.create_case(
            ctx,
            Case(
                title="某电子商务有限公司0直播间虚假宣传案",
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 11, 2),
                authority_id=authority.id,  # type: ignore[arg-type]
                parties=[
                    CaseParty(room.id, PartyRole.ROOM_OPERATOR),  # type: ignore[arg-type]
                    CaseParty(marketer.id, PartyRole.MARKETER),  # type: ignore[arg-type]
                ],
            ),
        )
        reports.record_triple_check(
            ctx,
            case.id,
            "platform",
            "抖音",
            "checked_ok",
            "已调取平台对该直播间的身份核验和巡查记录",  # type: ignore[arg-type]
        )
        case_window = CaseWindow(ctx, authority, cases.get_case(ctx, case.id))  # type: ignore[arg-type]
        place(case_window, 0, 0, 1366, 740)
        case_window.tabs.setCurrentWidget(case_window.triple_check)
        case_window.triple_check.table.selectRow(1)
        shoot(out / "case-triple-check.png")
        case_window.dirty = False
        case_window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
