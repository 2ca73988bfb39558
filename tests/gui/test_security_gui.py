"""Signing in, the idle lock, 切换执法人员, 完整性校验 and the start-up chain banner, pressed and
typed as an officer does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from lcregulator.gui.integrity_dialog import IntegrityDialog
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.sign_in import LockScreen, OfficerSignInDialog
from lcregulator.persistence.chain import create_triggers, drop_triggers
from lcregulator.services import auth, setup
from lcregulator.services.context import AppContext
from tests.fixtures import as_officer
from tests.gui.modal import when_modal
from tests.gui.typing import type_text

PASSWORDS = {"张三": "Zhang-2026-pw", "李四": "Li-2026-pw", "王五": "Wang-2026-pw"}


def with_passwords(ctx: AppContext) -> None:
    as_officer(ctx, "张三")  # the administrator sets everyone's password
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    for officer in setup.list_officers(ctx, authority.id):
        assert officer.id is not None
        auth.set_password(ctx, officer.id, PASSWORDS[officer.name], must_change=False)


def main_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    authority = setup.our_authority(ctx)
    assert authority is not None
    window = MainWindow(ctx, authority)
    qtbot.addWidget(window)
    window.show()
    return window


def ok_button(dialog: OfficerSignInDialog) -> QWidget:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def test_wrong_password_keeps_the_dialog_and_the_right_one_signs_in(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    with_passwords(app_configured)
    app_configured.officer = None
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    dialog = OfficerSignInDialog(
        authority, setup.list_officers(app_configured, authority.id), ctx=app_configured
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.officerCombo.setCurrentIndex(1)  # 李四
    type_text(qtbot, dialog.password, "not-my-password")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "密码错误（再错4次将锁定15分钟）" in dialog.error.text()
    assert dialog.password.text() == "" and app_configured.officer is None
    type_text(qtbot, dialog.password, PASSWORDS["李四"])
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert app_configured.officer is not None and app_configured.officer.name == "李四"


def test_a_reset_password_must_be_changed_at_sign_in(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    with_passwords(app_configured)
    li = as_officer(app_configured, "李四")
    as_officer(app_configured, "张三")
    auth.set_password(app_configured, li.id, "Reset-by-admin")  # type: ignore[arg-type]
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    dialog = OfficerSignInDialog(
        authority, setup.list_officers(app_configured, authority.id), ctx=app_configured
    )
    qtbot.addWidget(dialog)
    dialog.ui.officerCombo.setCurrentIndex(1)
    type_text(qtbot, dialog.password, "Reset-by-admin")

    def change(box: QWidget) -> None:
        type_text(qtbot, box.new, "Li-own-2026")  # type: ignore[attr-defined]
        type_text(qtbot, box.again, "Li-own-2026")  # type: ignore[attr-defined]
        box.try_change()  # type: ignore[attr-defined]

    when_modal(change)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert app_configured.officer is not None and app_configured.officer.name == "李四"
    assert not auth.must_change_password(app_configured, li.id)  # type: ignore[arg-type]
    assert auth.check_password(app_configured, li.id, "Li-own-2026")  # type: ignore[arg-type]


def _lock_screen() -> LockScreen | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, LockScreen) and widget.isVisible():
            return widget
    return None


def test_idle_lock_hides_the_windows_and_asks_the_password_again(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    with_passwords(app_configured)
    as_officer(app_configured, "张三")
    window = main_window(qtbot, app_configured)
    lock = window.start_security(interval_ms=300)
    qtbot.waitUntil(lambda: _lock_screen() is not None, timeout=5000)
    screen = _lock_screen()
    assert screen is not None and not window.isVisible()
    assert "张三" in screen.prompt.text()
    type_text(qtbot, screen.password, "wrong-one")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked and "密码错误" in screen.error.text()
    type_text(qtbot, screen.password, PASSWORDS["张三"])
    with qtbot.waitSignal(lock.unlocked):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.isVisible() and not lock.is_locked
    lock.stop()  # no second lock while the test ends


def test_switch_officer_signs_in_someone_else_without_restarting(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    with_passwords(app_configured)
    as_officer(app_configured, "张三")
    window = main_window(qtbot, app_configured)
    assert "张三（承办人、管理员）" in window.officer_label.text()

    def sign_in_as_wang(dialog: QWidget) -> None:
        assert isinstance(dialog, OfficerSignInDialog)
        dialog.ui.officerCombo.setCurrentIndex(2)
        type_text(qtbot, dialog.password, PASSWORDS["王五"])
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    when_modal(sign_in_as_wang, OfficerSignInDialog)
    window.actions["file.switch_officer"].trigger()
    assert app_configured.officer is not None and app_configured.officer.name == "王五"
    assert "王五（负责人）" in window.officer_label.text()


def test_integrity_check_runs_off_the_ui_thread_and_lists_problems(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    as_officer(app_configured, "张三")
    window = main_window(qtbot, app_configured)
    window.actions["tools.integrity"].trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, IntegrityDialog) and w.isVisible()
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report is not None and dialog.report.ok
    assert "校验通过" in dialog.summary.text()
    with app_configured.database.engine.begin() as conn:
        drop_triggers(conn)
        conn.execute(text("UPDATE event SET summary = '改写' WHERE id = 2"))
        create_triggers(conn)
    dialog.report = None
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert "发现 1 处问题" in dialog.summary.text()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "2"
    assert "内容已被改动" in dialog.table.item(0, 2).text()


def test_a_broken_chain_shows_a_red_banner_at_start(
    qtbot: QtBot, app_configured: AppContext
) -> None:
    as_officer(app_configured, "张三")
    with app_configured.database.engine.begin() as conn:
        drop_triggers(conn)
        conn.execute(text("DELETE FROM event WHERE id = 2"))
        create_triggers(conn)
    window = main_window(qtbot, app_configured)
    assert window.chain_banner.isHidden()
    window.start_chain_check()
    qtbot.waitUntil(lambda: not window.chain_banner.isHidden(), timeout=20000)
    assert "时间线完整性校验未通过" in window.chain_banner.text()
    assert "事件 #3" in window.chain_banner.text() and "缺少 1 条事件" in window.chain_banner.text()
