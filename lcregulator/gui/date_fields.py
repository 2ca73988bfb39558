"""Date fields that behave like every other field when the officer presses Tab.

Qt's date edit uses Tab to move between its year, month and day sections: an officer tabbing
through a form lands in the month of the date just passed, and what she types next overwrites
it (3月2日 became 1月2日 when she typed “15” for the next field). Here Tab leaves a date field
for the next field, like any other input; the sections stay reachable with the arrow keys and
by clicking.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget


class TabLeavesDateFields(QObject):
    """Application-wide filter: Tab / Shift+Tab in any date (time) edit moves the focus on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QDateTimeEdit)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            return QWidget.focusNextPrevChild(watched, forward)
        return False


_FILTER: TabLeavesDateFields | None = None


def install() -> None:
    """Install the filter on the running application, once (windows call this on creation)."""
    global _FILTER
    app = QApplication.instance()
    if app is None or (_FILTER is not None and _FILTER.parent() is app):
        return
    _FILTER = TabLeavesDateFields(app)
    app.installEventFilter(_FILTER)


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
