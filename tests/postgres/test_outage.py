"""A real server drops the workstation mid-work (``pg_terminate_backend``) and refuses it for
a while (the database stops accepting connections): the main window's banner says so and
retries; the case form keeps what was typed; once the server is back, saving again works."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.outage import OutageBanner
from lcregulator.persistence.database import Database
from lcregulator.services import cases, setup
from tests.fixtures import configure, make_context
from tests.gui.typing import type_text

pytestmark = pytest.mark.postgres


def test_server_cuts_the_workstation_off_banner_retries_form_kept_saved_after(
    qtbot: QtBot, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database(pg_url)
    database.upgrade()
    ctx = configure(make_context(database, tmp_path))
    authority = setup.our_authority(ctx)
    assert authority is not None
    main = MainWindow(ctx, authority)
    qtbot.addWidget(main)
    main.show()
    monkeypatch.setattr(OutageBanner, "BACKOFF_S", (0.2, 0.4))
    banner = main.watch_connection()
    window = main.new_case()
    qtbot.addWidget(window)
    try:
        type_text(qtbot, window.basic_tab.title_edit, "服务器断开时填写的案件")

        name = make_url(pg_url).database
        admin = create_engine(pg_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                {"d": name},
            )
        try:
            window.save_action.trigger()
            assert "连接中断" in window.banner.text() or "无法连接" in window.banner.text()
            assert "保留" in window.banner.text() or "没有保存" in window.banner.text()
            assert window.basic_tab.title_edit.text() == "服务器断开时填写的案件" and window.dirty
            qtbot.waitUntil(
                lambda: banner.isVisible() and "连接中断" in banner.text(), timeout=10000
            )
            qtbot.waitUntil(lambda: "第 2 次" in banner.text(), timeout=10000)  # still refused
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            admin.dispose()
        qtbot.waitUntil(lambda: "已重新连接" in banner.text(), timeout=10000)
        window.save_action.trigger()
        assert not window.dirty and window.case.id is not None
        assert cases.get_case(ctx, window.case.id).title == "服务器断开时填写的案件"
    finally:
        window.dirty = False  # a failed step must not leave a modal question at close
    window.close()
    main.close()
    database.dispose()
