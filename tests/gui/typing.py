"""Typing as an officer does: Latin characters as key presses, Chinese through the input method.

QTest's keyClicks aborts on characters outside Latin-1; on a real workstation Chinese text
arrives as an input-method commit, so that is what these helpers send.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    run = ""
    for ch in text:
        if ord(ch) < 128:
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)
