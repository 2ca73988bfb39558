"""The register as the officer types (issue 20): first page at once, the total after it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from lcregulator.gui.app import after_first_paint
from lcregulator.gui.case_table import CaseTableModel
from lcregulator.gui.main_window import MainWindow
from lcregulator.services import setup
from lcregulator.services.context import AppContext
from tests.gui.typing import type_text
from tests.persistence.test_case_search import seed


def open_register(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    authority = setup.our_authority(ctx)
    assert authority is not None
    window = MainWindow(ctx, authority)
    qtbot.addWidget(window)
    window.pages.setCurrentIndex(1)
    window.show()
    return window


def test_total_follows_the_first_page(
    qtbot: QtBot, app_configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(app_configured)
    monkeypatch.setattr(CaseTableModel, "PAGE", 2)  # three cases: more than one page
    main = open_register(qtbot, app_configured)
    qtbot.waitUntil(lambda: main.count_label.text() == "共 3 件")
    type_text(qtbot, main.search, "案")  # one character, from the grams index
    qtbot.waitUntil(lambda: main.count_label.text() == "共 3 件" and main.model.total == 3)
    main.search.clear()
    type_text(qtbot, main.search, "食品")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    assert main.model.index(0, 1).data() == "主播销售过期食品案"
    assert main.count_label.text() == "共 1 件"
    main.search.clear()  # back to the whole register: counted again, off the GUI thread
    qtbot.waitUntil(lambda: main.count_label.text() == "共 3 件")


def test_work_after_the_first_paint(qtbot: QtBot, app_configured: AppContext) -> None:
    main = open_register(qtbot, app_configured)
    called: list[str] = []
    after_first_paint(main, lambda: called.append("painted"))
    main.repaint()
    qtbot.waitUntil(lambda: called == ["painted"])
