"""Screens of sign-in, the lock screen, 切换执法人员, 完整性校验 and the chain banner, for review.

    Xvfb :14 -screen 0 1366x768x24 &
    DISPLAY=:14 .venv/bin/python tools/screenshot_security.py docs/screenshots

Full-screen captures (the whole 1366×768 display) show what an officer sees; a throw-away data
folder holds the demo bureau (nothing touches a real database).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text


def settle(rounds: int = 40) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def screen(path: Path) -> None:
    settle()
    shot = QApplication.primaryScreen().grabWindow(0)
    shot.save(str(path))
    print(path, shot.width(), "x", shot.height())


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LCREGULATOR_HOME"] = str(Path(tmp) / "home")
        os.environ.pop("LCREGULATOR_DATABASE_URL", None)
        from lcregulator.cli.framework import open_context
        from lcregulator.gui.app import application
        from lcregulator.gui.integrity_dialog import IntegrityDialog
        from lcregulator.gui.main_window import MainWindow
        from lcregulator.gui.sign_in import LockScreen, OfficerSignInDialog
        from lcregulator.persistence.chain import create_triggers, drop_triggers
        from lcregulator.services import setup
        from lcregulator.services.sample_case import keep

        application()
        ctx = open_context(create=True)
        kept = keep(ctx, Path(tmp) / "out")
        passwords = {o.name: o.password for o in kept.officers}
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        officers = setup.list_officers(ctx, authority.id)

        # 1. sign-in at start, after a wrong password
        dialog = OfficerSignInDialog(authority, officers, ctx=ctx)
        dialog.ui.officerCombo.setCurrentIndex(1)
        dialog.show()
        dialog.move(450, 250)
        dialog.password.setText("wrong-password")
        dialog.try_sign_in()
        dialog.password.setText("secret")
        screen(out / "sign-in-password.png")
        dialog.close()

        from lcregulator.services import auth

        zhang = next(o for o in officers if o.name == "张三")
        auth.sign_in(ctx, zhang.id, passwords["张三"])  # type: ignore[arg-type]
        window = MainWindow(ctx, authority)
        window.resize(1366, 740)
        window.move(0, 0)
        window.show()
        settle()

        # 2. 文件 → 切换执法人员: the sign-in dialog over the main window
        def capture_switch() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, OfficerSignInDialog):
                QTimer.singleShot(50, capture_switch)
                return
            modal.move(450, 250)
            modal.ui.officerCombo.setCurrentIndex(2)
            modal.password.setText("x" * 12)
            screen(out / "switch-officer.png")
            modal.reject()

        QTimer.singleShot(50, capture_switch)
        window.actions["file.switch_officer"].trigger()

        # 3. the lock screen: every window hidden behind it
        window.start_security()
        assert window.idle_lock is not None
        window.idle_lock.lock()
        lock = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LockScreen))
        lock.move(450, 260)
        lock.password.setText("wrong")
        lock.try_unlock()
        screen(out / "lock-screen.png")
        lock.password.setText(passwords["张三"])
        lock.try_unlock()
        settle()

        # 4. 完整性校验 after someone edited the timeline and a PDF behind the program's back
        with ctx.database.engine.begin() as conn:
            drop_triggers(conn)
            conn.execute(text("UPDATE event SET summary = summary || '（改）' WHERE id = 12"))
            conn.execute(text("DELETE FROM event WHERE id = 20"))
            create_triggers(conn)
        pdf = next((ctx.paths.home / "documents").glob("*/*.pdf"))
        pdf.write_bytes(pdf.read_bytes() + b"% edited\n")
        check = IntegrityDialog(ctx, window)
        check.resize(1000, 460)
        check.move(180, 150)
        check.show()
        check.start()
        while check.report is None:  # a real event loop (see operations.py on processEvents)
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        screen(out / "integrity-check.png")
        check.close()

        # 5. the start-up chain check's red banner
        window.start_chain_check()
        while window.chain_banner.isHidden():
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        screen(out / "chain-banner.png")
        window.close()
        ctx.database.dispose()
        _ = QWidget


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
