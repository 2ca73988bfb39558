"""The everyday start on a local database (issue 20): the sign-in dialog comes first, built
from what the standard library reads, while the database opens behind it; the register is
shown only to an officer whose password checks.

The window is started the way ``lcregulator`` starts it (``start.start_window()``), and the
dialog is answered with real clicks; only the final event loop is replaced (``app.show``), so
that the test gets the window instead of waiting for the officer to quit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.gui import app, error_hook, start
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.sign_in import OfficerSignInDialog
from lcregulator.persistence.paths import Paths
from lcregulator.services import cases, early_start, setup
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext
from tests.fixtures import configure
from tests.gui.modal import when_modal
from tests.gui.test_recovery_gui import press
from tests.gui.test_security_gui import PASSWORDS, with_passwords


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bureau's data folder: three officers with passwords and one case of 张三's."""
    folder = tmp_path / "home"
    ctx = open_context(paths=Paths(folder))
    configure(ctx)
    with_passwords(ctx)
    new_case(ctx, "王某直播间虚假宣传案")
    ctx.database.dispose()
    monkeypatch.setenv("LCREGULATOR_HOME", str(folder))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    monkeypatch.setattr(error_hook, "install", lambda: None)  # keep pytest-qt's own hooks
    return folder


def new_case(ctx: AppContext, title: str) -> None:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    cases.create_case(
        ctx,
        Case(
            title=title,
            source=ClueSource.COMPLAINT,
            received_on=ctx.today(),
            authority_id=authority.id,
            officer_ids=[o.id for o in setup.list_officers(ctx, authority.id)][:2],  # type: ignore[misc]
        ),
    )


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[AppContext, MainWindow]]:
    """What the start-up hands to its event loop (instead of running it)."""
    windows: list[tuple[AppContext, MainWindow]] = []

    def show(ctx: AppContext, window: MainWindow) -> int:
        windows.append((ctx, window))
        window.show()
        return 0

    monkeypatch.setattr(app, "show", show)
    return windows


def sign_in_as(qtbot: QtBot, name: str, *passwords: str) -> list[str]:
    """Choose ``name`` in the sign-in dialog and try each password in turn with 登录; returns
    the error line after each try but the last."""
    errors: list[str] = []

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, OfficerSignInDialog)
        combo = widget.ui.officerCombo
        combo.setCurrentIndex(next(i for i in range(combo.count()) if name in combo.itemText(i)))
        login = widget.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        for i, password in enumerate(passwords):
            widget.password.setText(password)
            qtbot.mouseClick(login, Qt.MouseButton.LeftButton)
            if i < len(passwords) - 1:
                errors.append(widget.error.text())

    when_modal(answer, OfficerSignInDialog)
    return errors


def close(window: MainWindow, ctx: AppContext) -> None:
    window.close()
    ctx.database.dispose()


def test_the_dialog_comes_first_and_the_register_after_the_password(
    qtbot: QtBot, home: Path, shown: list[tuple[AppContext, MainWindow]]
) -> None:
    sign_in_as(qtbot, "李四", PASSWORDS["李四"])
    assert start.start_window() == 0
    ctx, window = shown[0]
    qtbot.addWidget(window)
    assert ctx.officer is not None and ctx.officer.name == "李四"
    # built before the officer was known, then told who signed in
    assert "李四" in window.officer_label.text()
    assert "李四，您好" in window.start_page.greeting.text()
    assert window.model.rowCount() == 1
    assert signed_in(ctx) == [1, ctx.officer.id]  # the set-up's administrator, then 李四
    # the register was read before 李四 signed in: a case a colleague added meanwhile shows
    # once the window is on screen
    colleague = open_context(paths=Paths(home))
    colleague.officer = ctx.officer
    new_case(colleague, "李某直播间未明码标价案")
    colleague.database.dispose()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    close(window, ctx)


def signed_in(ctx: AppContext) -> list[int]:
    """Who the timeline records as having signed in."""
    with ctx.database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT officer_id FROM event WHERE action = 'officer.signed_in' ORDER BY id"
        )
        return [int(r[0]) for r in rows]


def test_a_wrong_password_is_counted_and_shows_nothing(
    qtbot: QtBot, home: Path, shown: list[tuple[AppContext, MainWindow]]
) -> None:
    errors = sign_in_as(qtbot, "王五", "not-the-password", PASSWORDS["王五"])
    assert start.start_window() == 0
    assert errors == ["密码错误（再错4次将锁定15分钟）。"]
    ctx, window = shown[0]
    qtbot.addWidget(window)
    assert ctx.officer is not None and ctx.officer.name == "王五"
    close(window, ctx)


def test_cancelling_the_sign_in_opens_nothing(
    qtbot: QtBot, home: Path, shown: list[tuple[AppContext, MainWindow]]
) -> None:
    def cancel(widget: QWidget) -> None:
        assert isinstance(widget, OfficerSignInDialog)
        button = widget.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(cancel, OfficerSignInDialog)
    assert start.start_window() == 0
    assert shown == []
    ctx = open_context(paths=Paths(home))
    assert signed_in(ctx) == [1]  # only the set-up's own sign-in; nobody signed in now
    ctx.database.dispose()


