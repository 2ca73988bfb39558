"""The early start on the bureau's server: the sign-in dialog's facts come from psycopg alone,
equal to the repositories', and the window opens behind the dialog as on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lcregulator.gui import app, error_hook, start
from lcregulator.gui.main_window import MainWindow
from lcregulator.persistence.paths import Paths
from lcregulator.services import early_start, setup
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext
from tests.fixtures import configure
from tests.gui.test_early_start import sign_in_as, signed_in
from tests.gui.test_security_gui import PASSWORDS, with_passwords

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_home(tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    ctx = open_context(paths=Paths(tmp_path), url=pg_url)
    configure(ctx)
    with_passwords(ctx)
    ctx.database.dispose()
    monkeypatch.setenv("LCREGULATOR_HOME", str(tmp_path))
    monkeypatch.setenv("LCREGULATOR_DATABASE_URL", pg_url)
    monkeypatch.setattr(error_hook, "install", lambda: None)
    return tmp_path, pg_url


def test_the_facts_from_the_server_are_the_repositories(server_home: tuple[Path, str]) -> None:
    home, url = server_home
    facts = early_start.sign_in_facts(Paths(home))
    assert facts is not None
    ctx = open_context(paths=Paths(home), url=url)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    assert facts.authority == authority
    assert facts.officers == setup.list_officers(ctx, authority.id)
    ctx.database.dispose()


def test_a_server_refusing_the_password_takes_the_ordinary_start(
    server_home: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, url = server_home
    monkeypatch.setenv("LCREGULATOR_DATABASE_URL", url.replace(":lcregulator@", ":wrong@"))
    assert early_start.sign_in_facts(Paths(home)) is None


def test_signing_in_on_the_server(
    qtbot: QtBot, server_home: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[AppContext, MainWindow]] = []

    def show(ctx: AppContext, window: MainWindow) -> int:
        shown.append((ctx, window))
        return 0

    monkeypatch.setattr(app, "show", show)
    sign_in_as(qtbot, "王五", PASSWORDS["王五"])
    assert start.start_window() == 0
    ctx, window = shown[0]
    qtbot.addWidget(window)
    assert ctx.officer is not None and ctx.officer.name == "王五"
    assert not ctx.database.is_sqlite
    assert signed_in(ctx)[-1] == ctx.officer.id
    window.close()
    ctx.database.dispose()
