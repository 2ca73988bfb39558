"""What every case tab shares: the page base class and the read-only table they show."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from lcregulator.domain.cases import Case


class CaseTab(QWidget):
    """A tab of the case window: ``load`` shows a case, ``save`` writes the tab's edits.

    ``edited`` marks the window dirty (unsaved edits); ``changed`` says something was written
    straight to the database (evidence taken in, jurisdiction confirmed) so the timeline moves.
    """

    edited = Signal()
    changed = Signal()

    def load(self, case: Case) -> None:
        """Show ``case`` (the saved one, or the one a step returned)."""

    def save(self, draft: Case) -> None:
        """Write this tab's edits into ``draft``, the case about to be saved."""


def table(headers: list[str]) -> QTableWidget:
    """A read-only, single-row-selection table with the given column headers."""
    out = QTableWidget(0, len(headers))
    out.setHorizontalHeaderLabels(headers)
    out.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    out.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    out.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    out.verticalHeader().hide()
    out.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    out.horizontalHeader().setStretchLastSection(True)
    out.setAlternatingRowColors(True)
    return out


def button_row(buttons: Iterable[tuple[str, Callable[[], object], str]]) -> QHBoxLayout:
    """A row of push buttons (text, slot, object name) under a tab's table, left-aligned.

    ``clicked(bool)`` must not reach a slot's first argument (it once opened row 0 for
    处罚裁量), so each slot is called without arguments.
    """
    row = QHBoxLayout()
    for text, slot, name in buttons:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False, slot=slot: slot())
        row.addWidget(button)
    row.addStretch()
    return row


def fill_row(target: QTableWidget, row: int, values: list[str]) -> None:
    for column, value in enumerate(values):
        target.setItem(row, column, QTableWidgetItem(value))


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)