def test_a_database_that_fails_to_open_behind_the_dialog_is_explained(
    qtbot: QtBot,
    home: Path,
    shown: list[tuple[AppContext, MainWindow]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The facts read fine, but opening fails (here: the disk went read-only meanwhile)."""
    from lcregulator.services import bootstrap

    def refuse(**_: object) -> AppContext:
        raise read_only(home)

    monkeypatch.setattr(bootstrap, "open_context", refuse)
    sign_in_as(qtbot, "张三", PASSWORDS["张三"])
    explained = quit_at_the_explanation(qtbot)
    assert start.start_window() == start.DATABASE_EXIT
    assert shown == []
    assert "无法写入" in explained[0]


def read_only(home: Path) -> early_start.DatabaseProblem:
    """The problem a disk gone read-only raises."""
    from lcregulator.persistence.health import Problem

    return early_start.DatabaseProblem(
        Problem.READ_ONLY, f"数据库文件 {home} 无法写入（只读）。", str(home)
    )


def quit_at_the_explanation(qtbot: QtBot) -> list[str]:
    """Answer the next explanation box with 退出; returns what it explained."""
    explained: list[str] = []

    def quit_box(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        explained.append(widget.informativeText())
        press(qtbot, widget, "退出")

    when_modal(quit_box, QMessageBox)
    return explained


def test_the_dialog_shows_the_repositories_own_facts(home: Path) -> None:
    """Read with the standard library (what is imported before the dialog paints is checked
    in a fresh interpreter by tests/test_start_up_imports.py), yet equal to the services'."""
    facts = early_start.sign_in_facts(Paths(home))
    assert facts is not None
    ctx = open_context(paths=Paths(home))
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    assert facts.authority == authority
    assert facts.officers == setup.list_officers(ctx, authority.id)
    ctx.database.dispose()


def test_the_next_start_preselects_who_signed_in_last(
    qtbot: QtBot, home: Path, shown: list[tuple[AppContext, MainWindow]]
) -> None:
    sign_in_as(qtbot, "王五", PASSWORDS["王五"])
    assert start.start_window() == 0
    ctx, window = shown[0]
    qtbot.addWidget(window)
    close(window, ctx)
    preselected: list[str] = []

    def look_then_cancel(widget: QWidget) -> None:
        assert isinstance(widget, OfficerSignInDialog)
        preselected.append(widget.ui.officerCombo.currentText())
        cancel = widget.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    when_modal(look_then_cancel, OfficerSignInDialog)
    assert start.start_window() == 0
    assert preselected[0].startswith("王五")
    # an unreadable note of it only means nobody is preselected
    Paths(home).workstation_settings.write_text("{not json", encoding="utf-8")
    assert early_start.last_officer(Paths(home)) is None


def test_a_database_problem_after_signing_in_is_explained(
    qtbot: QtBot,
    home: Path,
    shown: list[tuple[AppContext, MainWindow]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The register's own reads after 登录 meet a problem (here: the disk went read-only)."""

    def refuse(window: MainWindow) -> None:
        raise read_only(home)

    monkeypatch.setattr(MainWindow, "officer_signed_in", refuse)
    sign_in_as(qtbot, "张三", PASSWORDS["张三"])
    explained = quit_at_the_explanation(qtbot)
    assert start.start_window() == start.DATABASE_EXIT
    assert shown == []
    assert "无法写入" in explained[0]


def test_an_empty_password_is_asked_for_not_counted(
    qtbot: QtBot, home: Path, shown: list[tuple[AppContext, MainWindow]]
) -> None:
    errors = sign_in_as(qtbot, "李四", "", PASSWORDS["李四"])
    assert start.start_window() == 0
    assert errors == ["请输入密码。"]
    ctx, window = shown[0]
    qtbot.addWidget(window)
    with ctx.database.engine.connect() as conn:
        failed = conn.exec_driver_sql(
            "SELECT failed_attempts FROM officer_credential WHERE officer_id = 2"
        ).scalar_one()
    assert failed == 0
    close(window, ctx)


def test_an_unexpected_failure_behind_the_dialog_is_reported_once(
    qtbot: QtBot,
    home: Path,
    shown: list[tuple[AppContext, MainWindow]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not a database problem: raised out of the start-up, as the ordinary start raises it
    (the command line reports it with a reference number), not again at every 登录."""
    from lcregulator.services import bootstrap

    def broken(**_: object) -> AppContext:
        raise RuntimeError("broken installation")

    monkeypatch.setattr(bootstrap, "open_context", broken)
    sign_in_as(qtbot, "张三", PASSWORDS["张三"])
    with pytest.raises(RuntimeError, match="broken installation"):
        start.start_window()
    assert shown == []
