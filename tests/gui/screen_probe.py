"""Opens every dialog and window on the screen Qt was started with and reports what overflows.

Run as ``python -m tests.gui.screen_probe`` with ``QT_QPA_PLATFORM=offscreen:configfile=…``
(a 1366×768 screen) and optionally ``QT_SCALE_FACTOR=1.25``; prints one JSON object: the
available geometry and, per window, its size and the buttons lying outside the screen. A
QApplication reads its screen once per process, hence a process per screen.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

TITLE_BAR = 32


def outside(window: QWidget, room: QRect) -> list[str]:
    """Texts of the visible buttons of ``window`` not wholly inside ``room``."""
    bad = []
    frame = window.frameGeometry()
    # offscreen windows have no frame: leave room for a window manager's title bar
    if frame.width() > room.width() or frame.height() + TITLE_BAR > room.height():
        bad.append(f"window {frame.width()}×{frame.height()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.text():
            continue
        top_left = button.mapToGlobal(QPoint(0, 0))
        rect = QRect(top_left, button.size())
        # a button scrolled out of view inside a scroll area is reachable; only those in the
        # window's own layout (or visible part) must be on screen
        if _in_scroll_area(button):
            continue
        if not room.contains(rect):
            bad.append(button.text())
    return bad


def _in_scroll_area(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def windows(ctx: object) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """Every dialog and window an officer opens, built on a case that has what each needs."""
    from lcregulator.domain.cases import Violation
    from lcregulator.domain.parties import PartyKind
    from lcregulator.gui.case_window import CaseWindow
    from lcregulator.gui.documents_tab import IssueDialog
    from lcregulator.gui.penalty_dialog import PenaltyDialog
    from lcregulator.gui.summons_dialog import SummonsDialog
    from lcregulator.services import cases, setup
    from tests.documents.test_numbering import a_case
    from tests.gui.screen_extra import more_windows

    authority = setup.our_authority(ctx)  # type: ignore[arg-type]
    case = cases.get_case(ctx, a_case(ctx))  # type: ignore[arg-type]
    violation = Violation(
        provision_id="M60/price-marking",
        facts="未明码标价。",
        act_start=dt.date(2026, 2, 20),
    )
    yield (
        "处罚裁量",
        lambda: PenaltyDialog(
            violation, PartyKind.ORGANIZATION, dt.date(2026, 3, 2), dt.date(2026, 11, 20)
        ),
    )
    yield "出具文书", lambda: IssueDialog(ctx, case)  # type: ignore[arg-type]
    party = _a_party(ctx)
    yield "约谈", lambda: SummonsDialog(ctx, party)  # type: ignore[arg-type]
    yield "案件", lambda: CaseWindow(ctx, authority, case)  # type: ignore[arg-type]
    yield from more_windows(ctx, case)


def _a_party(ctx: object) -> object:
    from lcregulator.domain.parties import Party, PartyKind, PartyRole, Place
    from lcregulator.services import parties
    from tests.samples import USCC_PLATFORM

    return parties.save_party(
        ctx,  # type: ignore[arg-type]
        Party(
            PartyKind.ORGANIZATION,
            "滨江某直播平台有限公司",
            {PartyRole.PLATFORM_OPERATOR},
            uscc=USCC_PLATFORM,
            domicile=Place("330108", "网商路1号"),
            registered=True,
        ),
    )


def _finish_operations() -> None:
    """Let work a window started off the UI thread (a document preview) finish, in a real event
    loop: PySide6 corrupts reference counts when processEvents() is called in a loop while a
    Python thread runs (see gui/operations.py)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from lcregulator.gui import operations

    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)  # what processEvents() did: show, lay out, paint
    loop.exec()
    while operations.running():
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def main() -> int:
    from lcregulator.persistence.database import Database
    from tests.fixtures import configure, make_context

    app = QApplication.instance() or QApplication(sys.argv)
    room = app.primaryScreen().availableGeometry()
    report: dict[str, object] = {"screen": [room.width(), room.height()], "windows": {}}
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp, 'probe.sqlite3').as_posix()}")
        db.upgrade()
        ctx = configure(make_context(db, Path(tmp)))
        for name, build in windows(ctx):
            window = build()
            window.show()
            window.move(room.topLeft())
            _finish_operations()
            report["windows"][name] = {  # type: ignore[index]
                "size": [window.frameGeometry().width(), window.frameGeometry().height()],
                "outside": outside(window, room),
            }
            if hasattr(window, "dirty"):
                window.dirty = False  # type: ignore[attr-defined]
            window.close()
            window.deleteLater()
            _finish_operations()
        db.dispose()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
