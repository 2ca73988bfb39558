"""Acting on a modal dialog opened with exec(): schedule the action before triggering it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(act: Callable[[QWidget], None], kind: type[QWidget] = QWidget) -> list[QWidget]:
    """Run ``act`` on the next modal widget of type ``kind``; returns a list it is put in."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not isinstance(dialog, kind) or dialog in seen:
            QTimer.singleShot(10, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(10, poll)
    return seen
