"""The window at start on a real server: a refused password corrected in 数据库设置… opens it;
a database upgraded by a newer version says to upgrade this workstation."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from lcregulator.gui import app, start
from lcregulator.services.context import AppContext
from tests.gui.test_server_start import answers, click, server_start
from tests.gui.typing import type_text

pytestmark = pytest.mark.postgres
__all__ = ["server_start"]


def test_password_refused_then_corrected_in_the_settings_opens_the_window(
    qtbot: QtBot, server_start: Path, monkeypatch: pytest.MonkeyPatch, pg_url: str
) -> None:
    good = make_url(pg_url)
    wrong = good.set(password="wrong-password").render_as_string(hide_password=False)
    monkeypatch.setenv("LCREGULATOR_DATABASE_URL", wrong)
    opened: list[AppContext] = []
    monkeypatch.setattr(app, "run", lambda ctx: opened.append(ctx) or 0)
    shown: list[str] = []

    def settings(box: QWidget) -> None:
        assert box.objectName() == "serverProblemBox"
        shown.append(box.text() + box.informativeText())
        click(qtbot, box, "databaseSettings")

    def edit(dialog: QWidget) -> None:
        url = dialog.findChild(QLineEdit, "databaseUrl")
        password = dialog.findChild(QLineEdit, "databasePassword")
        assert url is not None and password is not None
        assert "wrong-password" not in url.text()
        type_text(qtbot, password, str(good.password))
        remember = dialog.findChild(QAbstractButton, "rememberPassword")
        assert remember is not None
        remember.setChecked(True)
        click(qtbot, dialog, "testConnection")
        result = dialog.findChild(QLabel, "testResult")
        assert result is not None and result.text().startswith("连接成功")
        click(qtbot, dialog, "saveAndConnect")

    answers([settings, edit])
    try:
        assert start.start_window() == 0
    finally:
        os.environ.pop("PGPASSFILE", None)
    assert "拒绝了用户名或密码" in shown[0]
    assert len(opened) == 1 and opened[0].database.is_at_head()
    opened[0].database.dispose()
    passfile = server_start / "pgpass"
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    assert passfile.read_text(encoding="utf-8").strip().endswith(":" + str(good.password))
    assert f":{good.password}@" not in (server_start / "connection.json").read_text("utf-8")


def test_a_newer_database_at_start_says_upgrade_this_workstation(
    qtbot: QtBot, server_start: Path, monkeypatch: pytest.MonkeyPatch, pg_url: str
) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('zz_from_the_future')"))
    engine.dispose()
    monkeypatch.setenv("LCREGULATOR_DATABASE_URL", pg_url)
    shown: list[str] = []

    def quit_(box: QWidget) -> None:
        shown.append(box.text() + box.informativeText())  # type: ignore[attr-defined]
        click(qtbot, box, "quit")

    answers([quit_])
    assert start.start_window() == start.DATABASE_EXIT
    assert "请先升级本工作站的 lcregulator" in shown[0]
