"""Screens of the Art 9 reports feature at an office screen's 1366×768, for the README.

    Xvfb :62 -screen 0 1366x768x24 &
    DISPLAY=:62 .venv/bin/python tools/screenshot_reports.py docs/screenshots

Usually run through ``tools/screenshots.py``. Grabs the whole (virtual) screen, so a dialog is
seen over the window it belongs to. The demo data (``tools/screenshot.py``) in a throw-away data
folder, and a platform's report of 2,000 rows generated with valid check characters (the test
samples) under realistic names and live accounts; the report files are written to
``~/平台报送`` for the time of the run, as an officer would keep them, and removed afterwards.
"""

from __future__ import annotations

import datetime as dt
import shutil
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

PLATFORM, OTHER = "某直播平台", "某短视频平台"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["丽娟", "晓东", "思远", "雅琪", "俊杰", "婷婷", "志强", "梦瑶", "浩然", "欣怡", "建华"]
SHOP_WORDS = ["优选", "鲜果", "茗香", "美妆", "童趣", "家纺", "臻品", "农品", "悦享", "好物"]
SHOP_ENDS = ["汇", "坊", "家", "园", "阁", "轩", "铺", "苑"]
SHOP_KINDS = ["电子商务", "贸易", "网络科技", "商贸"]
CITIES = {"330106": "杭州", "110105": "北京", "440305": "深圳", "310104": "上海", "320106": "南京"}


def person(n: int) -> str:
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)]


def account(n: int, kind: str) -> str:
    """A live account id as platforms issue them: digits, one series per kind of row."""
    return str({"room": 61_200_000, "shop": 93_500_000, "solo": 58_800_000}[kind] + n * 7)


def realistic(row: list[str], n: int) -> list[str]:
    """Sample row ``n`` under a real-looking name and accounts (its identifiers unchanged)."""
    out = list(row)
    region = samples.PLACES[n % len(samples.PLACES)][0]
    if out[0] == "直播间运营者（已登记）" and out[1]:
        word = SHOP_WORDS[n % len(SHOP_WORDS)] + SHOP_ENDS[(n // 10) % len(SHOP_ENDS)]
        kind = SHOP_KINDS[(n // 100) % len(SHOP_KINDS)]
        out[1] = f"{CITIES[region]}{word}{kind}有限公司"
        if out[6]:
            out[6] = f"{account(n, 'room')};{account(n, 'shop')}"
    elif out[0] == "直播间运营者（未登记）" and out[1]:
        out[1] = person(n)
        if out[6]:
            out[6] = account(n, "solo")
    elif out[0] == "直播营销人员":
        out[1] = person(n) if out[1] else ""
        if out[6]:
            out[6] = account(n - 2, "room")
    return out


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(path: Path) -> None:
    settle()
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    print(path.name)


def place(widget: QWidget, x: int, y: int, w: int, h: int) -> None:
    widget.setGeometry(x, y, w, h)
    widget.show()
    widget.raise_()
    widget.activateWindow()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application()
    folder = Path.home() / "平台报送"
    made_folder = not folder.exists()
    folder.mkdir(exist_ok=True)
    written: list[Path] = []

    def report(name: str, body: list[list[str]]) -> Path:
        path = samples.write_csv(folder / name, body)
        written.append(path)
        return path

    try:
        with tempfile.TemporaryDirectory() as tmp:
            _shoot_all(out, Path(tmp), report)
    finally:
        for path in written:
            path.unlink(missing_ok=True)
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)


def _shoot_all(out: Path, tmp: Path, report: object) -> None:
    assert callable(report)
    ctx = sample(tmp / "home")
    today = ctx.today()
    for name in (PLATFORM, OTHER):
        reports.save_platform(
            ctx, reports.Platform(name, "330106", listed_since=dt.date(2026, 2, 1))
        )
    body = [realistic(r, n) for n, r in enumerate(samples.rows(2000))]
    bad = [realistic(b, 1002 + i * 3) for i, (_, b, _, _) in enumerate(samples.BAD_ROWS)]
    for i, row in enumerate(bad):
        body.insert(37 + i * 97, row)
    path = report(f"{PLATFORM}-2026年7月-身份信息报送.csv", body)

    window = ReportsWindow(ctx)
    place(window, 0, 0, 1366, 740)
    window.tabs.setCurrentWidget(window.reports)
    dialog = ImportDialog(ctx, window.reports)
    dialog.file_edit.setText(str(path))
    dialog.platform.setCurrentText(PLATFORM)
    place(dialog, 120, 70, 1120, 640)
    dialog.check()
    while dialog.worker is not None:
        settle(0.1)
    shoot(out / "reports-import-errors.png")
    reports.import_report(ctx, path, platform=PLATFORM, period="2026-07", accept_valid=True)
    older = [realistic(r, n) for n, r in enumerate(samples.rows(40))]
    older[2][4] = "浙江省杭州市余杭区五常大道9号"  # the marketer has moved since January
    reports.import_report(
        ctx,
        report(f"{PLATFORM}-2026年1月-身份信息报送.csv", older),
        platform=PLATFORM,
        period="2026-01",
    )
    reports.import_report(
        ctx,
        report(
            f"{OTHER}-2026年7月-身份信息报送.csv",
            [realistic(samples.row(2), 2), realistic(samples.row(5), 5)],
        ),
        platform=OTHER,
        period="2026-07",
    )
    dialog.close()

    window.tabs.setCurrentWidget(window.lookup)
    window.lookup.query.setText(samples.row(2)[3])  # the marketer's ID number
    window.lookup.search()
    window.lookup.only_current.setChecked(False)
    shoot(out / "reports-lookup.png")
    profile = ProfileDialog(reports.open_record(ctx, window.lookup.records[0].id), window)
    place(profile, 300, 150, 760, 460)
    shoot(out / "reports-record.png")
    profile.close()
    window.close()

    marketer = reports.party_from_record(ctx, window.lookup.records[0].id)
    room_record = next(
        r for r in reports.find(ctx, account(0, "room")) if r.type.value != "marketer"
    )
    room = reports.party_from_record(ctx, room_record.id)
    authority = setup.our_authority(ctx)
    assert authority is not None
    case = cases.create_case(
        ctx,
        Case(
            title=f"{room.name}直播间虚假宣传线索",
            source=ClueSource.COMPLAINT,
            received_on=today - dt.timedelta(days=5),
            authority_id=authority.id,  # type: ignore[arg-type]
            parties=[
                CaseParty(room.id, PartyRole.ROOM_OPERATOR),  # type: ignore[arg-type]
                CaseParty(marketer.id, PartyRole.MARKETER),  # type: ignore[arg-type]
            ],
        ),
    )
    reports.record_triple_check(
        ctx,
        case.id,  # type: ignore[arg-type]
        "platform",
        PLATFORM,
        "checked_ok",
        "已调取平台对该直播间的身份核验和巡查记录",
    )
    case_window = CaseWindow(ctx, authority, cases.get_case(ctx, case.id))  # type: ignore[arg-type]
    place(case_window, 0, 0, 1366, 740)
    case_window.tabs.setCurrentWidget(case_window.triple_check)
    case_window.triple_check.table.selectRow(1)
    shoot(out / "case-triple-check.png")
    case_window.dirty = False
    case_window.close()
    ctx.database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
